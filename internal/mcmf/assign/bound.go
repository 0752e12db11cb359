package assign

import (
	"math"
	"sort"
)

// Multipliers are the Lagrange multipliers of a bound: Theta[b] is the per-person price
// of bin b as items see it; Extra[k][b] >= 0 prices the k-th extra limit of bin b.
type Multipliers struct {
	Theta []float64
	Extra [NumExtra][]float64
}

// Bound returns an upper bound on the optimum for any multipliers, and the group prices
// it chose. It is the Lagrangian dual of the LP relaxation with the capacity, extra and
// floor constraints relaxed:
//
//	sum_i max(0 | -inf if mandatory, max_b V_ib - size_i*theta_b - extra_i.mu_b)
//	+ sum_b cap_b*max(0, theta_b + rho_g(b)) + sum_b extra_b.mu_b - sum_g floor_g*rho_g
//
// with rho_g >= 0 chosen optimally per group. Any theta gives a valid bound (items pay
// theta_b, which is at most lambda_b - rho_g for lambda_b = max(0, theta_b + rho_g)), so
// the bound never depends on how well the relaxation was solved. It is rounded down to
// an integer only after a float safety margin, since the optimum is an integer.
func (s *solver) Bound(m Multipliers) (int64, []float64) {
	p := s.p
	var sum, mag float64
	for i, it := range p.Items {
		best := math.Inf(-1)
		if !it.Mandatory {
			best = 0
		}
		for _, b := range s.cands(i) {
			v := float64(p.V(i, int(b))) - float64(it.Size)*m.Theta[b]
			for k := range NumExtra {
				if m.Extra[k] != nil {
					v -= float64(it.Extra[k]) * m.Extra[k][b]
				}
			}
			best = max(best, v)
		}
		if math.IsInf(best, -1) {
			return math.MaxInt64, nil // a mandatory item that fits nowhere: no finite bound
		}
		sum += best
		mag += math.Abs(best)
	}
	rho := s.groupPrices(m.Theta)
	for b, bin := range p.Bins {
		t := float64(bin.Capacity) * max(0, m.Theta[b]+rho[bin.Group])
		for k := range NumExtra {
			if m.Extra[k] != nil {
				t += float64(bin.Extra[k]) * m.Extra[k][b]
			}
		}
		sum += t
		mag += math.Abs(t)
	}
	for g, grp := range p.Groups {
		sum -= float64(grp.Floor) * rho[g]
		mag += float64(grp.Floor) * rho[g]
	}
	safety := 1e-12*mag*float64(len(p.Items)+len(p.Bins)) + 1e-6
	return int64(math.Floor(sum + safety)), rho
}

// groupPrices minimises sum_b cap_b*max(0, theta_b+rho) - floor*rho over rho >= 0 for
// each group: the slope is the capacity of bins with theta_b+rho > 0 minus the floor.
func (s *solver) groupPrices(theta []float64) []float64 {
	p := s.p
	rho := make([]float64, len(p.Groups))
	byGroup := make([][]int, len(p.Groups))
	for b, bin := range p.Bins {
		byGroup[bin.Group] = append(byGroup[bin.Group], b)
	}
	for g, bins := range byGroup {
		floor := p.Groups[g].Floor
		if floor == 0 {
			continue
		}
		// Breakpoints -theta_b in increasing order; the slope grows by cap_b at each.
		sort.Slice(bins, func(x, y int) bool { return theta[bins[x]] > theta[bins[y]] })
		var active int64
		for _, b := range bins {
			if theta[b] > 0 {
				active += p.Bins[b].Capacity
			}
		}
		r := 0.0
		for _, b := range bins {
			if active >= floor {
				break
			}
			if theta[b] <= 0 {
				r = -theta[b]
				active += p.Bins[b].Capacity
			}
		}
		rho[g] = r
	}
	return rho
}
