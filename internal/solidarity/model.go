package solidarity

import (
	"fmt"
	"math"

	"github.com/ceas-eu/ceas/internal/mcmf/assign"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// The extra limits of a place, in the order of assign.Item.Extra.
const (
	extraUAM     = 0
	extraMedical = 1
)

// model is an instance translated for the solver, with the scale of its values.
type model struct {
	in      *Instance
	prob    *assign.Problem
	unit    float64 // objective units per 1.0 (10^score_decimals)
	stateIx map[string]int
	pinned  []bool
}

// Decimals returns the score precision, 4 when the policy leaves it unset.
func (in *Instance) Decimals() int {
	if in.Policy.ScoreDecimals <= 0 {
		return 4
	}
	return in.Policy.ScoreDecimals
}

// buildModel maps cases to items and places to bins. The value of case c at place p is
// employable_c x score_cp in units of 10^-decimals, so objectives are exact integers.
func buildModel(in *Instance, ov Overrides) (*model, error) {
	m := &model{in: in, unit: math.Pow10(in.Decimals()), stateIx: map[string]int{}}
	p := &assign.Problem{Groups: make([]assign.Group, len(in.States)), Bins: make([]assign.Bin, len(in.Places))}
	for i, s := range in.States {
		m.stateIx[s.Code] = i
		p.Groups[i].Floor = int64(s.Floor)
	}
	for b, pl := range in.Places {
		p.Bins[b] = assign.Bin{Capacity: int64(pl.Capacity), Group: m.stateIx[pl.State]}
		p.Bins[b].Extra[extraUAM] = int64(pl.UAMCapacity)
		p.Bins[b].Extra[extraMedical] = int64(pl.MedicalCapacity)
	}
	nb := len(in.Places)
	p.Items = make([]assign.Item, len(in.Cases))
	p.Value = make([]int64, len(in.Cases)*nb)
	for i := range in.Cases {
		c := &in.Cases[i]
		it := assign.Item{Size: int64(c.Size), Mandatory: c.Mandatory}
		it.Extra[extraUAM] = int64(c.UAMCount)
		it.Extra[extraMedical] = int64(c.MedicalCount)
		it.Allowed = m.allowedPlaces(c)
		p.Items[i] = it
		for b, s := range c.Scores {
			p.Value[i*nb+b] = int64(c.Employable) * int64(math.Round(s*m.unit))
		}
	}
	m.prob = p
	if err := m.apply(ov); err != nil {
		return nil, err
	}
	return m, nil
}

// allowedPlaces lists the places of the states the case may go to, nil when any.
func (m *model) allowedPlaces(c *Case) []int {
	if c.AllowedStates == nil && c.FamilyLinkState == nil {
		return nil
	}
	out := []int{}
	for b, pl := range m.in.Places {
		if c.stateAllowed(pl.State) {
			out = append(out, b)
		}
	}
	return out
}

// infeasible turns the solver's reason into a validation error naming the element.
func (m *model) infeasible(r *assign.Reason) error {
	in := m.in
	switch r.Constraint {
	case "item":
		c := in.Cases[r.Item]
		return errs.Field(fmt.Sprintf("cases[%d]", r.Item), fmt.Sprintf(
			"infeasible: mandatory household %s (%d persons, %d unaccompanied minors, %d with medical needs) fits no place it may go to",
			c.ID, c.Size, c.UAMCount, c.MedicalCount))
	case "floor":
		if r.Group >= 0 {
			s := in.States[r.Group]
			return errs.Field(fmt.Sprintf("states[%d].floor", r.Group), fmt.Sprintf(
				"infeasible: floor %d of %s cannot be met by the households that may go there", s.Floor, s.Code))
		}
		return errs.Field("states.floor", "infeasible: floors of "+m.codes(r.Groups)+" cannot be met by the households that may go there")
	case "mandatory":
		return errs.Field("cases.mandatory", "infeasible: mandatory households exceed the capacity open to them ("+r.Detail+"; binding states "+m.codes(r.Groups)+")")
	case "extra":
		field := "places.uam_capacity"
		if r.Extra == extraMedical {
			field = "places.medical_capacity"
		}
		return errs.Field(field, "infeasible: mandatory households exceed it ("+r.Detail+")")
	case "floors+mandatory":
		return errs.Field("states.floor", "infeasible: floors of "+m.codes(r.Groups)+" and the mandatory households cannot both be met within capacity")
	}
	return errs.Field("instance", "infeasible: "+r.Detail)
}

func (m *model) codes(groups []int) string {
	out := "["
	for k, g := range groups {
		if k > 0 {
			out += " "
		}
		out += m.in.States[g].Code
	}
	return out + "]"
}
