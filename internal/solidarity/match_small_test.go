package solidarity

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// bruteBest enumerates every assignment of a small instance and returns the best
// objective that Evaluate accepts, and whether any exists.
func bruteBest(in *Instance) (int64, bool) {
	a := make([]int, len(in.Cases))
	best, found := int64(-1), false
	var rec func(i int)
	rec = func(i int) {
		if i == len(a) {
			if obj, err := Evaluate(in, a); err == nil && obj > best {
				best, found = obj, true
			}
			return
		}
		for b := -1; b < len(in.Places); b++ {
			a[i] = b
			rec(i + 1)
		}
	}
	rec(0)
	return best, found
}

func TestMatchOptimalAgainstBruteForce(t *testing.T) {
	for seed := uint64(1); seed <= 12; seed++ {
		in := Generate(GenOptions{Candidates: 14, Seed: seed})
		in.Places = in.Places[:3]
		in.States = in.States[:2]
		for k := range in.Places {
			in.Places[k].State = in.States[k%2].Code
		}
		capOf := map[string]int{}
		for _, p := range in.Places {
			capOf[p.State] += p.Capacity
		}
		for k := range in.States {
			in.States[k].Pledge = capOf[in.States[k].Code]
			in.States[k].Floor = min(in.States[k].Floor, in.States[k].Pledge/3)
		}
		for k := range in.Cases {
			c := &in.Cases[k]
			c.Scores = c.Scores[:3]
			c.AllowedStates, c.FamilyLinkState, c.HardPreferenceStates = nil, nil, nil
		}
		if len(in.Cases) > 7 {
			in.Cases = in.Cases[:7]
		}
		want, ok := bruteBest(in)
		res, err := Match(context.Background(), in, Overrides{})
		if !ok {
			if errs.KindOf(err) != errs.KindInvalid {
				t.Fatalf("seed %d: brute force finds nothing, Match says %v", seed, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if got := int64(res.Objective*1e4 + 0.5); got != want || res.Status != "optimal" {
			t.Fatalf("seed %d: %s %d, brute force %d", seed, res.Status, got, want)
		}
	}
}

// TestMatchInfeasibleSaysWhy: an infeasible round is an Invalid error naming the
// constraint that binds, never an assignment.
func TestMatchInfeasibleSaysWhy(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Instance)
		field  string
		words  string
	}{
		{"mandatory minor with no minors' place", func(in *Instance) { in.Places[0].UAMCapacity = 0 }, "cases[3]", "fits no place"},
		{"mandatory households beyond capacity", func(in *Instance) {
			for k := range in.Cases {
				in.Cases[k].Mandatory = true
			}
			in.Cases = append(in.Cases, Case{Index: 4, ID: "C5", Nationality: "SY", EntryState: "IT", Size: 2, Mandatory: true, Scores: []float64{0.1, 0.1}})
		}, "cases.mandatory", "exceed"},
		{"floor no household can fill", func(in *Instance) {
			in.States[1].Floor = 3
			for _, k := range []int{0, 2, 3} {
				in.Cases[k].AllowedStates = []string{"DE"}
			}
		}, "states[1].floor", "cannot be met"},
		{"indivisible households", func(in *Instance) {
			in.Places[0].Capacity, in.Places[1].Capacity = 3, 3
			in.States[0].Floor, in.States[1].Floor = 0, 0
			in.Cases = in.Cases[:3]
			for k := range in.Cases {
				in.Cases[k].Size, in.Cases[k].Employable, in.Cases[k].Mandatory = 2, 1, true
				in.Cases[k].FamilyLinkState = nil
			}
		}, "instance", "indivisible"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tiny()
			tt.change(in)
			if err := in.Validate(); err != nil {
				t.Fatalf("instance should be valid: %v", err)
			}
			_, err := Match(context.Background(), in, Overrides{})
			e, ok := errs.As(err)
			if !ok || e.Kind != errs.KindInvalid || len(e.Fields) != 1 || e.Fields[0].Field != tt.field || !strings.Contains(e.Fields[0].Rule, tt.words) {
				t.Fatalf("want an error on %s saying %q, got %v", tt.field, tt.words, err)
			}
		})
	}
}

func TestMatchOverrides(t *testing.T) {
	in := tiny()
	res, err := Match(context.Background(), in, Overrides{
		Pins:    []Placement{{Case: "C2", Place: "DE-01"}},
		Forbids: []Placement{{Case: "C3", Place: "DE-01"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Assignment[1] != 0 || res.Assignment[2] != -1 {
		t.Fatalf("pin or forbid not honoured: %v", res.Assignment)
	}
	if !strings.Contains(strings.Join(res.Explanations[1].Binding, ";"), "pinned") {
		t.Errorf("explanation does not mention the pin: %+v", res.Explanations[1])
	}
	_, err = Match(context.Background(), in, Overrides{Pins: []Placement{{Case: "C3", Place: "FR-01"}}})
	if e, ok := errs.As(err); !ok || e.Fields[0].Field != "overrides.pins[0]" {
		t.Fatalf("a pin against the family link must be refused, got %v", err)
	}
}

func TestMatchDeterministic(t *testing.T) {
	in := Generate(GenOptions{Candidates: 300, Seed: 4})
	a, err := Match(context.Background(), in, Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Match(context.Background(), in, Overrides{})
	if !reflect.DeepEqual(a.Assignment, b.Assignment) || a.Bound != b.Bound {
		t.Fatal("two runs differ")
	}
	if !reflect.DeepEqual(Generate(GenOptions{Candidates: 300, Seed: 4}), in) {
		t.Fatal("the generator is not deterministic")
	}
}
