package awareness

import (
	"bytes"
	"fmt"
	"testing"
)

// benchCSV returns n valid rows: weekly arrivals for every route and state pair.
func benchCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("series,period_start,period_end,state,route,value,unit,source,synthetic\n")
	start := MustDate("2015-01-05")
	for i := 0; i < n; i++ {
		d := start + Date(7*(i/35)) // 35 = 5 states x 7 routes: each week once
		fmt.Fprintf(&b, "arrivals,%s,%s,%s,%s,%d,persons,bench,true\n", d, d+6,
			[]string{"IT", "EL", "ES", "CY", "MT"}[i%5], Routes()[(i/5)%len(Routes())], i%1000)
	}
	return b.Bytes()
}

func BenchmarkReadCSV(b *testing.B) {
	data := benchCSV(100_000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		rep, err := ReadCSV(bytes.NewReader(data), func(Observation) error { return nil })
		if err != nil || rep.Rejected != 0 {
			b.Fatalf("%v %+v", err, rep.Errors[:min(3, len(rep.Errors))])
		}
	}
	b.ReportMetric(float64(100_000*b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkBuildReport(b *testing.B) {
	obs := Demo2022()
	for b.Loop() {
		BuildReport(obs, MustDate("2022-01-01"), MustDate("2022-09-25"))
	}
}

func BenchmarkBacktestBelarus(b *testing.B) {
	obs := Demo2022()
	rule := DefaultRule("belarus", Selector{Series: SeriesPreventedEntries, Routes: []Route{RouteEasternLandBorder}, BorderSection: "BY"})
	for b.Loop() {
		Backtest(rule, obs, MustDate("2022-01-01"), MustDate("2022-12-31"))
	}
}
