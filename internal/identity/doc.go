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
//     pairs, m and the number of matches per record estimated by expectation-maximisation
//     on the candidate pairs (no labels). The prior of a pair is over all pairs of the
//     population (matches per record / (N-1)), which keeps EM consistent with random-pair
//     u and makes a query against millions demand more evidence than one against
//     thousands. Name agreement is adjusted by frequency (of the full name when both
//     names agree: surname and given name pools are not independent).
//   - decide: probability above Config.MatchThreshold is a match, above ReviewThreshold a
//     possible match for a human, below a non-match. Some pairs are vetoed (at most a
//     possible match, and held at posterior 0 in EM): two different known given names
//     (twins, siblings, a child on a parent's passport), and, when no document agrees,
//     a different given name with a different date (a family), dates three or more years
//     apart, or two full dates that differ beyond any keying error.
//   - cluster: pairs join persons greedily, best first, refusing a merge that would put two
//     strongly disagreeing records in one person.
//
// Index answers one record against everything indexed for the registers; Dedupe runs a
// whole batch. The package imports no database and no HTTP.
package identity
