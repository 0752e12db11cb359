package dublin

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// FuzzDecideCase feeds arbitrary bytes to Decode and every accepted case to Determine: it
// must never panic, and its answer must always encode as JSON with a reasoning trail.
func FuzzDecideCase(f *testing.F) {
	f.Add(baseCase)
	f.Add(mk(f, hr+`, "procedure": {"type": "take_charge", "requested_state": "HR", "request_sent_on": "2024-03-20"}`))
	f.Add(mk(f, uam+`, "family": [{"relation": "sibling", "state": "DE", "legally_present": true}]`))
	f.Add(mk(f, `"applicant": null, "applications_simultaneous": true, "applicants": [{"ref": "a", "application": {"state": "AT", "lodged_on": "2024-02-10"}}, {"ref": "b", "accompanies": "a"}]`))
	f.Add(mk(f, `"documents": [{"type": "visa", "issuing_state": "CZ", "valid_until": "2023-08-10"}], "stays": [{"state": "AT", "from": "2023-06-01"}]`))
	f.Add(mk(f, `"previous_applications": [{"state": "DE", "lodged_on": "2022-05-01", "status": "rejected_final"}], "removals": [{"date": "2023-02-01"}], "exits": [{"date": "2023-01-01"}]`))
	f.Add(`{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "procedure": {"type": "take_back", "reply": {"decision": "refuse"}, "re_examination": {"answer": {"decision": "accept"}}, "appeal": {"suspensive_effect": true}, "extension": {"reason": "absconding"}}, "detained": true}`)
	f.Add(`{}`)
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Decode(strings.NewReader(s))
		if err != nil {
			return
		}
		d := Determine(c)
		if len(d.Reasoning) == 0 {
			t.Fatalf("no reasoning for %s", s)
		}
		if _, err := json.Marshal(d); err != nil {
			t.Fatal(err)
		}
		if d.ResponsibleState != nil && !IsMemberState(*d.ResponsibleState) {
			t.Fatalf("responsible state %q is not a Dublin state", *d.ResponsibleState)
		}
	})
}

// FuzzDetermineUnvalidated runs Determine on cases that skipped Validate.
func FuzzDetermineUnvalidated(f *testing.F) {
	f.Add(`{"applicants": [{"ref": "x", "accompanies": "x"}], "procedure": {"type": "take_charge"}}`)
	f.Add(`{"applicants": [{"ref": "a", "accompanies": "b"}, {"ref": "b", "accompanies": "a"}], "applications_simultaneous": true}`)
	f.Fuzz(func(t *testing.T, s string) {
		var c Case
		if json.Unmarshal([]byte(s), &c) != nil {
			return
		}
		_ = Determine(c)
	})
}

// FuzzDecodeJSON feeds arbitrary bodies to the decoder of the service's inputs: it never
// panics and refuses with an Invalid error naming a field.
func FuzzDecodeJSON(f *testing.F) {
	for _, s := range []string{`{"decision": "accept", "on": "2026-03-02"}`, `{"on": "2026-02-30"}`, `{"x": 1}`,
		`{"decision": 1}`, `{} {}`, ``, `{"on": null}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var in ReplyInput
		err := DecodeJSON(data, &in)
		if err == nil {
			return
		}
		e, ok := errs.As(err)
		if !ok || e.Kind != errs.KindInvalid || len(e.Fields) == 0 || e.Fields[0].Field == "" {
			t.Fatalf("unclassified or unnamed error: %v", err)
		}
	})
}
