package solidarity

import (
	"fmt"
	"math"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// maxFieldErrors keeps the message of a badly broken instance readable.
const maxFieldErrors = 25

// checker collects field errors up to maxFieldErrors.
type checker struct {
	v     errs.Validation
	n     int
	codes map[string]bool
}

func (c *checker) add(field, format string, args ...any) {
	c.n++
	if c.n <= maxFieldErrors {
		c.v.Addf(field, format, args...)
	} else if c.n == maxFieldErrors+1 {
		c.v.Add("instance", "more errors not shown")
	}
}

// Validate checks the instance against the format and names each bad element, e.g.
// "cases[12].scores[3]: score 1.2 outside [0,1]" or "states[2].floor: floor 50 above
// the capacity 40 of the state's places".
func (in *Instance) Validate() error {
	c := &checker{codes: map[string]bool{}}
	if in.Schema != InstanceSchema {
		c.add("schema", "must be %q", InstanceSchema)
	}
	if in.Name == "" {
		c.add("name", "required")
	}
	in.validatePolicy(c)
	capOf := in.validatePlaces(c)
	in.validateStates(c, capOf)
	in.validateCases(c)
	if in.Certificate != nil {
		in.validateCertificate(c)
	}
	return c.v.Err()
}

func (in *Instance) validatePolicy(c *checker) {
	switch in.Policy.Mandatory {
	case "", "vulnerable", "all":
	default:
		c.add("policy.mandatory", "must be \"vulnerable\" or \"all\", not %q", in.Policy.Mandatory)
	}
	if d := in.Policy.ScoreDecimals; d < 0 || d > 6 {
		c.add("policy.score_decimals", "must be between 0 and 6, not %d", d)
	}
	if f := in.Policy.FloorFraction; f < 0 || f > 1 || math.IsNaN(f) {
		c.add("policy.floor_fraction", "must be within [0,1]")
	}
}

// validatePlaces checks places and returns the capacity per state code.
func (in *Instance) validatePlaces(c *checker) map[string]int {
	for _, s := range in.States {
		c.codes[s.Code] = true
	}
	capOf := map[string]int{}
	ids := map[string]bool{}
	for i, p := range in.Places {
		f := fmt.Sprintf("places[%d]", i)
		if p.Index != i {
			c.add(f+".index", "is %d, must equal its position %d", p.Index, i)
		}
		if p.ID == "" || ids[p.ID] {
			c.add(f+".id", "missing or duplicate id %q", p.ID)
		}
		ids[p.ID] = true
		if !c.codes[p.State] {
			c.add(f+".state", "unknown state %q (not in states)", p.State)
		}
		if p.Capacity < 0 || p.UAMCapacity < 0 || p.MedicalCapacity < 0 {
			c.add(f+".capacity", "capacities must not be negative")
		}
		if p.UAMCapacity > p.Capacity || p.MedicalCapacity > p.Capacity {
			c.add(f+".capacity", "special capacities %d and %d exceed the capacity %d", p.UAMCapacity, p.MedicalCapacity, p.Capacity)
		}
		if !unit(p.UnemploymentRate) || !unit(p.LowSkillDemand) || !unit(p.HighSkillDemand) {
			c.add(f, "unemployment_rate and skill demands must be within [0,1]")
		}
		capOf[p.State] += p.Capacity
	}
	return capOf
}

func (in *Instance) validateStates(c *checker, capOf map[string]int) {
	seen := map[string]bool{}
	for i, s := range in.States {
		f := fmt.Sprintf("states[%d]", i)
		if s.Code == "" || seen[s.Code] {
			c.add(f+".code", "missing or duplicate state code %q", s.Code)
		}
		seen[s.Code] = true
		if s.Pledge < 0 || s.Floor < 0 {
			c.add(f, "pledge and floor must not be negative")
		}
		if s.Floor > capOf[s.Code] {
			c.add(f+".floor", "floor %d of %s is above the capacity %d of its places", s.Floor, s.Code, capOf[s.Code])
		} else if s.Floor > s.Pledge {
			c.add(f+".floor", "floor %d of %s is above its pledge %d", s.Floor, s.Code, s.Pledge)
		}
	}
}

func (in *Instance) validateCertificate(c *checker) {
	a := in.Certificate.Assignment
	if len(a) != len(in.Cases) {
		c.add("certificate.assignment", "has %d entries for %d cases", len(a), len(in.Cases))
		return
	}
	for i, p := range a {
		if p < -1 || p >= len(in.Places) {
			c.add(fmt.Sprintf("certificate.assignment[%d]", i), "place %d out of range", p)
		}
	}
}

func unit(x float64) bool { return x >= 0 && x <= 1 }
