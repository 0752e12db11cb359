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
//
// Around the core, Service is the Dublin unit's tool (service*.go, *_store.go, jobs.go,
// stats.go). Aggregates: a case (dublin_cases: the case file as JSON plus indexed columns),
// owned by the state of the unit that opened it and readable by that state only; a request
// (dublin_requests), shared data that both the requesting and the requested state read,
// carrying the request, its basis and an evidence summary but never the case file; and the
// case's event log (dublin_events). Invariants: every step goes through the section 5 state
// machine (Next) on the stage the core computes from the facts as they stand today, so a
// reply after the reply period or an appeal before a transfer decision is a Conflict; the
// procedure is written into the case file's procedure object and every deadline comes from
// Determine; every change and every read is audited; jobs re-evaluate a case on the first
// day after each limit and record implicit acceptance (Arts 22(7), 25(2)), the shift of
// responsibility (Art 29(2)) and missed request periods, and remind the state that must
// act 7 days and 1 day before.
package dublin

// Conventions where the case file or the law leaves a choice (each is also stated in the
// reasoning trail when it matters):
//
//   - Optional facts that a unit records only when in doubt (written_consent,
//     family_formed_in_country_of_origin, can_take_care, used_to_enter, from_third_country)
//     count as established when absent; false excludes the criterion.
//   - A period "less than six months / two years" after expiry (Art 12(4)), the 12 months of
//     Art 13(1), the 5 months of Art 13(2) and the 3 months of Art 19(2) are Art 42 periods:
//     the boundary day still counts.
//   - Art 7(3) governs late evidence for Arts 8 and 10 (and 16) only, as its text says;
//     Art 9 applies whenever the evidence was produced.
//   - Art 3(2): when transfer to the designated state is impossible for systemic flaws, the
//     next criteria, then the first state of lodging, then the determining state.
//   - A request is received on the day it was sent when request_received_on is absent.
//   - Silence becomes acceptance once the reply period has run out, effective on its last
//     day (project convention); a reply after that day does not undo it.
//   - Detention (Art 28(3)) shortens the request, reply and transfer limits; missing the
//     request or transfer limit ends detention, and the ordinary limits still decide
//     responsibility (request_deadline_after_release, transfer_deadline_after_release).
//   - After a final refusal the requesting state is responsible (basis Art 21(1), or
//     Art 23(3) for take back) unless it can still send a new request in time (C-47/17).
//   - A take back that is accepted cites Art 18(1)(b), (c) or (d) from the status of the
//     earlier application in the requested state.
