package awareness

// publishedDetections holds Frontex's 2022 detections of irregular border crossings
// (figures-2022.md section 2). Where a cumulative figure implies a different month than the
// month's own release (the cumulative includes revisions of earlier months), the release is
// revision 0 and the value derived from the cumulatives is revision 1, so the history stays
// and the latest revision adds up to the cumulative.
func publishedDetections() []Observation {
	d, c, ap, ex := SeriesDetections, UnitCrossings, Approximate, Exact
	out := []Observation{
		fig(d, "2022-01-01", "2022-01-31", 13160, c, ex, srcF),
		fig(d, "2022-01-01", "2022-02-28", 28600, c, ex, srcD+": Jan-Mar minus Mar"),
		fig(d, "2022-02-01", "2022-02-28", 15440, c, ex, srcD+": Jan-Feb minus Jan"),
		fig(d, "2022-01-01", "2022-03-31", 40300, c, ex, srcF),
		fig(d, "2022-03-01", "2022-03-31", 11700, c, ex, srcF),
		fig(d, "2022-01-01", "2022-04-30", 62920, c, ex, srcD+": Jan-May minus May"),
		fig(d, "2022-04-01", "2022-04-30", 22620, c, ex, srcD+": Jan-Apr minus Jan-Mar"),
		fig(d, "2022-01-01", "2022-05-31", 86420, c, ex, srcF),
		fig(d, "2022-05-01", "2022-05-31", 23500, c, ex, srcF),
		fig(d, "2022-01-01", "2022-06-30", 114720, c, ex, srcF).noted("includes revisions of earlier months"),
		fig(d, "2022-01-01", "2022-07-31", 155090, c, ex, srcF),
		fig(d, "2022-01-01", "2022-08-31", 188200, c, ex, srcF),
		fig(d, "2022-01-01", "2022-09-30", 228240, c, ex, srcF),
		fig(d, "2022-01-01", "2022-10-31", 275500, c, ex, srcF),
		fig(d, "2022-11-01", "2022-12-31", 54500, c, ex, srcD+": year minus Jan-Oct"),
		fig(d, "2022-01-01", "2022-12-31", 330000, c, ap, srcF).noted("+64 % on 2021; highest since 2016"),
		fig(d, "2021-01-01", "2021-12-31", 201220, c, ap, srcD+": 330 000 / 1.64"),
	}
	out = append(out, revisedMonths("", []monthRevision{
		{"2022-06", 23290, 28300}, {"2022-07", 34570, 40370}, {"2022-08", 32800, 33110},
		{"2022-09", 33380, 40040}, {"2022-10", 36500, 47260},
	})...)
	out = append(out, routeDetections()...)
	return append(out,
		fig(d, "2022-01-01", "2022-12-31", 47, UnitPercent, ex, srcF).measured("share_sy_af_tn").noted("Syrians, Afghans and Tunisians"),
		fig(d, "2022-01-01", "2022-12-31", 10, UnitPercent, ap, srcF).measured("share_women").noted("under 10 %"),
		fig(d, "2022-01-01", "2022-12-31", 9, UnitPercent, ap, srcF).measured("share_minors"),
		fig(SeriesIndicator, "2022-02-24", "2022-12-31", 13e6, UnitPersons, ap, srcF).measured("entries_from_ua_md").noted("not irregular"),
		fig(SeriesIndicator, "2022-02-24", "2022-12-31", 10e6, UnitPersons, ap, srcF).measured("exits_to_ua_md").noted("not irregular"),
	)
}

// routeDetections holds Frontex's figures by route (figures-2022.md section 2, second table).
func routeDetections() []Observation {
	d, c, ap, mt, ex := SeriesDetections, UnitCrossings, Approximate, MoreThan, Exact
	wb, cm, em := RouteWesternBalkans, RouteCentralMed, RouteEasternMed
	out := []Observation{
		fig(d, "2022-01-01", "2022-03-31", 18300, c, ex, srcF).on(wb),
		fig(d, "2022-03-01", "2022-03-31", 6650, c, ex, srcF).on(wb),
		fig(d, "2022-01-01", "2022-05-31", 40675, c, ex, srcF).on(wb),
		fig(d, "2022-05-01", "2022-05-31", 12088, c, ex, srcF).on(wb),
		fig(d, "2022-01-01", "2022-06-30", 55321, c, ex, srcF).on(wb),
		fig(d, "2022-01-01", "2022-07-31", 70770, c, ex, srcF).on(wb),
		fig(d, "2022-08-01", "2022-08-31", 15900, c, ex, srcF).on(wb),
		fig(d, "2022-09-01", "2022-09-30", 19160, c, ex, srcF).on(wb),
		fig(d, "2022-10-01", "2022-10-31", 22300, c, ex, srcF).on(wb),
		fig(d, "2022-01-01", "2022-12-31", 145600, c, ex, srcF).on(wb),
		fig(d, "2022-01-01", "2022-05-31", 16828, c, ex, srcF).on(cm),
		fig(d, "2022-05-01", "2022-05-31", 6066, c, ex, srcF).on(cm),
		fig(d, "2022-01-01", "2022-06-30", 25164, c, ex, srcF).on(cm),
		fig(d, "2022-01-01", "2022-07-31", 42549, c, ex, srcF).on(cm),
		fig(d, "2022-01-01", "2022-08-31", 53000, c, ap, srcF).on(cm),
		fig(d, "2022-09-01", "2022-09-30", 7200, c, ap, srcF).on(cm),
		fig(d, "2022-01-01", "2022-10-31", 79140, c, ex, srcF).on(cm),
		fig(d, "2022-01-01", "2022-12-31", 102529, c, ex, srcF).on(cm),
		fig(d, "2022-01-01", "2022-03-31", 7005, c, ex, srcF).on(em),
		fig(d, "2022-03-01", "2022-03-31", 3250, c, ex, srcF).on(em),
		fig(d, "2022-01-01", "2022-05-31", 13668, c, ex, srcF).on(em),
		fig(d, "2022-01-01", "2022-06-30", 17957, c, ex, srcF).on(em),
		fig(d, "2022-01-01", "2022-07-31", 22601, c, ex, srcF).on(em),
		fig(d, "2022-01-01", "2022-08-31", 25500, c, mt, srcF).on(em),
		fig(d, "2022-01-01", "2022-12-31", 42831, c, ex, srcF).on(em),
		fig(d, "2022-01-01", "2022-03-31", 5100, c, ap, srcF).on(em).in("CY"),
		fig(d, "2022-01-01", "2022-06-30", 12407, c, ex, srcF).on(em).in("CY"),
		fig(d, "2022-01-01", "2022-07-31", 14936, c, ex, srcF).on(em).in("CY"),
		fig(d, "2022-01-01", "2022-07-31", 6434, c, ex, srcF).on(RouteWesternMed),
		fig(d, "2022-01-01", "2022-12-31", 14582, c, ex, srcF).on(RouteWesternMed),
		fig(d, "2022-01-01", "2022-03-31", 5850, c, ex, srcF).on(RouteAtlantic),
		fig(d, "2022-01-01", "2022-12-31", 15462, c, ex, srcF).on(RouteAtlantic),
		fig(d, "2022-01-01", "2022-03-31", 950, c, ex, srcF).on(RouteEasternLandBorder),
		fig(d, "2022-01-01", "2022-05-31", 2155, c, ex, srcF).on(RouteEasternLandBorder),
		fig(d, "2022-01-01", "2022-06-30", 2452, c, ex, srcF).on(RouteEasternLandBorder),
		fig(d, "2022-01-01", "2022-03-31", 8900, c, ex, srcF).on(RouteChannel).noted("exits to the UK"),
		fig(d, "2022-01-01", "2022-08-31", 41067, c, ex, srcF).on(RouteChannel).noted("exits to the UK"),
		fig(d, "2022-01-01", "2022-10-31", 62323, c, ex, srcF).on(RouteChannel).noted("exits to the UK"),
		fig(d, "2022-01-01", "2022-12-31", 71000, c, mt, srcF).on(RouteChannel).noted("exits to the UK"),
	}
	out = append(out, onRoute(wb, revisedMonths("", []monthRevision{{"2022-07", 14866, 15449}}))...)
	out = append(out, onRoute(cm, revisedMonths("", []monthRevision{{"2022-06", 5651, 8336}, {"2022-07", 14821, 17385}}))...)
	return append(out, onRoute(em, revisedMonths("", []monthRevision{{"2022-06", 2220, 4289}, {"2022-07", 2642, 4644}}))...)
}

// monthRevision is a month as Frontex released it and as its cumulative figures imply it.
type monthRevision struct {
	month             string // YYYY-MM
	released, derived int
}

// revisedMonths returns each month as released (revision 0) and as derived (revision 1).
func revisedMonths(state string, months []monthRevision) []Observation {
	var out []Observation
	for _, m := range months {
		start := MustDate(m.month + "-01")
		p := Period{Start: start, End: start.MonthEnd()}
		first := fig(SeriesDetections, p.Start.String(), p.End.String(), float64(m.released), UnitCrossings, Exact, srcF).in(state)
		rev := first.revised(1)
		rev.Value, rev.Source = float64(m.derived), srcD+": difference of Frontex cumulative figures"
		rev.Note = "includes revisions of earlier months"
		out = append(out, first, rev)
	}
	return out
}

func onRoute(r Route, obs []Observation) []Observation {
	for i := range obs {
		obs[i].Geo.Route = r
	}
	return obs
}
