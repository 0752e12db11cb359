package tp

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/ceas-eu/ceas/internal/identity"
	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// MatchReview statuses.
const (
	ReviewOpen      = "open"
	ReviewSame      = "same_person"
	ReviewDifferent = "different_persons"
)

// MatchReview is a possible multiple registration as one of the two states sees it: its own
// registration and only the minimal data of the other state's.
type MatchReview struct {
	ID                string                     `json:"id"`
	Outcome           string                     `json:"outcome"`
	Probability       float64                    `json:"probability"`
	Explanation       []identity.FieldComparison `json:"explanation"`
	Status            string                     `json:"status"`
	Reason            string                     `json:"reason,omitempty"`
	DecidedBy         string                     `json:"decided_by,omitempty"`
	DecidedOrg        string                     `json:"decided_org,omitempty"`
	DecidedAt         *time.Time                 `json:"decided_at,omitempty"`
	CreatedAt         time.Time                  `json:"created_at"`
	Registration      string                     `json:"registration_id"`
	OtherState        string                     `json:"other_state"`
	OtherRegisteredOn string                     `json:"other_registered_on"`
	OtherStatus       Status                     `json:"other_status"`
	OtherPermitUntil  string                     `json:"other_permit_valid_until,omitempty"`
	// ConfirmState is asked to deregister ConfirmRegistration (its own id only when the
	// caller is that state) by ConfirmDue after a "same person" decision.
	ConfirmState        string `json:"confirm_state,omitempty"`
	ConfirmRegistration string `json:"confirm_registration_id,omitempty"`
	ConfirmDue          string `json:"confirm_due,omitempty"`
	ConfirmedOn         string `json:"confirmed_on,omitempty"`
}

// reviewRow is a stored review with both sides.
type reviewRow struct {
	id, regA, orgA, regB, orgB, outcome, expl, status, reason, decidedBy, decidedOrg string
	confirmReg, confirmOrg, confirmDue, confirmedOn                                  string
	probability                                                                      float64
	decidedAt                                                                        sql.NullTime
	createdAt                                                                        time.Time
}

const reviewColumns = `id, reg_a, org_a, reg_b, org_b, outcome, explanation, status, reason, decided_by, decided_org,
	confirm_reg, confirm_org, confirm_due, confirmed_on, probability, decided_at, created_at`

func scanReview(sc interface{ Scan(...any) error }) (reviewRow, error) {
	var v reviewRow
	err := sc.Scan(&v.id, &v.regA, &v.orgA, &v.regB, &v.orgB, &v.outcome, &v.expl, &v.status, &v.reason,
		&v.decidedBy, &v.decidedOrg, &v.confirmReg, &v.confirmOrg, &v.confirmDue, &v.confirmedOn, &v.probability,
		&v.decidedAt, &v.createdAt)
	return v, err
}

func getReview(ctx context.Context, q sqldb.Querier, id string) (reviewRow, error) {
	v, err := scanReview(q.QueryRowContext(ctx, `SELECT `+reviewColumns+` FROM tp_reviews WHERE id = $1`, id))
	if sqldb.IsNoRows(err) {
		return v, errs.NotFound("review not found")
	}
	if err != nil {
		return v, fmt.Errorf("tp: get review %s: %w", id, err)
	}
	return v, nil
}

func reviewOfPair(ctx context.Context, q sqldb.Querier, a, b string) (id, status string, err error) {
	err = q.QueryRowContext(ctx, `SELECT id, status FROM tp_reviews WHERE pair_key = $1`, pairKey(a, b)).Scan(&id, &status)
	if sqldb.IsNoRows(err) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("tp: review of pair: %w", err)
	}
	return id, status, nil
}

// sides returns the caller's registration and the other one of the pair; ok is false when
// the caller's state is not party to the review.
func (v reviewRow) sides(org string) (mine, other, otherOrg string, ok bool) {
	switch org {
	case v.orgA:
		return v.regA, v.regB, v.orgB, true
	case v.orgB:
		return v.regB, v.regA, v.orgA, true
	}
	return "", "", "", false
}

// view builds the review as org may see it, reading the other side's minimal data.
func (v reviewRow) view(ctx context.Context, q sqldb.Querier, org string) (MatchReview, error) {
	mine, other, otherOrg, _ := v.sides(org)
	rv := MatchReview{ID: v.id, Outcome: v.outcome, Probability: v.probability, Status: v.status, Reason: v.reason,
		DecidedBy: v.decidedBy, DecidedOrg: v.decidedOrg, CreatedAt: v.createdAt.UTC(), Registration: mine,
		OtherState: otherOrg, ConfirmState: v.confirmOrg, ConfirmDue: v.confirmDue, ConfirmedOn: v.confirmedOn}
	if v.confirmOrg == org {
		rv.ConfirmRegistration = v.confirmReg
	}
	if v.decidedAt.Valid {
		t := v.decidedAt.Time.UTC()
		rv.DecidedAt = &t
	}
	if err := json.Unmarshal([]byte(v.expl), &rv.Explanation); err != nil {
		return rv, fmt.Errorf("tp: decode explanation of %s: %w", v.id, err)
	}
	err := q.QueryRowContext(ctx, `SELECT registered_on, status, permit_until FROM tp_registrations WHERE id = $1`, other).
		Scan(&rv.OtherRegisteredOn, &rv.OtherStatus, &rv.OtherPermitUntil)
	if err != nil && !sqldb.IsNoRows(err) {
		return rv, fmt.Errorf("tp: read other side of %s: %w", v.id, err)
	}
	return rv, nil
}

// ListReviews returns the caller's state's reviews with the given status (open when
// empty), newest first, paged by the review id.
func (s *Service) ListReviews(ctx context.Context, status, cursor string, limit int) ([]MatchReview, string, error) {
	p, err := callerState(ctx, authz.PermTPRead)
	if err != nil {
		return nil, "", err
	}
	if status == "" {
		status = ReviewOpen
	}
	if status != ReviewOpen && status != ReviewSame && status != ReviewDifferent {
		return nil, "", errs.Field("query.status", "must be open, same_person or different_persons")
	}
	limit = clampLimit(limit)
	if cursor == "" {
		cursor = "~"
	}
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT `+reviewColumns+` FROM tp_reviews
		WHERE (org_a = $1 OR org_b = $1) AND status = $2 AND id < $3 ORDER BY id DESC LIMIT $4`,
		p.Org, status, cursor, limit+1)
	if err != nil {
		return nil, "", fmt.Errorf("tp: list reviews: %w", err)
	}
	var raw []reviewRow
	for rows.Next() {
		v, err := scanReview(rows)
		if err != nil {
			rows.Close()
			return nil, "", fmt.Errorf("tp: scan review: %w", err)
		}
		raw = append(raw, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	next := ""
	if len(raw) > limit {
		raw, next = raw[:limit], raw[limit-1].id
	}
	out := make([]MatchReview, 0, len(raw))
	for _, v := range raw {
		rv, err := v.view(ctx, s.db.Reader(), p.Org)
		if err != nil {
			return nil, "", err
		}
		out = append(out, rv)
	}
	return out, next, nil
}

// GetReview returns one review of the caller's state; the read is audited.
func (s *Service) GetReview(ctx context.Context, id string) (MatchReview, error) {
	ctx = withPurpose(ctx, "review of a multiple registration")
	p, err := callerState(ctx, authz.PermTPRead)
	if err != nil {
		return MatchReview{}, err
	}
	v, err := getReview(ctx, s.db.Reader(), id)
	if err != nil {
		return MatchReview{}, err
	}
	if _, _, _, ok := v.sides(p.Org); !ok {
		return MatchReview{}, errs.NotFound("review not found")
	}
	rv, err := v.view(ctx, s.db.Reader(), p.Org)
	if err != nil {
		return rv, err
	}
	return rv, s.audit.RecordNow(ctx, audit.Event{Action: "tp.review.read", ObjectType: "tp_review", ObjectID: id, OwnerOrg: p.Org})
}

// links lists the other states' registrations decided to be the same person as id.
func (s *Service) links(ctx context.Context, q sqldb.Querier, id string) ([]CrossStateLink, error) {
	rows, err := q.QueryContext(ctx, `SELECT r.id, o.owner_org, o.registered_on, o.status FROM tp_reviews r
		JOIN tp_registrations o ON o.id = CASE WHEN r.reg_a = $1 THEN r.reg_b ELSE r.reg_a END
		WHERE (r.reg_a = $1 OR r.reg_b = $1) AND r.status = 'same_person' ORDER BY r.id`, id)
	if err != nil {
		return nil, fmt.Errorf("tp: links of %s: %w", id, err)
	}
	defer rows.Close()
	out := []CrossStateLink{}
	for rows.Next() {
		var l CrossStateLink
		if err := rows.Scan(&l.ReviewID, &l.State, &l.RegisteredOn, &l.Status); err != nil {
			return nil, fmt.Errorf("tp: scan link: %w", err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

func clampLimit(n int) int {
	if n <= 0 {
		return 50
	}
	return min(n, 500)
}
