package timelimit

import "time"

// AddDays returns the last day of a period of n days triggered on d. Art 42(a): the day of
// the event is not counted, so the period runs from the next day and ends n days after d.
// Art 42(c): Saturdays, Sundays and public holidays count, so no day is skipped. A negative
// n counts backwards.
func AddDays(d Date, n int) Date {
	return FromTime(d.Time().AddDate(0, 0, n))
}

// AddWeeks returns the last day of a period of n weeks triggered on d. Art 42(b): the period
// ends on the same weekday as d in the last week, which is exactly 7n days later.
func AddWeeks(d Date, n int) Date { return AddDays(d, 7*n) }

// AddMonths returns the last day of a period of n months triggered on d. Art 42(b): the
// period ends on the same date of the last month; when that date does not occur in the last
// month (31 January + 1 month; 29 February + 12 months) it ends on that month's last day.
// Unlike time.AddDate it never overflows into the next month.
func AddMonths(d Date, n int) Date {
	total := d.Year*12 + int(d.Month-1) + n
	y, m := floorDiv(total, 12), time.Month(floorMod(total, 12)+1)
	day := min(d.Day, DaysIn(y, m))
	return Date{Year: y, Month: m, Day: day}
}

// AddYears returns the last day of a period of n years triggered on d, counted as 12n
// months so that 29 February ends on 28 February of a common year (Art 42(b)).
func AddYears(d Date, n int) Date { return AddMonths(d, 12*n) }

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }

// Unit is the unit of a legal period.
type Unit int

// The units of Art 42.
const (
	Days Unit = iota
	Weeks
	Months
)

// Period is a legal time limit such as "3 months" or "2 weeks".
type Period struct {
	N    int
	Unit Unit
}

// String writes the period as "3 months".
func (p Period) String() string {
	name := [...]string{"day", "week", "month"}[p.Unit]
	if p.N != 1 {
		name += "s"
	}
	return itoa(p.N) + " " + name
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// End returns the last day of the period p triggered on d (Art 42).
func (p Period) End(d Date) Date {
	switch p.Unit {
	case Weeks:
		return AddWeeks(d, p.N)
	case Months:
		return AddMonths(d, p.N)
	}
	return AddDays(d, p.N)
}

// InTime reports whether an act done on act respects a time limit whose last day is
// deadline: Art 42(b) lets the period run to the expiry of its last day, so an act on that
// day is in time and only the next day is late.
func InTime(act, deadline Date) bool { return !act.After(deadline) }

// Expired reports whether, on day today, the period ending on deadline has run out: it
// has only once the whole last day has passed.
func Expired(deadline, today Date) bool { return today.After(deadline) }

// Earliest returns the earlier of two deadlines; a zero date is ignored.
func Earliest(a, b Date) Date {
	switch {
	case a.IsZero():
		return b
	case b.IsZero():
		return a
	case b.Before(a):
		return b
	}
	return a
}

// Latest returns the later of two dates; a zero date is ignored.
func Latest(a, b Date) Date {
	if a.IsZero() || b.After(a) {
		return b
	}
	return a
}
