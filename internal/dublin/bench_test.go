package dublin

import (
	"strings"
	"testing"
)

// BenchmarkDecideExample decodes, validates and determines the format example.
func BenchmarkDecideExample(b *testing.B) {
	js := mk(b, hr+`, "eurodac_hits": [{"category": 2, "state": "HR", "fingerprinted_on": "2023-11-04", "hit_received_on": "2024-02-11"}],
		"procedure": {"type": "take_charge", "requesting_state": "BE", "requested_state": "HR", "based_on_eurodac_hit": true, "request_sent_on": "2024-03-20"}`)
	for b.Loop() {
		c, err := Decode(strings.NewReader(js))
		if err != nil {
			b.Fatal(err)
		}
		_ = Determine(c)
	}
}
