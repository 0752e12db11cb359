package assign

import (
	"context"
	"sort"
)

// exactNodeLimit caps branch and bound; past it Solve falls back to the heuristic path.
const exactNodeLimit = 2_000_000

// exact solves a tiny problem by depth-first branch and bound over items (mandatory and
// larger first), bounding by the best value each remaining item could still add. When
// it completes, the result is optimal (or infeasibility is proved by exhaustion).
//
// With fallback, a search cut short by the node limit or the deadline hands over to the
// heuristic; without, it returns the best assignment found (nil if none), unproven.
func (s *solver) exact(ctx context.Context, fallback bool) (*Solution, error) {
	p := s.p
	order := make([]int, len(p.Items))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool {
		a, b := &p.Items[order[x]], &p.Items[order[y]]
		if a.Mandatory != b.Mandatory {
			return a.Mandatory
		}
		return a.Size > b.Size
	})
	rest := make([]int64, len(order)+1) // rest[k]: best value items order[k:] could add
	for k := len(order) - 1; k >= 0; k-- {
		var best int64
		for _, b := range s.cands(order[k]) {
			best = max(best, p.V(order[k], int(b)))
		}
		rest[k] = rest[k+1] + best
	}
	bb := &branch{st: newState(s), order: order, rest: rest, bestObj: -1}
	bb.dfs(ctx, 0, 0)
	if bb.nodes > exactNodeLimit || ctx.Err() != nil {
		if fallback {
			return s.heuristic(ctx)
		}
		if bb.best == nil {
			return nil, nil
		}
		return &Solution{Status: Feasible, Bin: bb.best, Objective: bb.bestObj}, nil
	}
	if bb.best == nil {
		r := reason("search")
		r.Detail = "exhaustive search: no assignment meets every constraint (households are indivisible)"
		return &Solution{Status: Infeasible, Reason: r}, nil
	}
	return &Solution{Status: Optimal, Bin: bb.best, Objective: bb.bestObj, Bound: bb.bestObj}, nil
}

type branch struct {
	st      *state
	order   []int
	rest    []int64
	best    []int
	bestObj int64
	nodes   int
}

func (bb *branch) dfs(ctx context.Context, k int, obj int64) {
	bb.nodes++
	if bb.nodes > exactNodeLimit || bb.nodes&4095 == 0 && ctx.Err() != nil {
		return
	}
	if obj+bb.rest[k] <= bb.bestObj {
		return
	}
	if k == len(bb.order) {
		if bb.st.feasible() {
			bb.best, bb.bestObj = append([]int(nil), bb.st.bin...), obj
		}
		return
	}
	i := bb.order[k]
	p := bb.st.s.p
	for _, b := range bb.st.s.cands(i) {
		if bb.st.room(i, int(b), 0, [NumExtra]int64{}) {
			bb.st.place(i, int(b))
			bb.dfs(ctx, k+1, obj+p.V(i, int(b)))
			bb.st.remove(i)
		}
	}
	if !p.Items[i].Mandatory {
		bb.dfs(ctx, k+1, obj)
	}
}
