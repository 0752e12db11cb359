package awareness

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

const csvHeader = "series,period_start,period_end,route,state,nationality,value,unit,qualifier,source,revision\n"

func TestReadCSVRejectsBadRowsKeepsTheRest(t *testing.T) {
	tests := []struct {
		name     string
		rows     string
		accepted int
		rejected map[int]string // line -> fragment of the reason
	}{
		{"good rows", "arrivals,2022-01-01,2022-09-25,central_mediterranean,,,70088,persons,exact,R fn45,0\n" +
			"arrivals,2022-01-01,2022-09-25,eastern_mediterranean,CY,,14000,persons,approximate,R,0\n", 2, nil},
		{"unknown route", "arrivals,2022-01-01,2022-01-31,arctic,,,5,persons,exact,R,0\n" +
			"arrivals,2022-01-01,2022-01-31,channel,,,5,persons,exact,R,0\n", 1, map[int]string{2: "unknown route"}},
		{"negative count", "arrivals,2022-01-01,2022-01-31,channel,,,-5,persons,exact,R,0\n", 0, map[int]string{2: "negative"}},
		{"period end before start", "arrivals,2022-02-01,2022-01-31,channel,,,5,persons,exact,R,0\n", 0,
			map[int]string{2: "period_end: must not be before period_start"}},
		{"duplicate key and revision", "arrivals,2022-01-01,2022-01-31,channel,,,5,persons,exact,R,0\n" +
			"arrivals,2022-01-01,2022-01-31,channel,,,6,persons,exact,R,1\n" +
			"arrivals,2022-01-01,2022-01-31,channel,,,7,persons,exact,R,0\n", 2, map[int]string{4: "duplicate of line 2"}},
		{"thousands separator", "arrivals,2022-01-01,2022-01-31,channel,,,\"1,000\",persons,exact,R,0\n", 0, map[int]string{2: "value"}},
		{"bad date", "arrivals,2022-13-01,2022-01-31,channel,,,5,persons,exact,R,0\n", 0, map[int]string{2: "period_start"}},
		{"unknown state and nationality", "arrivals,2022-01-01,2022-01-31,channel,GR,afg,5,persons,exact,R,0\n", 0,
			map[int]string{2: "geo.state"}},
		{"field count", "arrivals,2022-01-01,2022-01-31,channel\n", 0, map[int]string{2: "row: has 4 fields"}},
		{"line numbers count blank lines", "\narrivals,2022-01-01,2022-01-31,nowhere,,,5,persons,exact,R,0\n", 0,
			map[int]string{3: "unknown route"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Observation
			rep, err := ReadCSV(strings.NewReader(csvHeader+tt.rows), func(o Observation) error {
				got = append(got, o)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Accepted != tt.accepted || len(got) != tt.accepted {
				t.Errorf("accepted %d (%d delivered), want %d; errors %+v", rep.Accepted, len(got), tt.accepted, rep.Errors)
			}
			if rep.Rejected != len(tt.rejected) {
				t.Errorf("rejected %d, want %d: %+v", rep.Rejected, len(tt.rejected), rep.Errors)
			}
			for _, e := range rep.Errors {
				want, ok := tt.rejected[e.Line]
				if !ok || !strings.Contains(e.Reason, want) {
					t.Errorf("line %d rejected with %q, want %q", e.Line, e.Reason, want)
				}
			}
		})
	}
}

func TestReadCSVParsesEveryColumn(t *testing.T) {
	in := "\ufeffnote,synthetic,revision,source,qualifier,unit,value,nationality,border_section,route,state,period_end,period_start,measure,series\n" +
		"weekly,true,2,Frontex,more_than,crossings,86000.5,SY,BY,western_balkans,HU,2022-08-31,2022-01-01,first,detections\n"
	var got Observation
	rep, err := ReadCSV(strings.NewReader(in), func(o Observation) error { got = o; return nil })
	if err != nil || rep.Accepted != 1 {
		t.Fatalf("rep %+v err %v", rep, err)
	}
	want := Observation{Series: SeriesDetections, Measure: "first", PeriodStart: MustDate("2022-01-01"),
		PeriodEnd: MustDate("2022-08-31"), Geo: Geo{State: "HU", Route: RouteWesternBalkans, BorderSection: "BY"},
		Nationality: "SY", Value: 86000.5, Unit: UnitCrossings, Qualifier: MoreThan, Source: "Frontex",
		Revision: 2, Synthetic: true, Note: "weekly"}
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestReadCSVSemicolonsAndHeaderCase(t *testing.T) {
	in := "Series; Period_Start;PERIOD_END;route;value;unit;source\r\n" +
		"arrivals;2022-01-01;2022-01-31;channel;12.5;persons;\"Frontex; monthly\"\r\n"
	var got []Observation
	rep, err := ReadCSV(strings.NewReader(in), func(o Observation) error { got = append(got, o); return nil })
	if err != nil || rep.Accepted != 1 || got[0].Value != 12.5 || got[0].Source != "Frontex; monthly" {
		t.Errorf("rep %+v err %v got %+v", rep, err, got)
	}
}

func TestReadCSVHeaderErrorsRejectTheFile(t *testing.T) {
	for _, in := range []string{"", "series,period_start\n", "series,colour,period_start,period_end,value,unit,source\n",
		"series,series,period_start,period_end,value,unit,source\n"} {
		called := false
		_, err := ReadCSV(strings.NewReader(in), func(Observation) error { called = true; return nil })
		if err == nil || called {
			t.Errorf("%q: err %v, accept called %v; want a header error", in, err, called)
		}
	}
}

func TestWriteCSVRoundTripsTheDemoDataset(t *testing.T) {
	want := Demo2022()
	var buf bytes.Buffer
	if err := WriteCSV(&buf, want); err != nil {
		t.Fatal(err)
	}
	var got []Observation
	rep, err := ReadCSV(&buf, func(o Observation) error { got = append(got, o); return nil })
	if err != nil || rep.Rejected != 0 {
		t.Fatalf("re-import: %v %+v", err, rep.Errors)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("re-imported %d observations differ from the %d exported", len(got), len(want))
	}
}

// TestLayoutExampleParses keeps the example in csv-layout.md honest.
func TestLayoutExampleParses(t *testing.T) {
	md, err := os.ReadFile("csv-layout.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(md), "```csv\n")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("csv-layout.md has no csv example")
	}
	rep, err := ReadCSV(strings.NewReader(example), func(Observation) error { return nil })
	if err != nil || rep.Rejected != 0 || rep.Accepted == 0 {
		t.Errorf("example: %+v %v", rep, err)
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add(csvHeader + "arrivals,2022-01-01,2022-09-25,central_mediterranean,,,70088,persons,exact,R,0\n")
	f.Add(csvHeader + "arrivals,2022-01-01,2022-01-31,channel,,,-5,persons,exact,R,0\n\"bad\"quote,\n")
	f.Add("series,period_start,period_end,value,unit,source\nreturns,2021-01-01,2021-12-31,1e3,persons,E\n")
	f.Fuzz(func(t *testing.T, in string) {
		rep, err := ReadCSV(strings.NewReader(in), func(o Observation) error {
			if verr := o.Validate(); verr != nil {
				t.Fatalf("accepted an invalid observation %+v: %v", o, verr)
			}
			// What is accepted must survive an export and a re-import unchanged.
			var buf bytes.Buffer
			if err := WriteCSV(&buf, []Observation{o}); err != nil {
				t.Fatal(err)
			}
			var back []Observation
			if _, err := ReadCSV(&buf, func(b Observation) error { back = append(back, b); return nil }); err != nil || len(back) != 1 || back[0] != o {
				t.Fatalf("round trip of %+v gave %+v (%v)", o, back, err)
			}
			return nil
		})
		if err != nil {
			return
		}
		if rep.Rejected < len(rep.Errors) || rep.Accepted < 0 {
			t.Fatalf("inconsistent report %+v", rep)
		}
		for _, e := range rep.Errors {
			if e.Line < 1 || e.Reason == "" {
				t.Fatalf("row error without line or reason: %+v", e)
			}
		}
	})
}
