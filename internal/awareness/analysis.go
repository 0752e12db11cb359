package awareness

import (
	"cmp"
	"math"
	"slices"
)

// Total returns the sum of the series s selects over p, and whether the data cover all of p.
func Total(obs []Observation, s Selector, p Period) (float64, bool) {
	pts := Series(obs, s)
	return Sum(pts, p), Covers(pts, p)
}

// YearToDate returns the series total from 1 January of asOf's year to asOf inclusive.
func YearToDate(obs []Observation, s Selector, asOf Date) (float64, bool) {
	return Total(obs, s, Period{Start: Civil(asOf.Year(), 1, 1), End: asOf})
}

// Cumulate turns consecutive points into running year-to-date totals, restarting at each
// 1 January (a point is counted in the year it starts in).
func Cumulate(points []Point) []Point {
	out := make([]Point, len(points))
	var run float64
	year := 0
	for i, p := range points {
		if y := p.Period.Start.Year(); y != year {
			year, run = y, 0
		}
		run += p.Value
		out[i] = Point{Period: Period{Start: Civil(year, 1, 1), End: p.Period.End}, Value: run}
	}
	return out
}

// Resample sums points into the given buckets pro rata by days, keeping only buckets the
// points cover entirely: a week with no data is unknown, not zero.
func Resample(points []Point, buckets []Period) []Point {
	out := make([]Point, 0, len(buckets))
	for _, b := range buckets {
		if Covers(points, b) {
			out = append(out, Point{Period: b, Value: Sum(points, b)})
		}
	}
	return out
}

// Weekly resamples points into the ISO weeks (Monday to Sunday) of p; the first and last week
// are clipped to p.
func Weekly(points []Point, p Period) []Point { return Resample(points, p.Weeks()) }

// FullWeeks resamples points into whole ISO weeks ending within p, as early-warning rules use.
func FullWeeks(points []Point, p Period) []Point {
	return Resample(points, Period{Start: p.Start.WeekStart(), End: p.End}.Weeks()[:numFullWeeks(p)])
}

func numFullWeeks(p Period) int {
	n := len(Period{Start: p.Start.WeekStart(), End: p.End}.Weeks())
	if p.End.Weekday() != 0 { // the last week is incomplete unless p ends on a Sunday
		n--
	}
	return max(0, n)
}

// Monthly resamples points into the calendar months of p, the first and last clipped to p.
func Monthly(points []Point, p Period) []Point { return Resample(points, p.Months()) }

// Change compares a period with the same calendar period of an earlier year, as the report
// does ("+39 % compared with the same period of 2021").
type Change struct {
	Year    int     `json:"year"`
	Base    float64 `json:"base"`
	Current float64 `json:"current"`
	Percent float64 `json:"percent"` // (Current/Base - 1) x 100
	Known   bool    `json:"known"`   // false when either period is not fully covered or Base is 0
	// Qualifier is exact only when both totals are; otherwise the change is approximate.
	Qualifier Qualifier `json:"qualifier"`
}

// ChangeSince returns the change of the series over p against the same days of year.
func ChangeSince(obs []Observation, s Selector, p Period, year int) Change {
	pts := Series(obs, s)
	base := p.ShiftYears(year - p.Start.Year())
	c := Change{Year: year, Current: Sum(pts, p), Base: Sum(pts, base)}
	c.Known = Covers(pts, p) && Covers(pts, base) && c.Base > 0
	if c.Known {
		c.Percent = (c.Current/c.Base - 1) * 100
	}
	qc, _ := Quality(pts, p)
	qb, _ := Quality(pts, base)
	c.Qualifier = Exact
	if qc != Exact || qb != Exact {
		c.Qualifier = Approximate
	}
	return c
}

// RoundedPercent returns the change rounded to a whole percent, as the report prints it.
func (c Change) RoundedPercent() int { return int(math.Round(c.Percent)) }

// Ranked is one nationality (or state) with its total and its share of the whole.
type Ranked struct {
	Code  string  `json:"code"`
	Value float64 `json:"value"`
	Share float64 `json:"share"` // of the sum over all breakdown rows, 0..1
}

// TopNationalities ranks the nationalities of the series s selects over p, largest first,
// and returns the first n. "XX" (other or unknown) takes part in the shares but is never
// ranked. Shares are of the total row when it covers p, else of the sum of the breakdown.
func TopNationalities(obs []Observation, s Selector, p Period, n int) []Ranked {
	return top(obs, s.With(s.State, Any), s.With(s.State, ""), p, n, func(o Observation) string { return o.Nationality })
}

// StateShares ranks the states of the series s selects over p, largest first; shares as in
// TopNationalities, so a state that alone reports a breakdown is not shown as 100 %.
func StateShares(obs []Observation, s Selector, p Period) []Ranked {
	return top(obs, s.With(Any, s.Nationality), s.With("", s.Nationality), p, math.MaxInt, func(o Observation) string { return o.Geo.State })
}

// Share returns the share (0..1) of state in the series s selects over p (the report:
// "Cyprus accounts for about 60 % of arrivals on the route"), out of the total row when it
// covers p, else out of the sum of the per-state rows.
func Share(obs []Observation, s Selector, state string, p Period) (float64, bool) {
	part, ok := Total(obs, s.With(state, s.Nationality), p)
	whole, okWhole := Total(obs, s.With("", s.Nationality), p)
	if !okWhole {
		whole, okWhole = Total(obs, s.With(Any, s.Nationality), p)
	}
	if !ok || !okWhole || whole == 0 {
		return 0, false
	}
	return part / whole, true
}

func top(obs []Observation, s, total Selector, p Period, n int, code func(Observation) string) []Ranked {
	byCode := map[string][]Observation{}
	for _, o := range Select(obs, s) {
		byCode[code(o)] = append(byCode[code(o)], o)
	}
	var all float64
	var out []Ranked
	for c, rows := range byCode {
		v := Sum(Series(rows, s), p)
		all += v
		if c != "XX" && v > 0 {
			out = append(out, Ranked{Code: c, Value: v})
		}
	}
	if v, ok := Total(obs, total, span(obs, s, p)); ok && v > 0 {
		all = v // over the days the breakdown spans: Cyprus until July is a share of the route until July
	}
	slices.SortFunc(out, func(a, b Ranked) int { return cmp.Or(cmp.Compare(b.Value, a.Value), cmp.Compare(a.Code, b.Code)) })
	for i := range out {
		out[i].Share = out[i].Value / all
	}
	return out[:min(n, len(out))]
}

// span returns the part of p that the rows s selects extend over.
func span(obs []Observation, s Selector, p Period) Period {
	out := Period{Start: p.End, End: p.Start}
	for _, o := range Select(obs, s) {
		if o.Period().Overlap(p) > 0 {
			out.Start, out.End = min(out.Start, max(o.PeriodStart, p.Start)), max(out.End, min(o.PeriodEnd, p.End))
		}
	}
	return out
}
