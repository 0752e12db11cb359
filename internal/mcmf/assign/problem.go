// Package assign solves the relocation matching problem as a generalized assignment
// problem with side constraints: indivisible items (households) of integer size go to at
// most one bin (a place) each, within each bin's capacity and its two extra limits
// (unaccompanied minors, medical needs); mandatory items must be placed; each group of
// bins (a state) receives at least its floor. The objective is the sum of the values of
// the placed items, in integer units.
//
// The method, in the order Solve runs it:
//   - prechecks and max-flows prove infeasibility and name the binding constraint;
//   - the transportation relaxation (persons as flow units, so households may split) is
//     solved by cost-scaling min-cost flow on a sparse arc set, warm-started from a
//     sample of the items and completed by column generation; the extra limits enter by
//     Lagrange multipliers;
//   - the bound is the Lagrangian dual at those prices, computed exactly over every
//     item-bin pair, valid for any prices, then tightened by subgradient steps; on small
//     problems a knapsack Lagrangian (bins kept whole) tightens it below the LP bound;
//   - the flow is rounded (by diving on small problems), mandatory items and floors are
//     repaired, and local search improves: insertion, relocation, ejection (single,
//     multiple, chains of two), swaps, exact knapsack repacking of a bin, and iterated
//     local search with tabu kicks until the deadline;
//   - tiny problems are solved exactly by branch and bound.
//
// Solve honours the context's deadline: phases get shares of the time left, and a
// feasible assignment is returned even when the relaxation is cut short.
package assign

import "fmt"

// NumExtra is the number of extra per-bin limits (unaccompanied minors, medical needs).
const NumExtra = 2

// Item is one indivisible unit of assignment (a household).
type Item struct {
	// Size is what the item takes of a bin's capacity (persons), at least 1.
	Size int64
	// Extra is what it takes of each extra limit (e.g. unaccompanied minors, medical).
	Extra [NumExtra]int64
	// Mandatory items must be placed.
	Mandatory bool
	// Allowed lists the bins the item may go to; nil means every bin.
	Allowed []int
}

// Bin is a place with a capacity.
type Bin struct {
	Capacity int64
	Extra    [NumExtra]int64
	// Group is the index of the group (state) the bin belongs to.
	Group int
}

// Group is a set of bins with a floor on the total size placed in it.
type Group struct {
	Floor int64
}

// Problem is an instance. Value holds, row-major, the value of item i at bin b at
// Value[i*len(Bins)+b], in integer objective units (>= 0).
type Problem struct {
	Items  []Item
	Bins   []Bin
	Groups []Group
	Value  []int64
}

// V returns the value of item i at bin b.
func (p *Problem) V(i, b int) int64 { return p.Value[i*len(p.Bins)+b] }

// Check reports a malformed problem (a programming error of the caller, not an
// infeasibility): wrong lengths, indexes out of range, negative sizes or values.
func (p *Problem) Check() error {
	if len(p.Value) != len(p.Items)*len(p.Bins) {
		return fmt.Errorf("assign: %d values for %d items x %d bins", len(p.Value), len(p.Items), len(p.Bins))
	}
	for b, bin := range p.Bins {
		if bin.Group < 0 || bin.Group >= len(p.Groups) || bin.Capacity < 0 {
			return fmt.Errorf("assign: bin %d: group %d or capacity %d out of range", b, bin.Group, bin.Capacity)
		}
	}
	for i, it := range p.Items {
		if it.Size < 1 {
			return fmt.Errorf("assign: item %d: size %d below 1", i, it.Size)
		}
		for _, b := range it.Allowed {
			if b < 0 || b >= len(p.Bins) {
				return fmt.Errorf("assign: item %d: allowed bin %d out of range", i, b)
			}
		}
	}
	for k, v := range p.Value {
		if v < 0 {
			return fmt.Errorf("assign: value %d of item %d negative", v, k/max(1, len(p.Bins)))
		}
	}
	return nil
}

// fits reports whether item i may go to bin b when b is empty: allowed, and within the
// capacity and extra limits. Pairs that do not fit are excluded from the relaxation too,
// which makes its bound tighter and still valid.
func (p *Problem) fits(i, b int) bool {
	it, bin := &p.Items[i], &p.Bins[b]
	if it.Size > bin.Capacity {
		return false
	}
	for k := range NumExtra {
		if it.Extra[k] > bin.Extra[k] {
			return false
		}
	}
	return true
}

// candidates returns the bins item i may go to and fits in.
func (p *Problem) candidates(i int, buf []int) []int {
	buf = buf[:0]
	if p.Items[i].Allowed == nil {
		for b := range p.Bins {
			if p.fits(i, b) {
				buf = append(buf, b)
			}
		}
		return buf
	}
	for _, b := range p.Items[i].Allowed {
		if p.fits(i, b) {
			buf = append(buf, b)
		}
	}
	return buf
}
