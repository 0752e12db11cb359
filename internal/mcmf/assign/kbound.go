package assign

import (
	"context"
	"math"
)

// knapsackBoundItems is the size up to which the knapsack Lagrangian bound is tried: its
// cost grows with items x bins x capacity.
const knapsackBoundItems = 1500

// knapsackBound is the Lagrangian bound that relaxes the "at most one bin" constraints of
// the items (prices pi) and the floors (prices rho) and keeps each bin whole: a knapsack
// over persons, minors and medical needs, solved exactly. It is never weaker than the LP
// bound at its optimum and much stronger when bins hold few households. For any pi >= 0
// (any sign for mandatory items) and rho >= 0,
//
//	sum_i pi_i + sum_b knapsack_b(V_ib - pi_i + rho_g(b)*size_i) - sum_g rho_g*floor_g
//
// bounds the optimum. It starts from the LP prices and takes Polyak subgradient steps
// towards target, keeping the best value; the result is floored after a float margin.
func (s *solver) knapsackBound(ctx context.Context, m Multipliers, target int64) (int64, bool) {
	p := s.p
	if len(p.Items) > knapsackBoundItems {
		return 0, false
	}
	pi := make([]float64, len(p.Items))
	for i, it := range p.Items {
		best := math.Inf(-1)
		if !it.Mandatory {
			best = 0
		}
		for _, b := range s.cands(i) {
			best = max(best, s.reduced(i, int(b), m.Theta))
		}
		pi[i] = best
	}
	rho := s.groupPrices(m.Theta)
	byBin := make([][]int, len(p.Bins))
	for i := range p.Items {
		for _, b := range s.cands(i) {
			byBin[b] = append(byBin[b], i)
		}
	}
	best, lambda := math.Inf(1), 1.0
	gi := make([]float64, len(p.Items))
	gg := make([]float64, len(p.Groups))
	for it := 0; it < 150 && deadline(ctx) == nil; it++ {
		val, mag := s.lagrangeKnapsack(pi, rho, byBin, gi, gg)
		if v := val + 1e-9*mag + 1e-6; v < best {
			best = v
		} else {
			lambda *= 0.7
		}
		norm := 0.0
		for _, g := range gi {
			norm += g * g
		}
		for _, g := range gg {
			norm += g * g
		}
		if norm == 0 || val <= float64(target) {
			break
		}
		step := lambda * (val - float64(target)) / norm
		for i := range pi {
			pi[i] -= step * gi[i]
			if !p.Items[i].Mandatory {
				pi[i] = max(0, pi[i])
			}
		}
		for g := range rho {
			rho[g] = max(0, rho[g]-step*gg[g])
		}
	}
	if math.IsInf(best, 1) {
		return 0, false
	}
	return int64(math.Floor(best)), true
}

// lagrangeKnapsack evaluates the knapsack Lagrangian and its subgradient: for each item
// 1 minus the bins that take it, for each group the persons taken minus the floor.
func (s *solver) lagrangeKnapsack(pi, rho []float64, byBin [][]int, gi, gg []float64) (float64, float64) {
	p := s.p
	val, mag := 0.0, 0.0
	for i := range gi {
		gi[i] = 1
		val += pi[i]
		mag += math.Abs(pi[i])
	}
	for g, grp := range p.Groups {
		gg[g] = -float64(grp.Floor)
		val -= rho[g] * float64(grp.Floor)
		mag += rho[g] * float64(grp.Floor)
	}
	for b, items := range byBin {
		bin := &p.Bins[b]
		r := rho[bin.Group]
		profit := func(i int) float64 { return float64(p.V(i, b)) - pi[i] + r*float64(p.Items[i].Size) }
		chosen, v := knapsackFloat(items, profit, p, bin.Capacity, bin.Extra[0], bin.Extra[1])
		val += v
		mag += math.Abs(v)
		for _, i := range chosen {
			gi[i]--
			gg[bin.Group] += float64(p.Items[i].Size)
		}
	}
	return val, mag
}

// knapsackFloat is knapsack with real profits (items of non-positive profit are skipped).
func knapsackFloat(items []int, profit func(int) float64, p *Problem, W, U, M int64) ([]int, float64) {
	var su, sm int64
	for _, i := range items {
		su += p.Items[i].Extra[0]
		sm += p.Items[i].Extra[1]
	}
	U, M = min(U, su), min(M, sm)
	nu, nm := U+1, M+1
	states := (W + 1) * nu * nm
	dp := make([]float64, states)
	take := make([][]bool, len(items))
	for k, i := range items {
		it := &p.Items[i]
		pr := profit(i)
		if pr <= 0 {
			continue
		}
		take[k] = make([]bool, states)
		for w := W; w >= it.Size; w-- {
			for u := U; u >= it.Extra[0]; u-- {
				for m := M; m >= it.Extra[1]; m-- {
					s := (w*nu+u)*nm + m
					prev := ((w-it.Size)*nu+(u-it.Extra[0]))*nm + (m - it.Extra[1])
					if v := dp[prev] + pr; v > dp[s] {
						dp[s], take[k][s] = v, true
					}
				}
			}
		}
	}
	var chosen []int
	w, u, m := W, U, M
	for k := len(items) - 1; k >= 0; k-- {
		if take[k] == nil {
			continue
		}
		if s := (w*nu+u)*nm + m; take[k][s] {
			it := &p.Items[items[k]]
			chosen = append(chosen, items[k])
			w, u, m = w-it.Size, u-it.Extra[0], m-it.Extra[1]
		}
	}
	return chosen, dp[states-1]
}
