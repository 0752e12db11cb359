package assign

// state is an assignment under construction with the loads it implies.
type state struct {
	s     *solver
	bin   []int
	load  []int64
	extra [NumExtra][]int64
	gload []int64
	mask  [][]uint64 // per item with restricted candidates, a bitset of its bins
	tabu  []int      // per item, a bin it may not return to during a kick (-1: none)
}

func newState(s *solver) *state {
	p := s.p
	st := &state{s: s, bin: make([]int, len(p.Items)), load: make([]int64, len(p.Bins)),
		gload: make([]int64, len(p.Groups)), mask: make([][]uint64, len(p.Items))}
	for k := range NumExtra {
		st.extra[k] = make([]int64, len(p.Bins))
	}
	words := (len(p.Bins) + 63) / 64
	for i := range st.bin {
		st.bin[i] = -1
		if s.cand[i] != nil {
			st.mask[i] = make([]uint64, words)
			for _, b := range s.cand[i] {
				st.mask[i][b/64] |= 1 << (b % 64)
			}
		}
	}
	return st
}

// allowed reports whether b is a candidate bin of item i (and not tabu for it).
func (st *state) allowed(i, b int) bool {
	if st.tabu != nil && st.tabu[i] == b {
		return false
	}
	m := st.mask[i]
	return m == nil || m[b/64]&(1<<(b%64)) != 0
}

// room reports whether item i fits in bin b on top of its present load, ignoring
// whatever of free (persons, extras) another item would release.
func (st *state) room(i, b int, free int64, freeExtra [NumExtra]int64) bool {
	it, bin := &st.s.p.Items[i], &st.s.p.Bins[b]
	if st.load[b]-free+it.Size > bin.Capacity {
		return false
	}
	for k := range NumExtra {
		if st.extra[k][b]-freeExtra[k]+it.Extra[k] > bin.Extra[k] {
			return false
		}
	}
	return true
}

// canAdd reports whether unplaced item i may be put in bin b now.
func (st *state) canAdd(i, b int) bool {
	return st.allowed(i, b) && st.room(i, b, 0, [NumExtra]int64{})
}

func (st *state) place(i, b int) {
	it := &st.s.p.Items[i]
	st.bin[i] = b
	st.load[b] += it.Size
	st.gload[st.s.p.Bins[b].Group] += it.Size
	for k := range NumExtra {
		st.extra[k][b] += it.Extra[k]
	}
}

func (st *state) remove(i int) {
	b := st.bin[i]
	it := &st.s.p.Items[i]
	st.bin[i] = -1
	st.load[b] -= it.Size
	st.gload[st.s.p.Bins[b].Group] -= it.Size
	for k := range NumExtra {
		st.extra[k][b] -= it.Extra[k]
	}
}

// canLeave reports whether item i may leave its bin's group without breaking its floor;
// moves within the group are always fine.
func (st *state) canLeave(i, to int) bool {
	b := st.bin[i]
	if b < 0 {
		return true
	}
	g := st.s.p.Bins[b].Group
	if to >= 0 && st.s.p.Bins[to].Group == g {
		return true
	}
	return st.gload[g]-st.s.p.Items[i].Size >= st.s.p.Groups[g].Floor
}

func (st *state) value(i int) int64 {
	if st.bin[i] < 0 {
		return 0
	}
	return st.s.p.V(i, st.bin[i])
}

func (st *state) objective() int64 {
	var sum int64
	for i := range st.bin {
		sum += st.value(i)
	}
	return sum
}

// feasible checks every constraint; the final guard before a solution is returned.
func (st *state) feasible() bool {
	p := st.s.p
	for i, it := range p.Items {
		if b := st.bin[i]; b < 0 && it.Mandatory || b >= 0 && !st.allowed(i, b) {
			return false
		}
	}
	for b, bin := range p.Bins {
		if st.load[b] > bin.Capacity {
			return false
		}
		for k := range NumExtra {
			if st.extra[k][b] > bin.Extra[k] {
				return false
			}
		}
	}
	for g, grp := range p.Groups {
		if st.gload[g] < grp.Floor {
			return false
		}
	}
	return true
}

// members lists the items in each bin.
func (st *state) members() [][]int {
	out := make([][]int, len(st.load))
	for i, b := range st.bin {
		if b >= 0 {
			out[b] = append(out[b], i)
		}
	}
	return out
}
