package mcmf

import (
	"context"
	"math/rand/v2"
	"testing"
)

// BenchmarkTransportation solves a relocation-shaped network: 4,000 supply nodes with
// 10 arcs each to 130 places, capacities for 80% of the supply, and an "unplaced" arc.
func BenchmarkTransportation(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	const items, places = 4000, 130
	build := func() *Graph {
		g := NewGraph(items + places + 1)
		sink := items + places
		var total int64
		for i := 0; i < items; i++ {
			s := int64(1 + rng.IntN(5))
			total += s
			g.SetSupply(i, s)
			for k := 0; k < 10; k++ {
				g.AddArc(i, items+rng.IntN(places), s, -int64(rng.IntN(100000)))
			}
			g.AddArc(i, sink, s, 0)
		}
		for p := 0; p < places; p++ {
			g.AddArc(items+p, sink, total*8/10/places, 0)
		}
		g.SetSupply(sink, -total)
		return g
	}
	g := build()
	g.Tolerance = 8
	for b.Loop() {
		if _, err := Solve(context.Background(), g); err != nil {
			b.Fatal(err)
		}
	}
}
