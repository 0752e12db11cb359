package tp

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/google/uuid"

	"github.com/ceas-eu/ceas/internal/identity"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// Outcomes of a cross-state check.
const (
	OutcomeNoMatch       = "no_match"
	OutcomePossibleMatch = "possible_match"
	OutcomeMatch         = "match"
)

// CrossStateCheck is the answer of the real-time cross-state check of one registration.
type CrossStateCheck struct {
	Outcome string          `json:"outcome" enum:"no_match,possible_match,match"`
	Hits    []CrossStateHit `json:"hits"`
}

// CrossStateHit is what the registering state may learn of another state's registration of what may
// be the same person: the state, the registration date, the status, the permit validity,
// the probability and the field-by-field explanation. Never the record itself.
type CrossStateHit struct {
	ReviewID         string                     `json:"review_id"`
	State            string                     `json:"state"`
	RegisteredOn     string                     `json:"registered_on"`
	Status           Status                     `json:"status"`
	PermitValidUntil string                     `json:"permit_valid_until,omitempty"`
	Probability      float64                    `json:"probability"`
	Decision         string                     `json:"decision"`
	Explanation      []identity.FieldComparison `json:"explanation"`
}

// toRecord is the identity engine's view of a registration: the names as in the document,
// the Cyrillic spelling when no Latin one was given.
func toRecord(r *Registration) identity.Record {
	p := &r.Person
	rec := identity.Record{ID: r.ID, MemberState: r.State, Surname: or(p.Surname, p.SurnameCyrillic),
		GivenName: or(p.GivenName, p.GivenNameCyrillic), Patronymic: or(p.Patronymic, p.PatronymicCyrillic),
		Sex: p.Sex, DateOfBirth: p.DateOfBirth, PlaceOfBirth: p.PlaceOfBirth, Nationality: p.Nationality,
		Address: r.Address, Locality: r.Locality, Postcode: r.Postcode}
	for _, d := range p.Documents {
		rec.Documents = append(rec.Documents, identity.Document{Type: d.Type, Number: d.Number, Country: d.Country})
	}
	return rec
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// hitRow is the minimal data of another state's registration the check reads.
type hitRow struct {
	state, status, registeredOn, permitUntil string
	erased                                   bool
}

// crossCheck asks the index for r and turns the other states' candidates into hits. Pairs
// decided "different persons" are left out (they never come back); pairs already under
// review keep their review. It writes new reviews and notifies both states inside tx.
func (s *Service) crossCheck(ctx context.Context, tx *txn, r *Registration) (CrossStateCheck, error) {
	return s.checkMatches(ctx, tx, r, s.index.Query(toRecord(r), s.cfg.MaxHits))
}

// checkMatches turns the index's candidates for r into the check's hits (see crossCheck).
func (s *Service) checkMatches(ctx context.Context, tx *txn, r *Registration, matches []identity.Match) (CrossStateCheck, error) {
	check := CrossStateCheck{Outcome: OutcomeNoMatch, Hits: []CrossStateHit{}}
	for _, m := range matches {
		if m.ID == r.ID || m.Decision == identity.DecisionNonMatch {
			continue
		}
		h, ok, err := s.hit(ctx, tx, r, m)
		if err != nil {
			return check, err
		}
		if !ok {
			continue
		}
		check.Hits = append(check.Hits, h)
		if h.Decision == OutcomeMatch || check.Outcome == OutcomeNoMatch {
			check.Outcome = h.Decision
		}
	}
	return check, nil
}

func (s *Service) hit(ctx context.Context, tx *txn, r *Registration, m identity.Match) (CrossStateHit, bool, error) {
	o, ok, err := readHit(ctx, tx, m.ID)
	if err != nil || !ok || o.state == r.State || o.erased {
		return CrossStateHit{}, false, err
	}
	h := CrossStateHit{State: o.state, RegisteredOn: o.registeredOn, Status: Status(o.status), PermitValidUntil: o.permitUntil,
		Probability: m.Probability, Decision: string(m.Decision), Explanation: m.Explanation}
	if h.Explanation == nil {
		h.Explanation = []identity.FieldComparison{}
	}
	id, status, err := reviewOfPair(ctx, tx, r.ID, m.ID)
	if err != nil {
		return h, false, err
	}
	switch {
	case status == ReviewDifferent:
		return h, false, nil
	case id != "":
		h.ReviewID = id
		return h, true, nil
	}
	h.ReviewID, err = s.openReview(ctx, tx, r, m.ID, o, h)
	return h, err == nil, err
}

// readHit reads the minimal data of a candidate: from the rows the transaction has queued,
// else from the table. ok is false when it no longer exists.
func readHit(ctx context.Context, tx *txn, id string) (hitRow, bool, error) {
	if p := tx.pending[id]; p != nil {
		return hitRow{state: p.State, status: string(p.Status), registeredOn: p.RegisteredOn, permitUntil: permitUntil(p.Permit)}, true, nil
	}
	var o hitRow
	var erased sql.NullTime
	err := tx.QueryRowContext(ctx, `SELECT owner_org, status, registered_on, permit_until, erased_at
		FROM tp_registrations WHERE id = $1`, id).Scan(&o.state, &o.status, &o.registeredOn, &o.permitUntil, &erased)
	if sqldb.IsNoRows(err) {
		return o, false, nil
	}
	if err != nil {
		return o, false, fmt.Errorf("tp: read hit %s: %w", id, err)
	}
	o.erased = erased.Valid
	return o, true, nil
}

// openReview stores a new review of the pair and notifies both states (inbox and the
// webhook topic tp.match.found), each with the minimal data of the other's registration.
func (s *Service) openReview(ctx context.Context, tx *txn, r *Registration, otherID string, o hitRow, h CrossStateHit) (string, error) {
	id := uuid.Must(uuid.NewV7()).String()
	expl, _ := json.Marshal(h.Explanation)
	_, err := tx.ExecContext(ctx, `INSERT INTO tp_reviews (id, pair_key, reg_a, org_a, reg_b, org_b, outcome, probability,
		explanation, status, reason, decided_by, decided_org, confirm_reg, confirm_org, confirm_due, confirmed_on, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', '', '', '', '', '', '', '', $10)`,
		id, pairKey(r.ID, otherID), r.ID, r.State, otherID, o.state, h.Decision, h.Probability, string(expl),
		sqldb.UTC(s.clock.Now()))
	if err != nil {
		return "", fmt.Errorf("tp: open review: %w", err)
	}
	link := "/tp/reviews/" + id
	mine := MatchNotice{ReviewID: id, Registration: r.ID, OtherState: o.state, OtherRegisteredOn: o.registeredOn,
		OtherStatus: Status(o.status), OtherPermitUntil: o.permitUntil, Probability: h.Probability, Decision: h.Decision}
	theirs := MatchNotice{ReviewID: id, Registration: otherID, OtherState: r.State, OtherRegisteredOn: r.RegisteredOn,
		OtherStatus: r.Status, OtherPermitUntil: permitUntil(r.Permit), Probability: h.Probability, Decision: h.Decision}
	if err := s.outbox.Notify(ctx, tx.Tx, TopicMatchFound, r.State, r.ID, "Possible multiple registration with "+o.state, link, mine); err != nil {
		return "", err
	}
	return id, s.outbox.Notify(ctx, tx.Tx, TopicMatchFound, o.state, otherID, "Possible multiple registration with "+r.State, link, theirs)
}

// Webhook topics of the platform.
const (
	TopicMatchFound       = "tp.match.found"
	TopicReviewDecided    = "tp.review.decided"
	TopicDeregisterAsked  = "tp.deregistration.requested"
	TopicDeregisterRemind = "tp.deregistration.reminder"
	TopicDeregConfirmed   = "tp.deregistration.confirmed"
)

// MatchNotice is the payload sent to a state about one of its registrations: its own
// registration id and only the minimal data of the other state's.
type MatchNotice struct {
	ReviewID          string  `json:"review_id"`
	Registration      string  `json:"registration_id"`
	OtherState        string  `json:"other_state"`
	OtherRegisteredOn string  `json:"other_registered_on"`
	OtherStatus       Status  `json:"other_status"`
	OtherPermitUntil  string  `json:"other_permit_valid_until,omitempty"`
	Probability       float64 `json:"probability"`
	Decision          string  `json:"decision"`
}

func pairKey(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + "|" + b
}
