package awareness

import "time"

// The synthetic half of the demo dataset. No public weekly figures exist for 2022, so these
// series are invented, but every one of them adds up exactly to the published totals of
// demo2022*.go (TestDemoSeriesReproducePublishedTotals checks each).

// seg is shorthand for a segment.
func seg(from, to string, total int) segment { return segment{from, to, total} }

// routeShape is the seasonal profile the generator gives each route.
func routeShape(r Route) shape {
	switch r {
	case RouteCentralMed:
		return seasonal(220, 0.6) // summer crossings from Libya and Tunisia
	case RouteAtlantic:
		return seasonal(300, 0.5) // the Canary route peaks in autumn
	case RouteWesternBalkans:
		return seasonal(260, 0.35)
	case RouteChannel:
		return seasonal(230, 0.4)
	}
	return seasonal(240, 0.25)
}

// generatedArrivals spreads the fn 45 totals of 2019, 2021 and 2022 over weeks, splits the
// Central and Eastern Mediterranean by state, and the 2022 totals by nationality.
func generatedArrivals() []Observation {
	var out []Observation
	for _, y := range []int{2019, 2021, 2022} {
		period := [2]string{Civil(y, 1, 1).String(), Civil(y, 9, 25).String()}
		for _, rt := range routeTotals(y) {
			base := Observation{Series: SeriesArrivals, Geo: Geo{Route: rt.route}, Unit: UnitPersons,
				Note: "weekly, split at 25 September"}
			weeks := weeklySeries(base, []segment{seg(period[0], period[1], rt.total)}, routeShape(rt.route),
				"arrivals"+string(rt.route)+period[0])
			out = append(out, weeks...)
			if codes, w := stateSplit(y, rt.route); codes != nil {
				out = append(out, splitRows(weeks, codes, w, true, "state"+period[0])...)
			}
			if y == 2022 {
				codes, w := nationalitySplit(rt.route)
				whole := synth(base, Period{Start: MustDate(period[0]), End: MustDate(period[1])}, rt.total)
				whole.Note = "nationality breakdown of the period"
				out = append(out, splitRows([]Observation{whole}, codes, w, false, "nat"+string(rt.route))...)
			}
		}
	}
	belarus := synth(Observation{Series: SeriesArrivals, Geo: Geo{Route: RouteEasternLandBorder, BorderSection: "BY"},
		Unit: UnitPersons}, Period{Start: MustDate("2022-01-01"), End: MustDate(reportCutOff)}, 845)
	belarus.Note = "nationalities of people apprehended; 845 in all, more than 800 (fn 47)"
	return append(out, splitRows([]Observation{belarus}, []string{"IQ", "BY", "SY", "XX"},
		[]float64{0.32, 0.21, 0.15, 0.32}, false, "natBY")...)
}

// stateSplit says how a route's arrivals divide among the states that report them: almost
// all Central Mediterranean arrivals reach Italy, Malta falling; Cyprus about 60 % of the
// Eastern Mediterranean in 2022 (report section 3).
func stateSplit(year int, r Route) ([]string, []float64) {
	switch {
	case r == RouteCentralMed && year == 2022:
		return []string{"IT", "MT"}, []float64{0.994, 0.006}
	case r == RouteCentralMed && year == 2021:
		return []string{"IT", "MT"}, []float64{0.982, 0.018}
	case r == RouteCentralMed:
		return []string{"IT", "MT"}, []float64{0.75, 0.25}
	case r == RouteEasternMed && year == 2022:
		return []string{"CY", "EL"}, []float64{0.60, 0.40}
	case r == RouteEasternMed && year == 2021:
		return []string{"CY", "EL"}, []float64{0.45, 0.55}
	case r == RouteEasternMed:
		return []string{"CY", "EL"}, []float64{0.08, 0.92}
	}
	return nil, nil
}

// nationalitySplit gives a route's 2022 nationalities in the order the report names them;
// XX takes the rest.
func nationalitySplit(r Route) ([]string, []float64) {
	switch r {
	case RouteCentralMed:
		return []string{"TN", "EG", "BD", "SY", "AF", "XX"}, []float64{0.24, 0.20, 0.17, 0.09, 0.06, 0.24}
	case RouteEasternMed:
		return []string{"SY", "NG", "TR", "AF", "CD", "XX"}, []float64{0.28, 0.13, 0.10, 0.07, 0.05, 0.37}
	case RouteWesternMed:
		return []string{"MA", "DZ", "CI", "GN", "XX"}, []float64{0.38, 0.34, 0.03, 0.02, 0.23}
	}
	return []string{"MA", "SN", "CI", "GN", "XX"}, []float64{0.30, 0.18, 0.12, 0.10, 0.30}
}

// detectionPlan is one Frontex series and the totals its weeks must reproduce.
type detectionPlan struct {
	route Route
	state string
	segs  []segment
}

// detectionPlans derives each series' segments from the published figures: a cumulative
// minus the one before it, a year minus its months (see the arithmetic in the comments).
func detectionPlans() []detectionPlan {
	return []detectionPlan{
		{"", "", []segment{seg("2022-01-01", "2022-01-31", 13160), seg("2022-02-01", "2022-02-28", 15440),
			seg("2022-03-01", "2022-03-31", 11700), seg("2022-04-01", "2022-04-30", 22620),
			seg("2022-05-01", "2022-05-31", 23500), seg("2022-06-01", "2022-06-30", 28300),
			seg("2022-07-01", "2022-07-31", 40370), seg("2022-08-01", "2022-08-31", 33110),
			seg("2022-09-01", "2022-09-30", 40040), seg("2022-10-01", "2022-10-31", 47260),
			seg("2022-11-01", "2022-12-31", 54500)}},
		// 18 300 - 6 650; 40 675 - 18 300 - 12 088; 55 321 - 40 675; 70 770 - 55 321;
		// Jan-Aug 86 670 (> 86 500); 145 600 - 86 670 - 19 160 - 22 300.
		{RouteWesternBalkans, "", []segment{seg("2022-01-01", "2022-02-28", 11650), seg("2022-03-01", "2022-03-31", 6650),
			seg("2022-04-01", "2022-04-30", 10287), seg("2022-05-01", "2022-05-31", 12088),
			seg("2022-06-01", "2022-06-30", 14646), seg("2022-07-01", "2022-07-31", 15449),
			seg("2022-08-01", "2022-08-31", 15900), seg("2022-09-01", "2022-09-30", 19160),
			seg("2022-10-01", "2022-10-31", 22300), seg("2022-11-01", "2022-12-31", 17470)}},
		// 16 828 - 6 066; 25 164 - 16 828; 42 549 - 25 164; 53 000 - 42 549;
		// 79 140 - 53 000 - 7 200; 102 529 - 79 140.
		{RouteCentralMed, "", []segment{seg("2022-01-01", "2022-04-30", 10762), seg("2022-05-01", "2022-05-31", 6066),
			seg("2022-06-01", "2022-06-30", 8336), seg("2022-07-01", "2022-07-31", 17385),
			seg("2022-08-01", "2022-08-31", 10451), seg("2022-09-01", "2022-09-30", 7200),
			seg("2022-10-01", "2022-10-31", 18940), seg("2022-11-01", "2022-12-31", 23389)}},
		// 7 005 - 3 250; 13 668 - 7 005; 17 957 - 13 668; 22 601 - 17 957;
		// Jan-Aug 25 600 (> 25 500); 42 831 - 25 600.
		{RouteEasternMed, "", []segment{seg("2022-01-01", "2022-02-28", 3755), seg("2022-03-01", "2022-03-31", 3250),
			seg("2022-04-01", "2022-05-31", 6663), seg("2022-06-01", "2022-06-30", 4289),
			seg("2022-07-01", "2022-07-31", 4644), seg("2022-08-01", "2022-08-31", 2999),
			seg("2022-09-01", "2022-12-31", 17231)}},
		{RouteEasternMed, "CY", []segment{seg("2022-01-01", "2022-03-31", 5100), seg("2022-04-01", "2022-06-30", 7307),
			seg("2022-07-01", "2022-07-31", 2529)}},
		{RouteWesternMed, "", []segment{seg("2022-01-01", "2022-07-31", 6434), seg("2022-08-01", "2022-12-31", 8148)}},
		{RouteAtlantic, "", []segment{seg("2022-01-01", "2022-03-31", 5850), seg("2022-04-01", "2022-12-31", 9612)}},
		{RouteEasternLandBorder, "", []segment{seg("2022-01-01", "2022-03-31", 950), seg("2022-04-01", "2022-05-31", 1205),
			seg("2022-06-01", "2022-06-30", 297)}},
		// 41 067 - 8 900; 62 323 - 41 067; a year of 71 500 (> 71 000).
		{RouteChannel, "", []segment{seg("2022-01-01", "2022-03-31", 8900), seg("2022-04-01", "2022-08-31", 32167),
			seg("2022-09-01", "2022-10-31", 21256), seg("2022-11-01", "2022-12-31", 9177)}},
	}
}

// generatedDetections spreads every Frontex plan over weeks, and the Western Balkans'
// first eight months by nationality (report: Syrians, Afghans, Turks).
func generatedDetections() []Observation {
	var out []Observation
	for _, p := range detectionPlans() {
		base := Observation{Series: SeriesDetections, Geo: Geo{Route: p.route, State: p.state}, Unit: UnitCrossings,
			Note: "weekly, split at month ends"}
		out = append(out, weeklySeries(base, p.segs, routeShape(p.route), "det"+string(p.route)+p.state)...)
	}
	wb := synth(Observation{Series: SeriesDetections, Geo: Geo{Route: RouteWesternBalkans}, Unit: UnitCrossings},
		Period{Start: MustDate("2022-01-01"), End: MustDate("2022-08-31")}, 86670)
	wb.Note = "nationality breakdown of the first eight months"
	return append(out, splitRows([]Observation{wb}, []string{"SY", "AF", "TR", "IN", "BI", "XX"},
		[]float64{0.27, 0.19, 0.12, 0.07, 0.05, 0.30}, false, "natWB")...)
}

// generatedBorderBelarus is the prevented-entries series at the border with Belarus: about
// 270 a week from April to mid-July, about 790 a week after (fn 48), 19 500 in all (fn 47);
// January to March takes the rest (7 434, about 580 a week).
func generatedBorderBelarus() []Observation {
	base := Observation{Series: SeriesPreventedEntries, Geo: Geo{Route: RouteEasternLandBorder, BorderSection: "BY"},
		Unit: UnitPersons, Note: "weekly"}
	return weeklySeries(base, []segment{seg("2022-01-01", "2022-03-31", 7434),
		seg("2022-04-01", "2022-07-17", 4166), seg("2022-07-18", reportCutOff, 7900)}, flat, "prevented-BY")
}

// generatedAsylum spreads January to July of 2019, 2021 and 2022 over months and splits 2022
// by nationality (Afghanistan, Syria, Venezuela first; Ukraine as published) and by state
// (Germany, France, Spain first).
func generatedAsylum() []Observation {
	base := Observation{Series: SeriesAsylumApplications, Unit: UnitApplications, Note: "monthly"}
	var out []Observation
	for _, y := range []struct {
		year, total int
		months      []float64
	}{{2019, 375288, []float64{52, 50, 54, 55, 53, 54, 57}}, {2021, 290000, []float64{38, 36, 40, 39, 40, 45, 52}},
		{2022, 480000, []float64{62, 60, 78, 68, 68, 70, 74}}} {
		for i, v := range apportion(y.total, y.months) {
			start := Civil(y.year, time.Month(i+1), 1)
			out = append(out, synth(base, Period{Start: start, End: start.MonthEnd()}, v))
		}
	}
	whole := synth(base, Period{Start: MustDate("2022-01-01"), End: MustDate("2022-07-31")}, 480000-21600)
	whole.Note = "breakdown of the period; Ukrainians as published"
	out = append(out, splitRows([]Observation{whole}, []string{"AF", "SY", "VE", "CO", "BD", "TR", "GE", "PK", "XX"},
		[]float64{0.13, 0.11, 0.06, 0.045, 0.03, 0.04, 0.03, 0.03, 0.525}, false, "natAsy")...)
	whole.Value, whole.Note = 480000, "breakdown of the period by receiving state"
	return append(out, splitRows([]Observation{whole}, []string{"DE", "FR", "ES", "IT", "AT", "NL", "BE", "EL",
		"CY", "SE", "PL", "IE", "CH", "BG", "RO", "SI"},
		[]float64{0.26, 0.16, 0.13, 0.09, 0.08, 0.04, 0.04, 0.04, 0.03, 0.02, 0.01, 0.02, 0.03, 0.02, 0.01, 0.02}, true, "stAsy")...)
}
