package mcmf

import (
	"context"
	"errors"
	"fmt"
)

// Result is an optimal flow with the node potentials that certify it.
type Result struct {
	// Flow is the flow on each arc, indexed by the id AddArc returned.
	Flow []int64
	// Cost is the total cost of Flow.
	Cost int64
	// Raw is the internal potential (costs scaled by Scale), to warm-start a later Solve
	// on a graph with the same nodes.
	Raw   []int64
	Scale int64
	// Eps, when warm-starting, is the first scaling epsilon in cost units: about how
	// far the warm prices may be from optimal (0: from the largest cost).
	Eps float64
	// Potential is a node price p with cost(u,v) + p[u] - p[v] >= 0 on every arc that
	// could carry more flow and <= 0 on every arc that carries flow (complementary
	// slackness, up to 1/(n+1) in cost units): the dual solution of the flow LP.
	Potential []float64
}

// alpha is the factor by which cost scaling divides epsilon in each phase; 8 to 16 are
// the values Goldberg reports as fastest.
const alpha = 12

// Solve returns a minimum-cost flow meeting every supply and demand of g, or ErrInfeasible.
// It checks feasibility with a max-flow first, because push-relabel would not stop on an
// infeasible network.
func Solve(ctx context.Context, g *Graph) (Result, error) {
	return SolveFrom(ctx, g, nil)
}

// SolveFrom is Solve warm-started from the Raw potentials of an earlier Result on a graph
// with the same nodes and costs of the same scale (e.g. after adding arcs): the first
// scaling phase starts at the largest reduced-cost violation instead of the largest cost.
func SolveFrom(ctx context.Context, g *Graph, warm *Result) (Result, error) {
	if !g.Balanced() {
		return Result{}, errors.New("mcmf: supplies do not sum to zero")
	}
	feas, err := CheckFeasible(ctx, g)
	if err != nil {
		return Result{}, err
	}
	if !feas.Feasible {
		return Result{}, fmt.Errorf("%w: routed %d of %d", ErrInfeasible, feas.Routed, feas.Required)
	}
	r := g.residual()
	cs := &costScaling{r: r, scale: int64(r.n + 1), p: make([]int64, r.n), excess: append([]int64(nil), g.supply...)}
	cs.stop = max(1, int64(g.Tolerance*float64(cs.scale)))
	if warm != nil && len(warm.Raw) == r.n && warm.Scale == cs.scale {
		copy(cs.p, warm.Raw)
		cs.warm, cs.eps0 = true, warm.Eps
	}
	if err := cs.run(ctx); err != nil {
		return Result{}, err
	}
	res := Result{Flow: g.flows(r), Potential: make([]float64, r.n), Raw: cs.p, Scale: cs.scale}
	for i, f := range res.Flow {
		res.Cost += f * g.cost[i]
	}
	for v, pv := range cs.p {
		res.Potential[v] = float64(pv) / float64(cs.scale)
	}
	return res, nil
}

type costScaling struct {
	r      *residual
	scale  int64
	p      []int64
	excess []int64
	cur    []int32
	queue  []int32
	warm   bool
	eps0   float64
	stop   int64
}

func (cs *costScaling) run(ctx context.Context) error {
	r := cs.r
	var maxc int64
	for a := range r.cost {
		if c := abs64(r.cost[a]); c > maxc {
			maxc = c
		}
	}
	if maxc > (1<<60)/(cs.scale*cs.scale*4) {
		return fmt.Errorf("mcmf: costs up to %d overflow cost scaling on %d nodes", maxc, r.n)
	}
	for a := range r.cost {
		r.cost[a] *= cs.scale
	}
	cs.cur = make([]int32, r.n)
	eps := maxc * cs.scale
	if cs.warm && cs.eps0 > 0 {
		eps = min(eps, max(1, int64(cs.eps0*float64(cs.scale))*alpha))
	}
	for {
		eps = max(cs.stop, eps/alpha)
		if err := cs.refine(ctx, eps); err != nil {
			return err
		}
		if eps <= cs.stop {
			return nil
		}
	}
}

// refine turns an eps*alpha-optimal flow into an eps-optimal one (Goldberg-Tarjan).
func (cs *costScaling) refine(ctx context.Context, eps int64) error {
	r := cs.r
	for a := range r.res {
		if r.res[a] > 0 {
			u, w := r.head[a^1], r.head[a]
			if r.cost[a]+cs.p[u]-cs.p[w] < 0 {
				cs.push(int32(a), u, w, r.res[a])
			}
		}
	}
	copy(cs.cur, r.start[:r.n])
	cs.queue = cs.queue[:0]
	for v := range cs.excess {
		if cs.excess[v] > 0 {
			cs.queue = append(cs.queue, int32(v))
		}
	}
	for qi := 0; qi < len(cs.queue); qi++ {
		if qi&4095 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := cs.discharge(cs.queue[qi], eps); err != nil {
			return err
		}
		if qi > 1<<20 {
			cs.queue = append(cs.queue[:0], cs.queue[qi+1:]...)
			qi = -1
		}
	}
	return nil
}

func (cs *costScaling) push(a, u, w int32, f int64) {
	r := cs.r
	r.res[a] -= f
	r.res[a^1] += f
	cs.excess[u] -= f
	cs.excess[w] += f
}

func (cs *costScaling) discharge(v int32, eps int64) error {
	r := cs.r
	end := r.start[v+1]
	for cs.excess[v] > 0 {
		if cs.cur[v] == end {
			if err := cs.relabel(v, eps); err != nil {
				return err
			}
			cs.cur[v] = r.start[v]
			continue
		}
		a := r.order[cs.cur[v]]
		w := r.head[a]
		if r.res[a] > 0 && r.cost[a]+cs.p[v]-cs.p[w] < 0 {
			// Push look-ahead (Goldberg 1997): a node with no excess to hold and no
			// admissible arc is relabelled before it receives flow it would push back.
			if cs.excess[w] >= 0 && !cs.hasAdmissible(w) {
				if cs.relabel(w, eps) == nil {
					cs.cur[w] = r.start[w]
					continue
				}
				cs.cur[w] = r.start[w] // no residual arc yet: the push creates one
			}
			f := min(cs.excess[v], r.res[a])
			wasActive := cs.excess[w] > 0
			cs.push(a, v, w, f)
			if !wasActive && cs.excess[w] > 0 {
				cs.queue = append(cs.queue, w)
			}
			if r.res[a] > 0 {
				continue
			}
		}
		cs.cur[v]++
	}
	return nil
}

// hasAdmissible advances the current arc of w to its first admissible arc, if any; the
// arcs before the current arc are known not to be admissible until w is relabelled.
func (cs *costScaling) hasAdmissible(w int32) bool {
	r := cs.r
	for ; cs.cur[w] < r.start[w+1]; cs.cur[w]++ {
		a := r.order[cs.cur[w]]
		if r.res[a] > 0 && r.cost[a]+cs.p[w]-cs.p[r.head[a]] < 0 {
			return true
		}
	}
	return false
}

// relabel lowers p[v] as far as eps-optimality allows, making at least one arc admissible.
func (cs *costScaling) relabel(v int32, eps int64) error {
	r := cs.r
	best, found := int64(0), false
	for k := r.start[v]; k < r.start[v+1]; k++ {
		a := r.order[k]
		if r.res[a] <= 0 {
			continue
		}
		if c := cs.p[r.head[a]] - r.cost[a]; !found || c > best {
			best, found = c, true
		}
	}
	if !found {
		return fmt.Errorf("%w: node %d has excess and no residual arc", ErrInfeasible, v)
	}
	cs.p[v] = best - eps
	return nil
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}
