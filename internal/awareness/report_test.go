package awareness

import (
	"slices"
	"testing"
	"time"
)

// TestReportHoldsSection3 checks that the report for 1 January to 25 September 2022, built
// from the demo data, carries the figures of section 3 of COM(2022) 740.
func TestReportHoldsSection3(t *testing.T) {
	r := BuildReport(Demo2022(), MustDate("2022-01-01"), MustDate("2022-09-25"))
	if !slices.Equal(r.ComparisonYears, []int{2021, 2019, 2015}) {
		t.Errorf("comparison years %v", r.ComparisonYears)
	}
	changes := func(f Figure) map[int]int {
		m := map[int]int{}
		for _, c := range f.Changes {
			m[c.Year] = c.RoundedPercent()
		}
		return m
	}
	tests := []struct {
		route          Route
		value          float64
		vs2021, vs2019 int
	}{
		{RouteMedAtlantic, 116610, 39, 47},
		{RouteCentralMed, 70088, 55, 634},
		{RouteEasternMed, 23601, 111, -51},
		{RouteWesternMedAtlantic, 22921, -16, 7},
		{RouteAtlantic, 12347, -5, 1190},
	}
	for _, tt := range tests {
		figs := append(slices.Clone(r.KeyFigures[:1]), r.Routes...)
		i := slices.IndexFunc(figs, func(f Figure) bool {
			return f.Series == SeriesArrivals && (f.Route == tt.route || tt.route == RouteMedAtlantic && f.Route == "")
		})
		if i < 0 {
			t.Errorf("%s: no arrivals figure", tt.route)
			continue
		}
		f := figs[i]
		if c := changes(f); f.Value != tt.value || c[2021] != tt.vs2021 || c[2019] != tt.vs2019 {
			t.Errorf("%s: %v, changes %v; want %v, %+d%% vs 2021, %+d%% vs 2019 (fn 45)", tt.route, f.Value, c, tt.value, tt.vs2021, tt.vs2019)
		}
	}
	for _, want := range []float64{19500, 48200, 800, 8300, 270, 790, 86000, 480000, 290000, 375288, 21600, 1047210, 12347} {
		if !slices.ContainsFunc(r.Published, func(o PublishedFigure) bool { return o.Value == want }) {
			t.Errorf("published figure %v missing from the report", want)
		}
	}
	for _, tt := range []struct {
		series SeriesKind
		value  float64
		year   int
		want   int
	}{
		{SeriesAsylumApplications, 480000, 2021, 66}, {SeriesAsylumApplications, 480000, 2019, 28}, // 290 000 and 375 288
		{SeriesPreventedEntries, 19500, 2021, -60},                                 // 48 200 (fn 47)
		{SeriesDetections, 86500, 2021, 188}, {SeriesDetections, 86500, 2019, 981}, // fn 46: nearly 3x, more than 10x
	} {
		i := slices.IndexFunc(r.Published, func(p PublishedFigure) bool { return p.Series == tt.series && p.Value == tt.value })
		if i < 0 {
			t.Errorf("%s %v not published", tt.series, tt.value)
			continue
		}
		j := slices.IndexFunc(r.Published[i].Changes, func(c Change) bool { return c.Year == tt.year })
		if j < 0 || r.Published[i].Changes[j].RoundedPercent() != tt.want {
			t.Errorf("%s %v vs %d: changes %+v, want %+d %%", tt.series, tt.value, tt.year, r.Published[i].Changes, tt.want)
		}
	}
	ranks := map[string][]string{}
	for _, n := range r.Nationalities {
		var codes []string
		for _, x := range n.Top[:min(3, len(n.Top))] {
			codes = append(codes, x.Code)
		}
		ranks[string(n.Series)+"/"+string(n.Route)] = codes
	}
	for key, want := range map[string][]string{
		"arrivals/central_mediterranean": {"TN", "EG", "BD"}, "arrivals/eastern_mediterranean": {"SY", "NG", "TR"},
		"arrivals/western_mediterranean_atlantic": {"MA", "DZ", "SN"}, "arrivals/eastern_land_border": {"IQ", "BY", "SY"},
		"detections/western_balkans": {"SY", "AF", "TR"}, "asylum_applications/": {"AF", "SY", "VE"},
	} {
		if !slices.Equal(ranks[key], want) {
			t.Errorf("%s: top %v, want %v", key, ranks[key], want)
		}
	}
	for _, sh := range r.StateShares {
		if sh.Series == SeriesDetections && sh.Route == RouteEasternMed {
			// Only Cyprus has a breakdown; its share is of the route total, 14 936 / 22 601.
			if len(sh.Top) != 1 || sh.Top[0].Code != "CY" || int(sh.Top[0].Share*100+0.5) != 66 {
				t.Errorf("Eastern Mediterranean detections by state: %+v, want CY at 66 %%", sh.Top)
			}
		}
	}
	i := slices.IndexFunc(r.Alerts, func(a Alert) bool {
		return a.Kind == RuleAboveMedian && a.Week.End.Month() == time.July && a.Value > 700
	})
	if i < 0 {
		t.Errorf("no July alert on the Belarus prevented entries: %+v", r.Alerts)
	}
}

func TestReportSuppressSmall(t *testing.T) {
	r := BuildReport(Demo2022(), MustDate("2022-01-01"), MustDate("2022-09-25")).SuppressSmall(500)
	for _, n := range r.Nationalities {
		for _, x := range n.Top {
			if x.Value < 500 {
				t.Errorf("%s %s: %v shown below the threshold", n.Label, x.Code, x.Value)
			}
		}
	}
	if r.Suppression == nil || r.KeyFigures[0].Value != 116610 {
		t.Errorf("suppression note %+v, headline %v", r.Suppression, r.KeyFigures[0].Value)
	}
}
