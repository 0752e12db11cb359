// Package identity is the identity-resolution engine: given person records from any
// register and Member State it finds the records that describe the same person, scores
// each pair, explains the score field by field and groups records into persons.
//
// The pipeline (issue 3):
//   - prepare: normalise every field once (package names: keys across scripts and national
//     transliteration conventions, given-name and place equivalents; partial dates).
//   - block: several keys per record (surname with given name, surname with birth year,
//     given name with date of birth, date of birth, document number, ...); a block larger
//     than Config.MaxBlock is skipped so that a common surname costs linear, not quadratic,
//     work, because the narrower keys still bring its true pairs together.
//   - compare: each field yields a graded level (exact, same after transliteration,
//     equivalent name, Jaro-Winkler bands, swapped, contained; for dates exact, day and
//     month swapped, one digit, year only, +-1 year, 1 January default, missing).
//   - score: Fellegi-Sunter weights log2(m/u) per field and level, with u measured on random
//     pairs, m and the match prior estimated by expectation-maximisation on the candidate
//     pairs (no labels), and term-frequency adjustment of name agreement.
//   - decide: probability above Config.MatchThreshold is a match, above ReviewThreshold a
//     possible match for a human, below a non-match. Two different known given names (the
//     signature of twins) can never be a match.
//   - cluster: pairs join persons greedily, best first, refusing a merge that would put two
//     strongly disagreeing records in one person.
//
// Index answers one record against everything indexed for the registers; Dedupe runs a
// whole batch. The package imports no database and no HTTP.
package identity
