package awareness

import (
	"math"
	"reflect"
	"slices"
	"testing"
)

func TestDemo2022IsValidUniqueAndDeterministic(t *testing.T) {
	obs := Demo2022()
	type kr struct {
		k Key
		r int
	}
	seen := map[kr]int{}
	for i, o := range obs {
		if err := o.Validate(); err != nil {
			t.Errorf("observation %d %+v: %v", i, o, err)
		}
		if j, dup := seen[kr{o.Key(), o.Revision}]; dup {
			t.Errorf("observations %d and %d share key and revision: %+v", j, i, o.Key())
		}
		seen[kr{o.Key(), o.Revision}] = i
		if o.Synthetic && o.Value != math.Trunc(o.Value) {
			t.Errorf("synthetic value %v is not a whole number", o.Value)
		}
	}
	if !reflect.DeepEqual(obs, Demo2022()) {
		t.Error("Demo2022 differs between calls")
	}
	t.Logf("%d observations", len(obs))
}

// selectorFor selects the series an observation belongs to, synthetic rows included.
func selectorFor(o Observation) Selector {
	s := Selector{Series: o.Series, Measure: o.Measure, State: o.Geo.State, Nationality: o.Nationality,
		BorderSection: o.Geo.BorderSection, Unit: o.Unit}
	if o.Geo.Route != "" {
		s.Routes = []Route{o.Geo.Route}
	}
	return s
}

func TestDemoSeriesReproducePublishedTotals(t *testing.T) {
	obs := Demo2022()
	var synthetic []Observation
	for _, o := range obs {
		if o.Synthetic {
			synthetic = append(synthetic, o)
		}
	}
	checked := 0
	for _, o := range obs {
		if o.Synthetic || o.Unit == UnitPercent || o.Measure != "" || superseded(obs, o) {
			continue
		}
		pts := Series(synthetic, selectorFor(o))
		if !Covers(pts, o.Period()) {
			continue
		}
		checked++
		got := Sum(pts, o.Period())
		switch o.Qualifier {
		case MoreThan:
			if !(got > o.Value) {
				t.Errorf("%s %s %s: generated %.0f, published more than %.0f", o.Series, o.Geo.Route, o.Period(), got, o.Value)
			}
		default:
			if math.Abs(got-o.Value) > 1e-6 {
				t.Errorf("%s %s %s %s: generated %.2f, published %.0f (%s)", o.Series, o.Geo.Route, o.Geo.State, o.Period(), got, o.Value, o.Source)
			}
		}
	}
	if checked < 60 {
		t.Errorf("only %d published figures have a generated series; want at least 60", checked)
	}
	t.Logf("%d published figures reproduced", checked)
}

// superseded reports whether a later revision of o's key exists.
func superseded(obs []Observation, o Observation) bool {
	return slices.ContainsFunc(obs, func(p Observation) bool { return p.Key() == o.Key() && p.Revision > o.Revision })
}

func TestDemoReproducesReportChanges(t *testing.T) {
	obs := Demo2022()
	ytd := Period{Start: MustDate("2022-01-01"), End: MustDate("2022-09-25")}
	tests := []struct {
		name  string
		route Route
		year  int
		want  int
	}{
		{"fn 45 total vs 2021", RouteMedAtlantic, 2021, 39},
		{"fn 45 total vs 2019", RouteMedAtlantic, 2019, 47},
		{"Central Mediterranean vs 2021", RouteCentralMed, 2021, 55},
		{"Central Mediterranean vs 2019", RouteCentralMed, 2019, 634},
		{"Eastern Mediterranean vs 2021", RouteEasternMed, 2021, 111},
		{"Eastern Mediterranean vs 2019", RouteEasternMed, 2019, -51},
		{"Western Mediterranean/Atlantic vs 2021", RouteWesternMedAtlantic, 2021, -16},
		{"Western Mediterranean/Atlantic vs 2019", RouteWesternMedAtlantic, 2019, 7},
		{"Canary Islands vs 2021", RouteAtlantic, 2021, -5},
		{"Canary Islands vs 2019 (almost 13 times)", RouteAtlantic, 2019, 1190},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ChangeSince(obs, RouteSelector(SeriesArrivals, tt.route), ytd, tt.year)
			if !c.Known || c.RoundedPercent() != tt.want {
				t.Errorf("change %+v, rounded %d%%, want %d%%", c, c.RoundedPercent(), tt.want)
			}
		})
	}
	total, ok := Total(obs, RouteSelector(SeriesArrivals, RouteMedAtlantic), ytd)
	if !ok || total != 116610 {
		t.Errorf("fn 45 total = %v (covered %v), want 116610", total, ok)
	}
}

func TestDemoReproducesReportRankingsAndShares(t *testing.T) {
	obs := Demo2022()
	ytd := Period{Start: MustDate("2022-01-01"), End: MustDate("2022-09-25")}
	codes := func(rs []Ranked) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Code)
		}
		return out
	}
	tests := []struct {
		name string
		sel  Selector
		p    Period
		n    int
		want []string
	}{
		{"Central Mediterranean", RouteSelector(SeriesArrivals, RouteCentralMed), ytd, 3, []string{"TN", "EG", "BD"}},
		{"Eastern Mediterranean", RouteSelector(SeriesArrivals, RouteEasternMed), ytd, 3, []string{"SY", "NG", "TR"}},
		{"Western Mediterranean/Atlantic", RouteSelector(SeriesArrivals, RouteWesternMedAtlantic), ytd, 5, []string{"MA", "DZ", "SN", "CI", "GN"}},
		{"Belarus border", Selector{Series: SeriesArrivals, Routes: []Route{RouteEasternLandBorder}, BorderSection: "BY"}, ytd, 3, []string{"IQ", "BY", "SY"}},
		{"Western Balkans (Frontex)", RouteSelector(SeriesDetections, RouteWesternBalkans), Period{ytd.Start, MustDate("2022-08-31")}, 3, []string{"SY", "AF", "TR"}},
		{"asylum applicants", Selector{Series: SeriesAsylumApplications}, Period{ytd.Start, MustDate("2022-07-31")}, 3, []string{"AF", "SY", "VE"}},
	}
	for _, tt := range tests {
		if got := codes(TopNationalities(obs, tt.sel, tt.p, tt.n)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: top %v, want %v (report section 3)", tt.name, got, tt.want)
		}
	}
	states := codes(StateShares(obs, Selector{Series: SeriesAsylumApplications}, Period{ytd.Start, MustDate("2022-07-31")}))
	if !slices.Equal(states[:3], []string{"DE", "FR", "ES"}) {
		t.Errorf("top receiving states %v, want DE FR ES", states[:3])
	}
	share, ok := Share(obs, RouteSelector(SeriesArrivals, RouteEasternMed), "CY", ytd)
	if !ok || math.Round(share*100) != 60 {
		t.Errorf("Cyprus share of the Eastern Mediterranean = %.3f, want about 60 %%", share)
	}
	for _, w := range []struct {
		from, to string
		want     float64
	}{{"2022-04-01", "2022-07-17", 270}, {"2022-07-18", "2022-09-25", 790}} {
		p := Period{MustDate(w.from), MustDate(w.to)}
		v, _ := Total(obs, Selector{Series: SeriesPreventedEntries, Routes: []Route{RouteEasternLandBorder}, BorderSection: "BY"}, p)
		if avg := v / float64(p.Days()) * 7; math.Abs(avg-w.want) > 0.01*w.want {
			t.Errorf("prevented entries %s: %.0f a week, want about %.0f (fn 48)", p, avg, w.want)
		}
	}
}
