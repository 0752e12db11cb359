package awareness

import "fmt"

// The 2022 demo dataset: the figures of shared/domain/figures-2022.md, each with its
// qualifier and source, plus generated weekly series consistent with them. Source codes:
// R = Report on Migration and Asylum, COM(2022) 740 (fn = footnote); F = Frontex monthly
// releases (preliminary); E = Eurostat; S = Statewatch quoting Frontex; D = derived by
// subtraction or from a published percentage.

// Demo2022 returns the 2022 demo dataset: published figures first, then the synthetic
// series, in a fixed order. Every call builds a fresh slice.
func Demo2022() []Observation {
	var out []Observation
	for _, part := range [][]Observation{
		publishedRoutes(), publishedDetections(), publishedAsylum(), publishedOther(),
		generatedArrivals(), generatedDetections(), generatedBorderBelarus(), generatedAsylum(),
	} {
		out = append(out, part...)
	}
	return out
}

// Sources as they appear on the demo observations.
const (
	srcR = "R: COM(2022) 740"
	srcF = "F: Frontex monthly release"
	srcE = "E: Eurostat"
	srcS = "S: Statewatch (Frontex internal report)"
	srcD = "D: derived"
)

// reportCutOff is the last day the report's route figures count (fn 45: "up to 25 September
// 2022"); the report's "so far in 2022" figures are dated to it too.
const reportCutOff = "2022-09-25"

// fig builds a published figure; the unexported setters below fill the other dimensions.
func fig(kind SeriesKind, from, to string, v float64, u Unit, q Qualifier, src string) Observation {
	return Observation{Series: kind, PeriodStart: MustDate(from), PeriodEnd: MustDate(to), Value: v,
		Unit: u, Qualifier: q, Source: src}
}

func (o Observation) on(r Route) Observation        { o.Geo.Route = r; return o }
func (o Observation) in(state string) Observation   { o.Geo.State = state; return o }
func (o Observation) of(nat string) Observation     { o.Nationality = nat; return o }
func (o Observation) measured(m string) Observation { o.Measure = m; return o }
func (o Observation) revised(n int) Observation     { o.Revision = n; return o }
func (o Observation) noted(note string) Observation { o.Note = note; return o }
func (o Observation) section(s string) Observation  { o.Geo.BorderSection = s; return o }

// routeTotal is the arrivals on one route from 1 January to 25 September of a year.
type routeTotal struct {
	route Route
	total int
}

// routeTotals gives, per year, the arrivals reported by Member States from 1 January to
// 25 September on the four routes of the report's fn 45. 2022 is published; 2021 and 2019
// are derived from the 2022 values and fn 45's percentages (70 088 / 1.55 = 45 218, ...) and
// reproduce every one of them, totals included, when rounded to whole percents. The
// Western Mediterranean/Atlantic value of each year is split using the Canary Islands
// percentages (-5 % on 2021, "almost 13 times" 2019).
func routeTotals(year int) []routeTotal {
	switch year {
	case 2019:
		return []routeTotal{{RouteCentralMed, 9549}, {RouteEasternMed, 48165}, {RouteWesternMed, 20465}, {RouteAtlantic, 957}}
	case 2021:
		return []routeTotal{{RouteCentralMed, 45218}, {RouteEasternMed, 11185}, {RouteWesternMed, 14290}, {RouteAtlantic, 12997}}
	case 2022:
		return []routeTotal{{RouteCentralMed, 70088}, {RouteEasternMed, 23601}, {RouteWesternMed, 10574}, {RouteAtlantic, 12347}}
	}
	return nil
}

// publishedRoutes holds report section 3 (fn 44 to 48): arrivals reported by Member States.
func publishedRoutes() []Observation {
	a, cut := SeriesArrivals, reportCutOff
	fn45 := srcR + " fn 45 (source: Member States)"
	out := []Observation{
		fig(a, "2022-01-01", cut, 70088, UnitPersons, Exact, fn45).on(RouteCentralMed),
		fig(a, "2022-01-01", cut, 23601, UnitPersons, Exact, fn45).on(RouteEasternMed),
		fig(a, "2022-01-01", cut, 22921, UnitPersons, Exact, fn45).on(RouteWesternMedAtlantic),
		fig(a, "2022-01-01", cut, 12347, UnitPersons, Exact, fn45).on(RouteAtlantic).noted("Canary Islands, including departures from Western Sahara"),
		fig(a, "2022-01-01", cut, 10574, UnitPersons, Exact, srcD+": fn 45, 22 921 minus 12 347 on the Canary Islands").on(RouteWesternMed),
		fig(a, "2022-01-01", cut, 116610, UnitPersons, Exact, fn45).on(RouteMedAtlantic),
		fig(a, "2022-01-01", cut, 16, UnitPercent, Exact, srcR+" section 3").on(RouteCentralMed).measured("share_departed_from_tr").noted("Türkiye as country of departure"),
		fig(a, "2022-01-01", cut, 60, UnitPercent, Approximate, srcR+" section 3").on(RouteEasternMed).in("CY").measured("share_of_route"),
		fig(a, "2022-01-01", cut, 800, UnitPersons, MoreThan, srcR+" fn 47").on(RouteEasternLandBorder).section("BY").noted("irregular crossings into PL, LT and LV"),
		fig(a, "2021-01-01", "2021-09-25", 8300, UnitPersons, Approximate, srcR+" fn 47").on(RouteEasternLandBorder).section("BY").noted("same period of 2021"),
		fig(SeriesPreventedEntries, "2022-01-01", cut, 19500, UnitPersons, Exact, srcR+" fn 47").on(RouteEasternLandBorder).section("BY").noted("PL, LT and LV, so far in 2022"),
		fig(SeriesPreventedEntries, "2021-01-01", "2021-09-25", 48200, UnitPersons, Exact, srcR+" fn 47").on(RouteEasternLandBorder).section("BY").noted("same period of 2021"),
		fig(SeriesPreventedEntries, "2022-04-01", "2022-07-17", 270, UnitPersons, Approximate, srcR+" fn 48").on(RouteEasternLandBorder).section("BY").measured("weekly_average"),
		fig(SeriesPreventedEntries, "2022-07-18", cut, 790, UnitPersons, Approximate, srcR+" fn 48").on(RouteEasternLandBorder).section("BY").measured("weekly_average"),
		fig(SeriesDetections, "2022-01-01", "2022-08-31", 86000, UnitCrossings, MoreThan, srcR+" fn 46 (Frontex)").on(RouteWesternBalkans).noted("first eight months; nearly 3x 2021, more than 10x 2019"),
		// The comparisons of fn 46 as figures, so the report can compute them: "nearly three
		// times as many as in 2021 and more than ten times as many as in 2019".
		fig(SeriesDetections, "2021-01-01", "2021-08-31", 30000, UnitCrossings, Approximate, srcD+": R fn 46, nearly a third of 2022").on(RouteWesternBalkans),
		fig(SeriesDetections, "2019-01-01", "2019-08-31", 8000, UnitCrossings, Approximate, srcD+": R fn 46, under a tenth of 2022").on(RouteWesternBalkans),
		// Frontex's own release for the same months came later and is more precise.
		fig(SeriesDetections, "2022-01-01", "2022-08-31", 86500, UnitCrossings, MoreThan, srcF).on(RouteWesternBalkans).revised(1),
		fig(SeriesDetections, "2015-01-01", "2015-12-31", 1047210, UnitCrossings, Exact, srcR+" fn 44").on(RouteMedAtlantic).noted("the three main routes in 2015"),
	}
	for _, y := range []int{2019, 2021} {
		for _, rt := range routeTotals(y) {
			out = append(out, fig(a, Civil(y, 1, 1).String(), Civil(y, 9, 25).String(), float64(rt.total), UnitPersons,
				Approximate, fmt.Sprintf("%s: fn 45, 2022 value and change vs %d", srcD, y)).on(rt.route))
		}
	}
	return out
}
