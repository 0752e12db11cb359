package assign

import (
	"context"

	"github.com/ceas-eu/ceas/internal/mcmf"
)

// extraRounds caps the Lagrangian rounds on the extra limits.
const extraRounds = 4

// priceExtras brings the extra limits (unaccompanied minors, medical needs), which a flow
// cannot carry, into the relaxation by Lagrange multipliers: the flow is solved again with
// each item's value at a bin reduced by its extra use times the bin's prices, and the
// prices of over-used limits rise by Polyak-like steps (halved whenever the bound does
// not improve). The best
// multipliers found (bin prices from the flow, extra prices) are returned with their flow,
// which then respects the limits closely, for the rounding that follows.
func (s *solver) priceExtras(ctx context.Context, rx *relaxation) (*relaxation, Multipliers) {
	nb := len(s.p.Bins)
	best := Multipliers{Theta: rx.theta}
	bestVal, _ := s.Bound(best)
	bestRx := rx
	for k := range NumExtra {
		s.side[k] = make([]float64, nb)
	}
	var warm *mcmf.Result
	lambda := 0.0003
	for round := 1; round <= extraRounds && deadline(ctx) == nil; round++ {
		use := rx.extraUse()
		var norm float64
		for k := range NumExtra {
			for b := range use[k] {
				if d := use[k][b] - float64(s.p.Bins[b].Extra[k]); d > 0 || s.side[k][b] > 0 {
					norm += d * d
				}
			}
		}
		if norm < 1e-9 {
			break // the flow meets every extra limit: its prices are optimal for the LP
		}
		step := lambda * float64(bestVal) / norm
		for k := range NumExtra {
			for b := range use[k] {
				s.side[k][b] = max(0, s.side[k][b]+step*(use[k][b]-float64(s.p.Bins[b].Extra[k])))
			}
		}
		next, res, err := s.resolve(ctx, rx.arcs, warm)
		if err != nil {
			break
		}
		rx, warm = next, res
		m := Multipliers{Theta: rx.theta}
		for k := range NumExtra {
			m.Extra[k] = append([]float64(nil), s.side[k]...)
		}
		v, _ := s.Bound(m)
		if v < bestVal {
			best, bestVal, bestRx = m, v, rx
		} else {
			lambda /= 2
		}
	}
	for k := range NumExtra {
		s.side[k] = best.Extra[k]
	}
	return bestRx, best
}

// extraUse is how much of each bin's extra limits the flow uses (fractionally).
func (rx *relaxation) extraUse() [NumExtra][]float64 {
	var use [NumExtra][]float64
	for k := range NumExtra {
		use[k] = make([]float64, len(rx.s.p.Bins))
	}
	for i, row := range rx.flowBin {
		it := &rx.s.p.Items[i]
		if it.Extra[0]+it.Extra[1] == 0 {
			continue
		}
		for a, f := range row {
			if f > 0 {
				b := rx.arcs[i][a]
				for k := range NumExtra {
					use[k][b] += float64(f) * float64(it.Extra[k]) / float64(it.Size)
				}
			}
		}
	}
	return use
}
