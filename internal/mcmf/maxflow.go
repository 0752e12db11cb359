package mcmf

import "context"

// Feasibility is the answer of CheckFeasible.
type Feasibility struct {
	// Feasible is true when every supply can be routed to the demands.
	Feasible bool
	// Routed is the flow the network carries; Required the sum of positive supplies.
	Routed, Required int64
	// SourceSide marks the nodes on the source side of a minimum cut: when infeasible,
	// the arcs leaving this set are the constraints that bind.
	SourceSide []bool
}

// CheckFeasible decides with a Dinic max-flow whether the supplies of g can be routed to
// its demands within the arc capacities (costs are ignored).
func CheckFeasible(ctx context.Context, g *Graph) (Feasibility, error) {
	n := g.n
	h := &Graph{n: n + 2, supply: make([]int64, n+2)}
	h.from = append([]int32(nil), g.from...)
	h.to = append([]int32(nil), g.to...)
	h.capa = append([]int64(nil), g.capa...)
	h.cost = make([]int64, len(g.from))
	s, t := n, n+1
	var need int64
	for v, b := range g.supply {
		if b > 0 {
			h.AddArc(s, v, b, 0)
			need += b
		} else if b < 0 {
			h.AddArc(v, t, -b, 0)
		}
	}
	r := h.residual()
	flow, err := dinic(ctx, r, s, t)
	if err != nil {
		return Feasibility{}, err
	}
	side := r.reachable(s)
	return Feasibility{Feasible: flow == need, Routed: flow, Required: need, SourceSide: side[:n]}, nil
}

func dinic(ctx context.Context, r *residual, s, t int) (int64, error) {
	level := make([]int32, r.n)
	iter := make([]int32, r.n)
	queue := make([]int32, 0, r.n)
	var total int64
	for round := 0; ; round++ {
		if err := ctx.Err(); err != nil {
			return total, err
		}
		if !r.bfsLevels(s, t, level, queue) {
			return total, nil
		}
		copy(iter, r.start[:r.n])
		for {
			f := r.augment(int32(s), int32(t), 1<<62, level, iter)
			if f == 0 {
				break
			}
			total += f
		}
	}
}

func (r *residual) bfsLevels(s, t int, level []int32, queue []int32) bool {
	for i := range level {
		level[i] = -1
	}
	level[s] = 0
	queue = append(queue[:0], int32(s))
	for qi := 0; qi < len(queue); qi++ {
		v := queue[qi]
		for k := r.start[v]; k < r.start[v+1]; k++ {
			a := r.order[k]
			if w := r.head[a]; r.res[a] > 0 && level[w] < 0 {
				level[w] = level[v] + 1
				queue = append(queue, w)
			}
		}
	}
	return level[t] >= 0
}

// augment sends a blocking-flow path from v; recursion depth is bounded by the level of t,
// which is small in the layered networks the matcher builds.
func (r *residual) augment(v, t int32, limit int64, level, iter []int32) int64 {
	if v == t {
		return limit
	}
	for ; iter[v] < r.start[v+1]; iter[v]++ {
		a := r.order[iter[v]]
		w := r.head[a]
		if r.res[a] <= 0 || level[w] != level[v]+1 {
			continue
		}
		if f := r.augment(w, t, min(limit, r.res[a]), level, iter); f > 0 {
			r.res[a] -= f
			r.res[a^1] += f
			return f
		}
	}
	return 0
}

func (r *residual) reachable(s int) []bool {
	seen := make([]bool, r.n)
	seen[s] = true
	stack := []int32{int32(s)}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for k := r.start[v]; k < r.start[v+1]; k++ {
			a := r.order[k]
			if w := r.head[a]; r.res[a] > 0 && !seen[w] {
				seen[w] = true
				stack = append(stack, w)
			}
		}
	}
	return seen
}
