package assign

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Status says what a Solution proves.
type Status string

// The statuses of a solution.
const (
	// Optimal: Objective equals Bound.
	Optimal Status = "optimal"
	// Feasible: an assignment meeting every constraint, within Gap of the optimum.
	Feasible Status = "feasible"
	// Infeasible: no assignment exists; Reason names the binding constraint.
	Infeasible Status = "infeasible"
	// Unknown: no assignment was found in time and none was proved impossible.
	Unknown Status = "unknown"
)

// Options tune Solve. The time limit is the deadline of the context passed to Solve.
type Options struct {
	// ExactItems: problems with at most this many items are solved by branch and bound
	// (default 14; negative: never).
	ExactItems int
	// ColumnRounds caps the column-generation rounds of the relaxation (default 6).
	ColumnRounds int
}

// Solution is the answer of Solve.
type Solution struct {
	Status Status
	// Bin is the bin of each item, -1 for unplaced.
	Bin []int
	// Objective is the total value of Bin; Bound a proven upper bound on the optimum.
	Objective, Bound int64
	// Prices are the multipliers of the bound: per-person shadow prices of bins (Theta)
	// and the floor prices of groups, for explanations.
	Prices      Multipliers
	GroupPrices []float64
	// Reason explains an Infeasible or Unknown status.
	Reason *Reason
	// Stats for benchmarks.
	RelaxationRounds int
	Moves            int
}

// Gap is (Bound - Objective) / Bound, 0 when both are 0.
func (s *Solution) Gap() float64 {
	if s.Bound <= 0 || s.Bin == nil {
		return 0
	}
	return float64(s.Bound-s.Objective) / float64(s.Bound)
}

// solver holds the problem and derived tables shared by the phases.
type solver struct {
	p    *Problem
	opt  Options
	cand [][]int32 // per item; nil means all bins
	all  []int32
	fix  []int32             // per item during a dive: free, unplaced or the bin it is fixed to
	side [NumExtra][]float64 // prices of the extra limits in the flow costs (nil: none)
}

func newSolver(p *Problem, opt Options) *solver {
	s := &solver{p: p, opt: opt, cand: make([][]int32, len(p.Items)), all: make([]int32, len(p.Bins))}
	for b := range s.all {
		s.all[b] = int32(b)
	}
	var buf []int
	for i := range p.Items {
		buf = p.candidates(i, buf)
		if p.Items[i].Allowed == nil && len(buf) == len(p.Bins) {
			continue
		}
		s.cand[i] = make([]int32, len(buf))
		for k, b := range buf {
			s.cand[i][k] = int32(b)
		}
		if len(buf) == 0 {
			s.cand[i] = []int32{}
		}
	}
	return s
}

// cands returns the bins item i may go to and fits in when empty.
func (s *solver) cands(i int) []int32 {
	if s.cand[i] == nil {
		return s.all
	}
	return s.cand[i]
}

// Solve finds the best assignment it can before the context's deadline, with a proven
// upper bound, or proves that none exists. It is deterministic for a given problem
// unless the deadline cuts the search short.
func Solve(ctx context.Context, p *Problem, opt Options) (*Solution, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	if opt.ExactItems == 0 {
		opt.ExactItems = 14
	}
	if opt.ColumnRounds == 0 {
		opt.ColumnRounds = 6
	}
	s := newSolver(p, opt)
	if r := s.precheck(); r != nil {
		return &Solution{Status: Infeasible, Reason: r}, nil
	}
	// The max-flows of the diagnosis are quick and their answer is needed whatever the
	// deadline: an infeasible problem must be reported as such.
	if r, err := s.diagnose(context.WithoutCancel(ctx)); err != nil || r != nil {
		return &Solution{Status: Infeasible, Reason: r}, err
	}
	if len(p.Items) <= opt.ExactItems && opt.ExactItems > 0 {
		return s.exact(ctx, true)
	}
	return s.heuristic(ctx)
}

// heuristic is the path for all but tiny problems: relaxation, bound, rounding, search.
// The relaxation gets half of the time left and the search runs to 75%, leaving room for
// the caller's own work on a loaded machine; a feasible assignment is returned before the
// deadline even when the relaxation is cut short (it then starts greedily from the
// sampled prices, or from zero prices, which also give the bound).
func (s *solver) heuristic(ctx context.Context) (*Solution, error) {
	relaxCtx, cancel := share(ctx, 0.5)
	defer cancel()
	searchCtx, cancel2 := share(ctx, 0.75)
	defer cancel2()
	rx, err := s.solveRelaxation(relaxCtx, s.opt.ColumnRounds)
	if err != nil {
		if ctx.Err() == nil && relaxCtx.Err() == nil {
			return nil, err
		}
		if rx == nil || rx.theta == nil {
			rx = s.emptyRelaxation()
		}
	}
	m := Multipliers{Theta: rx.theta}
	if rx.rounds > 0 {
		sideCtx, cancel5 := share(ctx, 0.25)
		rx, m = s.priceExtras(sideCtx, rx)
		cancel5()
	}
	bound, rho := s.Bound(m)
	sol := &Solution{Bound: bound, Prices: m, GroupPrices: rho, RelaxationRounds: rx.rounds}
	if rx.rounds > 0 && len(s.p.Items) <= diveItems {
		diveCtx, cancel3 := share(ctx, 0.75)
		rx = s.dive(diveCtx, rx)
		cancel3()
	}
	// Construction must finish even past the deadline: it is one greedy pass.
	st := s.construct(context.WithoutCancel(ctx), rx)
	if st == nil && err != nil && len(s.p.Items) <= rescueItems {
		// The deadline cut the relaxation and the greedy start failed (tight floors or
		// special capacity): a feasible answer matters more than a few milliseconds.
		if full, err2 := s.solveRelaxation(context.WithoutCancel(ctx), 1); err2 == nil {
			rx = full
			st = s.construct(context.WithoutCancel(ctx), rx)
		}
	}
	if st == nil && len(s.p.Items) <= exactFallbackItems {
		// Small and tight: search exhaustively (within the node limit) for any assignment.
		if ex, err := s.exact(searchCtx, false); err == nil && ex != nil {
			if ex.Status == Infeasible {
				return ex, nil
			}
			st = newState(s)
			for i, b := range ex.Bin {
				if b >= 0 {
					st.place(i, b)
				}
			}
		}
	}
	if st == nil {
		sol.Status = Unknown
		sol.Reason = reason("search")
		sol.Reason.Detail = "no feasible assignment found by the heuristics; the relaxation is feasible"
		return sol, nil
	}
	start := append([]int(nil), st.bin...)
	sol.Moves = st.improve(searchCtx)
	sol.Moves += st.iterate(searchCtx)
	if !st.feasible() {
		// A move broke a constraint (a bug): never return that, fall back to the start.
		st.restore(start)
		sol.Moves = 0
	}
	sol.Bin, sol.Objective = st.bin, st.objective()
	boundCtx, cancel4 := share(ctx, 0.3)
	defer cancel4()
	if m2, b2 := s.tightenBound(boundCtx, m, sol.Objective); b2 < sol.Bound {
		sol.Bound, sol.Prices = b2, m2
		_, sol.GroupPrices = s.Bound(m2)
	}
	if kb, ok := s.knapsackBound(boundCtx, sol.Prices, sol.Objective); ok && kb < sol.Bound && kb >= sol.Objective {
		sol.Bound = kb
	}
	sol.Status = Feasible
	if sol.Objective >= sol.Bound {
		sol.Status, sol.Bound = Optimal, sol.Objective
	}
	return sol, nil
}

// share returns a context whose deadline is the given fraction of the time left.
func share(ctx context.Context, frac float64) (context.Context, context.CancelFunc) {
	d, ok := ctx.Deadline()
	if !ok {
		return context.WithCancel(ctx)
	}
	left := time.Until(d)
	return context.WithTimeout(ctx, time.Duration(frac*float64(left)))
}

// emptyRelaxation stands in when the relaxation ran out of time: zero prices, no flow.
func (s *solver) emptyRelaxation() *relaxation {
	rx := &relaxation{s: s, arcs: make([][]int32, len(s.p.Items)), flowBin: make([][]int64, len(s.p.Items)),
		theta: make([]float64, len(s.p.Bins))}
	return rx
}

// diveItems is the size up to which the relaxation is rounded by diving. Measured on
// generated rounds of 10,000 candidates (4,091 households) under a 10 s limit on two
// shared cores, a dive cut short by the deadline rounds worse (gap 0.6%) than plain
// rounding followed by local search (0.5%), so larger problems skip it.
const diveItems = 3000

// rescueItems is the size up to which a construction that failed after a cut relaxation
// is retried with one relaxation round past the deadline (well under a second).
const rescueItems = 20000

// exactFallbackItems is the size up to which a failed construction is followed by an
// exhaustive search, which can also prove infeasibility that the relaxation misses.
const exactFallbackItems = 60

// errDeadline marks a search cut by the time limit.
var errDeadline = errors.New("assign: time limit reached")

func deadline(ctx context.Context) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%w: %w", errDeadline, ctx.Err())
	}
	return nil
}
