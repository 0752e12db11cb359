package tp

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// ReviewDecision is an officer's adjudication of a review.
type ReviewDecision struct {
	Decision string `json:"decision" enum:"same_person,different_persons" doc:"same_person or different_persons."`
	Reason   string `json:"reason,omitempty" maxLength:"1000" doc:"Required for different_persons."`
}

// JobConfirmReminder is the job kind that reminds a state to confirm a deregistration.
const JobConfirmReminder = "tp.deregistration.reminder"

// Decide records the caller's state's decision on an open review. "different_persons" is
// remembered so the pair never comes back. "same_person" links the registrations and starts
// the no-double-benefit workflow: the state of the earlier registration still in force is
// asked to confirm its deregistration by a deadline, with reminders (Commission guidelines
// C(2022) 1806: rights come from one state at a time).
func (s *Service) Decide(ctx context.Context, id string, d ReviewDecision) (MatchReview, error) {
	ctx = withPurpose(ctx, "review of a multiple registration")
	p, err := callerState(ctx, authz.PermTPReview)
	if err != nil {
		return MatchReview{}, err
	}
	d.Reason = strings.TrimSpace(d.Reason)
	var v errs.Validation
	v.Check(d.Decision == ReviewSame || d.Decision == ReviewDifferent, "decision", "must be same_person or different_persons")
	v.Check(d.Decision != ReviewDifferent || d.Reason != "", "reason", "is required when the persons are different")
	if err := v.Err(); err != nil {
		return MatchReview{}, err
	}
	var out MatchReview
	err = s.db.Tx(ctx, func(stx *sql.Tx) error {
		tx := newTxn(stx)
		rv, err := getReview(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, _, _, ok := rv.sides(p.Org); !ok {
			return errs.NotFound("review not found")
		}
		if rv.status != ReviewOpen {
			return errs.Conflict("review %s was already decided: %s", id, rv.status)
		}
		if err := s.decide(ctx, tx, p, &rv, d); err != nil {
			return err
		}
		out, err = rv.view(ctx, tx, p.Org)
		return err
	})
	if err != nil {
		return MatchReview{}, fmt.Errorf("tp: decide review %s: %w", id, err)
	}
	return out, nil
}

func (s *Service) decide(ctx context.Context, tx *txn, p authz.Principal, rv *reviewRow, d ReviewDecision) error {
	now := sqldb.UTC(s.clock.Now())
	rv.status, rv.reason, rv.decidedBy, rv.decidedOrg = d.Decision, d.Reason, p.ID, p.Org
	rv.decidedAt = sql.NullTime{Time: now, Valid: true}
	if d.Decision == ReviewSame {
		if err := s.link(ctx, tx, p, rv); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `UPDATE tp_reviews SET status = $1, reason = $2, decided_by = $3, decided_org = $4,
		decided_at = $5, confirm_reg = $6, confirm_org = $7, confirm_due = $8 WHERE id = $9`,
		rv.status, rv.reason, rv.decidedBy, rv.decidedOrg, now, rv.confirmReg, rv.confirmOrg, rv.confirmDue, rv.id)
	if err != nil {
		return fmt.Errorf("tp: store decision: %w", err)
	}
	for _, org := range []string{rv.orgA, rv.orgB} {
		mine, _, other, _ := rv.sides(org)
		payload := map[string]any{"review_id": rv.id, "registration_id": mine, "decision": d.Decision, "other_state": other}
		err := s.outbox.Notify(ctx, tx.Tx, TopicReviewDecided, org, mine, "MatchReview decided by "+p.Org+": "+d.Decision,
			"/tp/reviews/"+rv.id, payload)
		if err != nil {
			return err
		}
	}
	return s.audit.Record(ctx, tx.Tx, audit.Event{Action: "tp.review.decide", ObjectType: "tp_review", ObjectID: rv.id,
		OwnerOrg: p.Org, Detail: map[string]any{"decision": d.Decision, "reason": d.Reason, "registrations": []string{rv.regA, rv.regB}}})
}

// link records the "same person" decision in both registrations' histories and picks the
// registration whose state must end its permit and benefits: the earlier one still in force.
func (s *Service) link(ctx context.Context, tx *txn, p authz.Principal, rv *reviewRow) error {
	a, err := getRegistration(ctx, tx, rv.regA)
	if err != nil {
		return err
	}
	b, err := getRegistration(ctx, tx, rv.regB)
	if err != nil {
		return err
	}
	for _, r := range []*Registration{&a, &b} {
		if err := s.addEvent(ctx, tx, r, EventLinked, r.Status, s.today().String(), "same person as a registration of "+
			otherOf(rv, r.State)+" (review "+rv.id+")", p.ID); err != nil {
			return err
		}
	}
	target := earlierInForce(&a, &b)
	if target == nil {
		return nil
	}
	due := timelimit.AddDays(s.today(), s.cfg.ConfirmDays)
	rv.confirmReg, rv.confirmOrg, rv.confirmDue = target.ID, target.State, due.String()
	payload := map[string]any{"review_id": rv.id, "registration_id": target.ID, "due": rv.confirmDue}
	if err := s.outbox.Notify(ctx, tx.Tx, TopicDeregisterAsked, target.State, target.ID,
		"Confirm deregistration by "+rv.confirmDue+": the person is registered again in "+otherOf(rv, target.State),
		"/tp/registrations/"+target.ID, payload); err != nil {
		return err
	}
	return s.scheduleReminder(ctx, tx, rv.id, timelimit.AddDays(s.today(), min(s.cfg.ReminderDays, s.cfg.ConfirmDays)))
}

// scheduleReminder schedules the reminder of review id for day. The job key carries the
// day: the queue marks a job done after its handler returns, so a handler cannot move its
// own job; each reminder is a job of its own, and a reminder that finds the deregistration
// confirmed does nothing.
func (s *Service) scheduleReminder(ctx context.Context, tx *txn, id string, day timelimit.Date) error {
	return s.jobs.Schedule(ctx, tx.Tx, JobConfirmReminder, id+"@"+day.String(), day.Time(), map[string]string{"review_id": id})
}

func otherOf(rv *reviewRow, org string) string {
	if org == rv.orgA {
		return rv.orgB
	}
	return rv.orgA
}

// earlierInForce returns the registration whose state is asked to deregister: of those not
// yet deregistered, the one registered first (ties: the older record). Nil when at most one
// is still in force, as no double benefit remains.
func earlierInForce(a, b *Registration) *Registration {
	if a.Status == StatusDeregistered || b.Status == StatusDeregistered {
		return nil
	}
	if b.RegisteredOn < a.RegisteredOn || (b.RegisteredOn == a.RegisteredOn && b.ID < a.ID) {
		return b
	}
	return a
}

// confirmDeregistration completes every pending request to deregister r (the reminders
// still scheduled find it confirmed and do nothing) and tells the other state.
func (s *Service) confirmDeregistration(ctx context.Context, tx *txn, r *Registration) error {
	rows, err := tx.QueryContext(ctx, `SELECT `+reviewColumns+` FROM tp_reviews WHERE confirm_reg = $1 AND confirmed_on = ''`, r.ID)
	if err != nil {
		return fmt.Errorf("tp: pending confirmations of %s: %w", r.ID, err)
	}
	var pending []reviewRow
	for rows.Next() {
		v, err := scanReview(rows)
		if err != nil {
			rows.Close()
			return fmt.Errorf("tp: scan review: %w", err)
		}
		pending = append(pending, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, v := range pending {
		if _, err := tx.ExecContext(ctx, `UPDATE tp_reviews SET confirmed_on = $1 WHERE id = $2`, r.DeregisteredOn, v.id); err != nil {
			return fmt.Errorf("tp: confirm %s: %w", v.id, err)
		}
		other := otherOf(&v, r.State)
		_, otherReg, _, _ := v.sides(r.State)
		if err := s.outbox.Notify(ctx, tx.Tx, TopicDeregConfirmed, other, otherReg, r.State+" confirmed the deregistration",
			"/tp/registrations/"+otherReg, map[string]any{"review_id": v.id, "registration_id": otherReg, "on": r.DeregisteredOn}); err != nil {
			return err
		}
	}
	return nil
}
