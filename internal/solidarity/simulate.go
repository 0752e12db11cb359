package solidarity

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/refdata"
)

// Scenario is a "what if" on a cycle: more arrivals, states withdrawing their pledges,
// floors or the target changed. It is computed on a copy; nothing is stored.
type Scenario struct {
	// ExtraArrivals adds this many households, copies in turn of the ready and the
	// matched ones.
	ExtraArrivals int `json:"extra_arrivals,omitempty" minimum:"0" maximum:"100000"`
	// Withdraw lists states whose relocation pledges are taken out.
	Withdraw []string `json:"withdraw,omitempty"`
	// FloorFraction is each state's floor over its open places.
	FloorFraction float64 `json:"floor_fraction,omitempty" minimum:"0" maximum:"1"`
	// RelocationTarget replaces the cycle's target for the fair shares (0 keeps it).
	RelocationTarget int64 `json:"relocation_target,omitempty" minimum:"0"`
	// TimeLimit is the seconds the optimiser may use (default 10).
	TimeLimit float64 `json:"time_limit,omitempty" minimum:"0" maximum:"60"`
}

// Validate checks the scenario.
func (sc *Scenario) Validate() error {
	var v errs.Validation
	v.Check(sc.ExtraArrivals >= 0 && sc.ExtraArrivals <= 100000, "extra_arrivals", "between 0 and 100000")
	v.Check(sc.FloorFraction >= 0 && sc.FloorFraction <= 1, "floor_fraction", "within [0,1]")
	v.Check(sc.RelocationTarget >= 0, "relocation_target", "must not be negative")
	v.Check(sc.TimeLimit >= 0 && sc.TimeLimit <= MaxTimeLimit.Seconds(), "time_limit", "between 0 and 60 seconds")
	for i, s := range sc.Withdraw {
		v.Check(refdata.IsStateCode(s), fmt.Sprintf("withdraw[%d]", i), "unknown state "+quoted(s))
	}
	return v.Err()
}

// SimulationResult is the outcome of a scenario: the progress report it would give and the
// matching round it would allow.
type SimulationResult struct {
	Scenario   Scenario          `json:"scenario"`
	Monitoring Monitoring        `json:"monitoring"`
	Cases      int               `json:"cases"`
	Excluded   int               `json:"excluded"`
	Places     int               `json:"places"`
	Capacity   int               `json:"capacity"`
	Placed     int               `json:"placed_households"`
	Persons    int               `json:"placed_persons"`
	PerState   []StateAllocation `json:"per_state"`
	Objective  float64           `json:"objective"`
	Bound      float64           `json:"bound"`
	Gap        float64           `json:"gap"`
	// Infeasible says why no assignment exists under the scenario (the binding constraint).
	Infeasible string `json:"infeasible,omitempty"`
}

// Simulate answers a scenario on a copy of the cycle's ledger and ready candidates.
func (s *Service) Simulate(ctx context.Context, cycleID string, sc Scenario) (SimulationResult, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermSolidarityMatch); err != nil {
		return SimulationResult{}, err
	}
	if err := sc.Validate(); err != nil {
		return SimulationResult{}, fmt.Errorf("solidarity: scenario: %w", err)
	}
	round, err := s.loadRound(ctx, cycleID, sc.FloorFraction)
	if err != nil {
		return SimulationResult{}, err
	}
	counts, err := stepCounts(ctx, s.db.Reader(), round.ledger.Cycle.ID)
	if err != nil {
		return SimulationResult{}, err
	}
	applyScenario(&round, sc)
	out := SimulationResult{Scenario: sc}
	if out.Monitoring, err = progress(round.ledger, counts); err != nil {
		return out, err
	}
	if err := simulateRound(ctx, round, sc, &out); err != nil {
		return out, err
	}
	return out, s.audit.RecordNow(ctx, audit.Event{Action: "solidarity.simulate", ObjectType: "solidarity_cycle",
		ObjectID: round.ledger.Cycle.ID, OwnerOrg: p.Org, Detail: map[string]any{"extra": sc.ExtraArrivals, "withdraw": sc.Withdraw}})
}

// applyScenario changes the copy: the ledger slices are fresh from the database, so
// changing them touches nothing stored.
func applyScenario(r *roundInput, sc Scenario) {
	if sc.RelocationTarget > 0 {
		r.ledger.Cycle.RelocationTarget = sc.RelocationTarget
	}
	for i := range r.ledger.Pledges {
		if slices.Contains(sc.Withdraw, r.ledger.Pledges[i].State) && r.ledger.Pledges[i].Form == FormRelocation {
			r.ledger.Pledges[i].Status = PledgeWithdrawn
		}
	}
	// New arrivals look like the households already proposed: the ready ones and those
	// matched before.
	templates := append(append([]Candidate(nil), r.ready...), r.taken...)
	for k := 0; k < sc.ExtraArrivals && len(templates) > 0; k++ {
		c := templates[k%len(templates)]
		c.ID, c.Ref, c.Step = fmt.Sprintf("sim-%06d", k+1), fmt.Sprintf("SIM-%06d", k+1), StepSecurityChecked
		c.MatchedState, c.MatchedPlace, c.RunID = "", "", ""
		r.ready = append(r.ready, c)
	}
}

func simulateRound(ctx context.Context, r roundInput, sc Scenario, out *SimulationResult) error {
	inst, excluded := buildInstance(r)
	out.Cases, out.Excluded, out.Places = len(inst.Cases), len(excluded), len(inst.Places)
	for _, p := range inst.Places {
		out.Capacity += p.Capacity
	}
	if len(inst.Cases) == 0 {
		return nil
	}
	if err := inst.Validate(); err != nil {
		out.Infeasible = err.Error()
		return nil
	}
	res, _, err := solve(ctx, inst, Overrides{}, time.Duration(sc.TimeLimit*float64(time.Second)))
	if e, ok := errs.As(err); ok && (e.Kind == errs.KindInvalid || e.Kind == errs.KindConflict) {
		out.Infeasible = err.Error()
		return nil
	}
	if err != nil {
		return err
	}
	out.Objective, out.Bound, out.Gap = res.Objective, res.Bound, res.Gap
	per := map[string]*StateAllocation{}
	for i, b := range res.Assignment {
		if b < 0 {
			continue
		}
		st := inst.Places[b].State
		if per[st] == nil {
			per[st] = &StateAllocation{State: st}
		}
		per[st].Households++
		per[st].Persons += inst.Cases[i].Size
		out.Placed++
		out.Persons += inst.Cases[i].Size
	}
	for _, a := range per {
		out.PerState = append(out.PerState, *a)
	}
	sort.Slice(out.PerState, func(i, j int) bool { return out.PerState[i].State < out.PerState[j].State })
	return nil
}
