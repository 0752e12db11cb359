package awareness

import (
	"strings"
	"testing"
)

func TestReadJSON(t *testing.T) {
	good := `{"series":"arrivals","period_start":"2022-07-01","period_end":"2022-07-31","geo":{"route":"central_mediterranean"},"value":100,"unit":"persons","source":"test"}`
	tests := []struct {
		name               string
		body               string
		accepted, rejected int
		wantReason         string
	}{
		{"array", "[" + good + "]", 1, 0, ""},
		{"wrapped", `{"observations":[` + good + `]}`, 1, 0, ""},
		{"duplicate key and revision", "[" + good + "," + good + "]", 1, 1, "duplicate of line 1"},
		{"unknown route", `[` + strings.Replace(good, "central_mediterranean", "arctic", 1) + `]`, 0, 1, "unknown route"},
		{"negative", `[` + strings.Replace(good, `"value":100`, `"value":-1`, 1) + `]`, 0, 1, "must not be negative"},
		{"period backwards", `[` + strings.Replace(good, `"2022-07-31"`, `"2022-06-01"`, 1) + `]`, 0, 1, "must not be before period_start"},
		{"unknown field", `[{"colour":"red"}]`, 0, 1, "malformed observation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := ReadJSON(strings.NewReader(tt.body), func(Observation) error { return nil })
			if err != nil {
				t.Fatal(err)
			}
			if rep.Accepted != tt.accepted || rep.Rejected != tt.rejected {
				t.Fatalf("report %+v", rep)
			}
			if tt.wantReason != "" && !strings.Contains(rep.Errors[0].Reason, tt.wantReason) {
				t.Errorf("reason %q, want %q", rep.Errors[0].Reason, tt.wantReason)
			}
		})
	}
	if _, err := ReadJSON(strings.NewReader(`"x"`), func(Observation) error { return nil }); err == nil {
		t.Error("a string body was accepted")
	}
}

func TestReadJSONReject(t *testing.T) {
	body := `[{"series":"arrivals","period_start":"2022-07-01","period_end":"2022-07-31","value":1,"unit":"persons","source":"s"}]`
	rep, err := ReadJSON(strings.NewReader(body), func(Observation) error { return Reject("stored differently") })
	if err != nil || rep.Rejected != 1 || rep.Errors[0].Line != 1 || rep.Errors[0].Reason != "stored differently" {
		t.Fatalf("%+v %v", rep, err)
	}
}

func FuzzReadJSON(f *testing.F) {
	f.Add(`[{"series":"arrivals","period_start":"2022-07-01","period_end":"2022-07-31","value":1,"unit":"persons","source":"s"}]`)
	f.Add(`{"observations":[{"series":"x"}]}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, body string) {
		rep, err := ReadJSON(strings.NewReader(body), func(o Observation) error {
			if verr := o.Validate(); verr != nil {
				t.Fatalf("accepted an invalid observation: %v", verr)
			}
			return nil
		})
		if err == nil && rep.Accepted+rep.Rejected < len(rep.Errors) {
			t.Fatalf("inconsistent report %+v", rep)
		}
	})
}
