package awareness

import (
	"fmt"
	"time"
)

// Date is a civil date (no time of day, no zone) stored as its Rata Die day number, where
// 0001-01-01 is day 1. The zero Date means "not set", so a missing period bound is caught by
// Validate instead of silently becoming some real day.
type Date int32

// rdUnixEpoch is the Rata Die number of 1970-01-01.
const rdUnixEpoch = 719163

// Civil returns the Date for year, month and day; out-of-range values normalise as in time.Date.
func Civil(year int, month time.Month, day int) Date {
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	return Date(t.Unix()/86400 + rdUnixEpoch)
}

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Civil(y, m, d)
}

// ParseDate reads an ISO 8601 calendar date (YYYY-MM-DD).
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// MustDate parses s and panics on error; for literals in tables and tests only.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == 0 }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return time.Unix(int64(d-rdUnixEpoch)*86400, 0).UTC() }

// String formats d as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format(time.DateOnly)
}

// Year returns the year of d.
func (d Date) Year() int { return d.Time().Year() }

// Month returns the month of d.
func (d Date) Month() time.Month { return d.Time().Month() }

// Day returns the day of the month of d.
func (d Date) Day() int { return d.Time().Day() }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return d + Date(n) }

// AddYears returns the same calendar day n years away; 29 February becomes 28 February in a
// common year, so "the same period of an earlier year" never spills into March.
func (d Date) AddYears(n int) Date {
	t := d.Time()
	y, m, day := t.Year()+n, t.Month(), t.Day()
	if m == time.February && day == 29 && !isLeap(y) {
		day = 28
	}
	return Civil(y, m, day)
}

// WeekStart returns the Monday of the ISO week holding d.
func (d Date) WeekStart() Date {
	wd := int(d.Weekday()+6) % 7 // Monday = 0
	return d - Date(wd)
}

// MonthStart returns the first day of d's month.
func (d Date) MonthStart() Date { return Civil(d.Year(), d.Month(), 1) }

// MonthEnd returns the last day of d's month.
func (d Date) MonthEnd() Date { return Civil(d.Year(), d.Month()+1, 1) - 1 }

// MarshalText formats d as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses YYYY-MM-DD; the empty string leaves d unset.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = 0
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// Period is a closed interval of civil dates: both Start and End are included, as in the
// published figures ("1 January to 25 September").
type Period struct {
	Start Date `json:"start"`
	End   Date `json:"end"`
}

// Days returns the number of days in p (0 when End is before Start).
func (p Period) Days() int { return max(0, int(p.End-p.Start)+1) }

// Overlap returns the number of days p and q share.
func (p Period) Overlap(q Period) int {
	return Period{Start: max(p.Start, q.Start), End: min(p.End, q.End)}.Days()
}

// Contains reports whether q lies wholly inside p.
func (p Period) Contains(q Period) bool { return q.Start >= p.Start && q.End <= p.End }

// ShiftYears returns p moved n years, day for day in the calendar.
func (p Period) ShiftYears(n int) Period {
	return Period{Start: p.Start.AddYears(n), End: p.End.AddYears(n)}
}

// String formats p as "start/end" (ISO 8601 interval).
func (p Period) String() string { return p.Start.String() + "/" + p.End.String() }

// Weeks returns the ISO weeks (Monday to Sunday) that overlap p, clipped to p.
func (p Period) Weeks() []Period { return p.split(func(d Date) Date { return d.WeekStart() + 6 }) }

// Months returns the calendar months that overlap p, clipped to p.
func (p Period) Months() []Period { return p.split(Date.MonthEnd) }

func (p Period) split(end func(Date) Date) []Period {
	var out []Period
	for s := p.Start; s <= p.End && !s.IsZero(); {
		e := min(end(s), p.End)
		out = append(out, Period{Start: s, End: e})
		s = e + 1
	}
	return out
}
