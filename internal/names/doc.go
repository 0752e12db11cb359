// Package names normalises personal and place names so that the spellings of one name in
// different scripts and national transliteration conventions compare equal.
//
// Three layers:
//   - Clean and Fold: Unicode NFKC, case folding, punctuation and whitespace, and (Fold only)
//     diacritics removed; for display-level comparison.
//   - Keys: comparable phonetic keys. A Cyrillic name (Ukrainian, Russian, Belarusian letters)
//     has one key; a Latin name has one key per national convention that could have produced
//     it (Ukrainian passport 2010 and older, ICAO 9303, Polish, German, French, Czech, Slovak,
//     Hungarian, Romanian, Lithuanian, Latvian, Dutch, Italian, Spanish, English/BGN). Two
//     spellings of one name share at least one key.
//   - Equivalents: Russian, Ukrainian, Belarusian and Western forms of a given name
//     (Oleksandr/Aleksandr/Alexander), patronymics built on them, and exonyms of places
//     (Kyiv/Kiev/Kijów/Kiew).
//
// The conversion tables are data (tables.go, conventions.go, given.go, places.go) and each is
// tested against examples. The package is pure: no project imports, no mutable state.
package names
