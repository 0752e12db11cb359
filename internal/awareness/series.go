package awareness

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Any in a Selector field matches every non-empty value of that dimension (the breakdown
// rows) and never the empty total row, so totals and their breakdowns are not added up twice.
const Any = "*"

// Selector picks the observations of one series. Series is required: arrivals and
// detections are never summed together. In State, Nationality and BorderSection the empty
// string matches only total rows (empty field), Any matches every breakdown row, anything
// else matches exactly.
type Selector struct {
	Series        SeriesKind `json:"series"`
	Measure       string     `json:"measure,omitempty"`
	Routes        []Route    `json:"routes,omitempty"` // any of these (groups expand to their members); empty matches rows without a route
	State         string     `json:"state,omitempty"`
	Nationality   string     `json:"nationality,omitempty"`
	BorderSection string     `json:"border_section,omitempty"`
	Unit          Unit       `json:"unit,omitempty"` // empty matches any unit
}

// Validate checks that s names one known series and known routes and states, so a rule
// a coordinator saves cannot silently select nothing.
func (s Selector) Validate() error {
	var v errs.Validation
	v.Check(slices.Contains(SeriesKinds(), s.Series), "series", "unknown series (one series per selector: arrivals and detections are never summed)")
	for i, r := range s.Routes {
		v.Check(r.Members() != nil, fmt.Sprintf("routes[%d]", i), "unknown route")
	}
	v.Check(s.State == "" || s.State == Any || IsState(s.State), "state", "must be a state code, empty or *")
	v.Check(s.Nationality == "" || s.Nationality == Any || isAlpha2(s.Nationality), "nationality", "must be an ISO 3166-1 alpha-2 code, empty or *")
	v.Check(s.Unit == "" || slices.Contains(Units(), s.Unit), "unit", "unknown unit")
	return v.Err()
}

// RouteSelector returns a selector for one series on one route (or route group), totals only.
func RouteSelector(kind SeriesKind, r Route) Selector {
	return Selector{Series: kind, Routes: []Route{r}}
}

// Match reports whether o belongs to the series s selects.
func (s Selector) Match(o Observation) bool {
	if o.Series != s.Series || o.Measure != s.Measure || o.Suppressed {
		return false
	}
	if s.Unit != "" && o.Unit != s.Unit {
		return false
	}
	if !matchDim(s.State, o.Geo.State) || !matchDim(s.Nationality, o.Nationality) ||
		!matchDim(s.BorderSection, o.Geo.BorderSection) {
		return false
	}
	if len(s.Routes) == 0 {
		return o.Geo.Route == ""
	}
	for _, r := range s.Routes {
		if slices.Contains(r.Members(), o.Geo.Route) {
			return true
		}
	}
	return false
}

func matchDim(want, got string) bool {
	if want == Any {
		return got != ""
	}
	return want == got
}

// With returns a copy of s with the state and nationality set.
func (s Selector) With(state, nationality string) Selector {
	s.State, s.Nationality = state, nationality
	s.Routes = slices.Clone(s.Routes)
	return s
}

// Point is one value of a series over a period.
type Point struct {
	Period    Period    `json:"period"`
	Value     float64   `json:"value"`
	Qualifier Qualifier `json:"qualifier,omitempty"` // of the observation it came from; "" counts as exact
	Synthetic bool      `json:"synthetic,omitempty"`
}

// Select returns the observations s matches, keeping only the latest revision of each key
// (earlier revisions stay in the store as history but are not counted).
func Select(obs []Observation, s Selector) []Observation {
	latest := map[Key]int{}
	var out []Observation
	for _, o := range obs {
		if !s.Match(o) {
			continue
		}
		k := o.Key()
		if i, ok := latest[k]; ok {
			if o.Revision > out[i].Revision {
				out[i] = o
			}
			continue
		}
		latest[k] = len(out)
		out = append(out, o)
	}
	return out
}

// Series returns the points of the series s selects. Published figures overlap (a month, the
// months up to it, the year), so within each breakdown row it keeps the finest observations
// that do not overlap: shorter periods first, a longer one only where it overlaps nothing
// kept. Points of different rows (states, nationalities) may overlap; every sum here is
// pro rata by days, so they still add up. The result is sorted by period start.
func Series(obs []Observation, s Selector) []Point {
	rows := map[Key][]Observation{}
	for _, o := range Select(obs, s) {
		k := o.Key()
		k.Period = Period{}
		rows[k] = append(rows[k], o)
	}
	var out []Point
	for _, row := range rows {
		out = append(out, finest(row)...)
	}
	slices.SortFunc(out, func(a, b Point) int {
		return cmp.Or(cmp.Compare(a.Period.Start, b.Period.Start), cmp.Compare(a.Period.End, b.Period.End))
	})
	return out
}

// finest keeps the shortest non-overlapping observations of one row.
func finest(row []Observation) []Point {
	slices.SortStableFunc(row, func(a, b Observation) int {
		return cmp.Or(cmp.Compare(a.Period().Days(), b.Period().Days()), cmp.Compare(a.PeriodStart, b.PeriodStart))
	})
	var kept []Point // sorted by start, pairwise disjoint
	for _, o := range row {
		p := o.Period()
		i, _ := slices.BinarySearchFunc(kept, p.Start, func(q Point, d Date) int { return cmp.Compare(q.Period.Start, d) })
		if i > 0 && kept[i-1].Period.End >= p.Start || i < len(kept) && kept[i].Period.Start <= p.End {
			continue
		}
		kept = slices.Insert(kept, i, Point{Period: p, Value: o.Value, Qualifier: o.Qualifier, Synthetic: o.Synthetic})
	}
	return kept
}

// Sum returns the total of points over p, counting a point that only partly overlaps p pro
// rata by days (a week of 700 straddling the period end by three days adds 400).
func Sum(points []Point, p Period) float64 {
	var total float64
	for _, pt := range points {
		if n := pt.Period.Overlap(p); n > 0 {
			total += pt.Value * float64(n) / float64(pt.Period.Days())
		}
	}
	return total
}

// Covers reports whether the points together cover every day of p.
func Covers(points []Point, p Period) bool {
	next := p.Start // first day not yet known to be covered; points are sorted by start
	for _, pt := range points {
		if pt.Period.Start > next {
			break
		}
		next = max(next, pt.Period.End+1)
		if next > p.End {
			return true
		}
	}
	return next > p.End
}

// Quality says how far a sum of points over p can be trusted: exact only when every point is
// exact and wholly inside p; more_than when lower bounds were added to exact values;
// approximate when any point is approximate or only partly counted (a pro-rata share of a
// longer period is an estimate). synthetic is true when any point is generated demo data.
func Quality(points []Point, p Period) (q Qualifier, synthetic bool) {
	q = Exact
	for _, pt := range points {
		if pt.Period.Overlap(p) == 0 {
			continue
		}
		synthetic = synthetic || pt.Synthetic
		switch {
		case pt.Qualifier == Approximate || !p.Contains(pt.Period):
			q = Approximate
		case pt.Qualifier == MoreThan && q == Exact:
			q = MoreThan
		}
	}
	return q, synthetic
}
