package solidarity

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// mayHandleTransfer reports whether p organises a transfer between from and to: either
// state's reception coordinators, EUAA (which with IOM speeds up transfers: COM(2022) 740),
// or a job.
func mayHandleTransfer(p authz.Principal, from, to string) bool {
	if p.Kind == authz.KindSystem || isEUAA(p) {
		return true
	}
	return p.Can(authz.PermSolidarityCandidates) && (p.Org == from || p.Org == to)
}

// ScheduleTransfer plans the transfer of an accepted household on a date.
func (s *Service) ScheduleTransfer(ctx context.Context, candidateID, on string) (Transfer, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermSolidarityRead); err != nil {
		return Transfer{}, err
	}
	var v errs.Validation
	checkDate(&v, "on", on)
	if err := v.Err(); err != nil {
		return Transfer{}, err
	}
	if _, err := s.visibleCandidate(ctx, s.db.Reader(), candidateID); err != nil {
		return Transfer{}, err
	}
	var t Transfer
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		c, err := candidateIn(ctx, tx, candidateID)
		if err != nil {
			return err
		}
		if !mayHandleTransfer(p, c.OwnerOrg, c.MatchedState) {
			return errs.Forbidden("solidarity: %s does not organise transfers of %s", p.Org, c.Ref)
		}
		if c.Step != StepAccepted {
			return errs.Conflict("solidarity: candidate %s is %s; only a household accepted by the receiving state is transferred", c.Ref, c.Step)
		}
		if on < c.StepOn {
			return errs.Field("on", "before the acceptance on "+c.StepOn)
		}
		open, err := listTransfers(ctx, tx, TransferFilter{Status: TransferScheduled})
		if err != nil {
			return err
		}
		for _, o := range open {
			if o.CandidateID == c.ID {
				return errs.Conflict("solidarity: transfer %s of %s is already scheduled", o.ID, c.Ref)
			}
		}
		now := sqldb.UTC(s.clock.Now())
		t = Transfer{ID: newID(), CycleID: c.CycleID, CandidateID: c.ID, CandidateRef: c.Ref, FromState: c.OwnerOrg,
			ToState: c.MatchedState, Persons: c.Size, Status: TransferScheduled, ScheduledOn: on, CreatedAt: now, UpdatedAt: now}
		if err := saveTransfer(ctx, tx, &t, true); err != nil {
			return err
		}
		return s.transferDone(ctx, tx, &t, "solidarity.transfer.schedule")
	})
	return t, err
}

// ActOnTransfer carries out, fails, cancels or reschedules a scheduled transfer. Carried
// out, the household is transferred and its persons count against the receiving state's
// pledge; failed or cancelled, the household stays accepted and may be scheduled again.
func (s *Service) ActOnTransfer(ctx context.Context, id string, a TransferAction) (Transfer, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermSolidarityRead); err != nil {
		return Transfer{}, err
	}
	if err := a.Validate(); err != nil {
		return Transfer{}, fmt.Errorf("solidarity: transfer: %w", err)
	}
	var t Transfer
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if t, err = getTransfer(ctx, tx, id); err != nil {
			return err
		}
		if !mayHandleTransfer(p, t.FromState, t.ToState) {
			return errs.NotFound("solidarity transfer %s not found", id)
		}
		if err := t.apply(a); err != nil {
			return err
		}
		t.UpdatedAt = sqldb.UTC(s.clock.Now())
		if err := saveTransfer(ctx, tx, &t, false); err != nil {
			return err
		}
		if t.Status == TransferCarriedOut {
			c, err := getCandidate(ctx, tx, t.CandidateID)
			if err != nil {
				return err
			}
			if err := s.step(ctx, tx, &c, StepInput{Step: StepTransferred, On: a.On, Note: "transfer " + t.ID}); err != nil {
				return err
			}
		}
		return s.transferDone(ctx, tx, &t, "solidarity.transfer."+a.Action)
	})
	return t, err
}

// transferDone audits the change and tells the other state.
func (s *Service) transferDone(ctx context.Context, tx *sql.Tx, t *Transfer, action string) error {
	err := s.audit.Record(ctx, tx, audit.Event{Action: action, ObjectType: "solidarity_transfer", ObjectID: t.ID, OwnerOrg: t.FromState,
		Detail: map[string]any{"status": t.Status, "to": t.ToState, "persons": t.Persons}})
	if err != nil {
		return err
	}
	other := t.ToState
	if authz.FromContext(ctx).Org == t.ToState {
		other = t.FromState
	}
	title := fmt.Sprintf("Relocation transfer %s %s -> %s: %s (%s)", t.CandidateRef, t.FromState, t.ToState, t.Status, t.ScheduledOn)
	return s.outbox.Notify(ctx, tx, TopicTransfer, other, t.ID, title, "/solidarity/transfers",
		map[string]any{"transfer": t.ID, "status": t.Status, "from": t.FromState, "to": t.ToState, "persons": t.Persons,
			"scheduled_on": t.ScheduledOn, "carried_out_on": t.CarriedOutOn})
}

// Transfers lists the transfer board: coordinators see every transfer, a state those from
// or to it, others none. Rows carry the reference, states, persons and dates only.
func (s *Service) Transfers(ctx context.Context, f TransferFilter) ([]Transfer, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermSolidarityRead); err != nil {
		return nil, err
	}
	switch {
	case isCoordinator(p):
	case p.Can(authz.PermSolidarityCandidates):
		f.state = p.Org
	default:
		return nil, nil
	}
	return listTransfers(ctx, s.db.Reader(), f)
}
