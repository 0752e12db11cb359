package solidarity

import (
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// tiny returns a valid two-state instance small enough to reason about by hand.
func tiny() *Instance {
	de := "DE"
	return &Instance{
		Schema: InstanceSchema, Name: "tiny",
		Policy:        Policy{FloorFraction: 0.5, Mandatory: "vulnerable", ScoreDecimals: 4},
		EntryStates:   []Country{{Code: "IT", Name: "Italy"}},
		Nationalities: []Country{{Code: "SY", Name: "Syria"}},
		States:        []State{{Code: "DE", Name: "Germany", Pledge: 4, Floor: 2}, {Code: "FR", Name: "France", Pledge: 3, Floor: 1}},
		Places: []Place{
			{Index: 0, ID: "DE-01", State: "DE", Capacity: 4, UAMCapacity: 1, MedicalCapacity: 1},
			{Index: 1, ID: "FR-01", State: "FR", Capacity: 3, UAMCapacity: 0, MedicalCapacity: 1},
		},
		Cases: []Case{
			{Index: 0, ID: "C1", Nationality: "SY", EntryState: "IT", Size: 3, Employable: 2, Scores: []float64{0.5, 0.4}},
			{Index: 1, ID: "C2", Nationality: "SY", EntryState: "IT", Size: 2, Employable: 1, Scores: []float64{0.3, 0.6}},
			{Index: 2, ID: "C3", Nationality: "SY", EntryState: "IT", Size: 1, Employable: 1, Scores: []float64{0.9, 0.2}, FamilyLinkState: &de},
			{Index: 3, ID: "C4", Nationality: "SY", EntryState: "IT", Size: 1, Employable: 0, UAMCount: 1, Mandatory: true, Vulnerable: true, Scores: []float64{0.1, 0.1}},
		},
	}
}

// TestValidateNamesTheElement covers the bad input of issue 7: each error names the
// element that breaks the format.
func TestValidateNamesTheElement(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(*Instance)
		field  string
		rule   string
	}{
		{"household larger than any place", func(in *Instance) { in.Cases[0].Size = 5 }, "cases[0].size", "larger than any place"},
		{"floor above capacity", func(in *Instance) { in.States[1].Floor = 4 }, "states[1].floor", "above the capacity"},
		{"unknown state of a place", func(in *Instance) { in.Places[1].State = "XX" }, "places[1].state", "unknown state"},
		{"unknown allowed state", func(in *Instance) { in.Cases[1].AllowedStates = []string{"FR", "ZZ"} }, "cases[1].allowed_states[1]", "unknown state"},
		{"unknown family link", func(in *Instance) { s := "QQ"; in.Cases[2].FamilyLinkState = &s }, "cases[2].family_link_state", "unknown state"},
		{"score above 1", func(in *Instance) { in.Cases[1].Scores[1] = 1.2 }, "cases[1].scores[1]", "outside [0,1]"},
		{"negative score", func(in *Instance) { in.Cases[0].Scores[0] = -0.1 }, "cases[0].scores[0]", "outside [0,1]"},
		{"scores shorter than places", func(in *Instance) { in.Cases[0].Scores = []float64{0.5} }, "cases[0].scores", "for 2 places"},
		{"employable above size", func(in *Instance) { in.Cases[1].Employable = 3 }, "cases[1].employable", "within [0,size]"},
		{"index out of order", func(in *Instance) { in.Places[1].Index = 0 }, "places[1].index", "must equal its position"},
		{"wrong schema", func(in *Instance) { in.Schema = "v0" }, "schema", "must be"},
		{"unknown entry state", func(in *Instance) { in.Cases[3].EntryState = "FR" }, "cases[3].entry_state", "unknown entry state"},
		{"duplicate case id", func(in *Instance) { in.Cases[1].ID = "C1" }, "cases[1].id", "duplicate"},
	}
	if err := tiny().Validate(); err != nil {
		t.Fatalf("the base instance must be valid: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tiny()
			tt.break_(in)
			err := in.Validate()
			e, ok := errs.As(err)
			if !ok || e.Kind != errs.KindInvalid {
				t.Fatalf("want an Invalid error, got %v", err)
			}
			for _, f := range e.Fields {
				if f.Field == tt.field && strings.Contains(f.Rule, tt.rule) {
					return
				}
			}
			t.Fatalf("no error on %s containing %q: %v", tt.field, tt.rule, err)
		})
	}
}
