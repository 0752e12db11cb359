package awareness

import (
	"cmp"
	"slices"
)

// Report is a situational report for a period, as data; the transports render it (HTML
// page, printable file). It keeps arrivals reported by states and Frontex detections in
// separate figures, as the report does.
type Report struct {
	Period          Period            `json:"period"`
	ComparisonYears []int             `json:"comparison_years"`
	KeyFigures      []Figure          `json:"key_figures"`
	Routes          []Figure          `json:"routes"` // per route, arrivals then detections
	Nationalities   []RouteRanking    `json:"nationalities"`
	StateShares     []RouteRanking    `json:"state_shares"`
	Weekly          []WeeklySeries    `json:"weekly"`    // for charts: the weekly key series and route arrivals
	Published       []PublishedFigure `json:"published"` // published figures of the period and the comparison years, all revisions
	Alerts          []Alert           `json:"alerts"`
	Suppression     *SuppressionNote  `json:"suppression,omitempty"`
}

// Figure is one computed total with its changes against the comparison years.
type Figure struct {
	Label      string     `json:"label"`
	Series     SeriesKind `json:"series"`
	Route      Route      `json:"route,omitempty"`
	Value      float64    `json:"value"`
	Qualifier  Qualifier  `json:"qualifier"`
	Synthetic  bool       `json:"synthetic"` // computed from generated demo series
	Suppressed bool       `json:"suppressed,omitempty"`
	Changes    []Change   `json:"changes"` // only the known ones
}

// RouteRanking is the top nationalities (or states) of one series on one route.
type RouteRanking struct {
	Label  string     `json:"label"`
	Series SeriesKind `json:"series"`
	Route  Route      `json:"route,omitempty"`
	Period Period     `json:"period"`
	Top    []Ranked   `json:"top"`
}

// WeeklySeries is one series resampled to the ISO weeks of the report's period.
type WeeklySeries struct {
	Label  string     `json:"label"`
	Series SeriesKind `json:"series"`
	Route  Route      `json:"route,omitempty"`
	Points []Point    `json:"points"`
}

// SuppressionNote records that small counts were withheld and below what.
type SuppressionNote struct {
	Threshold float64 `json:"threshold"`
}

// ComparisonYears are the years a report compares with: the year before, 2019 (the last year
// before the pandemic, the Commission's usual reference) and 2015 (the crisis the report's
// fn 44 recalls).
func ComparisonYears(year int) []int {
	var out []int
	for _, y := range []int{year - 1, 2019, 2015} {
		if y < year && !slices.Contains(out, y) {
			out = append(out, y)
		}
	}
	return out
}

// BuildReport builds the situational report for from..to (inclusive) from obs. Every number
// in it comes out of obs; nothing is looked up elsewhere.
func BuildReport(obs []Observation, from, to Date) Report {
	p := Period{Start: from, End: to}
	r := Report{Period: p, ComparisonYears: ComparisonYears(from.Year())}
	for _, kf := range keySeries() {
		if f, ok := figure(obs, kf.label, kf.sel, p, r.ComparisonYears); ok {
			r.KeyFigures = append(r.KeyFigures, f)
		}
	}
	for _, kind := range []SeriesKind{SeriesArrivals, SeriesDetections} {
		for _, route := range append(Routes(), RouteWesternMedAtlantic) {
			if f, ok := figure(obs, route.Label(), RouteSelector(kind, route), p, r.ComparisonYears); ok {
				f.Route = route
				r.Routes = append(r.Routes, f)
			}
		}
	}
	r.Nationalities = rankings(obs, p, func(s Selector) Selector { return s.With(s.State, Any) },
		func(s Selector, q Period) []Ranked { return TopNationalities(obs, s, q, 5) })
	r.StateShares = rankings(obs, p, func(s Selector) Selector { return s.With(Any, s.Nationality) },
		func(s Selector, q Period) []Ranked { return StateShares(obs, s, q) })
	r.Weekly = weekly(obs, p)
	r.Published = published(obs, p, r.ComparisonYears)
	r.Alerts = reportAlerts(obs, p)
	return r
}

type keyFigure struct {
	id, label string
	sel       Selector
}

// keySeries are the headline series of the report's section 3.
func keySeries() []keyFigure {
	by := Selector{Routes: []Route{RouteEasternLandBorder}, BorderSection: "BY"}
	prevented, crossings := by, by
	prevented.Series, crossings.Series = SeriesPreventedEntries, SeriesArrivals
	return []keyFigure{
		{"arrivals:mediterranean_atlantic", "Irregular arrivals on the Mediterranean and Atlantic routes (reported by Member States)", RouteSelector(SeriesArrivals, RouteMedAtlantic)},
		{"detections:all", "Detections of irregular border crossings, all routes (Frontex)", Selector{Series: SeriesDetections}},
		{"prevented_entries:belarus", "Entries prevented at the border with Belarus (PL, LT, LV)", prevented},
		{"arrivals:belarus", "Irregular crossings at the border with Belarus", crossings},
		{"asylum_applications", "Asylum applications", Selector{Series: SeriesAsylumApplications}},
		{"tp_registrations", "Temporary protection registrations", Selector{Series: SeriesTPRegistrations}},
		{"return_decisions", "Return decisions", Selector{Series: SeriesReturnDecisions}},
		{"returns", "Returns", Selector{Series: SeriesReturns}},
	}
}

// figure totals s over p when the data cover p, with the changes that are known.
func figure(obs []Observation, label string, s Selector, p Period, years []int) (Figure, bool) {
	pts := Series(obs, s)
	if !Covers(pts, p) {
		return Figure{}, false
	}
	f := Figure{Label: label, Series: s.Series, Value: Sum(pts, p), Changes: []Change{}}
	f.Qualifier, f.Synthetic = Quality(pts, p)
	for _, y := range years {
		if c := ChangeSince(obs, s, p, y); c.Known {
			f.Changes = append(f.Changes, c)
		}
	}
	return f, true
}

// rankings applies rank to every route of both border series and to asylum applications,
// keeping the non-empty ones. Breakdowns often cover less than the report's period (the
// Western Balkans nationalities are for eight months), so each ranking carries the part of p
// its breakdown rows (chosen by rows) actually span.
func rankings(obs []Observation, p Period, rows func(Selector) Selector, rank func(Selector, Period) []Ranked) []RouteRanking {
	var out []RouteRanking
	for _, kind := range []SeriesKind{SeriesArrivals, SeriesDetections} {
		for _, route := range append(Routes(), RouteWesternMedAtlantic) {
			s := RouteSelector(kind, route)
			if route == RouteEasternLandBorder {
				s.BorderSection = "BY"
			}
			if top := rank(s, p); len(top) > 0 {
				out = append(out, RouteRanking{Label: route.Label(), Series: kind, Route: route, Period: span(obs, rows(s), p), Top: top})
			}
		}
	}
	asylum := Selector{Series: SeriesAsylumApplications}
	if top := rank(asylum, p); len(top) > 0 {
		out = append(out, RouteRanking{Label: "Asylum applications", Series: SeriesAsylumApplications, Period: span(obs, rows(asylum), p), Top: top})
	}
	return out
}

// weekly resamples the first three key series and each route's arrivals to weeks.
func weekly(obs []Observation, p Period) []WeeklySeries {
	var out []WeeklySeries
	add := func(label string, s Selector, r Route) {
		if pts := Weekly(Series(obs, s), p); len(pts) > 0 {
			out = append(out, WeeklySeries{Label: label, Series: s.Series, Route: r, Points: pts})
		}
	}
	for _, kf := range keySeries()[:3] {
		add(kf.label, kf.sel, "")
	}
	for _, route := range Routes() {
		add(route.Label()+" (arrivals)", RouteSelector(SeriesArrivals, route), route)
	}
	return out
}

// reportAlerts backtests every default rule over p.
func reportAlerts(obs []Observation, p Period) []Alert {
	var out []Alert
	for _, rule := range DefaultRules() {
		out = append(out, BacktestAlerts(rule, obs, p.Start, p.End)...)
	}
	slices.SortStableFunc(out, func(a, b Alert) int { return cmp.Compare(a.Week.End, b.Week.End) })
	return out
}

// SuppressSmall returns the report as shown outside any single state: every figure and
// ranked value counting people below threshold is withheld (GDPR Art 89(1) safeguards).
func (r Report) SuppressSmall(threshold float64) Report {
	out := r
	out.Suppression = &SuppressionNote{Threshold: threshold}
	out.KeyFigures = suppressFigures(r.KeyFigures, threshold)
	out.Routes = suppressFigures(r.Routes, threshold)
	out.Nationalities = suppressRankings(r.Nationalities, threshold)
	out.StateShares = suppressRankings(r.StateShares, threshold)
	out.Published = suppressPublished(r.Published, threshold)
	out.Weekly = slices.Clone(r.Weekly)
	for i := range out.Weekly { // a withheld week is left out, never drawn as zero
		out.Weekly[i].Points = slices.DeleteFunc(slices.Clone(out.Weekly[i].Points),
			func(p Point) bool { return p.Value > 0 && p.Value < threshold })
	}
	return out
}

func suppressFigures(fs []Figure, threshold float64) []Figure {
	out := slices.Clone(fs)
	for i := range out {
		if out[i].Value > 0 && out[i].Value < threshold {
			out[i].Value, out[i].Suppressed, out[i].Changes = 0, true, nil
		}
	}
	return out
}

func suppressRankings(rs []RouteRanking, threshold float64) []RouteRanking {
	out := slices.Clone(rs)
	for i := range out {
		out[i].Top = slices.DeleteFunc(slices.Clone(out[i].Top), func(r Ranked) bool { return r.Value < threshold })
	}
	return out
}
