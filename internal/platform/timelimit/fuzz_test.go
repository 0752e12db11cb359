package timelimit

import (
	"testing"
	"time"
)

// FuzzParse checks that Parse never panics and that what it accepts round-trips.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"2024-02-29", "2023-02-29", "", "9999-12-31", "0001-01-01", "2024-1x-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		if !d.Valid() || d.String() != s {
			t.Fatalf("Parse(%q) = %v, round trip %q", s, d, d.String())
		}
	})
}

// FuzzAddMonths checks Art 42(b) invariants on arbitrary dates and lengths.
func FuzzAddMonths(f *testing.F) {
	f.Add(2024, 1, 31, 1)
	f.Add(2023, 8, 31, 6)
	f.Add(2024, 2, 29, 12)
	f.Fuzz(func(t *testing.T, y, m, d, n int) {
		y = 1900 + abs(y)%300
		m = 1 + abs(m)%12
		start, ok := New(y, time.Month(m), 1+abs(d)%31)
		if !ok {
			return
		}
		n = abs(n) % 240
		end := AddMonths(start, n)
		if !end.Valid() || end.Before(start) {
			t.Fatalf("AddMonths(%s,%d) = %v", start, n, end)
		}
		if n > 0 && !end.After(AddMonths(start, n-1)) {
			t.Fatalf("AddMonths not strictly increasing at %s,%d", start, n)
		}
		if back := AddDays(AddDays(start, n), -n); back != start {
			t.Fatalf("AddDays round trip %s,%d = %s", start, n, back)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		if n == -n {
			return 0
		}
		return -n
	}
	return n
}
