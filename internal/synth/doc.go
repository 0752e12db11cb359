// Package synth generates synthetic temporary-protection registrations across the Member
// States, with exact ground truth, for tests, benchmarks and the demo (CEAS issues 3 and 4).
// Everything it produces is invented; no real person's data is used.
//
// # Model
//
// A person is the true identity: names in Cyrillic (Ukrainian, with the Russian forms a
// person may also give), sex, full date of birth, place of birth, nationality and documents
// (a foreign passport with its series, an internal passport with a Cyrillic series, an ID
// card, a birth certificate for children, a residence permit for third-country nationals).
// Persons come in units: a person alone, a mother with children, an older couple, or a
// hard-negative pair. A unit registers in one Member State drawn by StateWeights and, with
// probability Options.DuplicateRate, in one or two further states; household members share
// the route and an address in each state.
//
// The population follows the 2022 pattern: women and children are the majority (adult men
// are mostly over 60 or under 23, since men of military age could not leave), about 5% of
// adults are third-country nationals who had protection or residence in Ukraine (Council
// Implementing Decision (EU) 2022/382 Art 2(1)(b) and 2(2)), and surnames follow a skewed
// law: a few (Melnyk, Shevchenko, Bondarenko ...) are very common, then a long tail.
//
// # Variance
//
// Each registration is written as one state's officer would: the passport spelling (2010
// romanisation, or an older passport's), the MRZ (upper case, no diacritics), an ICAO Doc 9303
// or BGN/PCGN transliteration of a Cyrillic-only document, the host state's own transcription
// (convention tables in conventions.go, written for this package alone so that a benchmark of
// internal/identity is not circular), the host language's form of the given name (Aleksander,
// Alexandre), the Russian form (Aleksandr, Sergei), the Cyrillic itself (Bulgaria), Baltic
// masculine endings, the Czech -ová, feminine and masculine surname forms, maiden and married
// names, double given names in part, the patronymic where the state's form has one; then
// keyboard typos, day and month swapped, year only, 1 January defaults, missing values,
// document numbers retyped with Latin/Cyrillic look-alikes, without series or mistyped,
// exonyms for the place of birth (Kijów, Kiew, Lemberg, Kharkov), and host-state addresses.
//
// Hard negatives (Record.Hard) are different persons built to be confused: twins (same
// surname, date and place of birth, patronymic and address; documents issued one after the
// other), namesakes (a very common surname and the same birth year, often the same given
// name) and a parent with a child written into the parent's passport (same surname, same
// document number, different date of birth).
//
// # Invariants
//
//   - Generate emits exactly Options.N records, deterministically for Options.Seed.
//   - Record and person ids are keyed permutations of counters: unique, and revealing
//     neither generation order nor grouping. Records wait a random delay before output, a
//     registration in a further state much longer, so file order does not reveal persons;
//     memory is bounded by that delay, not by N.
//   - Stream order is registration order for each person: the registration in the first
//     state is emitted before those in further states, so a seeder may assign registration
//     dates that increase along the stream.
//   - A person never registers twice in one state.
//   - HardNegativeRate is held exactly (a controller, not a coin), apart from the last unit
//     trimmed to fit N.
//
// # Files (WriteDir)
//
//   - records.csv: record_id, member_state, surname, given_name, patronymic, sex,
//     date_of_birth, place_of_birth, nationality, document_type, document_number, address,
//     locality, postcode (the roles of `ceas match`); no truth.
//   - truth_pairs.csv: record_id_a, record_id_b with a < b, every pair of records of one person.
//   - persons.csv: record_id, person_id, hard.
//   - hard_pairs.csv: record_id_a, record_id_b, kind: every cross pair of a hard-negative
//     pair, which an engine must keep apart.
package synth
