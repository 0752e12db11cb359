package assign

import "context"

// chainPass is an ejection chain of length two: an item u (unplaced, or moving from its
// bin) enters bin b in place of the member a that costs least to eject, and a moves on to the bin c where it is
// worth most net of what it displaces there (a member d of c becomes unplaced, or none if
// c has room). The move is made when V(u,b) - V(u,now) - V(a,b) + V(a,c) - V(d,c) > 0. Cheapest
// ejections per bin and size are tabulated once per pass.
func (st *state) chainPass(ctx context.Context) int {
	p, n := st.s.p, 0
	tab := st.ejectTable()
	for u := range p.Items {
		if u&255 == 0 && deadline(ctx) != nil {
			break
		}
		if st.chainFrom(u, tab) {
			n++
			tab = st.ejectTable()
		}
	}
	return n
}

// ejectEntry is the cheapest non-mandatory member of a bin whose leaving frees at least
// a given number of persons.
type ejectEntry struct {
	item  int
	value int64
}

// ejectTable[b][r] is the cheapest member of b of size >= r (r up to the largest item),
// or item -1.
func (st *state) ejectTable() [][]ejectEntry {
	p := st.s.p
	var maxSize int64
	for _, it := range p.Items {
		maxSize = max(maxSize, it.Size)
	}
	tab := make([][]ejectEntry, len(p.Bins))
	for b := range tab {
		tab[b] = make([]ejectEntry, maxSize+1)
		for r := range tab[b] {
			tab[b][r].item = -1
		}
	}
	for i, b := range st.bin {
		if b < 0 || p.Items[i].Mandatory {
			continue
		}
		v := p.V(i, b)
		for r := int64(0); r <= p.Items[i].Size; r++ {
			if e := &tab[b][r]; e.item < 0 || v < e.value {
				e.item, e.value = i, v
			}
		}
	}
	return tab
}

func (st *state) chainFrom(u int, tab [][]ejectEntry) bool {
	p := st.s.p
	bestGain := int64(0)
	var bu, ba, bc, bd int = -1, -1, -1, -1
	from, cur := st.bin[u], st.value(u)
	for _, bb := range st.s.cands(u) {
		b := int(bb)
		if b == from || from >= 0 && !st.canLeave(u, b) {
			continue
		}
		need := p.Items[u].Size - (p.Bins[b].Capacity - st.load[b])
		if need <= 0 || need >= int64(len(tab[b])) {
			continue // room already (insertion's job) or nothing big enough
		}
		e := tab[b][need]
		if e.item < 0 || !st.swapFits(u, e.item, b) {
			continue
		}
		a := e.item
		base := p.V(u, b) - e.value - cur
		c, d, gain := st.bestOnward(a, b, tab)
		if c == from && from >= 0 {
			c, d, gain = -1, -1, 0 // u's old bin is not tabulated as freed; keep it simple
		}
		if base+gain > bestGain {
			bestGain, bu, ba, bc, bd = base+gain, b, a, c, d
		}
	}
	if bu < 0 {
		return false
	}
	type move struct{ i, from int }
	undo := []move{{ba, st.bin[ba]}, {u, st.bin[u]}}
	st.remove(ba)
	if from >= 0 {
		st.remove(u)
	}
	st.place(u, bu)
	delta := p.V(u, bu) - cur - p.V(ba, bu)
	if bc >= 0 && (bd < 0 || st.bin[bd] == bc) {
		if bd >= 0 {
			undo = append(undo, move{bd, bc})
			st.remove(bd)
			delta -= p.V(bd, bc)
		}
		if st.canAdd(ba, bc) {
			st.place(ba, bc)
			delta += p.V(ba, bc)
		}
	}
	if delta <= 0 || !st.floorsHold() {
		for k := len(undo) - 1; k >= 0; k-- {
			m := undo[k]
			if st.bin[m.i] >= 0 {
				st.remove(m.i)
			}
			if m.from >= 0 {
				st.place(m.i, m.from)
			}
		}
		return false
	}
	return true
}

// floorsHold reports whether every group is at or above its floor.
func (st *state) floorsHold() bool {
	for g, grp := range st.s.p.Groups {
		if st.gload[g] < grp.Floor {
			return false
		}
	}
	return true
}

// bestOnward finds where a (leaving bin from) is worth most net of the member it
// displaces; it returns bin -1 when staying unplaced is best.
func (st *state) bestOnward(a, from int, tab [][]ejectEntry) (int, int, int64) {
	p := st.s.p
	it := &p.Items[a]
	best, bc, bd := int64(0), -1, -1
	for _, cc := range st.s.cands(a) {
		c := int(cc)
		if c == from {
			continue
		}
		v := p.V(a, c)
		if v <= best {
			continue
		}
		need := it.Size - (p.Bins[c].Capacity - st.load[c])
		if need <= 0 {
			if st.room(a, c, 0, [NumExtra]int64{}) {
				best, bc, bd = v, c, -1
			}
			continue
		}
		if need >= int64(len(tab[c])) {
			continue
		}
		e := tab[c][need]
		if e.item >= 0 && v-e.value > best && st.room(a, c, p.Items[e.item].Size, p.Items[e.item].Extra) {
			best, bc, bd = v-e.value, c, e.item
		}
	}
	return bc, bd, best
}
