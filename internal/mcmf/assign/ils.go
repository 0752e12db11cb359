package assign

import (
	"context"
	"math/rand/v2"
)

// ilsMaxRounds bounds iterated local search (with 10 rounds per item below it), so that
// without a deadline Solve still ends and stays deterministic.
const ilsMaxRounds = 3000

// ilsFullSearchItems is the size up to which each kick is followed by the full local
// search and threshold acceptance; larger problems use the local refill only.
const ilsFullSearchItems = 1500

// iterate is iterated local search: it empties two random bins (their non-mandatory
// members become unplaced and may not return at once), refills both by exact knapsacks
// over the best candidates, re-inserts the removed items elsewhere, and keeps the result
// if it is at least as good, else restores the best. Each round costs one scan of the
// items, so even large problems get many rounds. Coordinated changes across bins, which single
// moves cannot reach, come from these kicks. The random source is seeded from the
// problem size, so runs are reproducible.
func (st *state) iterate(ctx context.Context) int {
	p := st.s.p
	if len(p.Bins) < 2 {
		return 0
	}
	rng := rand.New(rand.NewPCG(uint64(len(p.Items)), uint64(len(p.Bins))))
	best := append([]int(nil), st.bin...)
	bestObj := st.objective()
	improved := 0
	rounds := min(ilsMaxRounds, 10*len(p.Items)+50)
	if _, ok := ctx.Deadline(); ok {
		rounds = 100 * rounds // the deadline ends it; results then depend on speed
	}
	st.tabu = make([]int, len(p.Items))
	for i := range st.tabu {
		st.tabu[i] = -1
	}
	defer func() { st.tabu = nil }()
	small := len(p.Items) <= ilsFullSearchItems
	cur := append([]int(nil), st.bin...)
	curObj := bestObj
	for round := 0; round < rounds && deadline(ctx) == nil; round++ {
		b1, b2, removed := st.kick(rng)
		st.repack(b1)
		st.repack(b2)
		st.insertItems(removed)
		for _, i := range removed {
			st.tabu[i] = -1
		}
		st.insertItems(removed)
		if small {
			st.improve(ctx)
		}
		obj := st.objective()
		if !st.feasible() {
			st.restore(cur)
			continue
		}
		if obj > bestObj {
			improved++
			bestObj = obj
			copy(best, st.bin)
		}
		// Threshold acceptance on small problems: a slightly worse state may be kept
		// (by up to 0.1% of the objective, shrinking to zero), so the search can leave
		// a local optimum; the best state is kept apart.
		threshold := int64(0)
		if small {
			threshold = bestObj / 1000 * int64(rounds-round) / int64(rounds)
		}
		if obj >= curObj-threshold {
			curObj = obj
			copy(cur, st.bin)
			continue
		}
		st.restore(cur)
	}
	st.restore(best)
	return improved
}

// kick empties two random bins of their non-mandatory members, if floors allow, and
// makes each removed item tabu for the bin it left, so that the search that follows
// must find another arrangement rather than rebuild the same one.
func (st *state) kick(rng *rand.Rand) (int, int, []int) {
	p := st.s.p
	b1 := rng.IntN(len(p.Bins))
	b2 := rng.IntN(len(p.Bins))
	var removed []int
	for i := range p.Items {
		if b := st.bin[i]; (b == b1 || b == b2) && !p.Items[i].Mandatory && st.canLeave(i, -1) {
			st.remove(i)
			st.tabu[i] = b
			removed = append(removed, i)
		}
	}
	return b1, b2, removed
}

// insertItems puts each of the given unplaced items at its most valuable bin with room.
func (st *state) insertItems(items []int) {
	p := st.s.p
	for _, i := range items {
		if st.bin[i] >= 0 {
			continue
		}
		best, arg := int64(0), -1
		for _, b := range st.s.cands(i) {
			if v := p.V(i, int(b)); v > best && st.canAdd(i, int(b)) {
				best, arg = v, int(b)
			}
		}
		if arg >= 0 {
			st.place(i, arg)
		}
	}
}

// restore resets the state to the assignment bins.
func (st *state) restore(bins []int) {
	for i, b := range st.bin {
		if b >= 0 && b != bins[i] {
			st.remove(i)
		}
	}
	for i, b := range bins {
		if b >= 0 && st.bin[i] != b {
			st.place(i, b)
		}
	}
}
