package awareness

import (
	"math"
	"testing"
)

func obsOf(kind SeriesKind, from, to string, v float64) Observation {
	return Observation{Series: kind, PeriodStart: MustDate(from), PeriodEnd: MustDate(to), Value: v,
		Unit: UnitPersons, Qualifier: Exact, Source: "test"}
}

func TestSeriesKeepsFinestAndLatestRevision(t *testing.T) {
	a := SeriesArrivals
	jan := obsOf(a, "2022-01-01", "2022-01-31", 100)
	janRev := jan
	janRev.Value, janRev.Revision = 120, 1
	obs := []Observation{
		obsOf(a, "2022-01-01", "2022-03-31", 999), // cumulative Q1: overlaps the months, dropped
		jan, janRev,
		obsOf(a, "2022-02-01", "2022-02-28", 200),
		obsOf(a, "2022-03-01", "2022-03-31", 300),
		obsOf(SeriesDetections, "2022-01-01", "2022-01-31", 5000), // another kind: never mixed in
		obsOf(a, "2022-04-01", "2022-06-30", 900),                 // coarse but overlapping nothing: kept
	}
	got := Series(obs, Selector{Series: a})
	want := []float64{120, 200, 300, 900}
	if len(got) != len(want) {
		t.Fatalf("points %+v, want values %v", got, want)
	}
	for i := range want {
		if got[i].Value != want[i] {
			t.Errorf("point %d = %v, want %v", i, got[i].Value, want[i])
		}
	}
	if v, ok := Total(obs, Selector{Series: a}, Period{MustDate("2022-01-01"), MustDate("2022-06-30")}); !ok || v != 1520 {
		t.Errorf("H1 total %v (covered %v), want 1520", v, ok)
	}
}

func TestResamplingIsProRata(t *testing.T) {
	// One 7-day week, Monday 2022-01-31 to Sunday 2022-02-06: 3 days in February.
	pts := []Point{{Period: Period{MustDate("2022-01-24"), MustDate("2022-01-30")}, Value: 70}, {Period: Period{MustDate("2022-01-31"), MustDate("2022-02-06")}, Value: 700}}
	months := Monthly(pts, Period{MustDate("2022-01-24"), MustDate("2022-02-06")})
	if len(months) != 2 || months[0].Value != 70+100 || months[1].Value != 600 {
		t.Errorf("monthly %+v, want Jan 24-31 = 170 and Feb 1-6 = 600", months)
	}
	if got := Weekly(pts, Period{MustDate("2022-01-26"), MustDate("2022-02-06")}); len(got) != 2 || got[0].Value != 50 {
		t.Errorf("weekly %+v, want a clipped first week of 50", got)
	}
	if got := Weekly(pts, Period{MustDate("2022-01-24"), MustDate("2022-02-13")}); len(got) != 2 {
		t.Errorf("weekly %+v: a week without data must be left out, not zero", got)
	}
	if got := FullWeeks(pts, Period{MustDate("2022-01-24"), MustDate("2022-02-05")}); len(got) != 1 {
		t.Errorf("full weeks %+v: the week ending after the period must be left out", got)
	}
}

func TestCumulateRestartsEachYear(t *testing.T) {
	pts := []Point{{Period: Period{MustDate("2021-12-01"), MustDate("2021-12-31")}, Value: 5},
		{Period: Period{MustDate("2022-01-01"), MustDate("2022-01-31")}, Value: 10}, {Period: Period{MustDate("2022-02-01"), MustDate("2022-02-28")}, Value: 20}}
	got := Cumulate(pts)
	if got[0].Value != 5 || got[1].Value != 10 || got[2].Value != 30 || got[2].Period.Start != MustDate("2022-01-01") {
		t.Errorf("cumulated %+v", got)
	}
	if v, ok := YearToDate([]Observation{obsOf(SeriesReturns, "2022-01-01", "2022-01-31", 31)}, Selector{Series: SeriesReturns}, MustDate("2022-01-10")); !ok || v != 10 {
		t.Errorf("year to date %v %v, want 10", v, ok)
	}
}

func TestChangeNeedsBothPeriodsCovered(t *testing.T) {
	obs := []Observation{obsOf(SeriesArrivals, "2022-01-01", "2022-01-31", 150), obsOf(SeriesArrivals, "2021-01-01", "2021-01-31", 100)}
	jan := Period{MustDate("2022-01-01"), MustDate("2022-01-31")}
	if c := ChangeSince(obs, Selector{Series: SeriesArrivals}, jan, 2021); !c.Known || math.Abs(c.Percent-50) > 1e-9 {
		t.Errorf("change %+v, want +50 %%", c)
	}
	if c := ChangeSince(obs, Selector{Series: SeriesArrivals}, jan, 2019); c.Known {
		t.Errorf("change against a year without data is %+v, want unknown", c)
	}
}

func TestSelectorTotalsAndBreakdownsNeverMix(t *testing.T) {
	total := obsOf(SeriesArrivals, "2022-01-01", "2022-01-31", 100)
	cy, el := total, total
	cy.Geo.State, cy.Value = "CY", 60
	el.Geo.State, el.Value = "EL", 40
	obs := []Observation{total, cy, el}
	for _, tt := range []struct {
		state string
		want  float64
	}{{"", 100}, {Any, 100}, {"CY", 60}} {
		if v, _ := Total(obs, Selector{Series: SeriesArrivals, State: tt.state}, total.Period()); v != tt.want {
			t.Errorf("state %q: %v, want %v", tt.state, v, tt.want)
		}
	}
	if s, ok := Share(obs, Selector{Series: SeriesArrivals}, "CY", total.Period()); !ok || s != 0.6 {
		t.Errorf("share %v, want 0.6", s)
	}
}

func TestApportionAddsUpExactly(t *testing.T) {
	for _, tt := range []struct {
		total   int
		weights []float64
		want    int
	}{{10, []float64{1, 1, 1}, 10}, {7, []float64{0.5, 0.25, 0.25}, 7}, {0, []float64{1}, 0},
		{5, []float64{0, 0}, 0}, {19500, []float64{3, 1e-9, 7}, 19500}} {
		sum := 0
		for _, p := range apportion(tt.total, tt.weights) {
			sum += p
		}
		if sum != tt.want {
			t.Errorf("apportion(%d, %v) adds up to %d", tt.total, tt.weights, sum)
		}
	}
}

func TestDates(t *testing.T) {
	if d := MustDate("2024-02-29").AddYears(-1); d.String() != "2023-02-28" {
		t.Errorf("29 Feb a year back = %s", d)
	}
	if w := MustDate("2022-09-25").WeekStart(); w.String() != "2022-09-19" {
		t.Errorf("week start %s", w)
	}
	if n := len(Period{MustDate("2022-01-01"), MustDate("2022-09-25")}.Weeks()); n != 39 {
		t.Errorf("%d weeks, want 39 (a 2-day first week and 38 whole weeks)", n)
	}
	if _, err := ParseDate("25/09/2022"); err == nil {
		t.Error("accepted a non-ISO date")
	}
}

func TestObservationValidateNamesTheField(t *testing.T) {
	good := obsOf(SeriesArrivals, "2022-01-01", "2022-01-31", 1)
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		field string
		edit  func(*Observation)
	}{
		{"series", func(o *Observation) { o.Series = "sightings" }},
		{"period_end", func(o *Observation) { o.PeriodEnd = o.PeriodStart - 1 }},
		{"period_start", func(o *Observation) { o.PeriodStart = 0 }},
		{"geo.route", func(o *Observation) { o.Geo.Route = "arctic" }},
		{"geo.state", func(o *Observation) { o.Geo.State = "GR" }},
		{"nationality", func(o *Observation) { o.Nationality = "Syria" }},
		{"value", func(o *Observation) { o.Value = -1 }},
		{"value", func(o *Observation) { o.Value = math.NaN() }},
		{"value", func(o *Observation) { o.Unit, o.Value = UnitPercent, 120 }},
		{"unit", func(o *Observation) { o.Unit = "boats" }},
		{"qualifier", func(o *Observation) { o.Qualifier = "about" }},
		{"source", func(o *Observation) { o.Source = " " }},
		{"revision", func(o *Observation) { o.Revision = -1 }},
		{"measure", func(o *Observation) { o.Measure = "Category 1" }},
	}
	for _, tt := range tests {
		o := good
		tt.edit(&o)
		if err := o.Validate(); !hasField(err, tt.field) {
			t.Errorf("%s: error %v", tt.field, err)
		}
	}
}
