package awareness

import "testing"

func TestParseISOWeek(t *testing.T) {
	tests := []struct {
		in         string
		start, end string
		bad        bool
	}{
		{in: "2026-W09", start: "2026-02-23", end: "2026-03-01"},
		{in: "2021-W01", start: "2021-01-04", end: "2021-01-10"}, // 1-3 January 2021 belong to 2020-W53
		{in: "2020-W53", start: "2020-12-28", end: "2021-01-03"},
		{in: "2021-W53", bad: true},
		{in: "2026-09", bad: true},
		{in: "2026-W00", bad: true},
	}
	for _, tt := range tests {
		p, err := ParseISOWeek(tt.in)
		if tt.bad != (err != nil) {
			t.Errorf("%s: err %v", tt.in, err)
			continue
		}
		if !tt.bad && (p.Start.String() != tt.start || p.End.String() != tt.end) {
			t.Errorf("%s: %s, want %s/%s", tt.in, p, tt.start, tt.end)
		}
	}
}

func TestWeeklyCountMapsGreece(t *testing.T) {
	o, err := WeeklyCount(SeriesTPRegistrations, "GR", "2026-W09", 12, UnitPersons, "tp")
	if err != nil || o.Geo.State != "EL" || o.Value != 12 {
		t.Fatalf("%+v %v", o, err)
	}
	if o, _ := WeeklyCount(SeriesTPRegistrations, "EC", "2026-W09", 1, UnitPersons, "tp"); o.Geo.State != "" {
		t.Errorf("an EU body got state %q", o.Geo.State)
	}
}

func FuzzParseISOWeek(f *testing.F) {
	for _, s := range []string{"2026-W09", "2020-W53", "0000-W01", "9999-W52"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseISOWeek(s)
		if err == nil && (p.Days() != 7 || p.Start.Weekday() != 1) {
			t.Fatalf("%q: %s is not a Monday-Sunday week", s, p)
		}
	})
}
