package timelimit

import (
	"testing"
	"time"
)

func TestAddMonthsArt42(t *testing.T) {
	tests := []struct {
		name  string
		start string
		n     int
		want  string
	}{
		{"Art 42(b): same date in the last month", "2024-02-10", 3, "2024-05-10"},
		{"Art 42(b): 31 Jan + 3 months ends on 30 Apr", "2023-01-31", 3, "2023-04-30"},
		{"Art 42(b): 31 Jan + 1 month ends on 28 Feb (common year)", "2023-01-31", 1, "2023-02-28"},
		{"Art 42(b): 31 Jan + 1 month ends on 29 Feb (leap year)", "2024-01-31", 1, "2024-02-29"},
		{"Art 42(b): 30 Nov 2023 + 3 months ends on 29 Feb 2024", "2023-11-30", 3, "2024-02-29"},
		{"Art 42(b): 31 Aug 2023 + 6 months ends on 29 Feb 2024 (Art 29(1))", "2023-08-31", 6, "2024-02-29"},
		{"Art 42(b): 31 Aug 2022 + 6 months ends on 28 Feb 2023", "2022-08-31", 6, "2023-02-28"},
		{"Art 42(b): 29 Feb 2024 + 12 months ends on 28 Feb 2025 (Art 13(1))", "2024-02-29", 12, "2025-02-28"},
		{"Art 42(b): 29 Feb 2024 + 48 months ends on 29 Feb 2028", "2024-02-29", 48, "2028-02-29"},
		{"Art 42(b): 28 Feb 2023 + 12 months ends on 28 Feb 2024, not 29", "2023-02-28", 12, "2024-02-28"},
		{"Art 42(b): year boundary, 15 Nov + 3 months", "2023-11-15", 3, "2024-02-15"},
		{"Art 42(b): 31 Mar + 6 months ends on 30 Sep", "2024-03-31", 6, "2024-09-30"},
		{"Art 42(b): 31 Oct + 1 month ends on 30 Nov", "2024-10-31", 1, "2024-11-30"},
		{"Art 42(b): 31 Dec + 2 months ends on 28 Feb", "2022-12-31", 2, "2023-02-28"},
		{"Art 42(b): 15 Mar 2022 + 12 months ends on 15 Mar 2023 (Art 13(1))", "2022-03-15", 12, "2023-03-15"},
		{"Art 42(b): 18 months (Art 29(2) absconding)", "2024-05-20", 18, "2025-11-20"},
		{"Art 42(b): zero months is the same day", "2024-05-20", 0, "2024-05-20"},
		{"Art 42(b): negative months count back", "2024-03-31", -1, "2024-02-29"},
		{"Art 42(b): negative across year", "2024-01-15", -2, "2023-11-15"},
		{"Art 42(b): 1900 is not a leap year", "1899-11-30", 3, "1900-02-28"},
		{"Art 42(b): 2000 is a leap year", "1999-11-30", 3, "2000-02-29"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AddMonths(MustParse(tt.start), tt.n)
			if got.String() != tt.want {
				t.Errorf("AddMonths(%s, %d) = %s, want %s", tt.start, tt.n, got, tt.want)
			}
		})
	}
}

func TestAddDaysAndWeeksArt42(t *testing.T) {
	tests := []struct {
		name  string
		start string
		f     func(Date, int) Date
		n     int
		want  string
	}{
		{"Art 42(a): day of the event not counted, 1 day ends next day", "2024-02-28", AddDays, 1, "2024-02-29"},
		{"Art 42(c): weekends count, Fri + 1 day is Saturday", "2024-05-17", AddDays, 1, "2024-05-18"},
		{"Art 42(a): 72 hours as 3 days across a year end", "2024-12-30", AddDays, 3, "2025-01-02"},
		{"Art 42(a): leap day counted", "2024-02-28", AddDays, 2, "2024-03-01"},
		{"Art 42(a): common year", "2023-02-28", AddDays, 1, "2023-03-01"},
		{"Art 42(b): 2 weeks end on the same weekday (Art 25(1))", "2024-03-20", AddWeeks, 2, "2024-04-03"},
		{"Art 42(b): 3 weeks (Reg 1560/2003 Art 5(2))", "2024-12-20", AddWeeks, 3, "2025-01-10"},
		{"Art 42(b): 6 weeks (Art 28(3))", "2024-02-01", AddWeeks, 6, "2024-03-14"},
		{"Art 42(b): 1 week across 29 Feb", "2024-02-25", AddWeeks, 1, "2024-03-03"},
		{"Art 42(c): holidays count, 25 Dec + 1 week", "2023-12-25", AddWeeks, 1, "2024-01-01"},
		{"Art 42: negative days", "2024-03-01", AddDays, -1, "2024-02-29"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.f(MustParse(tt.start), tt.n)
			if got.String() != tt.want {
				t.Errorf("%s + %d = %s, want %s", tt.start, tt.n, got, tt.want)
			}
		})
	}
}

func TestWeeksEndOnSameWeekdayArt42(t *testing.T) {
	d := MustParse("2020-01-01")
	for i := 0; i < 2000; i++ {
		for _, n := range []int{1, 2, 3, 6} {
			if e := AddWeeks(d, n); e.Weekday() != d.Weekday() {
				t.Fatalf("Art 42(b): %s + %d weeks = %s, weekday %s != %s", d, n, e, e.Weekday(), d.Weekday())
			}
		}
		d = AddDays(d, 1)
	}
}

func TestInTimeArt42(t *testing.T) {
	deadline := MustParse("2024-05-20")
	tests := []struct {
		name string
		act  string
		want bool
	}{
		{"Art 42(b): an act on the last day is in time", "2024-05-20", true},
		{"Art 42(b): the day before is in time", "2024-05-19", true},
		{"Art 42(b): the next day is late", "2024-05-21", false},
		{"Art 42(b): a month later is late", "2024-06-20", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := InTime(MustParse(tt.act), deadline); got != tt.want {
				t.Errorf("InTime(%s, %s) = %v, want %v", tt.act, deadline, got, tt.want)
			}
			if got := Expired(deadline, MustParse(tt.act)); got == tt.want {
				t.Errorf("Expired(%s, %s) = %v, want %v", deadline, tt.act, got, !tt.want)
			}
		})
	}
}

func TestPeriodEnd(t *testing.T) {
	d := MustParse("2024-01-31")
	tests := []struct {
		p    Period
		want string
		text string
	}{
		{Period{3, Months}, "2024-04-30", "3 months"},
		{Period{1, Months}, "2024-02-29", "1 month"},
		{Period{2, Weeks}, "2024-02-14", "2 weeks"},
		{Period{10, Days}, "2024-02-10", "10 days"},
		{Period{1, Days}, "2024-02-01", "1 day"},
	}
	for _, tt := range tests {
		if got := tt.p.End(d); got.String() != tt.want {
			t.Errorf("%v.End(%s) = %s, want %s", tt.p, d, got, tt.want)
		}
		if tt.p.String() != tt.text {
			t.Errorf("String() = %q, want %q", tt.p.String(), tt.text)
		}
	}
}

func TestEarliestLatest(t *testing.T) {
	a, b := MustParse("2024-04-11"), MustParse("2024-05-10")
	if Earliest(a, b) != a || Earliest(b, a) != a || Earliest(Date{}, b) != b || Earliest(a, Date{}) != a {
		t.Error("Earliest")
	}
	if Latest(a, b) != b || Latest(b, a) != b || Latest(Date{}, b) != b || Latest(a, Date{}) != a {
		t.Error("Latest")
	}
}

// TestAddMonthsProperties checks, over every day of 1996-2031, the properties Art 42(b)
// implies: the result is a real date, lies in the right month, never goes back in time,
// keeps the day when it exists, and otherwise lands on the month's last day.
func TestAddMonthsProperties(t *testing.T) {
	d := MustParse("1996-01-01")
	end := MustParse("2032-01-01")
	for d.Before(end) {
		prev := d
		for n := 0; n <= 24; n++ {
			got := AddMonths(d, n)
			if !got.Valid() {
				t.Fatalf("AddMonths(%s,%d) = %v is not a date", d, n, got)
			}
			if got.Before(prev) {
				t.Fatalf("not monotonic: AddMonths(%s,%d) = %s before %s", d, n, got, prev)
			}
			wantMonth := (int(d.Month)-1+n)%12 + 1
			if int(got.Month) != wantMonth {
				t.Fatalf("AddMonths(%s,%d) = %s, wrong month", d, n, got)
			}
			if got.Day != d.Day && got.Day != DaysIn(got.Year, got.Month) {
				t.Fatalf("AddMonths(%s,%d) = %s: day neither kept nor month end", d, n, got)
			}
			prev = got
		}
		next := AddDays(d, 1)
		if AddMonths(next, 6).Before(AddMonths(d, 6)) {
			t.Fatalf("later trigger gives earlier end: %s vs %s", next, d)
		}
		d = next
	}
}

func TestDaysUntilMatchesAddDays(t *testing.T) {
	d := MustParse("2023-12-01")
	for n := -400; n <= 400; n += 7 {
		if got := d.DaysUntil(AddDays(d, n)); got != n {
			t.Fatalf("DaysUntil(AddDays(%s,%d)) = %d", d, n, got)
		}
	}
}

func TestParse(t *testing.T) {
	good := []string{"2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"}
	for _, s := range good {
		d, err := Parse(s)
		if err != nil || d.String() != s {
			t.Errorf("Parse(%q) = %v, %v", s, d, err)
		}
	}
	bad := []string{"", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31",
		"2024-1-01", "24-01-01", "2024/01/01", "2024-01-01T00:00:00Z", "0000-01-01", "２０２４-01-01", "+024-01-01"}
	for _, s := range bad {
		if d, err := Parse(s); err == nil {
			t.Errorf("Parse(%q) = %v, want error", s, d)
		}
	}
}

func TestJSON(t *testing.T) {
	var d Date
	if err := d.UnmarshalJSON([]byte(`"2024-02-29"`)); err != nil || d != MustDate(2024, time.February, 29) {
		t.Fatalf("UnmarshalJSON: %v %v", d, err)
	}
	if b, _ := d.MarshalJSON(); string(b) != `"2024-02-29"` {
		t.Errorf("MarshalJSON = %s", b)
	}
	if b, _ := (Date{}).MarshalJSON(); string(b) != "null" {
		t.Errorf("zero MarshalJSON = %s", b)
	}
	for _, in := range []string{`"2024-02-30"`, `20240101`, `"yesterday"`, `{}`} {
		var e Date
		if err := e.UnmarshalJSON([]byte(in)); err == nil {
			t.Errorf("UnmarshalJSON(%s) accepted", in)
		}
	}
	var n Date
	if err := n.UnmarshalJSON([]byte("null")); err != nil || !n.IsZero() {
		t.Errorf("null: %v %v", n, err)
	}
}
