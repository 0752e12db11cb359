// Package dublin determines which Member State is responsible for an application for
// international protection under Regulation (EU) No 604/2013 (Dublin III) and computes the
// time limits of the take charge and take back procedures.
//
// This file set is the pure core: the case file of format dublin-case/v1 (Case, Decode,
// Validate), the criteria engine of Chapter III (Articles 7 to 15 with Article 3(2)), the
// procedure timers of Articles 21 to 25, 28 and 29 with Article 5(2) of Regulation (EC)
// No 1560/2003, the cessation rules of Article 19, and the determination (Determine). It has
// no clock, no database and no HTTP: the day on which procedural questions are answered is
// the case's as_of date, so the CLI, the API and the deadline jobs get the same answer.
//
// Invariants: criteria are applied in the order of the Regulation and the first that
// applies wins (Art 7(1)); facts are taken as they stood when the first application was
// lodged (Art 7(2)); Articles 16 and 17 are discretionary and never exercised here; every
// answer carries a reasoning trail naming each criterion tried.
package dublin
