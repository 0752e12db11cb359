package awareness

import (
	"cmp"
	"slices"
)

// singleStateRoutes are the routes whose arrivals all land in one state, so a route total
// without a per-state breakdown can still be shown on the map: the Western Mediterranean route
// is the Spanish mainland, Ceuta and Melilla, the Atlantic route the Canary Islands.
func singleStateRoutes() map[Route]string {
	return map[Route]string{RouteWesternMed: "ES", RouteAtlantic: "ES"}
}

// ArrivalsByState sums, per state, the arrivals reported on every route over p: the per-state
// rows where a route has them, else the route total for a route that lands in one state.
// States are ranked largest first; Share is of the sum over the states shown.
func ArrivalsByState(obs []Observation, p Period) []Ranked {
	by := map[string]float64{}
	for _, r := range Routes() {
		sel := RouteSelector(SeriesArrivals, r)
		shares := StateShares(obs, sel, p)
		for _, x := range shares {
			by[x.Code] += x.Value
		}
		if st, ok := singleStateRoutes()[r]; ok && len(shares) == 0 {
			if v, covered := Total(obs, sel, p); covered && v > 0 {
				by[st] += v
			}
		}
	}
	var out []Ranked
	var all float64
	for code, v := range by {
		out = append(out, Ranked{Code: code, Value: v})
		all += v
	}
	slices.SortFunc(out, func(a, b Ranked) int { return cmp.Or(cmp.Compare(b.Value, a.Value), cmp.Compare(a.Code, b.Code)) })
	for i := range out {
		out[i].Share = out[i].Value / all
	}
	return out
}

// YearSeries is a series over the same calendar period of one year.
type YearSeries struct {
	Year   int     `json:"year"`
	Points []Point `json:"points"`
}

// Comparison resamples the series s selects to the months of p and of the same months of each
// comparison year, for the dashboards' "this year against earlier years" charts. Years
// without data are left out; months without full coverage are missing, never zero.
func Comparison(obs []Observation, s Selector, p Period, years []int) []YearSeries {
	pts := Series(obs, s)
	var out []YearSeries
	for _, y := range append([]int{p.Start.Year()}, years...) {
		q := p.ShiftYears(y - p.Start.Year())
		if m := Monthly(pts, q); len(m) > 0 {
			out = append(out, YearSeries{Year: y, Points: m})
		}
	}
	return out
}

// SuppressRanked withholds the ranked values below threshold that viewer does not own
// (Code is a state code when ranking states; viewer "" owns nothing).
func SuppressRanked(rs []Ranked, threshold float64, viewer string) []Ranked {
	return slices.DeleteFunc(slices.Clone(rs), func(r Ranked) bool {
		return r.Value > 0 && r.Value < threshold && (viewer == "" || r.Code != viewer)
	})
}
