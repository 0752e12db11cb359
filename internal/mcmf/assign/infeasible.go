package assign

import (
	"context"
	"fmt"

	"github.com/ceas-eu/ceas/internal/mcmf"
)

// Reason names the constraint that makes a problem infeasible.
type Reason struct {
	// Constraint is one of: "item" (a mandatory item fits no allowed bin), "floor" (a
	// group's floor cannot be met), "mandatory" (mandatory items exceed the capacity open
	// to them), "extra" (mandatory items exceed an extra limit), "floors+mandatory" (each
	// is possible alone, not together), "search" (no assignment found in time).
	Constraint string
	// Item, Group and Extra locate it; -1 when not applicable. Groups lists the groups
	// on the binding side of the cut when several are involved.
	Item, Group, Extra int
	Groups             []int
	// Detail is a sentence with the figures.
	Detail string
}

func reason(c string) *Reason { return &Reason{Constraint: c, Item: -1, Group: -1, Extra: -1} }

// precheck finds the simple, countable reasons first, so the message names one element.
func (s *solver) precheck() *Reason {
	p := s.p
	var mandSize int64
	var mandExtra, binExtra [NumExtra]int64
	for i, it := range p.Items {
		if it.Mandatory {
			if len(s.cands(i)) == 0 {
				r := reason("item")
				r.Item = i
				r.Detail = fmt.Sprintf("mandatory item %d (size %d) fits no bin it may go to", i, it.Size)
				return r
			}
			mandSize += it.Size
			for k := range NumExtra {
				mandExtra[k] += it.Extra[k]
			}
		}
	}
	capG := make([]int64, len(p.Groups))
	var capAll int64
	for _, bin := range p.Bins {
		capG[bin.Group] += bin.Capacity
		capAll += bin.Capacity
		for k := range NumExtra {
			binExtra[k] += bin.Extra[k]
		}
	}
	for g, grp := range p.Groups {
		if grp.Floor > capG[g] {
			r := reason("floor")
			r.Group = g
			r.Detail = fmt.Sprintf("floor %d of group %d is above its capacity %d", grp.Floor, g, capG[g])
			return r
		}
	}
	if mandSize > capAll {
		r := reason("mandatory")
		r.Detail = fmt.Sprintf("mandatory items total %d, above the total capacity %d", mandSize, capAll)
		return r
	}
	for k := range NumExtra {
		if mandExtra[k] > binExtra[k] {
			r := reason("extra")
			r.Extra = k
			r.Detail = fmt.Sprintf("mandatory items need %d of extra limit %d, bins offer %d", mandExtra[k], k, binExtra[k])
			return r
		}
	}
	return nil
}

// diagnose checks with max-flows that the relaxation is feasible, and if not, which of
// the mandatory items and the floors is to blame, naming the groups on the cut.
func (s *solver) diagnose(ctx context.Context) (*Reason, error) {
	arcs := make([][]int32, len(s.p.Items))
	for i := range arcs {
		arcs[i] = s.cand[i] // nil: the hub reaches every bin
	}
	check := func(mand, floors bool) (mcmf.Feasibility, error) {
		g, _ := s.network(arcs, mand, floors)
		return mcmf.CheckFeasible(ctx, g)
	}
	both, err := check(true, true)
	if err != nil || both.Feasible {
		return nil, err
	}
	_, grp0, _, _ := s.layout()
	if f, err := check(true, false); err != nil {
		return nil, err
	} else if !f.Feasible {
		r := reason("mandatory")
		r.Groups = s.cutGroups(f, grp0, true)
		r.Detail = fmt.Sprintf("mandatory items cannot all be placed: at most %d of %d persons fit the bins open to them", f.Routed, f.Required)
		return r, nil
	}
	if f, err := check(false, true); err != nil {
		return nil, err
	} else if !f.Feasible {
		r := reason("floor")
		r.Groups = s.cutGroups(f, grp0, false)
		if len(r.Groups) == 1 {
			r.Group = r.Groups[0]
		}
		r.Detail = fmt.Sprintf("floors of groups %v cannot be met by the items that may go there", r.Groups)
		return r, nil
	}
	r := reason("floors+mandatory")
	r.Groups = s.cutGroups(both, grp0, false)
	r.Detail = "mandatory items and floors are each possible alone but not together: capacity runs out"
	return r, nil
}

// cutGroups lists the groups with a bin on the source side of the cut whose capacity is
// exhausted (source=true), or the groups with a floor on the sink side (floor not reached).
func (s *solver) cutGroups(f mcmf.Feasibility, grp0 int, source bool) []int {
	var out []int
	bin0, _, _, _ := s.layout()
	for g := range s.p.Groups {
		hit := !source && !f.SourceSide[grp0+g] && s.p.Groups[g].Floor > 0
		for b, bin := range s.p.Bins {
			if source && bin.Group == g && f.SourceSide[bin0+b] && !f.SourceSide[grp0+g] {
				hit = true
			}
		}
		if hit {
			out = append(out, g)
		}
	}
	return out
}
