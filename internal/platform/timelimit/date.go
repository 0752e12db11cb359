// Package timelimit computes legal periods on civil dates, following Article 42 of
// Regulation (EU) No 604/2013 (Dublin III): the day of the triggering event is not counted,
// a period in weeks or months ends on the same weekday or date of the last week or month (or
// on the last day of that month when the date does not exist), Saturdays, Sundays and public
// holidays count, and an act done on the last day is in time. It is pure: no clock, no time
// zones, no project imports, so any module (Dublin, Eurodac retention, temporary protection)
// can reuse it.
package timelimit

import (
	"encoding/json"
	"fmt"
	"reflect"
	"time"
)

// Date is a civil calendar date (proleptic Gregorian), with no time of day and no zone.
// The zero value is "no date" and reports IsZero.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// New returns the date year-month-day and whether it exists in the calendar.
func New(year int, month time.Month, day int) (Date, bool) {
	d := Date{Year: year, Month: month, Day: day}
	return d, d.Valid()
}

// MustDate returns the date year-month-day or panics; it is meant for tests and constants.
func MustDate(year int, month time.Month, day int) Date {
	d, ok := New(year, month, day)
	if !ok {
		panic(fmt.Sprintf("timelimit: %04d-%02d-%02d is not a date", year, int(month), day))
	}
	return d
}

// Parse reads an ISO 8601 calendar date in the extended form YYYY-MM-DD.
func Parse(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("timelimit: %q is not a date in the form YYYY-MM-DD", s)
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fmt.Errorf("timelimit: %q is not a date in the form YYYY-MM-DD", s)
	}
	date, ok := New(y, time.Month(m), d)
	if !ok || y == 0 {
		return Date{}, fmt.Errorf("timelimit: %q does not exist in the calendar", s)
	}
	return date, nil
}

// MustParse is Parse for constants in tests; it panics on a bad date.
func MustParse(s string) Date {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// FromTime returns the calendar date of t in t's own location.
func FromTime(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// IsZero reports whether d is the zero value (no date).
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d exists in the calendar (years 1 to 9999).
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < time.January || d.Month > time.December {
		return false
	}
	return d.Day >= 1 && d.Day <= DaysIn(d.Year, d.Month)
}

// DaysIn returns the number of days of month in year (29 for February of a leap year).
func DaysIn(year int, month time.Month) int {
	switch month {
	case time.April, time.June, time.September, time.November:
		return 30
	case time.February:
		if IsLeap(year) {
			return 29
		}
		return 28
	}
	return 31
}

// IsLeap reports whether year is a Gregorian leap year.
func IsLeap(year int) bool { return year%4 == 0 && (year%100 != 0 || year%400 == 0) }

// String formats d as YYYY-MM-DD; the zero date is the empty string.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return sign(d.Year - e.Year)
	case d.Month != e.Month:
		return sign(int(d.Month) - int(e.Month))
	}
	return sign(d.Day - e.Day)
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// DaysUntil returns the number of days from d to e (negative when e is before d).
func (d Date) DaysUntil(e Date) int { return int(e.Time().Sub(d.Time()).Hours() / 24) }

// MarshalText writes d as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// MarshalJSON writes d as a JSON string, or null for the zero date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

// UnmarshalJSON reads a JSON string YYYY-MM-DD; null leaves d unchanged. A bad value is
// reported as a *json.UnmarshalTypeError so the decoder names the offending field.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return &json.UnmarshalTypeError{Value: "non-string " + short(b), Type: reflect.TypeFor[Date]()}
	}
	v, err := Parse(s)
	if err != nil {
		return &json.UnmarshalTypeError{Value: fmt.Sprintf("%q", short([]byte(s))), Type: reflect.TypeFor[Date]()}
	}
	*d = v
	return nil
}

// short truncates b for an error message so a huge input never fills a log line.
func short(b []byte) string {
	if len(b) > 40 {
		return string(b[:40]) + "..."
	}
	return string(b)
}
