package mcmf

import "errors"

// ErrInfeasible reports that the supplies cannot be routed within the arc capacities.
var ErrInfeasible = errors.New("mcmf: supplies cannot be routed within capacities")

// Graph is a directed network with integer arc capacities and costs and node supplies
// (positive: the node sends flow; negative: it must receive flow).
type Graph struct {
	// Tolerance, in cost units, stops cost scaling once epsilon is at most Tolerance:
	// the flow is then within Tolerance per node of the optimal cost and the potentials
	// within Tolerance of complementary slackness. Zero solves exactly.
	Tolerance float64

	n      int
	supply []int64
	from   []int32
	to     []int32
	capa   []int64
	cost   []int64
}

// NewGraph returns a graph with n nodes numbered 0..n-1, no arcs and zero supplies.
func NewGraph(n int) *Graph {
	return &Graph{n: n, supply: make([]int64, n)}
}

// Nodes returns the number of nodes.
func (g *Graph) Nodes() int { return g.n }

// Arcs returns the number of arcs added.
func (g *Graph) Arcs() int { return len(g.from) }

// SetSupply sets the supply of node v (negative for a demand).
func (g *Graph) SetSupply(v int, b int64) { g.supply[v] = b }

// AddArc adds an arc u->v with capacity capa >= 0 and cost per unit, and returns its id.
func (g *Graph) AddArc(u, v int, capa, cost int64) int {
	g.from = append(g.from, int32(u))
	g.to = append(g.to, int32(v))
	g.capa = append(g.capa, capa)
	g.cost = append(g.cost, cost)
	return len(g.from) - 1
}

// Balanced reports whether the supplies sum to zero, which Solve requires.
func (g *Graph) Balanced() bool {
	var s int64
	for _, b := range g.supply {
		s += b
	}
	return s == 0
}

// residual is the compact forward-star form both solvers work on: arc 2i is arc i of the
// graph, arc 2i+1 its reverse; adjacency in CSR order.
type residual struct {
	n     int
	start []int32 // start[v]..start[v+1] index into order
	order []int32 // residual arc ids grouped by tail
	head  []int32
	res   []int64
	cost  []int64
}

func (g *Graph) residual() *residual {
	m := len(g.from)
	r := &residual{n: g.n, start: make([]int32, g.n+1), order: make([]int32, 2*m),
		head: make([]int32, 2*m), res: make([]int64, 2*m), cost: make([]int64, 2*m)}
	for i := 0; i < m; i++ {
		r.head[2*i], r.head[2*i+1] = g.to[i], g.from[i]
		r.res[2*i] = g.capa[i]
		r.cost[2*i], r.cost[2*i+1] = g.cost[i], -g.cost[i]
		r.start[g.from[i]+1]++
		r.start[g.to[i]+1]++
	}
	for v := 0; v < g.n; v++ {
		r.start[v+1] += r.start[v]
	}
	pos := append([]int32(nil), r.start[:g.n]...)
	for i := 0; i < m; i++ {
		u, v := g.from[i], g.to[i]
		r.order[pos[u]] = int32(2 * i)
		pos[u]++
		r.order[pos[v]] = int32(2*i + 1)
		pos[v]++
	}
	return r
}

// flows returns the flow on each original arc.
func (g *Graph) flows(r *residual) []int64 {
	f := make([]int64, len(g.from))
	for i := range f {
		f[i] = r.res[2*i+1]
	}
	return f
}
