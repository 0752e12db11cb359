package assign

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"
)

// randomProblem builds a small problem with every kind of constraint: sizes, extras,
// mandatory items, allowed bins and group floors.
func randomProblem(rng *rand.Rand, items, bins int) *Problem {
	p := &Problem{Groups: make([]Group, 1+rng.IntN(2))}
	for b := 0; b < bins; b++ {
		bin := Bin{Capacity: int64(2 + rng.IntN(6)), Group: rng.IntN(len(p.Groups))}
		bin.Extra[0] = int64(rng.IntN(2))
		bin.Extra[1] = int64(rng.IntN(3))
		p.Bins = append(p.Bins, bin)
	}
	for g := range p.Groups {
		p.Groups[g].Floor = int64(rng.IntN(3))
	}
	for i := 0; i < items; i++ {
		it := Item{Size: int64(1 + rng.IntN(4)), Mandatory: rng.IntN(6) == 0}
		if rng.IntN(8) == 0 {
			it.Extra[0] = 1
		}
		if rng.IntN(5) == 0 {
			it.Extra[1] = int64(1 + rng.IntN(int(it.Size)))
		}
		if rng.IntN(4) == 0 {
			it.Allowed = []int{rng.IntN(bins)}
		}
		p.Items = append(p.Items, it)
		for b := 0; b < bins; b++ {
			p.Value = append(p.Value, int64(rng.IntN(10000))*int64(rng.IntN(int(it.Size)+1)))
		}
	}
	return p
}

// bruteForce enumerates every assignment; it returns the optimum and whether one exists.
func bruteForce(p *Problem) (int64, bool) {
	st := newState(newSolver(p, Options{}))
	best, found := int64(-1), false
	var rec func(i int, obj int64)
	rec = func(i int, obj int64) {
		if i == len(p.Items) {
			if st.feasible() && obj > best {
				best, found = obj, true
			}
			return
		}
		if !p.Items[i].Mandatory {
			rec(i+1, obj)
		}
		for b := range p.Bins {
			if st.allowed(i, b) && st.room(i, b, 0, [NumExtra]int64{}) {
				st.place(i, b)
				rec(i+1, obj+p.V(i, b))
				st.remove(i)
			}
		}
	}
	rec(0, 0)
	return best, found
}

// TestSolveOptimalOnSmall checks Solve against brute force: the same optimum, a proven
// infeasibility when none exists, and for the heuristic path (exact search disabled) a
// feasible assignment no better than the optimum and a bound no lower.
func TestSolveOptimalOnSmall(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := 0; trial < 300; trial++ {
		p := randomProblem(rng, 2+rng.IntN(6), 1+rng.IntN(3))
		want, ok := bruteForce(p)
		exact, err := Solve(context.Background(), p, Options{})
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		if !ok {
			if exact.Status != Infeasible || exact.Reason == nil {
				t.Fatalf("trial %d: brute force finds no assignment, Solve says %s", trial, exact.Status)
			}
			continue
		}
		if exact.Status != Optimal || exact.Objective != want || exact.Bound != want {
			t.Fatalf("trial %d: %s objective %d bound %d, brute force %d", trial, exact.Status, exact.Objective, exact.Bound, want)
		}
		checkFeasible(t, p, exact)
		heur, err := Solve(context.Background(), p, Options{ExactItems: -1})
		if err != nil {
			t.Fatalf("trial %d heuristic: %v", trial, err)
		}
		if heur.Bound < want {
			t.Fatalf("trial %d: bound %d below the optimum %d", trial, heur.Bound, want)
		}
		if heur.Bin != nil {
			checkFeasible(t, p, heur)
			if heur.Objective > want {
				t.Fatalf("trial %d: heuristic %d above the optimum %d", trial, heur.Objective, want)
			}
		}
	}
}

func checkFeasible(t *testing.T, p *Problem, sol *Solution) {
	t.Helper()
	st := newState(newSolver(p, Options{}))
	var obj int64
	for i, b := range sol.Bin {
		if b >= 0 {
			st.place(i, b)
			obj += p.V(i, b)
		}
	}
	if !st.feasible() || obj != sol.Objective {
		t.Fatalf("solution infeasible or objective %d != %d: %v", obj, sol.Objective, sol.Bin)
	}
}

// TestBoundIsValidForAnyPrices is the property the whole bound rests on: for any
// multipliers, Bound is at least the optimum.
func TestBoundIsValidForAnyPrices(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for trial := 0; trial < 300; trial++ {
		p := randomProblem(rng, 2+rng.IntN(6), 1+rng.IntN(3))
		opt, ok := bruteForce(p)
		if !ok {
			continue
		}
		s := newSolver(p, Options{})
		m := Multipliers{Theta: make([]float64, len(p.Bins))}
		for k := range NumExtra {
			m.Extra[k] = make([]float64, len(p.Bins))
		}
		for b := range p.Bins {
			m.Theta[b] = rng.Float64()*6000 - 2000
			m.Extra[0][b] = rng.Float64() * 3000
			m.Extra[1][b] = rng.Float64() * 3000
		}
		if got, _ := s.Bound(m); got < opt {
			t.Fatalf("trial %d: bound %d below optimum %d for %+v", trial, got, opt, m)
		}
	}
}

func TestSolveDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	p := randomProblem(rng, 120, 8)
	for i := range p.Items {
		p.Items[i].Mandatory = false
	}
	for g := range p.Groups {
		p.Groups[g].Floor = 0
	}
	a, err := Solve(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Solve(context.Background(), p, Options{})
	if !reflect.DeepEqual(a.Bin, b.Bin) || a.Bound != b.Bound {
		t.Fatal("two runs on the same problem differ")
	}
	if a.Bound < a.Objective {
		t.Fatalf("bound %d below objective %d", a.Bound, a.Objective)
	}
}

// TestKnapsackLagrangianIsValid: the knapsack Lagrangian bounds the optimum for any item
// prices (non-negative unless mandatory) and floor prices.
func TestKnapsackLagrangianIsValid(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 17))
	for trial := 0; trial < 300; trial++ {
		p := randomProblem(rng, 2+rng.IntN(6), 1+rng.IntN(3))
		opt, ok := bruteForce(p)
		if !ok {
			continue
		}
		s := newSolver(p, Options{})
		byBin := make([][]int, len(p.Bins))
		for i := range p.Items {
			for _, b := range s.cands(i) {
				byBin[b] = append(byBin[b], i)
			}
		}
		pi := make([]float64, len(p.Items))
		for i := range pi {
			pi[i] = rng.Float64() * 20000
			if p.Items[i].Mandatory {
				pi[i] -= 10000
			}
		}
		rho := make([]float64, len(p.Groups))
		for g := range rho {
			rho[g] = rng.Float64() * 5000
		}
		val, _ := s.lagrangeKnapsack(pi, rho, byBin, make([]float64, len(p.Items)), make([]float64, len(p.Groups)))
		if val < float64(opt)-1e-6 {
			t.Fatalf("trial %d: knapsack Lagrangian %v below optimum %d", trial, val, opt)
		}
		if kb, ok := s.knapsackBound(context.Background(), Multipliers{Theta: make([]float64, len(p.Bins))}, opt); ok && kb < opt {
			t.Fatalf("trial %d: knapsack bound %d below optimum %d", trial, kb, opt)
		}
	}
}
