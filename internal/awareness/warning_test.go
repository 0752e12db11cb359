package awareness

import (
	"testing"
	"time"
)

// weeks builds a weekly series on a route starting Monday start, one value per week.
func weeks(kind SeriesKind, r Route, nat string, start string, values ...float64) []Observation {
	d := MustDate(start)
	out := make([]Observation, len(values))
	for i, v := range values {
		out[i] = Observation{Series: kind, PeriodStart: d + Date(7*i), PeriodEnd: d + Date(7*i+6),
			Geo: Geo{Route: r}, Nationality: nat, Value: v, Unit: UnitPersons, Qualifier: Exact, Source: "test"}
	}
	return out
}

func TestBelarusPreventedEntriesFireInJuly2022(t *testing.T) {
	// Report fn 48: about 270 a week from April to mid-July 2022, about 790 after.
	rule := DefaultRule("belarus", Selector{Series: SeriesPreventedEntries, Routes: []Route{RouteEasternLandBorder}, BorderSection: "BY"})
	if err := rule.Validate(); err != nil {
		t.Fatal(err)
	}
	fired := Backtest(rule, Demo2022(), MustDate("2022-01-01"), MustDate("2022-09-25"))
	if len(fired) == 0 {
		t.Fatal("the default rule never fires on the Belarus series")
	}
	if first := fired[0]; first.Year() != 2022 || first.Month() != time.July {
		t.Errorf("first firing %s, want July 2022 (all: %v)", first, fired)
	}
	a, ok := Evaluate(rule, Demo2022(), MustDate("2022-07-27"))
	if !ok || a.Week.End != MustDate("2022-07-24") || a.Value < 2*a.Reference {
		t.Errorf("Evaluate on 27 July 2022 = %+v, %v; want the week to 24 July firing", a, ok)
	}
	if _, ok := Evaluate(rule, Demo2022(), MustDate("2022-07-17")); ok {
		t.Error("fires on 17 July, before the rise")
	}
}

func TestRules(t *testing.T) {
	flat := []float64{100, 110, 90, 105, 95, 100, 98, 102}
	cm := RouteCentralMed
	tests := []struct {
		name string
		rule Rule
		obs  []Observation
		from string
		want []string // week ends that fire
	}{
		{"above median fires on the jump only while the median is low",
			Rule{ID: "r", Kind: RuleAboveMedian, K: 2, Window: 8, Select: RouteSelector(SeriesArrivals, cm)},
			weeks(SeriesArrivals, cm, "", "2022-01-03", append(flat, 250, 100)...), "2022-01-03", []string{"2022-03-06"}},
		{"above median needs a full window",
			Rule{ID: "r", Kind: RuleAboveMedian, K: 2, Window: 8, Select: RouteSelector(SeriesArrivals, cm)},
			weeks(SeriesArrivals, cm, "", "2022-01-03", 100, 100, 100, 500), "2022-01-03", nil},
		{"above median ignores small counts",
			Rule{ID: "r", Kind: RuleAboveMedian, K: 2, Window: 3, MinValue: 50, Select: RouteSelector(SeriesArrivals, cm)},
			weeks(SeriesArrivals, cm, "", "2022-01-03", 2, 3, 2, 40), "2022-01-03", nil},
		{"threshold fires when crossed, not while above",
			Rule{ID: "r", Kind: RuleThreshold, Threshold: 150, Select: RouteSelector(SeriesArrivals, cm)},
			weeks(SeriesArrivals, cm, "", "2022-01-03", 100, 160, 170, 120, 151), "2022-01-03", []string{"2022-01-16", "2022-02-06"}},
		{"series kinds are never mixed",
			Rule{ID: "r", Kind: RuleThreshold, Threshold: 150, Select: RouteSelector(SeriesArrivals, cm)},
			append(weeks(SeriesArrivals, cm, "", "2022-01-03", 100, 100), weeks(SeriesDetections, cm, "", "2022-01-03", 0, 100)...),
			"2022-01-03", nil},
		{"new nationality in the top three",
			Rule{ID: "r", Kind: RuleNewTopNationality, TopN: 3, Window: 2, Select: RouteSelector(SeriesArrivals, cm)},
			concat(weeks(SeriesArrivals, cm, "TN", "2022-01-03", 50, 50, 50, 50, 50, 50),
				weeks(SeriesArrivals, cm, "EG", "2022-01-03", 40, 40, 40, 40, 40, 40),
				weeks(SeriesArrivals, cm, "BD", "2022-01-03", 30, 30, 30, 30, 10, 10),
				weeks(SeriesArrivals, cm, "LB", "2022-01-03", 5, 5, 5, 5, 35, 35)),
			"2022-01-03", []string{"2022-02-13"}}, // week 5 ties LB with BD (40 each); week 6 puts LB ahead
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.rule.Validate(); err != nil {
				t.Fatal(err)
			}
			got := Backtest(tt.rule, tt.obs, MustDate(tt.from), MustDate("2022-12-31"))
			if len(got) != len(tt.want) {
				t.Fatalf("fired %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i].String() != tt.want[i] {
					t.Errorf("fired %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestForecastRule(t *testing.T) {
	cm := RouteCentralMed
	season := []float64{100, 120, 140, 160, 200, 240, 200, 160, 140, 120}
	var obs []Observation
	for _, y := range []struct {
		start string
		scale float64
	}{{"2020-01-06", 1}, {"2021-01-04", 1.2}} { // Mondays of the first ISO week
		vals := make([]float64, len(season))
		for i, v := range season {
			vals[i] = v * y.scale
		}
		obs = append(obs, weeks(SeriesArrivals, cm, "", y.start, vals...)...)
	}
	// 2022 runs at 1.5x the two-year average (1.1), a jump of 2x in week 7 on top of that.
	cur := make([]float64, len(season))
	for i, v := range season {
		cur[i] = v * 1.1 * 1.5
	}
	cur[6] *= 2
	obs = append(obs, weeks(SeriesArrivals, cm, "", "2022-01-03", cur...)...)
	rule := Rule{ID: "f", Kind: RuleForecast, Years: 2, Window: 4, Tolerance: 0.3, Select: RouteSelector(SeriesArrivals, cm)}
	if err := rule.Validate(); err != nil {
		t.Fatal(err)
	}
	got := Backtest(rule, obs, MustDate("2022-01-03"), MustDate("2022-03-13"))
	if len(got) != 1 || got[0] != MustDate("2022-02-20") {
		t.Errorf("forecast rule fired %v, want only the week to 2022-02-20", got)
	}
}

func TestRuleValidateNamesTheField(t *testing.T) {
	tests := []struct {
		rule  Rule
		field string
	}{
		{Rule{ID: "x", Kind: RuleAboveMedian, K: 1, Window: 8, Select: Selector{Series: SeriesArrivals}}, "k"},
		{Rule{ID: "x", Kind: RuleAboveMedian, K: 2, Window: 1, Select: Selector{Series: SeriesArrivals}}, "window"},
		{Rule{ID: "x", Kind: RuleThreshold, Select: Selector{Series: SeriesArrivals}}, "threshold"},
		{Rule{ID: "x", Kind: RuleNewTopNationality, Window: 2, Select: Selector{Series: SeriesArrivals}}, "top_n"},
		{Rule{ID: "x", Kind: RuleForecast, Window: 2, Select: Selector{Series: SeriesArrivals}}, "years"},
		{Rule{ID: "x", Kind: "magic", Select: Selector{Series: SeriesArrivals}}, "kind"},
		{Rule{Kind: RuleThreshold, Threshold: 1, Select: Selector{Series: SeriesArrivals}}, "id"},
		{Rule{ID: "x", Kind: RuleThreshold, Threshold: 1}, "select.series"},
		{Rule{ID: "x", Kind: RuleThreshold, Threshold: 1, Select: Selector{Series: SeriesArrivals, Routes: []Route{"arctic"}}}, "select.routes[0]"},
		{Rule{ID: "x", Kind: RuleThreshold, Threshold: 1, Select: Selector{Series: SeriesArrivals, State: "GR"}}, "select.state"},
	}
	for _, tt := range tests {
		if err := tt.rule.Validate(); !hasField(err, tt.field) {
			t.Errorf("%+v: error %v, want one naming %q", tt.rule, err, tt.field)
		}
	}
}

func concat(parts ...[]Observation) []Observation {
	var out []Observation
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func TestEvaluateSeesOnlyTheLastWholeWeekByAsOf(t *testing.T) {
	cm := RouteCentralMed
	rule := Rule{ID: "t", Kind: RuleThreshold, Threshold: 150, Select: RouteSelector(SeriesArrivals, cm)}
	obs := weeks(SeriesArrivals, cm, "", "2022-01-03", 100, 200, 100) // weeks to 9, 16 and 23 January
	tests := []struct {
		asOf string
		fire bool
		week string
	}{
		{"2022-01-15", false, ""},          // Saturday: the week to 16 January is not over
		{"2022-01-16", true, "2022-01-16"}, // Sunday: it is
		{"2022-01-19", true, "2022-01-16"}, // mid-week: still the week to 16 January
		{"2022-01-23", false, ""},          // back below the threshold
	}
	for _, tt := range tests {
		a, ok := Evaluate(rule, obs, MustDate(tt.asOf))
		if ok != tt.fire || ok && a.Week.End.String() != tt.week {
			t.Errorf("as of %s: fired %v for the week to %s, want %v %s", tt.asOf, ok, a.Week.End, tt.fire, tt.week)
		}
	}
}
