package assign

import (
	"context"
	"math"
	"sort"
)

// construct rounds the relaxation: items the flow sends whole to one bin stay there, the
// split ones are re-inserted greedily at their best bin net of the bin's price, then
// mandatory items and floors are repaired. It returns nil if it cannot reach feasibility.
func (s *solver) construct(ctx context.Context, rx *relaxation) *state {
	st := newState(s)
	var pending []int
	for i, it := range s.p.Items {
		placed := false
		for k, b := range rx.arcs[i] {
			if rx.flowBin[i][k] == it.Size && st.canAdd(i, int(b)) {
				st.place(i, int(b))
				placed = true
				break
			}
		}
		if !placed && (rx.rounds == 0 || !rx.unplacedWhole(i) || it.Mandatory) {
			pending = append(pending, i)
		}
	}
	if rx.rounds == 0 {
		st.greedyByPrice(rx.theta)
	}
	st.insertAll(pending, rx.theta)
	// Floors may eject nothing mandatory but can take room mandatory items need, so
	// mandatory items are placed again after the floors.
	if !st.placeMandatory(rx.theta) || !st.repairFloors(ctx) || !st.placeMandatory(rx.theta) || !st.feasible() {
		return nil
	}
	return st
}

// unplacedWhole reports whether the relaxation leaves item i entirely unplaced.
func (rx *relaxation) unplacedWhole(i int) bool {
	for _, f := range rx.flowBin[i] {
		if f > 0 {
			return false
		}
	}
	return true
}

// insertAll places items, mandatory and larger first, each at the bin with room that
// maximises its value net of the bin's price; a non-mandatory item only if it gains.
func (st *state) insertAll(items []int, theta []float64) {
	p := st.s.p
	sort.SliceStable(items, func(x, y int) bool {
		a, b := &p.Items[items[x]], &p.Items[items[y]]
		if a.Mandatory != b.Mandatory {
			return a.Mandatory
		}
		// Scarce special capacity first (first-fit decreasing on the tight dimension).
		if ea, eb := a.Extra[0]+a.Extra[1], b.Extra[0]+b.Extra[1]; ea != eb {
			return ea > eb
		}
		return a.Size > b.Size
	})
	for _, i := range items {
		if st.bin[i] >= 0 {
			continue
		}
		best, arg := -1e300, -1
		for _, b := range st.s.cands(i) {
			if !st.room(i, int(b), 0, [NumExtra]int64{}) {
				continue
			}
			v := p.V(i, int(b))
			if v == 0 && !p.Items[i].Mandatory {
				continue
			}
			if r := float64(v) - float64(p.Items[i].Size)*theta[b]; r > best {
				best, arg = r, int(b)
			}
		}
		if arg >= 0 {
			st.place(i, arg)
		}
	}
}

// placeMandatory puts every unplaced mandatory item in, ejecting the cheapest
// non-mandatory items of the bin where that loses least.
func (st *state) placeMandatory(theta []float64) bool {
	p := st.s.p
	for i, it := range p.Items {
		if !it.Mandatory || st.bin[i] >= 0 {
			continue
		}
		members := st.members()
		bestLoss, bestBin, bestOut := int64(1<<62), -1, []int(nil)
		for _, b := range st.s.cands(i) {
			out, loss, ok := st.ejectFor(i, int(b), members[b])
			if ok && loss-p.V(i, int(b)) < bestLoss {
				bestLoss, bestBin, bestOut = loss-p.V(i, int(b)), int(b), out
			}
		}
		if bestBin < 0 {
			if !st.shiftFor(i) {
				return false
			}
			continue
		}
		for _, j := range bestOut {
			st.remove(j)
		}
		st.place(i, bestBin)
		st.insertAll(bestOut, theta)
	}
	return true
}

// ejectFor picks non-mandatory members of bin b to remove, lowest value per person
// first, until item i fits; it reports the value lost.
func (st *state) ejectFor(i, b int, members []int) ([]int, int64, bool) {
	p := st.s.p
	cand := make([]int, 0, len(members))
	for _, j := range members {
		if !p.Items[j].Mandatory {
			cand = append(cand, j)
		}
	}
	sort.Slice(cand, func(x, y int) bool {
		a, c := cand[x], cand[y]
		return p.V(a, b)*p.Items[c].Size < p.V(c, b)*p.Items[a].Size
	})
	var free int64
	var freeX [NumExtra]int64
	var out []int
	var loss int64
	g := p.Bins[b].Group
	for k := 0; ; k++ {
		if st.room(i, b, free, freeX) {
			// The group loses what leaves and gains i: its floor must still hold.
			ok := st.gload[g]-free+p.Items[i].Size >= p.Groups[g].Floor
			return out, loss, ok
		}
		if k == len(cand) {
			return nil, 0, false
		}
		j := cand[k]
		out = append(out, j)
		loss += p.V(j, b)
		free += p.Items[j].Size
		for e := range NumExtra {
			freeX[e] += p.Items[j].Extra[e]
		}
	}
}

// shiftFor places mandatory item i by moving one member of one of its candidate bins to
// another bin where that member fits, when ejecting non-mandatory members is not enough
// (typically special capacity held by other mandatory households).
func (st *state) shiftFor(i int) bool {
	members := st.members()
	for _, bb := range st.s.cands(i) {
		b := int(bb)
		for _, j := range members[b] {
			it := &st.s.p.Items[j]
			if !st.room(i, b, it.Size, it.Extra) {
				continue
			}
			for _, cc := range st.s.cands(j) {
				c := int(cc)
				if c != b && st.room(j, c, 0, [NumExtra]int64{}) && st.canLeave(j, c) {
					st.remove(j)
					st.place(j, c)
					st.place(i, b)
					return true
				}
			}
		}
	}
	return false
}

// greedyByPrice is the start when the relaxation gave prices but no flow (it ran out of
// time): mandatory items first, then the others in decreasing order of their best value
// net of the prices, each at that best bin if it has room and the net value is positive.
// insertAll and the local search then fill what is left.
func (st *state) greedyByPrice(theta []float64) {
	p := st.s.p
	type choice struct {
		i   int
		net float64
	}
	var order []choice
	for i := range p.Items {
		best := math.Inf(-1)
		for _, b := range st.s.cands(i) {
			best = max(best, st.s.reduced(i, int(b), theta))
		}
		if p.Items[i].Mandatory {
			best = math.Inf(1)
		}
		order = append(order, choice{i, best})
	}
	sort.SliceStable(order, func(x, y int) bool { return order[x].net > order[y].net })
	for _, c := range order {
		if c.net <= 0 {
			break
		}
		best, arg := math.Inf(-1), -1
		for _, b := range st.s.cands(c.i) {
			if r := st.s.reduced(c.i, int(b), theta); r > best && st.canAdd(c.i, int(b)) {
				best, arg = r, int(b)
			}
		}
		if arg >= 0 && (best > 0 || p.Items[c.i].Mandatory) {
			st.place(c.i, arg)
		}
	}
}
