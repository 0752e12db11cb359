package solidarity

import (
	"fmt"
	"math"
)

func (in *Instance) validateCases(c *checker) {
	maxCap := 0
	for _, p := range in.Places {
		maxCap = max(maxCap, p.Capacity)
	}
	entry, nat := codeSet(in.EntryStates), codeSet(in.Nationalities)
	ids := map[string]bool{}
	for i := range in.Cases {
		k := &in.Cases[i]
		f := fmt.Sprintf("cases[%d]", i)
		if k.Index != i {
			c.add(f+".index", "is %d, must equal its position %d", k.Index, i)
		}
		if k.ID == "" || ids[k.ID] {
			c.add(f+".id", "missing or duplicate id %q", k.ID)
		}
		ids[k.ID] = true
		if len(entry) > 0 && !entry[k.EntryState] {
			c.add(f+".entry_state", "unknown entry state %q", k.EntryState)
		}
		if len(nat) > 0 && !nat[k.Nationality] {
			c.add(f+".nationality", "unknown nationality %q", k.Nationality)
		}
		in.validateHousehold(c, f, k, maxCap)
		in.validateStatesOfCase(c, f, k)
		validateScores(c, f, k.Scores, len(in.Places))
	}
}

// validateHousehold checks the sizes; a household larger than every place can never move
// (it is indivisible), which is an error in the instance rather than a matching outcome.
func (in *Instance) validateHousehold(c *checker, f string, k *Case, maxCap int) {
	if k.Size < 1 {
		c.add(f+".size", "must be at least 1, not %d", k.Size)
		return
	}
	if len(in.Places) > 0 && k.Size > maxCap {
		c.add(f+".size", "household %s of %d persons is larger than any place (largest %d)", k.ID, k.Size, maxCap)
	}
	if k.Employable < 0 || k.Employable > k.Size {
		c.add(f+".employable", "must be within [0,size], not %d", k.Employable)
	}
	if k.UAMCount < 0 || k.UAMCount > k.Size || k.MedicalCount < 0 || k.MedicalCount > k.Size {
		c.add(f, "uam_count and medical_count must be within [0,size]")
	}
	if len(k.Members) > 0 && len(k.Members) != k.Size {
		c.add(f+".members", "has %d members for size %d", len(k.Members), k.Size)
	}
}

func (in *Instance) validateStatesOfCase(c *checker, f string, k *Case) {
	if k.FamilyLinkState != nil && !c.codes[*k.FamilyLinkState] {
		c.add(f+".family_link_state", "unknown state %q", *k.FamilyLinkState)
	}
	for j, s := range k.AllowedStates {
		if !c.codes[s] {
			c.add(fmt.Sprintf("%s.allowed_states[%d]", f, j), "unknown state %q", s)
		}
	}
	for j, s := range k.HardPreferenceStates {
		if !c.codes[s] {
			c.add(fmt.Sprintf("%s.hard_preference_states[%d]", f, j), "unknown state %q", s)
		}
	}
}

func validateScores(c *checker, f string, scores []float64, places int) {
	if len(scores) != places {
		c.add(f+".scores", "has %d scores for %d places", len(scores), places)
		return
	}
	for j, s := range scores {
		if !(s >= 0 && s <= 1) || math.IsNaN(s) {
			c.add(fmt.Sprintf("%s.scores[%d]", f, j), "score %v outside [0,1]", s)
		}
	}
}

func codeSet(cs []Country) map[string]bool {
	m := make(map[string]bool, len(cs))
	for _, x := range cs {
		m[x.Code] = true
	}
	return m
}
