package tp

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/jobs"
	"github.com/ceas-eu/ceas/internal/platform/refdata"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// JobRetention is the recurring job kind that erases expired deregistered registrations.
const JobRetention = "tp.retention"

// RegisterJobs installs the reminder handler and the daily retention erasure on q.
func (s *Service) RegisterJobs(ctx context.Context, q *jobs.Queue, every time.Duration) error {
	q.Handle(JobConfirmReminder, s.remind)
	return q.HandleRecurring(ctx, jobs.Recurring{Kind: JobRetention, Every: every}, func(ctx context.Context, _ jobs.Job) error {
		_, err := s.EraseExpired(ctx)
		return err
	})
}

// remind runs when a state has not yet confirmed a requested deregistration: before the
// deadline it reminds that state and schedules the next reminder; on or after the deadline
// it tells both states the request is overdue.
func (s *Service) remind(ctx context.Context, j jobs.Job) error {
	var pl struct {
		ReviewID string `json:"review_id"`
	}
	if err := json.Unmarshal(j.Payload, &pl); err != nil {
		return fmt.Errorf("tp: reminder payload: %w", err)
	}
	ctx = authz.WithPrincipal(ctx, authz.System(JobConfirmReminder))
	return s.db.Tx(ctx, func(stx *sql.Tx) error {
		tx := newTxn(stx)
		rv, err := getReview(ctx, tx, pl.ReviewID)
		if err != nil || rv.confirmedOn != "" || rv.confirmReg == "" {
			return nil // decided away, erased or confirmed: nothing to remind
		}
		today := s.today()
		due, err := timelimit.Parse(rv.confirmDue)
		if err != nil {
			return fmt.Errorf("tp: due date of %s: %w", rv.id, err)
		}
		payload := map[string]any{"review_id": rv.id, "registration_id": rv.confirmReg, "due": rv.confirmDue}
		if today.Before(due) {
			if err := s.outbox.Notify(ctx, tx.Tx, TopicDeregisterRemind, rv.confirmOrg, rv.confirmReg,
				"Reminder: confirm deregistration by "+rv.confirmDue, "/tp/registrations/"+rv.confirmReg, payload); err != nil {
				return err
			}
			return s.scheduleReminder(ctx, tx, rv.id, timelimit.Earliest(timelimit.AddDays(today, s.cfg.ReminderDays), due))
		}
		for _, org := range []string{rv.orgA, rv.orgB} {
			mine, _, _, _ := rv.sides(org)
			if err := s.outbox.Notify(ctx, tx.Tx, TopicDeregisterRemind, org, mine,
				"Overdue: "+rv.confirmOrg+" has not confirmed the deregistration due "+rv.confirmDue, "/tp/reviews/"+rv.id, payload); err != nil {
				return err
			}
		}
		return nil
	})
}

// EraseExpired erases the personal data of registrations deregistered longer ago than the
// retention period of their state and not under a legal hold (domain file "Retention";
// GDPR Art 5(1)(e)). The row, status, dates and reason stay for the anonymous counts. Each
// erasure is audited.
func (s *Service) EraseExpired(ctx context.Context) (int, error) {
	ctx = audit.WithPurpose(authz.WithPrincipal(ctx, authz.System(JobRetention)), "retention erasure")
	total := 0
	for _, st := range refdata.States() {
		cutoff := timelimit.AddMonths(s.today(), -s.cfg.retention(st.Code)).String()
		for {
			ids, err := s.expired(ctx, st.Code, cutoff, 500)
			if err != nil {
				return total, err
			}
			if len(ids) == 0 {
				break
			}
			for _, id := range ids {
				if err := s.erase(ctx, id, cutoff); err != nil {
					return total, err
				}
				total++
			}
		}
	}
	return total, nil
}

func (s *Service) expired(ctx context.Context, org, cutoff string, limit int) ([]string, error) {
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT id FROM tp_registrations WHERE status = 'deregistered'
		AND owner_org = $1 AND deregistered_on <> '' AND deregistered_on <= $2 AND erased_at IS NULL
		AND legal_hold = FALSE LIMIT $3`, org, cutoff, limit)
	if err != nil {
		return nil, fmt.Errorf("tp: find expired registrations: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func (s *Service) erase(ctx context.Context, id, cutoff string) error {
	if err := s.lock(ctx); err != nil {
		return err
	}
	defer s.unlock()
	err := s.db.Tx(ctx, func(stx *sql.Tx) error {
		tx := newTxn(stx)
		var org string
		if err := tx.QueryRowContext(ctx, `SELECT owner_org FROM tp_registrations WHERE id = $1`, id).Scan(&org); err != nil {
			return fmt.Errorf("tp: erase %s: %w", id, err)
		}
		_, err := tx.ExecContext(ctx, `UPDATE tp_registrations SET person = '{}', name_keys = '', date_of_birth = '',
			address = '', locality = '', postcode = '', household_head = '', relationship = '', permit = '{}',
			rights = '[]', external_id = NULL, erased_at = $1, updated_at = $1, version = version + 1
			WHERE id = $2 AND erased_at IS NULL AND deregistered_on <= $3`, sqldb.UTC(s.clock.Now()), id, cutoff)
		if err != nil {
			return fmt.Errorf("tp: erase %s: %w", id, err)
		}
		for _, q := range []string{`DELETE FROM tp_documents WHERE registration_id = $1`,
			`DELETE FROM tp_name_keys WHERE registration_id = $1`,
			`UPDATE tp_events SET reason = '' WHERE registration_id = $1`} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return fmt.Errorf("tp: erase %s: %w", id, err)
			}
		}
		return s.audit.Record(ctx, tx.Tx, audit.Event{Action: "tp.registration.erase", ObjectType: "tp_registration",
			ObjectID: id, OwnerOrg: org, Detail: map[string]any{"retention_months": s.cfg.retention(org)}})
	})
	if err == nil {
		s.index.Remove(id)
	}
	return err
}

// SetLegalHold suspends (or lifts the suspension of) the retention erasure of one of the
// caller's state's registrations, during an appeal or an investigation (domain file
// "Retention"). The change is audited with its reason.
func (s *Service) SetLegalHold(ctx context.Context, id string, hold bool, reason string) error {
	p, err := callerState(ctx, authz.PermTPWrite)
	if err != nil {
		return err
	}
	if strings.TrimSpace(reason) == "" {
		return errs.Field("reason", "is required: the appeal, investigation or decision that justifies the hold")
	}
	return s.db.Tx(ctx, func(stx *sql.Tx) error {
		tx := newTxn(stx)
		r, err := loadOwn(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE tp_registrations SET legal_hold = $1 WHERE id = $2`, hold, id); err != nil {
			return fmt.Errorf("tp: legal hold of %s: %w", id, err)
		}
		return s.audit.Record(ctx, tx.Tx, audit.Event{Action: "tp.registration.legal_hold", ObjectType: "tp_registration",
			ObjectID: id, OwnerOrg: r.State, Detail: map[string]any{"hold": hold, "reason": reason}})
	})
}
