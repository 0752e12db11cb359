package tp

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/google/uuid"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// SeedRow is one registration of a demo population: the state that registers it, the
// input, and optionally a deregistration already recorded.
type SeedRow struct {
	State          string
	Input          RegistrationInput
	DeregisteredOn string
	Reason         Reason
}

// seedBatch is the number of rows per transaction when seeding.
const seedBatch = 5000

// Seed loads a demo population fast: rows of all states in large transactions, each row
// validated, stored with its history and checked across states (duplicates seeded in two
// states open reviews), one audit entry per batch. It does nothing when registrations
// exist, so seeding is idempotent. next returns false at the end.
func (s *Service) Seed(ctx context.Context, next func() (SeedRow, bool, error), progress func(done int)) (int, error) {
	if err := authz.Require(authz.FromContext(ctx), authz.PermTPWrite); err != nil {
		return 0, err
	}
	var exists int
	if err := s.db.Reader().QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM tp_registrations LIMIT 1) t`).Scan(&exists); err != nil {
		return 0, fmt.Errorf("tp: seed: %w", err)
	}
	if exists > 0 {
		return 0, nil
	}
	total := 0
	for {
		batch := make([]SeedRow, 0, seedBatch)
		for len(batch) < seedBatch {
			row, ok, err := next()
			if err != nil {
				return total, err
			}
			if !ok {
				break
			}
			batch = append(batch, row)
		}
		if len(batch) == 0 {
			return total, nil
		}
		n, err := s.seedBatch(ctx, batch)
		total += n
		if err != nil {
			return total, err
		}
		if progress != nil {
			progress(total)
		}
	}
}

func (s *Service) seedBatch(ctx context.Context, batch []SeedRow) (int, error) {
	if err := s.lock(ctx); err != nil {
		return 0, err
	}
	defer s.unlock()
	var added []string
	drop := func() {
		for _, id := range added {
			s.index.Remove(id)
		}
		added = added[:0]
	}
	today := s.today()
	skipped := map[string]int{}
	err := s.db.Tx(ctx, func(stx *sql.Tx) error {
		tx := newTxn(stx)
		drop() // a retried transaction starts again
		clear(skipped)
		for _, row := range batch {
			fr := fileRow{in: row.Input}
			prepareImported(&fr, row.State)
			if err := fr.in.Validate(row.State, today); err != nil {
				if e, ok := errs.As(err); ok && len(e.Fields) > 0 {
					skipped[e.Fields[0].Field]++
				}
				continue
			}
			r, err := s.seedRow(ctx, tx, row, fr.in)
			if err != nil {
				return err
			}
			// Indexed at once so duplicates within the batch find each other.
			s.index.Add(toRecord(&r))
			added = append(added, r.ID)
		}
		if err := tx.flush(ctx); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx.Tx, audit.Event{Action: "tp.demo.seed", ObjectType: "tp_registration",
			OwnerOrg: "", Detail: map[string]any{"registrations": len(added)}})
	})
	if err != nil {
		drop()
		return 0, fmt.Errorf("tp: seed: %w", err)
	}
	if len(skipped) > 0 {
		s.log.Info("tp: seed skipped invalid rows", "by_first_field", skipped)
	}
	return len(added), nil
}

func (s *Service) seedRow(ctx context.Context, tx *txn, row SeedRow, in RegistrationInput) (Registration, error) {
	now := s.clock.Now().UTC()
	r := Registration{ID: uuid.Must(uuid.NewV7()).String(), State: row.State, Status: StatusRegistered, RegistrationInput: in,
		Version: 1, CreatedAt: now, UpdatedAt: now}
	if r.Permit.IssuedOn != "" {
		r.Status = StatusActive
	}
	if row.DeregisteredOn != "" {
		r.Status, r.DeregisteredOn, r.DeregReason = StatusDeregistered, row.DeregisteredOn, row.Reason
	}
	actor := authz.FromContext(ctx).ID
	events := [][]any{s.eventRow(&r, EventRegistered, "", r.RegisteredOn, string(r.Ground), actor)}
	if r.Status == StatusDeregistered {
		events = append(events, s.eventRow(&r, EventDeregistered, StatusActive, r.DeregisteredOn, string(r.DeregReason), actor))
	}
	tx.queue(&r, events...)
	_, err := s.crossCheck(ctx, tx, &r)
	return r, err
}
