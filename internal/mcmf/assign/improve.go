package assign

import (
	"context"
	"sort"
)

// improve runs local search passes until none improves the objective or the deadline
// comes: insertions of unplaced items, relocations, ejections (an unplaced item takes
// the place of a worse one) and swaps between bins. Every move keeps feasibility. It
// returns the number of improving moves.
func (st *state) improve(ctx context.Context) int {
	moves := 0
	for pass := 0; pass < 200; pass++ {
		n := st.insertPass() + st.relocatePass() + st.ejectPass(ctx) + st.ejectManyPass(ctx) + st.insertPass() + st.swapPass(ctx)
		if n == 0 {
			n = st.chainPass(ctx)
		}
		if n == 0 {
			n = st.repackPass(ctx)
		}
		moves += n
		if n == 0 || deadline(ctx) != nil {
			break
		}
	}
	return moves
}

func (st *state) insertPass() int {
	p, n := st.s.p, 0
	for i := range p.Items {
		if st.bin[i] >= 0 {
			continue
		}
		best, arg := int64(0), -1
		for _, b := range st.s.cands(i) {
			if v := p.V(i, int(b)); v > best && st.room(i, int(b), 0, [NumExtra]int64{}) {
				best, arg = v, int(b)
			}
		}
		if arg >= 0 {
			st.place(i, arg)
			n++
		}
	}
	return n
}

func (st *state) relocatePass() int {
	p, n := st.s.p, 0
	for i := range p.Items {
		from := st.bin[i]
		if from < 0 {
			continue
		}
		best, arg := p.V(i, from), -1
		for _, b := range st.s.cands(i) {
			if v := p.V(i, int(b)); v > best && int(b) != from && st.room(i, int(b), 0, [NumExtra]int64{}) && st.canLeave(i, int(b)) {
				best, arg = v, int(b)
			}
		}
		if arg >= 0 {
			st.remove(i)
			st.place(i, arg)
			n++
		}
	}
	return n
}

// ejectPass lets an unplaced item u take bin b from a non-mandatory member a when
// V(u,b) > V(a,b); a becomes unplaced and may be re-inserted by the next pass. Members
// are ranked by value once per pass, so the first member that makes room is the best.
func (st *state) ejectPass(ctx context.Context) int {
	p, n := st.s.p, 0
	members := st.members()
	for b, in := range members {
		sort.Slice(in, func(x, y int) bool { return p.V(in[x], b) < p.V(in[y], b) })
	}
	dirty := make([]bool, len(members))
	for u := range p.Items {
		if u&1023 == 0 && deadline(ctx) != nil {
			break
		}
		if st.bin[u] >= 0 {
			continue
		}
		bestGain, bestA, bestB := int64(0), -1, -1
		for _, bb := range st.s.cands(u) {
			b := int(bb)
			vu := p.V(u, b)
			if dirty[b] || vu <= bestGain {
				continue
			}
			for _, a := range members[b] {
				gain := vu - p.V(a, b)
				if gain <= bestGain {
					break
				}
				if !p.Items[a].Mandatory && st.swapFits(u, a, b) {
					bestGain, bestA, bestB = gain, a, b
					break
				}
			}
		}
		if bestA >= 0 {
			st.remove(bestA)
			st.place(u, bestB)
			dirty[bestB] = true
			n++
		}
	}
	return n
}

// swapFits reports whether unplaced u fits in bin b once a leaves it, floors included.
func (st *state) swapFits(u, a, b int) bool {
	p := st.s.p
	ia := &p.Items[a]
	g := p.Bins[b].Group
	if st.gload[g]-ia.Size+p.Items[u].Size < p.Groups[g].Floor {
		return false
	}
	return st.room(u, b, ia.Size, ia.Extra)
}

// swapPass exchanges items a (in b1) and c (in b2) when it gains, looking for b2 only
// among the few bins a values most, to keep the pass near-linear.
func (st *state) swapPass(ctx context.Context) int {
	p, n := st.s.p, 0
	members := st.members()
	for a := range p.Items {
		if a&1023 == 0 && deadline(ctx) != nil {
			break
		}
		b1 := st.bin[a]
		if b1 < 0 {
			continue
		}
		va := p.V(a, b1)
		for _, b2 := range st.topBins(a, 3) {
			if b2 == b1 || p.V(a, b2) <= va {
				continue
			}
			if c := st.bestPartner(a, b1, b2, members[b2]); c >= 0 {
				st.remove(a)
				st.remove(c)
				st.place(a, b2)
				st.place(c, b1)
				members[b2] = append(members[b2], a)
				members[b1] = append(members[b1], c)
				n++
				break
			}
		}
	}
	return n
}

// bestPartner finds c in b2 whose exchange with a (in b1) gains most and fits.
func (st *state) bestPartner(a, b1, b2 int, in []int) int {
	p := st.s.p
	ia := &p.Items[a]
	base := p.V(a, b1)
	best, arg := int64(0), -1
	for _, c := range in {
		if st.bin[c] != b2 || !st.allowed(c, b1) || !st.allowed(a, b2) {
			continue
		}
		ic := &p.Items[c]
		gain := p.V(a, b2) + p.V(c, b1) - base - p.V(c, b2)
		if gain <= best || !st.room(a, b2, ic.Size, ic.Extra) || !st.room(c, b1, ia.Size, ia.Extra) {
			continue
		}
		if g1, g2 := p.Bins[b1].Group, p.Bins[b2].Group; g1 != g2 {
			if st.gload[g1]-ia.Size+ic.Size < p.Groups[g1].Floor || st.gload[g2]-ic.Size+ia.Size < p.Groups[g2].Floor {
				continue
			}
		}
		best, arg = gain, c
	}
	return arg
}

// topBins returns the k candidate bins where item i has the highest value.
func (st *state) topBins(i, k int) []int {
	p := st.s.p
	out := make([]int, 0, k)
	for _, bb := range st.s.cands(i) {
		b := int(bb)
		v := p.V(i, b)
		pos := len(out)
		for pos > 0 && p.V(i, out[pos-1]) < v {
			pos--
		}
		if pos < k {
			if len(out) < k {
				out = append(out, 0)
			}
			copy(out[pos+1:], out[pos:len(out)-1])
			out[pos] = b
		}
	}
	return out
}
