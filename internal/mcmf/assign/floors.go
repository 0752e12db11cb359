package assign

import "context"

// repairFloors raises every group to its floor, first with unplaced items, then by
// moving items from groups above their floor, each time choosing the move that loses
// least value. It reports false when a floor stays unmet.
func (st *state) repairFloors(ctx context.Context) bool {
	p := st.s.p
	binsOf := make([][]int, len(p.Groups))
	for b, bin := range p.Bins {
		binsOf[bin.Group] = append(binsOf[bin.Group], b)
	}
	for g, grp := range p.Groups {
		for st.gload[g] < grp.Floor {
			if deadline(ctx) != nil {
				return false
			}
			i, b := st.bestMoveInto(binsOf[g])
			if i < 0 {
				if !st.growBySwap(binsOf[g]) {
					return false
				}
				continue
			}
			if st.bin[i] >= 0 {
				st.remove(i)
			}
			st.place(i, b)
		}
	}
	return true
}

// bestMoveInto finds the item and bin among bins whose move there loses least value
// (or gains most); unplaced items are considered with value 0 where they are.
func (st *state) bestMoveInto(bins []int) (int, int) {
	p := st.s.p
	bestD, bi, bb := int64(-1<<62), -1, -1
	for i := range p.Items {
		from := st.bin[i]
		if from >= 0 && p.Bins[from].Group == p.Bins[bins[0]].Group {
			continue
		}
		if !st.canLeave(i, bins[0]) {
			continue
		}
		for _, b := range bins {
			if st.canAdd(i, b) {
				if d := p.V(i, b) - st.value(i); d > bestD {
					bestD, bi, bb = d, i, b
				}
			}
		}
	}
	return bi, bb
}

// growBySwap raises a group's load when no item fits its bins as they are: a member a of
// one of its bins gives way to a larger item i (unplaced, or from a group that can spare
// it), and a becomes unplaced. The swap that loses least value is made.
func (st *state) growBySwap(bins []int) bool {
	p := st.s.p
	g := p.Bins[bins[0]].Group
	bestD, bi, ba, bb := int64(-1<<62), -1, -1, -1
	members := st.members()
	for _, b := range bins {
		for _, a := range members[b] {
			ia := &p.Items[a]
			if ia.Mandatory {
				continue
			}
			for i := range p.Items {
				it := &p.Items[i]
				from := st.bin[i]
				if it.Size <= ia.Size || from >= 0 && p.Bins[from].Group == g || !st.allowed(i, b) ||
					!st.canLeave(i, b) || !st.room(i, b, ia.Size, ia.Extra) {
					continue
				}
				if d := p.V(i, b) - st.value(i) - p.V(a, b); d > bestD {
					bestD, bi, ba, bb = d, i, a, b
				}
			}
		}
	}
	if bi < 0 {
		return false
	}
	st.remove(ba)
	if st.bin[bi] >= 0 {
		st.remove(bi)
	}
	st.place(bi, bb)
	return true
}
