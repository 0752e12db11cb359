package assign

import (
	"context"
	"sort"
)

// repackCandidates caps how many outside items a bin's knapsack considers, best gain per
// person first; its members are always considered.
const repackCandidates = 48

// repackPass re-optimises each bin's content exactly: a knapsack over its members and the
// outside items that would gain most by moving in (their gain is the value here minus the
// value where they are), within capacity and both extra limits. Members left out become
// unplaced; items moved in leave holes the next bins' knapsacks may fill. A repack is kept
// only if it raises the objective and keeps every floor and mandatory item.
func (st *state) repackPass(ctx context.Context) int {
	n := 0
	for b := range st.s.p.Bins {
		if deadline(ctx) != nil {
			break
		}
		if st.repack(b) {
			n++
		}
	}
	return n
}

func (st *state) repack(b int) bool {
	p := st.s.p
	var forced, cands []int
	var base int64 // value the members give now
	for i := range p.Items {
		if st.bin[i] == b {
			base += p.V(i, b)
			if p.Items[i].Mandatory {
				forced = append(forced, i)
			} else {
				cands = append(cands, i)
			}
		}
	}
	outside := st.outsideCandidates(b)
	cands = append(cands, outside...)
	var capW, capU, capM int64 = p.Bins[b].Capacity, p.Bins[b].Extra[0], p.Bins[b].Extra[1]
	var fixedGain int64
	for _, i := range forced {
		capW -= p.Items[i].Size
		capU -= p.Items[i].Extra[0]
		capM -= p.Items[i].Extra[1]
		fixedGain += p.V(i, b)
	}
	if capW < 0 || capU < 0 || capM < 0 {
		return false
	}
	profit := func(i int) int64 { return p.V(i, b) - st.valueElsewhere(i, b) }
	chosen, best := knapsack(cands, profit, p, capW, capU, capM)
	if fixedGain+best <= base {
		return false
	}
	return st.applyRepack(b, chosen)
}

// valueElsewhere is the value item i gives where it is, unless that is bin b.
func (st *state) valueElsewhere(i, b int) int64 {
	if st.bin[i] == b {
		return 0
	}
	return st.value(i)
}

// outsideCandidates picks the non-members of b that gain most per person by moving in.
func (st *state) outsideCandidates(b int) []int {
	p := st.s.p
	type cand struct {
		i    int
		gain float64
	}
	var cs []cand
	for i := range p.Items {
		if st.bin[i] == b || !st.allowed(i, b) || !p.fits(i, b) {
			continue
		}
		if g := p.V(i, b) - st.value(i); g > 0 {
			cs = append(cs, cand{i, float64(g) / float64(p.Items[i].Size)})
		}
	}
	sort.Slice(cs, func(x, y int) bool { return cs[x].gain > cs[y].gain || cs[x].gain == cs[y].gain && cs[x].i < cs[y].i })
	out := make([]int, 0, min(len(cs), repackCandidates))
	for k := 0; k < len(cs) && k < repackCandidates; k++ {
		out = append(out, cs[k].i)
	}
	return out
}

// applyRepack makes the chosen items (and the mandatory members) the content of bin b,
// and undoes everything if a floor breaks.
func (st *state) applyRepack(b int, chosen []int) bool {
	p := st.s.p
	keep := map[int]bool{}
	for _, i := range chosen {
		keep[i] = true
	}
	type move struct{ i, from int }
	var undo []move
	for i := range p.Items {
		if st.bin[i] == b && !keep[i] && !p.Items[i].Mandatory {
			undo = append(undo, move{i, b})
			st.remove(i)
		}
	}
	for _, i := range chosen {
		if st.bin[i] != b {
			undo = append(undo, move{i, st.bin[i]})
			if st.bin[i] >= 0 {
				st.remove(i)
			}
			st.place(i, b)
		}
	}
	for g, grp := range p.Groups {
		if st.gload[g] < grp.Floor {
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
	}
	return true
}

// knapsack solves max sum profit over items within three capacities by dynamic
// programming over (persons, minors, medical) states; it returns the chosen items.
func knapsack(items []int, profit func(int) int64, p *Problem, W, U, M int64) ([]int, int64) {
	var su, sm int64
	for _, i := range items {
		su += p.Items[i].Extra[0]
		sm += p.Items[i].Extra[1]
	}
	U, M = min(U, su), min(M, sm)
	nu, nm := U+1, M+1
	states := (W + 1) * nu * nm
	dp := make([]int64, states)
	take := make([][]bool, len(items))
	for k, i := range items {
		take[k] = make([]bool, states)
		it := &p.Items[i]
		pr := profit(i)
		if pr <= 0 && it.Size > 0 {
			continue
		}
		for w := W; w >= it.Size; w-- {
			for u := U; u >= it.Extra[0]; u-- {
				for m := M; m >= it.Extra[1]; m-- {
					s := (w*nu+u)*nm + m
					prev := ((w-it.Size)*nu+(u-it.Extra[0]))*nm + (m - it.Extra[1])
					if v := dp[prev] + pr; v > dp[s] {
						dp[s], take[k][s] = v, true
					}
				}
			}
		}
	}
	var chosen []int
	w, u, m := W, U, M
	for k := len(items) - 1; k >= 0; k-- {
		s := (w*nu+u)*nm + m
		if take[k][s] {
			it := &p.Items[items[k]]
			chosen = append(chosen, items[k])
			w, u, m = w-it.Size, u-it.Extra[0], m-it.Extra[1]
		}
	}
	return chosen, dp[states-1]
}
