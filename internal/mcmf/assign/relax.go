package assign

import (
	"context"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/ceas-eu/ceas/internal/mcmf"
)

// costScale multiplies the per-person value V/Size before rounding to an integer flow
// cost; the rounding only blurs the prices, the bound is recomputed from exact values.
const costScale = 32

// sparseArcs is how many of an item's best bins enter the first relaxation; column
// generation adds the others that the prices show to be attractive.
const sparseArcs = 10

// warmEps and columnEps are the first scaling epsilons (flow cost units, costScale per
// value unit) when starting from sampled prices and after adding columns: about the
// error of those prices, found by measurement on generated instances.
const (
	warmEps   = 4096
	columnEps = 1024
)

// flowTolerance stops cost scaling at epsilon = 8 cost units, a quarter of a value unit
// per person: the prices then cost the bound at most about 1e-4 of the objective, and
// the last, exact phases are skipped (the bound is recomputed exactly from the prices).
const flowTolerance = 8

// relaxation is the transportation relaxation: items send Size units to bins (or to
// "unplaced"), bins send at most Capacity on to their group, each group at least Floor.
type relaxation struct {
	s       *solver
	arcs    [][]int32 // per item, the bins with an arc
	theta   []float64 // per bin, the per-person price (shadow value of a place)
	flowBin [][]int64 // per item, the flow on each arc, aligned with arcs
	rounds  int
}

// layout returns the node numbering: items, bins, groups, the sink, then the hub.
func (s *solver) layout() (bin0, grp0, sink, n int) {
	ni, nb, ng := len(s.p.Items), len(s.p.Bins), len(s.p.Groups)
	return ni, ni + nb, ni + nb + ng, ni + nb + ng + 2
}

// network builds the flow network over the given item arcs. Mandatory items have no
// arc to "unplaced", so the flow must place them; the floors are group demands. Every
// item that fits every bin also has an arc of value 0 to a hub that reaches all bins:
// with it the network is feasible whenever the full one is, however few item arcs the
// sparse relaxation keeps, and it is never preferred to a real arc of positive value.
func (s *solver) network(arcs [][]int32, mandatory, floors bool) (*mcmf.Graph, [][]int) {
	p := s.p
	bin0, grp0, sink, n := s.layout()
	hub := sink + 1
	g := mcmf.NewGraph(n)
	g.Tolerance = flowTolerance
	ids := make([][]int, len(p.Items))
	var total, floorSum int64
	for i, it := range p.Items {
		g.SetSupply(i, it.Size)
		total += it.Size
		ids[i] = make([]int, len(arcs[i]))
		fixed := s.fix != nil && s.fix[i] != free
		for k, b := range arcs[i] {
			ids[i][k] = -1
			if !fixed || s.fix[i] == b {
				ids[i][k] = g.AddArc(i, bin0+int(b), it.Size, -s.unitCost(i, int(b)))
			}
		}
		if (!it.Mandatory || !mandatory) && (!fixed || s.fix[i] == unplaced) {
			g.AddArc(i, sink, it.Size, 0)
		}
		if s.cand[i] == nil && !fixed {
			g.AddArc(i, hub, it.Size, 0)
		}
	}
	for b, bin := range p.Bins {
		g.AddArc(bin0+b, grp0+bin.Group, bin.Capacity, 0)
		g.AddArc(hub, bin0+b, bin.Capacity, 0)
	}
	for k, grp := range p.Groups {
		f := int64(0)
		if floors {
			f = grp.Floor
		}
		g.SetSupply(grp0+k, -f)
		floorSum += f
		g.AddArc(grp0+k, sink, total, 0)
	}
	g.SetSupply(sink, floorSum-total)
	return g, ids
}

// unitCost is the flow profit per person of item i at bin b, net of the prices of the
// extra limits when the Lagrangian loop has set them.
func (s *solver) unitCost(i, b int) int64 {
	it := &s.p.Items[i]
	v := float64(s.p.V(i, b))
	if s.side[0] != nil {
		for k := range NumExtra {
			v -= float64(it.Extra[k]) * s.side[k][b]
		}
	}
	return int64(math.Round(v * costScale / float64(it.Size)))
}

// solveRelaxation runs column generation until no missing arc would enter, or maxRounds,
// or the deadline is near. Cut short, it returns the last complete round; cut before the
// first, it returns the sampled prices without a flow (rounds 0) if it has them, with
// the error.
func (s *solver) solveRelaxation(ctx context.Context, maxRounds int) (*relaxation, error) {
	sampled := s.sampledPrices(ctx)
	var theta []float64
	if sampled != nil {
		theta = sampled.theta
	}
	rx := &relaxation{s: s, arcs: s.initialArcs(theta)}
	var warm *mcmf.Result
	for {
		start := time.Now()
		g, ids := s.network(rx.arcs, true, true)
		if warm == nil && sampled != nil {
			warm = mcmf.WarmStart(g, sampled.price, sampled.known)
			warm.Eps = warmEps
		}
		res, err := mcmf.SolveFrom(ctx, g, warm)
		if err != nil {
			if rx.rounds == 0 {
				rx.theta = theta
				rx.flowBin = make([][]int64, len(rx.arcs))
			}
			for i := range rx.arcs { // columns added after the last flow carry none
				for len(rx.flowBin[i]) < len(rx.arcs[i]) {
					rx.flowBin[i] = append(rx.flowBin[i], 0)
				}
			}
			return rx, fmt.Errorf("assign: relaxation: %w", err)
		}
		warm = &res
		warm.Eps = columnEps
		rx.rounds++
		rx.read(res, ids)
		if rx.rounds >= maxRounds || !timeFor(ctx, time.Since(start)) || rx.addColumns() == 0 {
			return rx, nil
		}
	}
}

// timeFor reports whether the context leaves at least twice the given duration.
func timeFor(ctx context.Context, d time.Duration) bool {
	dl, ok := ctx.Deadline()
	return !ok || time.Until(dl) > 2*d
}

func (rx *relaxation) read(res mcmf.Result, ids [][]int) {
	s := rx.s
	bin0, _, sink, _ := s.layout()
	rx.theta = make([]float64, len(s.p.Bins))
	for b := range rx.theta {
		rx.theta[b] = (res.Potential[sink] - res.Potential[bin0+b]) / costScale
	}
	rx.flowBin = make([][]int64, len(ids))
	for i, row := range ids {
		rx.flowBin[i] = make([]int64, len(row))
		for k, a := range row {
			if a >= 0 {
				rx.flowBin[i][k] = res.Flow[a]
			}
		}
	}
}

// initialArcs keeps for each item its sparseArcs best candidate bins, by value net of
// estimated prices theta when given (nil: by value); items with restricted candidates
// (allowed states, special needs, size) keep them all, as the hub does not reach them.
func (s *solver) initialArcs(theta []float64) [][]int32 {
	arcs := make([][]int32, len(s.p.Items))
	for i := range s.p.Items {
		c := s.cands(i)
		if len(c) <= sparseArcs || s.cand[i] != nil {
			arcs[i] = append([]int32(nil), c...)
			continue
		}
		top := append([]int32(nil), c...)
		key := func(b int32) float64 {
			if theta == nil {
				return float64(s.p.V(i, int(b)))
			}
			return s.reduced(i, int(b), theta)
		}
		sort.Slice(top, func(x, y int) bool {
			vx, vy := key(top[x]), key(top[y])
			return vx > vy || vx == vy && top[x] < top[y]
		})
		arcs[i] = top[:sparseArcs]
	}
	return arcs
}

// addColumns adds, for each item, its best candidate bin at current prices when that bin
// has no arc yet and beats the item's best existing arc. It returns how many it added.
func (rx *relaxation) addColumns() int {
	s, added := rx.s, 0
	for i := range s.p.Items {
		if len(rx.arcs[i]) == len(s.cands(i)) {
			continue
		}
		have := make(map[int32]bool, len(rx.arcs[i]))
		bestIn := -1e300
		for _, b := range rx.arcs[i] {
			have[b] = true
			bestIn = max(bestIn, s.reduced(i, int(b), rx.theta))
		}
		bestOut, arg := -1e300, int32(-1)
		for _, b := range s.cands(i) {
			if r := s.reduced(i, int(b), rx.theta); !have[b] && r > bestOut {
				bestOut, arg = r, b
			}
		}
		if !s.p.Items[i].Mandatory {
			bestIn = max(bestIn, 0)
		}
		if arg >= 0 && bestOut > bestIn+1e-9 {
			rx.arcs[i] = append(rx.arcs[i], arg)
			added++
		}
	}
	return added
}

// reduced is the value of item i at bin b net of the bin's price for its persons.
func (s *solver) reduced(i, b int, theta []float64) float64 {
	return float64(s.p.V(i, b)) - float64(s.p.Items[i].Size)*theta[b]
}
