package solidarity

import (
	"context"
	"fmt"

	"github.com/ceas-eu/ceas/internal/mcmf/assign"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Result is a matching run: the assignment with its objective (expected persons in work),
// a proven upper bound and the gap, and an explanation of each case.
type Result struct {
	// Status is "optimal" (objective equals bound) or "feasible".
	Status string
	// Assignment holds, per case in index order, the place index or -1.
	Assignment []int
	// Objective, Bound are in persons (sum of employable x score), exact to 1e-4.
	Objective, Bound float64
	Gap              float64
	// Explanations, per case in index order.
	Explanations []Explanation
	// PlacePrices are the shadow values of one more person of capacity at each place.
	PlacePrices []float64
	// Moves and Rounds describe the search, for benchmarks.
	Moves, Rounds int
}

// Solution returns the assignment in the exchange format.
func (r *Result) Solution(instance string, seconds float64) Assignment {
	return Assignment{Schema: SolutionSchema, Instance: instance, Assignment: r.Assignment,
		Objective: Fixed4(r.Objective), Bound: Fixed4(r.Bound), Gap: r.Gap, Seconds: seconds}
}

// Match optimises an instance under the coordinator's overrides before the context's
// deadline. The instance must be valid (DecodeInstance validates). An infeasible
// instance gives an Invalid error naming the binding constraint; Match never returns an
// assignment that breaks a hard constraint.
func Match(ctx context.Context, in *Instance, ov Overrides) (*Result, error) {
	m, err := buildModel(in, ov)
	if err != nil {
		return nil, err
	}
	sol, err := assign.Solve(ctx, m.prob, assign.Options{})
	if err != nil {
		return nil, fmt.Errorf("solidarity: match %s: %w", in.Name, err)
	}
	switch sol.Status {
	case assign.Infeasible:
		return nil, m.infeasible(sol.Reason)
	case assign.Unknown:
		return nil, errs.New(errs.KindConflict, "solidarity: match %s: %s", in.Name, sol.Reason.Detail)
	}
	res := &Result{Status: string(sol.Status), Assignment: sol.Bin, Objective: float64(sol.Objective) / m.unit,
		Bound: float64(sol.Bound) / m.unit, Gap: sol.Gap(), Moves: sol.Moves, Rounds: sol.RelaxationRounds}
	res.PlacePrices = make([]float64, len(in.Places))
	for b := range res.PlacePrices {
		if sol.Prices.Theta != nil {
			res.PlacePrices[b] = sol.Prices.Theta[b] / m.unit
		}
	}
	res.Explanations = m.explain(sol)
	return res, nil
}

// Evaluate checks an assignment against every hard constraint of the instance and
// returns its objective in units of 10^-decimals; the error names the first breach.
func Evaluate(in *Instance, assignment []int) (int64, error) {
	m, err := buildModel(in, Overrides{})
	if err != nil {
		return 0, err
	}
	return m.evaluate(assignment)
}

func (m *model) evaluate(a []int) (int64, error) {
	in, p := m.in, m.prob
	if len(a) != len(in.Cases) {
		return 0, errs.Field("assignment", fmt.Sprintf("%d entries for %d cases", len(a), len(in.Cases)))
	}
	load := make([][3]int64, len(in.Places))
	got := make([]int64, len(in.States))
	var obj int64
	for i, b := range a {
		c := &in.Cases[i]
		if b < 0 {
			if p.Items[i].Mandatory {
				return 0, errs.Field(fmt.Sprintf("assignment[%d]", i), "mandatory case "+c.ID+" is not placed")
			}
			continue
		}
		if b >= len(in.Places) || !c.stateAllowed(in.Places[b].State) {
			return 0, errs.Field(fmt.Sprintf("assignment[%d]", i), "case "+c.ID+" is placed where it may not go")
		}
		load[b][0] += int64(c.Size)
		load[b][1] += int64(c.UAMCount)
		load[b][2] += int64(c.MedicalCount)
		got[m.stateIx[in.Places[b].State]] += int64(c.Size)
		obj += p.V(i, b)
	}
	for b, pl := range in.Places {
		if load[b][0] > int64(pl.Capacity) || load[b][1] > int64(pl.UAMCapacity) || load[b][2] > int64(pl.MedicalCapacity) {
			return 0, errs.Field(fmt.Sprintf("places[%d]", b), "over capacity at "+pl.ID)
		}
	}
	for g, s := range in.States {
		if got[g] < int64(s.Floor) {
			return 0, errs.Field(fmt.Sprintf("states[%d].floor", g), fmt.Sprintf("%s receives %d, below its floor %d", s.Code, got[g], s.Floor))
		}
	}
	return obj, nil
}
