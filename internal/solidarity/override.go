package solidarity

import (
	"fmt"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Overrides are a coordinator's decisions on top of the optimiser: people decide, the
// solver fills in the rest (issue 7: "a coordinator pins or forbids a placement and
// re-runs").
type Overrides struct {
	// Pins force a case to a place: the case becomes mandatory there.
	Pins []Placement `json:"pins,omitempty"`
	// Forbids exclude a place for a case.
	Forbids []Placement `json:"forbids,omitempty"`
}

// Placement names a case and a place by their ids.
type Placement struct {
	Case  string `json:"case"`
	Place string `json:"place"`
}

// ParsePlacement reads "CASE=PLACE", the form the CLI flags take.
func ParsePlacement(s string) (Placement, error) {
	c, p, ok := strings.Cut(s, "=")
	if !ok || c == "" || p == "" {
		return Placement{}, errs.Field("placement", fmt.Sprintf("%q is not CASE=PLACE", s))
	}
	return Placement{Case: c, Place: p}, nil
}

// apply restricts the items: a pin leaves one allowed bin and makes the item mandatory;
// a forbid removes a bin. A pin may not break the case's allowed states or family link,
// which are legal constraints, not preferences; a pin and a forbid of the same pair
// contradict each other.
func (m *model) apply(ov Overrides) error {
	if len(ov.Pins)+len(ov.Forbids) == 0 {
		return nil
	}
	caseIx, placeIx := map[string]int{}, map[string]int{}
	for i, c := range m.in.Cases {
		caseIx[c.ID] = i
	}
	for b, p := range m.in.Places {
		placeIx[p.ID] = b
	}
	var v errs.Validation
	m.pinned = make([]bool, len(m.in.Cases))
	pinned := map[Placement]bool{}
	for k, pin := range ov.Pins {
		f := fmt.Sprintf("overrides.pins[%d]", k)
		i, b, ok := lookupPair(&v, f, pin, caseIx, placeIx)
		if !ok {
			continue
		}
		if !m.in.Cases[i].stateAllowed(m.in.Places[b].State) {
			v.Addf(f, "case %s may not go to %s (allowed states or family link)", pin.Case, m.in.Places[b].State)
			continue
		}
		if m.pinned[i] {
			v.Addf(f, "case %s is pinned twice", pin.Case)
			continue
		}
		m.pinned[i] = true
		pinned[pin] = true
		m.prob.Items[i].Allowed = []int{b}
		m.prob.Items[i].Mandatory = true
	}
	for k, fb := range ov.Forbids {
		f := fmt.Sprintf("overrides.forbids[%d]", k)
		i, b, ok := lookupPair(&v, f, fb, caseIx, placeIx)
		if !ok {
			continue
		}
		if pinned[fb] {
			v.Addf(f, "case %s is both pinned to and forbidden from %s", fb.Case, fb.Place)
			continue
		}
		m.prob.Items[i].Allowed = without(m.prob.Items[i].Allowed, b, len(m.in.Places))
	}
	return v.Err()
}

func lookupPair(v *errs.Validation, f string, p Placement, cases, places map[string]int) (int, int, bool) {
	i, okC := cases[p.Case]
	b, okP := places[p.Place]
	if !okC {
		v.Addf(f+".case", "unknown case %q", p.Case)
	}
	if !okP {
		v.Addf(f+".place", "unknown place %q", p.Place)
	}
	return i, b, okC && okP
}

// without returns the allowed list minus b, expanding nil (all bins) first.
func without(allowed []int, b, nb int) []int {
	if allowed == nil {
		allowed = make([]int, nb)
		for k := range allowed {
			allowed[k] = k
		}
	}
	out := make([]int, 0, len(allowed))
	for _, x := range allowed {
		if x != b {
			out = append(out, x)
		}
	}
	return out
}
