package solidarity

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// TestMatchAlwaysFeasible runs many generated rounds (scarcity, balance and surplus of
// places, where floors bind) under a short time limit: each must give an assignment that
// Evaluate accepts, with a bound at or above its objective.
func TestMatchAlwaysFeasible(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	for _, ratio := range []float64{0.6, 0.8, 1.0, 1.3} {
		for seed := uint64(1); seed <= 8; seed++ {
			n := 100 + int(seed)*97
			t.Run(fmt.Sprintf("ratio%.1f-n%d", ratio, n), func(t *testing.T) {
				in := Generate(GenOptions{Candidates: n, Seed: seed, CapacityRatio: ratio})
				ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
				defer cancel()
				res, err := Match(ctx, in, Overrides{})
				if err != nil {
					t.Fatal(err)
				}
				obj, err := Evaluate(in, res.Assignment)
				if err != nil {
					t.Fatal(err)
				}
				if float64(obj)/1e4 != res.Objective || res.Bound < res.Objective {
					t.Fatalf("objective %v (evaluated %d), bound %v", res.Objective, obj, res.Bound)
				}
			})
		}
	}
}
