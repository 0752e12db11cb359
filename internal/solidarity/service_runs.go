package solidarity

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// Time limits of a run: the default and the most a coordinator may ask for.
const (
	DefaultTimeLimit = 10 * time.Second
	MaxTimeLimit     = 60 * time.Second
)

// MatchInstance optimises a relocation instance given in the exchange format and stores
// nothing: the same function as `ceas solidarity match`.
func (s *Service) MatchInstance(ctx context.Context, in *Instance, ov Overrides, limit time.Duration) (*Result, Assignment, error) {
	if err := authz.Require(authz.FromContext(ctx), authz.PermSolidarityMatch); err != nil {
		return nil, Assignment{}, err
	}
	return solve(ctx, in, ov, limit)
}

func solve(ctx context.Context, in *Instance, ov Overrides, limit time.Duration) (*Result, Assignment, error) {
	if limit <= 0 {
		limit = DefaultTimeLimit
	}
	start := time.Now()
	mctx, cancel := context.WithTimeout(ctx, min(limit, MaxTimeLimit))
	defer cancel()
	res, err := Match(mctx, in, ov)
	if err != nil {
		return nil, Assignment{}, err
	}
	return res, res.Solution(in.Name, time.Since(start).Seconds()), nil
}

// RunOutcome is a stored run and the ready candidates the round left out.
type RunOutcome struct {
	Run      Run        `json:"run"`
	Excluded []Excluded `json:"excluded"`
}

// StartRun builds the instance of a cycle from its ledger and ready candidates, runs the
// matcher under the coordinator's pins and forbids, and stores the run with its inputs so
// the decision can be replayed. An infeasible round answers Invalid naming the binding
// constraint and stores nothing.
func (s *Service) StartRun(ctx context.Context, cycleID string, in RunInput) (RunOutcome, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermSolidarityMatch); err != nil {
		return RunOutcome{}, err
	}
	var v errs.Validation
	v.Check(in.FloorFraction >= 0 && in.FloorFraction <= 1, "floor_fraction", "within [0,1]")
	v.Check(in.TimeLimit >= 0 && in.TimeLimit <= MaxTimeLimit.Seconds(), "time_limit", "between 0 and 60 seconds")
	if err := v.Err(); err != nil {
		return RunOutcome{}, err
	}
	round, err := s.loadRound(ctx, cycleID, in.FloorFraction)
	if err != nil {
		return RunOutcome{}, err
	}
	round.optional = in.VulnerableOptional
	inst, excluded := buildInstance(round)
	if len(inst.Cases) == 0 {
		return RunOutcome{Excluded: excluded}, errs.Conflict("solidarity: no candidate of cycle %s is ready for matching", round.ledger.Cycle.Code)
	}
	if err := inst.Validate(); err != nil {
		return RunOutcome{Excluded: excluded}, fmt.Errorf("solidarity: round of %s: %w", round.ledger.Cycle.Code, err)
	}
	res, sol, err := solve(ctx, inst, in.Overrides, time.Duration(in.TimeLimit*float64(time.Second)))
	if err != nil {
		return RunOutcome{Excluded: excluded}, err
	}
	raw, err := json.Marshal(inst)
	if err != nil {
		return RunOutcome{}, fmt.Errorf("solidarity: encode instance: %w", err)
	}
	r := Run{ID: newID(), CycleID: round.ledger.Cycle.ID, Status: RunProposed, CreatedBy: p.ID, CreatedOrg: p.Org,
		Instance: raw, Overrides: in.Overrides, Cases: len(inst.Cases), CreatedAt: sqldb.UTC(s.clock.Now()),
		Result: RunResult{Status: res.Status, Solution: sol, Explanations: res.Explanations, Excluded: excluded}}
	for _, b := range res.Assignment {
		if b >= 0 {
			r.Placed++
		}
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := insertRun(ctx, tx, &r); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "solidarity.run.create", ObjectType: "solidarity_run", ObjectID: r.ID,
			OwnerOrg: p.Org, Detail: map[string]any{"cases": r.Cases, "placed": r.Placed, "objective": float64(sol.Objective),
				"pins": len(in.Overrides.Pins), "forbids": len(in.Overrides.Forbids)}})
	})
	return RunOutcome{Run: r, Excluded: excluded}, err
}

// loadRound reads what a round is built from.
func (s *Service) loadRound(ctx context.Context, cycleID string, floor float64) (roundInput, error) {
	q := s.db.Reader()
	l, err := loadLedger(ctx, q, cycleID)
	if err != nil {
		return roundInput{}, err
	}
	r := roundInput{ledger: l, floorFraction: floor}
	if r.ready, err = listCandidates(ctx, q, CandidateFilter{CycleID: l.Cycle.ID, readyOnly: true}, "", 0); err != nil {
		return r, err
	}
	for _, st := range []Step{StepMatched, StepAccepted, StepTransferred} {
		cs, err := listCandidates(ctx, q, CandidateFilter{CycleID: l.Cycle.ID, Step: st}, "", 0)
		if err != nil {
			return r, err
		}
		r.taken = append(r.taken, cs...)
	}
	return r, nil
}

// Run returns a stored run with its instance, to coordinators.
func (s *Service) Run(ctx context.Context, id string) (Run, error) {
	if err := authz.Require(authz.FromContext(ctx), authz.PermSolidarityMatch); err != nil {
		return Run{}, err
	}
	return getRun(ctx, s.db.Reader(), id)
}

// Runs lists a cycle's runs, newest first, without their instances.
func (s *Service) Runs(ctx context.Context, cycleID string) ([]Run, error) {
	if err := authz.Require(authz.FromContext(ctx), authz.PermSolidarityMatch); err != nil {
		return nil, err
	}
	c, err := getCycle(ctx, s.db.Reader(), cycleID)
	if err != nil {
		return nil, err
	}
	return listRuns(ctx, s.db.Reader(), c.ID)
}

// Replay re-solves a stored run from its stored instance and overrides and reports whether
// the answer is the same: the audit trail of a decision.
func (s *Service) Replay(ctx context.Context, id string) (Assignment, bool, error) {
	r, err := s.Run(ctx, id)
	if err != nil {
		return Assignment{}, false, err
	}
	inst, err := DecodeInstance(bytes.NewReader(r.Instance))
	if err != nil {
		return Assignment{}, false, fmt.Errorf("solidarity: replay %s: %w", id, err)
	}
	_, sol, err := solve(ctx, inst, r.Overrides, DefaultTimeLimit)
	if err != nil {
		return Assignment{}, false, err
	}
	same := fmt.Sprint(sol.Assignment) == fmt.Sprint(r.Result.Solution.Assignment)
	return sol, same, nil
}
