package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/awareness"
)

// TestRenderHoldsSection3 renders the 2022 demo report and looks for the figures of section 3
// of COM(2022) 740 as the page prints them.
func TestRenderHoldsSection3(t *testing.T) {
	r := awareness.BuildReport(awareness.Demo2022(), awareness.MustDate("2022-01-01"), awareness.MustDate("2022-09-25"))
	var buf bytes.Buffer
	if err := Render(&buf, r); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, want := range []string{
		"116\u202f610", "&#43;39 %", "&#43;47 %", // fn 45 total ("+" as html/template escapes it)
		"70\u202f088", "&#43;55 %", "&#43;634 %", "23\u202f601", "&#43;111 %", "-51 %", "22\u202f921", "-16 %", "&#43;7 %", "12\u202f347", "-5 %",
		"&gt; 86\u202f000", "19\u202f500", "48\u202f200", "&gt; 800", "≈ 8\u202f300", "≈ 270", "≈ 790", // fn 46-48
		"≈ 480\u202f000", "≈ 290\u202f000", "375\u202f288", "≈ 21\u202f600", "1\u202f047\u202f210", // asylum, fn 44
		"TN (", "EG (", "BD (", "IQ (", "CY (60 %)", "DE (", "AF (",
		"<svg role=\"img\"", "Table view", "Early-warning alerts", "Entries prevented at the border with Belarus",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Count(html, "<table") < 8 || !strings.HasSuffix(strings.TrimSpace(html), "</html>") {
		t.Error("report is not a complete page")
	}
}

func TestNumber(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 999: "999", 1000: "1\u202f000", 1047210: "1\u202f047\u202f210", -1500: "-1\u202f500", 12.6: "13"} {
		if got := number(in); got != want {
			t.Errorf("number(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestRenderIsDeterministic(t *testing.T) {
	render := func() string {
		r := awareness.BuildReport(awareness.Demo2022(), awareness.MustDate("2022-01-01"), awareness.MustDate("2022-06-30"))
		var buf bytes.Buffer
		if err := Render(&buf, r.SuppressSmall(awareness.SmallCount)); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	if a, b := render(), render(); a != b {
		t.Error("two renders of the same report differ")
	}
}
