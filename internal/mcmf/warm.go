package mcmf

import "math"

// WarmStart builds a starting point for SolveFrom from approximate node prices in cost
// units (e.g. the potentials of a smaller, sampled problem): nodes marked known take
// their price; every other node takes the highest price that leaves all its outgoing arcs
// to known nodes with a non-negative reduced cost, the price a supply node would settle
// at. Good prices save most of the work of the early scaling phases.
func WarmStart(g *Graph, price []float64, known []bool) *Result {
	scale := int64(g.n + 1)
	raw := make([]int64, g.n)
	set := make([]bool, g.n)
	for v := range raw {
		if known[v] {
			raw[v] = int64(math.Round(price[v] * float64(scale)))
			set[v] = true
		}
	}
	best := make([]int64, g.n)
	has := make([]bool, g.n)
	for a := range g.from {
		u, w := g.from[a], g.to[a]
		if set[u] || !set[w] || g.capa[a] == 0 {
			continue
		}
		if c := raw[w] - g.cost[a]*scale; !has[u] || c > best[u] {
			best[u], has[u] = c, true
		}
	}
	for v := range raw {
		if !set[v] && has[v] {
			raw[v] = best[v]
		}
	}
	return &Result{Raw: raw, Scale: scale}
}
