package web

import (
	"net/http/httptest"
	"testing"
)

func BenchmarkNewTemplates(b *testing.B) {
	for b.Loop() {
		if _, err := NewTemplates(nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderHome(b *testing.B) {
	tm, err := NewTemplates(nil)
	if err != nil {
		b.Fatal(err)
	}
	r := httptest.NewRequest("GET", "/", nil)
	cards := []Card{{Title: "a", Href: "/a"}, {Title: "b", Href: "/b", Body: "text"}}
	for b.Loop() {
		w := httptest.NewRecorder()
		tm.Render(w, r, 200, PageHome, &HomePage{Frame: sampleFrame(), Cards: cards})
	}
}

func BenchmarkRenderTable100(b *testing.B) {
	tm, err := NewTemplates(nil)
	if err != nil {
		b.Fatal(err)
	}
	tbl := Table{Columns: []Column{{Label: "Reference"}, {Label: "State"}, {Label: "Days", Numeric: true}}}
	for range 100 {
		tbl.Rows = append(tbl.Rows, Row{Cells: []Cell{{Text: "DE-2026-0001", Href: "/r/1"}, {Text: "FR"}, {Text: "12", Numeric: true}}})
	}
	r := httptest.NewRequest("GET", "/", nil)
	for b.Loop() {
		tm.RenderFragment(httptest.NewRecorder(), r, 200, "", "table", tbl)
	}
}
