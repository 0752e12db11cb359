package assign

import (
	"context"
	"errors"
	"sort"

	"github.com/ceas-eu/ceas/internal/mcmf"
)

// Fix states of an item during a dive.
const (
	free     int32 = -2
	unplaced int32 = -1
)

// dive rounds the relaxation by fixing: every item the flow splits is fixed to the bin
// that carries most of it (or to unplaced), and the relaxation is solved again with the
// fixes, until no item is split. A batch of fixes that makes the relaxation infeasible
// is halved; a single one is replaced by "unplaced" (or dropped, for a mandatory item).
// The result is a relaxation whose flow keeps every household whole, for construct.
func (s *solver) dive(ctx context.Context, rx *relaxation) *relaxation {
	s.fix = make([]int32, len(s.p.Items))
	defer func() { s.fix = nil }()
	for i := range s.fix {
		s.fix[i] = free
	}
	var warm *mcmf.Result
	skip := map[int]bool{}
	for round := 0; round < 60; round++ {
		split := rx.split()
		if len(split) == 0 || deadline(ctx) != nil {
			return rx
		}
		batch := split[:0:0]
		for _, i := range split {
			if !skip[i] {
				batch = append(batch, i)
			}
		}
		if len(batch) == 0 {
			return rx
		}
		for {
			choices := make([]int32, len(batch))
			for k, i := range batch {
				choices[k] = rx.majority(i)
				s.fix[i] = choices[k]
			}
			next, res, err := s.resolve(ctx, rx.arcs, warm)
			if err == nil {
				rx, warm = next, res
				break
			}
			for _, i := range batch {
				s.fix[i] = free
			}
			if !errors.Is(err, mcmf.ErrInfeasible) {
				return rx
			}
			if len(batch) > 1 {
				batch = batch[:len(batch)/2]
				continue
			}
			i := batch[0]
			if s.p.Items[i].Mandatory || choices[0] == unplaced {
				skip[i] = true // leave it split; construct places it
				break
			}
			s.fix[i] = unplaced
			next, res, err = s.resolve(ctx, rx.arcs, warm)
			if err != nil {
				s.fix[i] = free
				return rx
			}
			rx, warm = next, res
			break
		}
	}
	return rx
}

// resolve solves the relaxation with the current fixes over the given arcs.
func (s *solver) resolve(ctx context.Context, arcs [][]int32, warm *mcmf.Result) (*relaxation, *mcmf.Result, error) {
	g, ids := s.network(arcs, true, true)
	res, err := mcmf.SolveFrom(ctx, g, warm)
	if err != nil {
		return nil, nil, err
	}
	res.Eps = columnEps
	rx := &relaxation{s: s, arcs: arcs, rounds: 1}
	rx.read(res, ids)
	return rx, &res, nil
}

// split lists the items whose flow is divided, largest share first.
func (rx *relaxation) split() []int {
	var out []int
	share := map[int]float64{}
	for i, row := range rx.flowBin {
		var placed, top int64
		for _, f := range row {
			placed += f
			top = max(top, f)
		}
		size := rx.s.p.Items[i].Size
		if placed > 0 && top < size {
			out = append(out, i)
			share[i] = float64(max(top, size-placed)) / float64(size)
		}
	}
	sort.SliceStable(out, func(x, y int) bool { return share[out[x]] > share[out[y]] })
	return out
}

// majority is the bin carrying most of item i's flow, or unplaced when the unplaced part
// is larger and the item may stay unplaced.
func (rx *relaxation) majority(i int) int32 {
	var placed, top int64
	arg := unplaced
	for k, f := range rx.flowBin[i] {
		placed += f
		if f > top {
			top, arg = f, rx.arcs[i][k]
		}
	}
	if it := rx.s.p.Items[i]; !it.Mandatory && it.Size-placed > top {
		return unplaced
	}
	return arg
}
