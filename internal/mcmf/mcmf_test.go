package mcmf

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"
)

// refSolve is a successive-shortest-path reference (Bellman-Ford on a super source and
// sink), slow but obviously correct, used as the oracle for cost scaling.
func refSolve(g *Graph) (int64, bool) {
	n := g.n + 2
	s, t := g.n, g.n+1
	type arc struct {
		to, rev  int
		cap, cst int64
	}
	adj := make([][]arc, n)
	add := func(u, v int, c, w int64) {
		adj[u] = append(adj[u], arc{v, len(adj[v]), c, w})
		adj[v] = append(adj[v], arc{u, len(adj[u]) - 1, 0, -w})
	}
	for i := range g.from {
		add(int(g.from[i]), int(g.to[i]), g.capa[i], g.cost[i])
	}
	var need int64
	for v, b := range g.supply {
		if b > 0 {
			add(s, v, b, 0)
			need += b
		} else if b < 0 {
			add(v, t, -b, 0)
		}
	}
	// Negative costs: Bellman-Ford handles them as long as no negative cycle exists, so
	// the oracle first cancels negative cycles implicitly by restricting tests to DAGs.
	var cost, flow int64
	for flow < need {
		dist := make([]int64, n)
		prevV, prevA := make([]int, n), make([]int, n)
		for i := range dist {
			dist[i] = 1 << 60
		}
		dist[s] = 0
		for it := 0; it < n; it++ {
			changed := false
			for u := 0; u < n; u++ {
				if dist[u] == 1<<60 {
					continue
				}
				for k, a := range adj[u] {
					if a.cap > 0 && dist[u]+a.cst < dist[a.to] {
						dist[a.to] = dist[u] + a.cst
						prevV[a.to], prevA[a.to] = u, k
						changed = true
					}
				}
			}
			if !changed {
				break
			}
		}
		if dist[t] == 1<<60 {
			return 0, false
		}
		f := need - flow
		for v := t; v != s; v = prevV[v] {
			f = min(f, adj[prevV[v]][prevA[v]].cap)
		}
		for v := t; v != s; v = prevV[v] {
			a := &adj[prevV[v]][prevA[v]]
			a.cap -= f
			adj[v][a.rev].cap += f
		}
		flow += f
		cost += f * dist[t]
	}
	return cost, true
}

// randomDAG builds a layered network (supplies on the first layer, demands on the last),
// the shape of the matcher's networks, with costs of both signs.
func randomDAG(rng *rand.Rand) *Graph {
	layers := 2 + rng.IntN(3)
	width := 1 + rng.IntN(5)
	g := NewGraph(layers * width)
	for l := 0; l+1 < layers; l++ {
		for i := 0; i < width; i++ {
			for j := 0; j < width; j++ {
				if rng.IntN(3) > 0 {
					g.AddArc(l*width+i, (l+1)*width+j, int64(rng.IntN(6)), int64(rng.IntN(21)-10))
				}
			}
		}
	}
	var total int64
	for i := 0; i < width; i++ {
		b := int64(rng.IntN(5))
		g.SetSupply(i, b)
		total += b
	}
	last := (layers - 1) * width
	for total > 0 {
		v := last + rng.IntN(width)
		g.supply[v]--
		total--
	}
	return g
}

func TestSolveMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 400; trial++ {
		g := randomDAG(rng)
		want, ok := refSolve(g)
		res, err := Solve(context.Background(), g)
		if !ok {
			if !errors.Is(err, ErrInfeasible) {
				t.Fatalf("trial %d: want infeasible, got %v", trial, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		if res.Cost != want {
			t.Fatalf("trial %d: cost %d, reference %d", trial, res.Cost, want)
		}
		checkFlow(t, g, res)
	}
}

// checkFlow verifies conservation, capacities and complementary slackness.
func checkFlow(t *testing.T, g *Graph, res Result) {
	t.Helper()
	bal := append([]int64(nil), g.supply...)
	for i, f := range res.Flow {
		if f < 0 || f > g.capa[i] {
			t.Fatalf("arc %d flow %d outside [0,%d]", i, f, g.capa[i])
		}
		bal[g.from[i]] -= f
		bal[g.to[i]] += f
		rc := float64(g.cost[i]) + res.Potential[g.from[i]] - res.Potential[g.to[i]]
		tol := 1.0 / float64(g.n+1)
		if f < g.capa[i] && rc < -tol-1e-9 || f > 0 && rc > tol+1e-9 {
			t.Fatalf("arc %d violates complementary slackness: flow %d rc %g", i, f, rc)
		}
	}
	for v, b := range bal {
		if b != 0 {
			t.Fatalf("node %d unbalanced by %d", v, b)
		}
	}
}

func TestCheckFeasibleCut(t *testing.T) {
	g := NewGraph(3)
	g.SetSupply(0, 5)
	g.SetSupply(2, -5)
	g.AddArc(0, 1, 5, 0)
	g.AddArc(1, 2, 3, 0) // the bottleneck
	f, err := CheckFeasible(context.Background(), g)
	if err != nil || f.Feasible || f.Routed != 3 {
		t.Fatalf("got %+v, %v", f, err)
	}
	if !f.SourceSide[1] || f.SourceSide[2] {
		t.Fatalf("cut should separate {0,1} from {2}: %v", f.SourceSide)
	}
}
