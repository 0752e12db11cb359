package identity

// maxClusterCheck bounds the members checked for a cannot-link when two clusters merge.
const maxClusterCheck = 64

// cluster joins matched pairs into persons, best pair first (a greedy, constrained
// union-find). Two clusters merge only if no record of one strongly disagrees with a
// record of the other, so a chain A~B~C cannot put twins A and C in one person.
func (b *batch) cluster(edges []edge) [][]int32 {
	parent := map[int32]int32{}
	members := map[int32][]int32{}
	find := func(x int32) int32 {
		for {
			p, ok := parent[x]
			if !ok || p == x {
				return x
			}
			if gp, ok := parent[p]; ok {
				parent[x] = gp
			}
			x = p
		}
	}
	for _, e := range edges {
		ri, rj := find(e.i), find(e.j)
		if ri == rj {
			continue
		}
		mi, mj := membersOf(members, ri), membersOf(members, rj)
		if b.conflict(mi, mj) {
			continue
		}
		if len(mi) < len(mj) {
			ri, rj, mi, mj = rj, ri, mj, mi
		}
		parent[rj] = ri
		parent[ri] = ri
		members[ri] = append(mi, mj...)
		delete(members, rj)
	}
	out := make([][]int32, 0, len(members))
	for _, m := range members {
		out = append(out, m)
	}
	return out
}

func membersOf(members map[int32][]int32, root int32) []int32 {
	if m, ok := members[root]; ok {
		return m
	}
	return []int32{root}
}

// conflict reports whether any record of a strongly disagrees with any record of b.
func (b *batch) conflict(x, y []int32) bool {
	if len(x) == 1 && len(y) == 1 {
		return false // the edge itself was judged a match
	}
	for _, i := range x[:min(len(x), maxClusterCheck)] {
		for _, j := range y[:min(len(y), maxClusterCheck)] {
			fa, fb := b.feats[i], b.feats[j]
			if b.sc.judge(compare(fa, fb), fa, fb).cannotLink() {
				return true
			}
		}
	}
	return false
}
