package refdata_test

import (
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/refdata"
)

func TestStatesCoverTheUnionAndTheAssociatedStates(t *testing.T) {
	var ms, as int
	for _, s := range refdata.States() {
		switch s.Kind {
		case refdata.KindMemberState:
			ms++
		case refdata.KindAssociatedState:
			as++
		}
		if !s.AppliesDublin || !s.AppliesEurodac || s.Population <= 0 || s.GDPMUSD <= 0 {
			t.Errorf("%s: incomplete reference data %+v", s.Code, s)
		}
	}
	if ms != 27 || as != 4 {
		t.Fatalf("got %d Member States and %d associated states, want 27 and 4", ms, as)
	}
	tests := []struct {
		code     string
		tp       string
		schengen bool
	}{
		{"DK", refdata.TPNational, true}, // not bound by Directive 2001/55/EC
		{"IE", refdata.TPDirective, false},
		{"CY", refdata.TPDirective, false},
		{"NO", refdata.TPNational, true},
		{"PL", refdata.TPDirective, true},
	}
	for _, tt := range tests {
		for _, s := range refdata.States() {
			if s.Code == tt.code && (s.TPRegime != tt.tp || s.Schengen != tt.schengen) {
				t.Errorf("%s: tp %s schengen %v, want %s %v", s.Code, s.TPRegime, s.Schengen, tt.tp, tt.schengen)
			}
		}
	}
}

func TestCountriesAreISO3166(t *testing.T) {
	cs := refdata.Countries()
	if len(cs) < 240 || len(cs) > 260 {
		t.Fatalf("%d countries, want about 249", len(cs))
	}
	tests := []struct{ code, alpha3, name string }{
		{"UA", "UKR", "Ukraine"}, {"SY", "SYR", "Syria"}, {"AF", "AFG", "Afghanistan"}, {"XK", "XKX", "Kosovo"},
	}
	for _, tt := range tests {
		c, ok := refdata.CountryByCode(tt.code)
		if !ok || c.Alpha3 != tt.alpha3 || c.Name != tt.name {
			t.Errorf("CountryByCode(%s) = %+v, %v", tt.code, c, ok)
		}
	}
	if _, ok := refdata.CountryByCode("EU"); ok {
		t.Error("EU is not a country")
	}
}
