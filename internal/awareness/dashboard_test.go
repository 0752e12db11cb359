package awareness

import "testing"

func TestArrivalsByState(t *testing.T) {
	p := Period{Start: MustDate("2022-01-01"), End: MustDate("2022-09-25")}
	by := map[string]float64{}
	for _, r := range ArrivalsByState(Demo2022(), p) {
		by[r.Code] = r.Value
	}
	// Spain has no per-state rows: its value is the Western Mediterranean and Atlantic routes
	// (22 921, fn 45); Italy's comes from the Central Mediterranean breakdown.
	if by["ES"] < 22900 || by["ES"] > 22950 {
		t.Errorf("ES %v, want about 22 921", by["ES"])
	}
	for _, st := range []string{"IT", "EL", "CY", "MT"} {
		if by[st] <= 0 {
			t.Errorf("%s missing from the map: %v", st, by)
		}
	}
}

func TestComparisonYears(t *testing.T) {
	p := Period{Start: MustDate("2022-01-01"), End: MustDate("2022-09-25")}
	cs := Comparison(Demo2022(), RouteSelector(SeriesArrivals, RouteCentralMed), p, []int{2021, 2019})
	if len(cs) != 3 || cs[0].Year != 2022 || len(cs[0].Points) != 9 {
		t.Fatalf("%d series, first %+v", len(cs), cs[0])
	}
	var sum float64
	for _, pt := range cs[0].Points {
		sum += pt.Value
	}
	if int(sum+0.5) != 70088 { // fn 45: Central Mediterranean to 25 September
		t.Errorf("2022 months add up to %v, want 70 088", sum)
	}
}

func TestSuppressRanked(t *testing.T) {
	rs := []Ranked{{Code: "DE", Value: 3}, {Code: "PL", Value: 2}, {Code: "IT", Value: 90}}
	if got := SuppressRanked(rs, 5, "DE"); len(got) != 2 || got[0].Code != "DE" {
		t.Errorf("owner DE sees %+v", got)
	}
	if got := SuppressRanked(rs, 5, ""); len(got) != 1 {
		t.Errorf("an EU body sees %+v", got)
	}
}
