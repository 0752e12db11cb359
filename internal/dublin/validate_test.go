package dublin

import (
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

func TestDecodeRejects(t *testing.T) {
	tests := []struct {
		name  string
		js    string
		field string
		rule  string
	}{
		{"missing application date (Art 20(2))", `{"application": {"state": "BE"}}`, "application.lodged_on", "required"},
		{"missing application", `{"as_of": "2024-01-01"}`, "application.lodged_on", "required"},
		{"a date that is not a date", `{"application": {"state": "BE", "lodged_on": "2024-02-30"}}`, "application.lodged_on", "2024-02-30"},
		{"a date in another format", `{"application": {"state": "BE", "lodged_on": "10/02/2024"}}`, "application.lodged_on", "calendar date"},
		{"a number for a date", `{"as_of": 20240101, "application": {"state": "BE", "lodged_on": "2024-02-10"}}`, "as_of", "calendar date"},
		{"nested bad date", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "procedure": {"type": "take_charge", "reply": {"decision": "accept", "on": "2024-13-01"}}}`, "procedure.reply.on", "2024-13-01"},
		{"unknown state", `{"application": {"state": "XX", "lodged_on": "2024-02-10"}}`, "application.state", "unknown state"},
		{"Greece is GR, not EL", `{"application": {"state": "EL", "lodged_on": "2024-02-10"}}`, "application.state", "GR"},
		{"United Kingdom", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "entries": [{"date": "2023-01-01", "state": "UK"}]}`, "entries[0].state", "United Kingdom"},
		{"unknown requested state", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "procedure": {"type": "take_charge", "requested_state": "TR"}}`, "procedure.requested_state", "unknown state"},
		{"lower-case state", `{"application": {"state": "be", "lodged_on": "2024-02-10"}}`, "application.state", "unknown state"},
		{"a reply dated before its request", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "procedure": {"type": "take_charge", "requested_state": "HR", "request_sent_on": "2024-03-20", "reply": {"decision": "accept", "on": "2024-03-19"}}}`, "procedure.reply.on", "before"},
		{"receipt before sending", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "procedure": {"type": "take_charge", "request_sent_on": "2024-03-20", "request_received_on": "2024-03-19"}}`, "procedure.request_received_on", "before"},
		{"unknown reply decision", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "procedure": {"type": "take_charge", "reply": {"decision": "maybe"}}}`, "procedure.reply.decision", "accept"},
		{"unknown procedure type", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "procedure": {"type": "pick_up"}}`, "procedure.type", "take_charge"},
		{"same requesting and requested state", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "procedure": {"type": "take_charge", "requesting_state": "BE", "requested_state": "BE"}}`, "procedure.requested_state", "same"},
		{"unknown extension reason (Art 29(2))", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "procedure": {"type": "take_charge", "extension": {"reason": "illness"}}}`, "procedure.extension.reason", "Art 29(2)"},
		{"appeal decided before lodged", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "procedure": {"type": "take_charge", "appeal": {"lodged_on": "2024-05-01", "final_decision_on": "2024-04-01"}}}`, "procedure.appeal.final_decision_on", "before"},
		{"re-examination of an acceptance", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "procedure": {"type": "take_charge", "reply": {"decision": "accept", "on": "2024-04-01"}, "re_examination": {"requested_on": "2024-04-05"}}}`, "procedure.re_examination", "refusal"},
		{"Eurodac category 4", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "eurodac_hits": [{"category": 4, "state": "DE"}]}`, "eurodac_hits[0].category", "1, 2 or 3"},
		{"document type", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "documents": [{"type": "passport", "issuing_state": "DE"}]}`, "documents[0].type", "residence_document"},
		{"validity reversed", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "documents": [{"type": "visa", "issuing_state": "DE", "valid_from": "2024-02-01", "valid_until": "2024-01-01"}]}`, "documents[0].valid_until", "before"},
		{"stay reversed", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "stays": [{"state": "DE", "from": "2024-02-01", "to": "2024-01-01"}]}`, "stays[0].to", "before"},
		{"unknown key", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "colour": "blue"}`, "colour", "unknown key"},
		{"unknown nested key", `{"application": {"state": "BE", "lodged_on": "2024-02-10", "city": "Gent"}}`, "city", "unknown key"},
		{"child accompanies nobody", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "applicants": [{"ref": "c", "accompanies": "x"}]}`, "applicants[0].accompanies", "no other"},
		{"malformed JSON", `{"application": `, "(document)", "truncated"},
		{"two objects", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}} {}`, "(document)", "trailing"},
		{"empty input", ``, "(document)", "empty"},
		{"not an object", `[1,2]`, "(document)", "cannot read"},
		{"wrong format version", `{"format": "dublin-case/v9", "application": {"state": "BE", "lodged_on": "2024-02-10"}}`, "format", "unsupported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(tt.js))
			e, ok := errs.As(err)
			if !ok || e.Kind != errs.KindInvalid {
				t.Fatalf("Decode error = %v, want an Invalid error", err)
			}
			for _, f := range e.Fields {
				if f.Field == tt.field && strings.Contains(f.Rule, tt.rule) {
					return
				}
			}
			t.Errorf("error %q does not name field %q with rule containing %q", err, tt.field, tt.rule)
		})
	}
}

func TestDecodeAccepts(t *testing.T) {
	js := `{"format": "dublin-case/v1", "application": {"state": "GR", "lodged_on": "2024-02-10"},
	  "eurodac_hits": [{"category": 1, "state": "CH", "search_category": "3"}],
	  "procedure": {"type": "take_back", "requesting_state": "GR", "requested_state": "NO",
	    "reply": {"decision": "refuse", "on": "2024-03-01"}, "re_examination": {"requested_on": "2024-03-05", "answer": "accept"}},
	  "family": [{"relation": "brother", "state": "TR", "status": "outside_member_states"}]}`
	c, err := Decode(strings.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	if c.Procedure.ReExamination.Answer.Decision != Accept {
		t.Errorf("re_examination.answer as a string: got %+v", c.Procedure.ReExamination.Answer)
	}
	for _, s := range []string{"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
		"LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "CH", "IS", "LI", "NO"} {
		if !IsMemberState(s) {
			t.Errorf("%s should be a Dublin state", s)
		}
	}
	if len(MemberStates()) != 31 {
		t.Errorf("MemberStates() has %d states, want 31", len(MemberStates()))
	}
}

func TestDecodeTooLarge(t *testing.T) {
	big := `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "x": "` + strings.Repeat("a", MaxCaseBytes) + `"}`
	_, err := Decode(strings.NewReader(big))
	if errs.KindOf(err) != errs.KindTooLarge {
		t.Fatalf("err = %v, want too large", err)
	}
}
