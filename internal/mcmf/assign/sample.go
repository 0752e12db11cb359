package assign

import (
	"context"

	"github.com/ceas-eu/ceas/internal/mcmf"
)

// sampleAbove is the item count above which the relaxation is warm-started from a
// sample; sampleSize is about how many items the sample keeps.
const (
	sampleAbove = 3000
	sampleSize  = 8000
)

// nodePrices are approximate potentials of the non-item nodes of the full network.
type nodePrices struct {
	price []float64
	known []bool
	theta []float64 // per-person bin prices, to rank each item's arcs
}

// sampledPrices solves the relaxation of every k-th item with capacities and floors
// divided by k: market-clearing prices of a random-like sample approximate those of the
// whole, and warm-starting from them saves most of the cost-scaling work. It returns nil
// when the problem is small or the sample fails (the full solve then starts cold).
func (s *solver) sampledPrices(ctx context.Context) *nodePrices {
	p := s.p
	if len(p.Items) <= sampleAbove {
		return nil
	}
	k := max(2, (len(p.Items)+sampleSize-1)/sampleSize)
	sub := &Problem{Bins: make([]Bin, len(p.Bins)), Groups: make([]Group, len(p.Groups))}
	for b, bin := range p.Bins {
		sub.Bins[b] = bin
		sub.Bins[b].Capacity = (bin.Capacity + int64(k) - 1) / int64(k)
		for e := range NumExtra {
			sub.Bins[b].Extra[e] = (bin.Extra[e] + int64(k) - 1) / int64(k)
		}
	}
	for g, grp := range p.Groups {
		sub.Groups[g].Floor = grp.Floor / int64(k)
	}
	nb := len(p.Bins)
	for i := 0; i < len(p.Items); i += k {
		it := p.Items[i]
		if it.Size > 1 && it.Size > maxCap(sub.Bins) {
			continue
		}
		sub.Items = append(sub.Items, it)
		sub.Value = append(sub.Value, p.Value[i*nb:(i+1)*nb]...)
	}
	ss := newSolver(sub, Options{ColumnRounds: 3})
	if ss.precheck() != nil {
		return nil
	}
	rx, res, err := ss.relaxWithResult(ctx, 3)
	if err != nil || rx == nil {
		return nil
	}
	bin0, _, _, n := s.layout()
	sbin0, _, _, sn := ss.layout()
	np := &nodePrices{price: make([]float64, n), known: make([]bool, n), theta: rx.theta}
	for v := sbin0; v < sn; v++ { // bins, groups, sink, hub keep their order
		np.price[bin0+v-sbin0] = res.Potential[v]
		np.known[bin0+v-sbin0] = true
	}
	return np
}

func maxCap(bins []Bin) int64 {
	var m int64
	for _, b := range bins {
		m = max(m, b.Capacity)
	}
	return m
}

// relaxWithResult is solveRelaxation keeping the last flow result.
func (s *solver) relaxWithResult(ctx context.Context, rounds int) (*relaxation, mcmf.Result, error) {
	rx := &relaxation{s: s, arcs: s.initialArcs(nil)}
	var last mcmf.Result
	for {
		g, ids := s.network(rx.arcs, true, true)
		res, err := mcmf.SolveFrom(ctx, g, &last)
		if err != nil {
			return nil, last, err
		}
		last = res
		rx.rounds++
		rx.read(res, ids)
		if rx.rounds >= rounds || rx.addColumns() == 0 {
			return rx, last, nil
		}
	}
}
