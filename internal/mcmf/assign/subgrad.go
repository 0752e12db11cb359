package assign

import (
	"context"
	"math"
)

// subgradRounds caps the subgradient iterations that tighten the bound.
const subgradRounds = 80

// tightenBound improves the multipliers of the bound by projected subgradient steps
// (Polyak steps towards the objective of the best known assignment) on the bin prices and
// on the extra limits, which the flow relaxation leaves out. Every candidate is evaluated
// exactly and only the best is kept, so the bound can only improve.
func (s *solver) tightenBound(ctx context.Context, m Multipliers, target int64) (Multipliers, int64) {
	nb := len(s.p.Bins)
	cur := Multipliers{Theta: append([]float64(nil), m.Theta...)}
	for k := range NumExtra {
		cur.Extra[k] = make([]float64, nb)
		if m.Extra[k] != nil {
			copy(cur.Extra[k], m.Extra[k])
		}
	}
	best, bestVal := m, math.Inf(1)
	lambda, stall := 0.5, 0
	gT := make([]float64, nb)
	var gX [NumExtra][]float64
	for k := range NumExtra {
		gX[k] = make([]float64, nb)
	}
	for it := 0; it < subgradRounds && deadline(ctx) == nil; it++ {
		val := s.boundGrad(cur, gT, gX)
		if val < bestVal-1e-9 {
			bestVal, stall = val, 0
			best = cloneMultipliers(cur)
		} else if stall++; stall >= 5 {
			lambda, stall = lambda/2, 0
		}
		norm := 0.0
		for b := range gT {
			norm += gT[b] * gT[b]
			for k := range NumExtra {
				norm += gX[k][b] * gX[k][b]
			}
		}
		gap := val - float64(target)
		if norm == 0 || gap <= 0 {
			break
		}
		step := lambda * gap / norm
		for b := range gT {
			cur.Theta[b] -= step * gT[b]
			for k := range NumExtra {
				cur.Extra[k][b] = max(0, cur.Extra[k][b]-step*gX[k][b])
			}
		}
	}
	v, _ := s.Bound(best)
	return best, v
}

func cloneMultipliers(m Multipliers) Multipliers {
	c := Multipliers{Theta: append([]float64(nil), m.Theta...)}
	for k := range NumExtra {
		c.Extra[k] = append([]float64(nil), m.Extra[k]...)
	}
	return c
}

// boundGrad evaluates the bound (without the safety rounding) and its subgradient: for a
// bin, its capacity (when its price binds) minus the persons that would choose it; for an
// extra limit, the limit minus what the choosing items use.
func (s *solver) boundGrad(m Multipliers, gT []float64, gX [NumExtra][]float64) float64 {
	p := s.p
	rho := s.groupPrices(m.Theta)
	sum := 0.0
	for b, bin := range p.Bins {
		if m.Theta[b]+rho[bin.Group] > 0 {
			gT[b] = float64(bin.Capacity)
			sum += float64(bin.Capacity) * (m.Theta[b] + rho[bin.Group])
		} else {
			gT[b] = 0
		}
		for k := range NumExtra {
			gX[k][b] = float64(bin.Extra[k])
			sum += float64(bin.Extra[k]) * m.Extra[k][b]
		}
	}
	for g, grp := range p.Groups {
		sum -= float64(grp.Floor) * rho[g]
	}
	for i, it := range p.Items {
		best, arg := math.Inf(-1), -1
		if !it.Mandatory {
			best = 0
		}
		for _, bb := range s.cands(i) {
			b := int(bb)
			v := float64(p.V(i, b)) - float64(it.Size)*m.Theta[b] - float64(it.Extra[0])*m.Extra[0][b] - float64(it.Extra[1])*m.Extra[1][b]
			if v > best {
				best, arg = v, b
			}
		}
		sum += best
		if arg >= 0 {
			gT[arg] -= float64(it.Size)
			for k := range NumExtra {
				gX[k][arg] -= float64(it.Extra[k])
			}
		}
	}
	return sum
}
