// Package tp is the temporary protection registration platform: Member States register
// people displaced from Ukraine under Directive 2001/55/EC and Council Implementing ReviewDecision
// (EU) 2022/382, check every registration in real time against the other states'
// registrations through the identity index, review possible matches, and deregister people
// who leave, return home or obtain another status.
//
// Aggregates: a Registration (the person, the ground of eligibility, household, address,
// residence permit, rights taken up, status) with its history of transitions; a MatchReview (a
// pair of registrations of two states that the identity engine found alike).
//
// Invariants:
//   - a registration belongs to the state that made it (owner_org); other states learn only
//     minimal hit data (state, registration date, status, permit validity, probability and
//     the field-by-field explanation), never the record;
//   - status moves registered -> active -> deregistered -> registered again, and every move
//     is a HistoryEvent with its date, reason and actor;
//   - a pair decided "different persons" never comes back; "same person" links the two
//     registrations and asks the state of the earlier registration to deregister it (no
//     double benefits: rights and the permit come from one state at a time, Commission
//     guidelines C(2022) 1806);
//   - deregistered registrations are erased after the retention period (12 months by
//     default, GDPR Art 5(1)(e)) unless a legal hold applies; counts survive the erasure.
//
// The types the API exposes carry distinctive names (PersonRecord, MatchReview,
// CrossStateHit, ...) rather than short ones (Person, Review, Hit): the OpenAPI document
// names each schema after its Go type without the package, so two modules' "Person" types
// would collide there.
package tp
