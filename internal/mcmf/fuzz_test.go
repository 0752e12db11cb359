package mcmf

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"
)

// FuzzSolve drives the solver with random layered networks derived from the fuzz input
// and checks it against the successive-shortest-path reference.
func FuzzSolve(f *testing.F) {
	for _, s := range []uint64{1, 2, 3, 42} {
		f.Add(s, uint64(7))
	}
	f.Fuzz(func(t *testing.T, a, b uint64) {
		g := randomDAG(rand.New(rand.NewPCG(a, b)))
		want, ok := refSolve(g)
		res, err := Solve(context.Background(), g)
		if !ok {
			if !errors.Is(err, ErrInfeasible) {
				t.Fatalf("want infeasible, got %v", err)
			}
			return
		}
		if err != nil || res.Cost != want {
			t.Fatalf("cost %d err %v, reference %d", res.Cost, err, want)
		}
		checkFlow(t, g, res)
	})
}
