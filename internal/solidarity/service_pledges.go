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

// RecordPayment records money committed and paid on a financial pledge: pledged ->
// committed -> paid (solidarity.md §1). Amounts only grow; paid never exceeds the pledge.
func (s *Service) RecordPayment(ctx context.Context, pledgeID string, in PaymentInput) (Pledge, error) {
	return s.changePledge(ctx, pledgeID, "solidarity.pledge.payment", func(pl *Pledge) error {
		var v errs.Validation
		v.Check(pl.Form == FormFinancial, "pledge", "payments apply to financial pledges")
		v.Check(in.CommittedEUR >= 0 && in.PaidEUR >= 0, "paid_eur", "must not be negative")
		v.Check(pl.PaidEUR+in.PaidEUR <= pl.AmountEUR, "paid_eur", fmt.Sprintf("total paid would exceed the pledge of EUR %d", pl.AmountEUR))
		if err := v.Err(); err != nil {
			return err
		}
		pl.PaidEUR += in.PaidEUR
		switch {
		case pl.PaidEUR == pl.AmountEUR:
			pl.Status = PledgePaid
		case in.CommittedEUR > 0 || pl.PaidEUR > 0:
			pl.Status = PledgeCommitted
		}
		return nil
	})
}

// WithdrawPledge withdraws a pledge (a state under disproportionate pressure may withhold
// its commitment: 2022 declaration, criterion 6). Persons already transferred stay counted.
func (s *Service) WithdrawPledge(ctx context.Context, pledgeID string) (Pledge, error) {
	return s.changePledge(ctx, pledgeID, "solidarity.pledge.withdraw", func(pl *Pledge) error {
		pl.Status = PledgeWithdrawn
		return nil
	})
}

func (s *Service) changePledge(ctx context.Context, id, action string, fn func(*Pledge) error) (Pledge, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermSolidarityPledge); err != nil {
		return Pledge{}, err
	}
	var pl Pledge
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if pl, err = getPledge(ctx, tx, id); err != nil {
			return err
		}
		if !mayActFor(p, pl.State) {
			return errs.NotFound("solidarity pledge %s not found", id)
		}
		if pl.Status == PledgeWithdrawn {
			return errs.Conflict("solidarity: pledge %s was withdrawn", id)
		}
		if err := fn(&pl); err != nil {
			return err
		}
		pl.UpdatedAt = sqldb.UTC(s.clock.Now())
		if err := savePledge(ctx, tx, &pl, false); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: action, ObjectType: "solidarity_pledge", ObjectID: pl.ID, OwnerOrg: pl.State,
			Detail: map[string]any{"status": pl.Status, "paid_eur": pl.PaidEUR}})
	})
	return pl, err
}

// DeclareNeed records the relocations a beneficiary state asks for.
func (s *Service) DeclareNeed(ctx context.Context, cycleID string, n Need) (Need, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermSolidarityPledge); err != nil {
		return Need{}, err
	}
	if n.DeclaredOn == "" {
		n.DeclaredOn = s.Today()
	}
	if err := n.Validate(); err != nil {
		return Need{}, fmt.Errorf("solidarity: need: %w", err)
	}
	if !mayActFor(p, n.State) {
		return Need{}, errs.Forbidden("solidarity: %s may not declare needs of %s", p.Org, n.State)
	}
	n.ID = newID()
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		c, err := s.participantCycle(ctx, tx, cycleID, n.State)
		if err != nil {
			return err
		}
		n.CycleID = c.ID
		if err := insertNeed(ctx, tx, &n, sqldb.UTC(s.clock.Now())); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "solidarity.need.declare", ObjectType: "solidarity_need", ObjectID: n.ID,
			OwnerOrg: n.State, Detail: map[string]any{"relocations": n.Relocations}})
	})
	return n, err
}

// GrantOffset records an offset or a deduction of a state's contribution; a coordinator's
// act (the Commission assesses deductions for states under migratory pressure).
func (s *Service) GrantOffset(ctx context.Context, cycleID string, o Offset) (Offset, error) {
	if err := authz.Require(authz.FromContext(ctx), authz.PermSolidarityMatch); err != nil {
		return Offset{}, err
	}
	if o.GrantedOn == "" {
		o.GrantedOn = s.Today()
	}
	if err := o.Validate(); err != nil {
		return Offset{}, fmt.Errorf("solidarity: offset: %w", err)
	}
	o.ID = newID()
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		c, err := s.participantCycle(ctx, tx, cycleID, o.State)
		if err != nil {
			return err
		}
		o.CycleID = c.ID
		if err := insertOffset(ctx, tx, &o, sqldb.UTC(s.clock.Now())); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "solidarity.offset.grant", ObjectType: "solidarity_offset", ObjectID: o.ID,
			OwnerOrg: o.State, Detail: map[string]any{"kind": o.Kind, "relocations": o.Relocations, "amount_eur": o.AmountEUR}})
	})
	return o, err
}

// Ledger is a cycle's book: participants, pledges, needs and offsets.
type Ledger struct {
	Cycle        Cycle            `json:"cycle"`
	Participants []ParticipantRow `json:"participants"`
	Pledges      []Pledge         `json:"pledges"`
	Needs        []Need           `json:"needs"`
	Offsets      []Offset         `json:"offsets"`
}

// Ledger returns the book of a cycle; it holds no personal data.
func (s *Service) Ledger(ctx context.Context, cycleID string) (Ledger, error) {
	if err := authz.Require(authz.FromContext(ctx), authz.PermSolidarityRead); err != nil {
		return Ledger{}, err
	}
	return loadLedger(ctx, s.db.Reader(), cycleID)
}

func loadLedger(ctx context.Context, q sqldb.Querier, cycleID string) (Ledger, error) {
	var l Ledger
	var err error
	if l.Cycle, err = getCycle(ctx, q, cycleID); err != nil {
		return l, err
	}
	if l.Participants, err = listParticipants(ctx, q, l.Cycle.ID); err != nil {
		return l, err
	}
	if l.Pledges, err = listPledges(ctx, q, l.Cycle.ID); err != nil {
		return l, err
	}
	if l.Needs, err = listNeeds(ctx, q, l.Cycle.ID); err != nil {
		return l, err
	}
	l.Offsets, err = listOffsets(ctx, q, l.Cycle.ID)
	return l, err
}
