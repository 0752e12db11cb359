package solidarity

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/google/uuid"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/outbox"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// Topics of the events the module publishes.
const (
	TopicMatched  = "solidarity.candidates.matched"
	TopicAccepted = "solidarity.candidate.accepted"
	TopicTransfer = "solidarity.transfer"
)

// Service keeps the ledger, the candidates, the matching runs and the transfers. Each
// exported method is one transaction: access check, validation, rows, audit, outbox.
//
// Aggregates and who owns them:
//   - Cycle with its ledger (participants, pledges by form, needs, offsets and deductions):
//     no personal data; states record their own pledges and needs, coordinators (EC, EUAA)
//     open cycles, record signatories and grant offsets.
//   - Candidate (a household) with its steps: personal data owned by the beneficiary state.
//     It is read by that state, by EUAA (interviews and matching, 2022 mechanism) and, once
//     matched, by the receiving state; Commission coordinators see aggregates only.
//   - Run: a matching round's pseudonymous instance, overrides and result, replayable.
//   - Transfer: states, persons and dates only, for both states and the coordinators.
//
// Invariants: steps move one at a time (or to withdrawn) with a date not before the last;
// matched comes only from an accepted run and transferred only from a transfer carried
// out; one scheduled transfer per household; a transfer carried out is deducted from the
// receiving state's pledge; simulations write nothing.
type Service struct {
	db     *sqldb.DB
	audit  *audit.Log
	outbox *outbox.Outbox
	clock  clock.Clock
	// smallCount suppresses small aggregates outside the states concerned.
	smallCount int
}

// NewService returns the service on the platform services; smallCount is the platform's
// small-count threshold for aggregates.
func NewService(db *sqldb.DB, a *audit.Log, o *outbox.Outbox, c clock.Clock, smallCount int) *Service {
	return &Service{db: db, audit: a, outbox: o, clock: c, smallCount: smallCount}
}

// Today is the civil date (UTC) of the service's clock.
func (s *Service) Today() string { return timelimit.FromTime(s.clock.Now()).String() }

func newID() string { return uuid.Must(uuid.NewV7()).String() }

// isCoordinator reports a Commission or EUAA coordinator of the mechanism (the 2022
// declaration asks the Commission to coordinate and EUAA to support matching).
func isCoordinator(p authz.Principal) bool {
	return p.Kind == authz.KindSystem || p.Can(authz.PermSolidarityMatch)
}

// mayActFor reports whether p acts for state: its own state, or a coordinator keeping the
// ledger on a state's behalf.
func mayActFor(p authz.Principal, state string) bool { return p.Org == state || isCoordinator(p) }

// CreateCycle opens a cycle (a coordinator's act: the Commission runs the Solidarity
// Platform; under the Pact the Council adopts the pool, Art 57).
func (s *Service) CreateCycle(ctx context.Context, c Cycle) (Cycle, error) {
	if err := authz.Require(authz.FromContext(ctx), authz.PermSolidarityMatch); err != nil {
		return Cycle{}, err
	}
	if c.Regime == RegimePact2024 && c.EURPerRelocation == 0 {
		c.EURPerRelocation = PactEURPerRelocation
	}
	if err := c.Validate(); err != nil {
		return Cycle{}, fmt.Errorf("solidarity: cycle: %w", err)
	}
	c.ID, c.CreatedAt = newID(), sqldb.UTC(s.clock.Now())
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := insertCycle(ctx, tx, &c); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "solidarity.cycle.create", ObjectType: "solidarity_cycle", ObjectID: c.ID,
			OwnerOrg: authz.FromContext(ctx).Org, Detail: map[string]any{"code": c.Code, "regime": c.Regime}})
	})
	return c, err
}

// Cycles lists the cycles, newest first.
func (s *Service) Cycles(ctx context.Context) ([]Cycle, error) {
	if err := authz.Require(authz.FromContext(ctx), authz.PermSolidarityRead); err != nil {
		return nil, err
	}
	return listCycles(ctx, s.db.Reader())
}

// Cycle returns one cycle by id or code.
func (s *Service) Cycle(ctx context.Context, id string) (Cycle, error) {
	if err := authz.Require(authz.FromContext(ctx), authz.PermSolidarityRead); err != nil {
		return Cycle{}, err
	}
	return getCycle(ctx, s.db.Reader(), id)
}

// Join adds a state to a cycle as contributor or beneficiary (signing the declaration). A
// state joins for itself; a coordinator records the signatories.
func (s *Service) Join(ctx context.Context, cycleID string, in ParticipantInput) error {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermSolidarityPledge); err != nil {
		return err
	}
	if in.JoinedOn == "" {
		in.JoinedOn = s.Today()
	}
	if err := in.Validate(); err != nil {
		return fmt.Errorf("solidarity: join: %w", err)
	}
	if !mayActFor(p, in.State) {
		return errs.Forbidden("solidarity: %s may not join a cycle for %s", p.Org, in.State)
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		c, err := getCycle(ctx, tx, cycleID)
		if err != nil {
			return err
		}
		if err := upsertParticipant(ctx, tx, c.ID, in); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "solidarity.participant.join", ObjectType: "solidarity_cycle",
			ObjectID: c.ID, OwnerOrg: in.State, Detail: map[string]any{"state": in.State, "role": in.Role}})
	})
}

// RecordPledge stores a pledge of a participating state. Financial pledges start pledged
// (or committed); a relocation pledge may name regions and preferences.
func (s *Service) RecordPledge(ctx context.Context, cycleID string, in PledgeInput) (Pledge, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermSolidarityPledge); err != nil {
		return Pledge{}, err
	}
	if in.PledgedOn == "" {
		in.PledgedOn = s.Today()
	}
	if err := in.Validate(); err != nil {
		return Pledge{}, fmt.Errorf("solidarity: pledge: %w", err)
	}
	if !mayActFor(p, in.State) {
		return Pledge{}, errs.Forbidden("solidarity: %s may not pledge for %s", p.Org, in.State)
	}
	now := sqldb.UTC(s.clock.Now())
	pl := Pledge{ID: newID(), State: in.State, Form: in.Form, Relocations: in.Relocations, AmountEUR: in.AmountEUR,
		Status: PledgePledged, Description: in.Description, Detail: in.Detail, Synthetic: in.Synthetic,
		PledgedOn: in.PledgedOn, CreatedAt: now, UpdatedAt: now}
	if in.Form == FormFinancial && in.Committed {
		pl.Status = PledgeCommitted
	}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		c, err := s.participantCycle(ctx, tx, cycleID, in.State)
		if err != nil {
			return err
		}
		pl.CycleID = c.ID
		if err := savePledge(ctx, tx, &pl, true); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "solidarity.pledge.create", ObjectType: "solidarity_pledge", ObjectID: pl.ID,
			OwnerOrg: pl.State, Detail: map[string]any{"form": pl.Form, "relocations": pl.Relocations, "amount_eur": pl.AmountEUR}})
	})
	return pl, err
}

// participantCycle loads the cycle and checks that state takes part in it.
func (s *Service) participantCycle(ctx context.Context, q sqldb.Querier, cycleID, state string) (Cycle, error) {
	c, err := getCycle(ctx, q, cycleID)
	if err != nil {
		return c, err
	}
	ps, err := listParticipants(ctx, q, c.ID)
	if err != nil {
		return c, err
	}
	for _, x := range ps {
		if x.State == state {
			return c, nil
		}
	}
	return c, errs.Field("state", fmt.Sprintf("%s does not take part in cycle %s", state, c.Code))
}
