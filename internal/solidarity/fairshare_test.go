package solidarity

import (
	"math"
	"testing"
)

// eu27 holds population (1 Jan 2024) and GDP 2024 (USD bn) from shared/domain/solidarity.md.
var eu27 = []Participant{
	{"DE", 83445000, 4700}, {"FR", 68402000, 3200}, {"IT", 58989700, 2400}, {"ES", 48610500, 1700},
	{"PL", 36621000, 863}, {"NL", 17942900, 1200}, {"RO", 19064400, 381}, {"BE", 11832000, 662},
	{"SE", 10551700, 609}, {"AT", 9158800, 536}, {"CZ", 10900600, 343}, {"IE", 5343800, 561},
	{"PT", 10639700, 303}, {"GR", 10397200, 253}, {"DK", 5961200, 412}, {"HU", 9584600, 229},
	{"FI", 5603900, 306}, {"BG", 6445500, 108}, {"SK", 5424700, 143}, {"HR", 3862000, 90},
	{"LT", 2885900, 83}, {"SI", 2123900, 73}, {"LV", 1871900, 46}, {"LU", 672100, 91},
	{"EE", 1374700, 43}, {"CY", 933500, 35}, {"MT", 563000, 24},
}

// TestFairSharesArt66 checks the 50/50 key of Art 66 Reg. (EU) 2024/1351 against the key
// column of the domain table and the largest-remainder sum for the Art 12(2) minimum of
// 30,000 relocations.
func TestFairSharesArt66(t *testing.T) {
	shares, err := FairShares(eu27, 30000)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"DE": 21.41, "FR": 15.86, "IT": 12.75, "PL": 6.30, "MT": 0.12, "LU": 0.31}
	sum, keySum := 0, 0.0
	for _, s := range shares {
		sum += s.Relocations
		keySum += s.Key
		if w, ok := want[s.Code]; ok && math.Abs(100*s.Key-w) > 0.006 {
			t.Errorf("%s key %.4f%%, domain table %.2f%%", s.Code, 100*s.Key, w)
		}
		if d := float64(s.Relocations) - s.Exact; d <= -1 || d >= 1 {
			t.Errorf("%s: %d relocations for an exact share of %.3f", s.Code, s.Relocations, s.Exact)
		}
	}
	if sum != 30000 || math.Abs(keySum-1) > 1e-9 {
		t.Fatalf("relocations sum to %d (want 30000), keys to %v", sum, keySum)
	}
}

// TestFairSharesLargestRemainder works an example by hand: three equal states and 10
// relocations give 3.33 each; the one unit left goes by key, then by code.
func TestFairSharesLargestRemainder(t *testing.T) {
	tests := []struct {
		name   string
		ps     []Participant
		target int
		want   []int
	}{
		{"equal states, tie to code", []Participant{{"BE", 10, 1}, {"AT", 10, 1}, {"CZ", 10, 1}}, 10, []int{3, 4, 3}},
		{"largest remainder wins", []Participant{{"A", 1, 1}, {"B", 2, 2}, {"C", 7, 7}}, 9, []int{1, 2, 6}},
		{"remainders 0.5/0.5: larger key first", []Participant{{"X", 1, 1}, {"Y", 3, 3}}, 2, []int{0, 2}},
		{"zero target", []Participant{{"A", 1, 1}}, 0, []int{0}},
		{"population and GDP weigh half each", []Participant{{"P", 100, 0}, {"G", 0, 100}}, 10, []int{5, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := FairShares(tt.ps, tt.target)
			if err != nil {
				t.Fatal(err)
			}
			sum := 0
			for i, s := range got {
				sum += s.Relocations
				if s.Relocations != tt.want[i] {
					t.Errorf("%s: %d, want %d", s.Code, s.Relocations, tt.want[i])
				}
			}
			if sum != tt.target {
				t.Errorf("sum %d, want %d", sum, tt.target)
			}
		})
	}
}

func TestFairSharesInvalid(t *testing.T) {
	for _, ps := range [][]Participant{nil, {{"A", -1, 1}}, {{"A", 1, 1}, {"A", 1, 1}}, {{"A", 0, 0}}} {
		if _, err := FairShares(ps, 10); err == nil {
			t.Errorf("%v: want a validation error", ps)
		}
	}
}
