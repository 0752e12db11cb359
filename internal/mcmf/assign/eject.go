package assign

import (
	"context"
	"sort"
)

// ejectManyPass lets an unplaced item u into bin b by ejecting the members of b worth
// least per person, as many as it takes, when u is worth more than all of them; the
// ejected items become unplaced and the next insertion pass re-places what it can.
// Members are ranked once per pass; a bin changed in the pass is skipped until the next.
func (st *state) ejectManyPass(ctx context.Context) int {
	p, n := st.s.p, 0
	members := st.members()
	for b, in := range members {
		sort.Slice(in, func(x, y int) bool {
			a, c := in[x], in[y]
			return p.V(a, b)*p.Items[c].Size < p.V(c, b)*p.Items[a].Size
		})
	}
	dirty := make([]bool, len(members))
	for u := range p.Items {
		if u&255 == 0 && deadline(ctx) != nil {
			break
		}
		if st.bin[u] >= 0 {
			continue
		}
		bestGain, bestB, bestK := int64(0), -1, 0
		for _, bb := range st.s.cands(u) {
			b := int(bb)
			if dirty[b] || p.V(u, b) <= bestGain {
				continue
			}
			if k, loss, ok := st.ejectPrefix(u, b, members[b]); ok && p.V(u, b)-loss > bestGain {
				bestGain, bestB, bestK = p.V(u, b)-loss, b, k
			}
		}
		if bestB < 0 {
			continue
		}
		for _, a := range members[bestB][:bestK] {
			st.remove(a)
		}
		st.place(u, bestB)
		dirty[bestB] = true
		n++
	}
	return n
}

// ejectPrefix returns how many of the ranked members of b must leave for u to fit, and
// the value they take with them; mandatory members and floors stop the prefix.
func (st *state) ejectPrefix(u, b int, ranked []int) (int, int64, bool) {
	p := st.s.p
	var free int64
	var freeX [NumExtra]int64
	var loss int64
	g := p.Bins[b].Group
	for k := 0; k <= len(ranked) && k <= 8; k++ {
		if st.room(u, b, free, freeX) {
			if st.gload[g]-free+p.Items[u].Size < p.Groups[g].Floor {
				return 0, 0, false
			}
			return k, loss, true
		}
		if k == len(ranked) {
			break
		}
		a := ranked[k]
		if p.Items[a].Mandatory || st.bin[a] != b {
			return 0, 0, false
		}
		loss += p.V(a, b)
		if loss >= p.V(u, b) {
			return 0, 0, false
		}
		free += p.Items[a].Size
		for e := range NumExtra {
			freeX[e] += p.Items[a].Extra[e]
		}
	}
	return 0, 0, false
}
