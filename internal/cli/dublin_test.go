package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const dublinExample = `{"applicant": {"date_of_birth": "1994-03-02", "minor_at_lodging": false, "unaccompanied": false, "married": false},
 "application": {"state": "BE", "lodged_on": "2024-02-10"},
 "entries": [{"date": "2023-11-03", "state": "HR", "mode": "irregular_land", "from_third_country": true}],
 "eurodac_hits": [{"category": 2, "state": "HR", "fingerprinted_on": "2023-11-04", "hit_received_on": "2024-02-11"}],
 "procedure": {"type": "take_charge", "requesting_state": "BE", "requested_state": "HR",
               "based_on_eurodac_hit": true, "request_sent_on": "2024-03-20",
               "request_received_on": "2024-03-20", "reply": null},
 "as_of": "2024-06-01"}`

func runDublin(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	code := Main(context.Background(), append([]string{"dublin", "decide"}, args...), env)
	return code, out.String(), errb.String()
}

func TestDublinDecide(t *testing.T) {
	path := filepath.Join(t.TempDir(), "case.json")
	if err := os.WriteFile(path, []byte(dublinExample), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{path}, {}, {"-"}} {
		code, out, stderr := runDublin(t, dublinExample, args...)
		if code != 0 {
			t.Fatalf("args %v: exit %d, stderr %s", args, code, stderr)
		}
		if strings.Count(strings.TrimSpace(out), "\n") != 0 {
			t.Errorf("args %v: want one JSON line, got %q", args, out)
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(out), &m); err != nil {
			t.Fatalf("args %v: output is not JSON: %v", args, err)
		}
		want := map[string]any{"responsible_state": "HR", "basis": "Art 13(1), Art 22(7)", "request_deadline": "2024-04-11",
			"request_in_time": true, "reply_deadline": "2024-05-20", "implicit_acceptance": true,
			"acceptance_date": "2024-05-20", "transfer_deadline": "2024-11-20", "responsibility_shifted": false}
		for k, v := range want {
			if m[k] != v {
				t.Errorf("args %v: %s = %v, want %v", args, k, m[k], v)
			}
		}
	}
}

func TestDublinDecideInvalid(t *testing.T) {
	tests := []struct {
		name, in, field string
	}{
		{"missing application date", `{"application": {"state": "BE"}}`, "application.lodged_on"},
		{"not a date", `{"application": {"state": "BE", "lodged_on": "2024-02-30"}}`, "application.lodged_on"},
		{"unknown state", `{"application": {"state": "XX", "lodged_on": "2024-02-10"}}`, "application.state"},
		{"reply before request", `{"application": {"state": "BE", "lodged_on": "2024-02-10"}, "procedure": {"type": "take_charge", "request_sent_on": "2024-03-20", "reply": {"decision": "refuse", "on": "2024-03-01"}}}`, "procedure.reply.on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runDublin(t, tt.in)
			if code == 0 || out != "" {
				t.Fatalf("exit %d, stdout %q: want failure and no output", code, out)
			}
			if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tt.field) {
				t.Errorf("stderr %q: want one line naming %s", stderr, tt.field)
			}
		})
	}
}

func TestDublinDecideUsage(t *testing.T) {
	if code, _, _ := runDublin(t, "", "a.json", "b.json"); code != 2 {
		t.Errorf("two files: exit %d, want 2", code)
	}
	if code, _, stderr := runDublin(t, "", filepath.Join(t.TempDir(), "missing.json")); code != 1 || !strings.Contains(stderr, "open case file") {
		t.Errorf("missing file: exit %d, stderr %q", code, stderr)
	}
	in := strings.Replace(dublinExample, `"as_of": "2024-06-01"`, `"format": "dublin-case/v1"`, 1)
	code, out, _ := runDublin(t, in, "-as-of", "2024-12-01")
	if code != 0 || !strings.Contains(out, `"responsible_state":"BE"`) || !strings.Contains(out, `"basis":"Art 29(2)"`) {
		t.Errorf("-as-of: exit %d, out %s", code, out)
	}
}
