package dublin

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// baseCase is an adult who lodged in BE on 2024-02-10, answered on 2024-06-01.
const baseCase = `{"as_of": "2024-06-01",
 "applicant": {"date_of_birth": "1994-03-02", "minor_at_lodging": false, "unaccompanied": false, "married": false},
 "application": {"state": "BE", "lodged_on": "2024-02-10"}}`

// mk overlays the top-level keys of overlay on baseCase; a key set to null is removed.
func mk(t testing.TB, overlay string) string {
	t.Helper()
	var base, over map[string]any
	if err := json.Unmarshal([]byte(baseCase), &base); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte("{"+overlay+"}"), &over); err != nil {
		t.Fatalf("overlay: %v\n%s", err, overlay)
	}
	for k, v := range over {
		if v == nil {
			delete(base, k)
			continue
		}
		base[k] = v
	}
	b, _ := json.Marshal(base)
	return string(b)
}

// decide decodes js and determines it, failing the test on an invalid case.
func decide(t testing.TB, js string) (Determination, map[string]any) {
	t.Helper()
	c, err := Decode(strings.NewReader(js))
	if err != nil {
		t.Fatalf("Decode: %v\n%s", err, js)
	}
	d := Determine(c)
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return d, m
}

// expect compares the keys of want with the output; a nil value wants the key null or absent.
func expect(t testing.TB, m map[string]any, want map[string]any) {
	t.Helper()
	for k, w := range want {
		got, ok := m[k]
		if w == nil {
			if ok && got != nil {
				t.Errorf("%s = %v, want null or absent", k, got)
			}
			continue
		}
		if fmt.Sprint(got) != fmt.Sprint(w) {
			t.Errorf("%s = %v, want %v", k, got, w)
		}
	}
	if t.Failed() {
		b, _ := json.MarshalIndent(m, "", "  ")
		t.Logf("output:\n%s", b)
	}
}

// W is shorthand for the wanted output keys.
type W = map[string]any
