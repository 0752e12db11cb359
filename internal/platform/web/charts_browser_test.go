package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestChartTablesInBrowser renders one chart of each shape app.js knows and checks that its
// table view holds the chart's numbers: categories, pie slices, a dataset, a heatmap, a
// sankey, a horizontal bar, an option fetched from the server and a fetched map.
func TestChartTablesInBrowser(t *testing.T) {
	exe := chromium(t)
	tm := mustTemplates(t)
	type m = map[string]any
	charts := []Chart{
		{Title: "pie", Option: m{"series": []any{m{"type": "pie", "name": "Share", "data": []any{m{"name": "Alpha", "value": 11}, m{"name": "Beta", "value": 22}}}}}},
		{Title: "dataset", Option: m{"dataset": m{"source": [][]any{{"month", "lodged", "decided"}, {"Jan", 31, 32}}},
			"xAxis": m{"type": "category"}, "yAxis": m{}, "series": []any{m{"type": "line"}, m{"type": "line"}}}},
		{Title: "heatmap", Option: m{"xAxis": m{"type": "category", "data": []string{"Mon", "Tue"}}, "yAxis": m{"type": "category", "data": []string{"AM", "PM"}},
			"visualMap": m{"min": 0, "max": 50, "show": false}, "series": []any{m{"type": "heatmap", "name": "Load", "data": [][]int{{1, 1, 41}}}}}},
		{Title: "sankey", Option: m{"series": []any{m{"type": "sankey", "data": []any{m{"name": "Origin"}, m{"name": "Destination"}},
			"links": []any{m{"source": "Origin", "target": "Destination", "value": 51}}}}}},
		{Title: "horizontal", Option: m{"yAxis": m{"type": "category", "data": []string{"Port", "Quay"}}, "xAxis": m{"type": "value"},
			"series": []any{m{"type": "bar", "name": "Arrivals", "data": []int{61, 62}}}}},
		{Title: "fetched", Src: "/data/option.json"},
		{Title: "fetched map", MapSrc: "/data/map.json"},
	}
	want := [][]string{
		{"Alpha", "11", "Beta", "22", "Share"},
		{"month", "lodged", "decided", "Jan", "31", "32"},
		{"Tue", "PM", "41"},
		{"Origin", "Destination", "51"},
		{"Port", "61", "Quay", "62", "Arrivals"},
		{"Q1", "71", "Fetched"},
		{"France", "81"},
	}
	mux := http.NewServeMux()
	mux.Handle("GET /static/", Static())
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		tm.Render(w, r, 200, PageHome, &HomePage{Frame: sampleFrame(), Charts: charts})
	})
	mux.HandleFunc("GET /data/option.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"xAxis":{"type":"category","data":["Q1"]},"yAxis":{},"series":[{"type":"bar","name":"Fetched","data":[71]}]}`))
	})
	mux.HandleFunc("GET /data/map.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"FR": 81}`))
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", testCSP)
		mux.ServeHTTP(w, r)
	}))
	defer srv.Close()

	ctx, problems := startBrowser(t, exe)
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	n := len(charts)
	if _, err := chromedp.Run(tctx, chromedp.Poll[bool](`document.querySelectorAll('.chart-table').length + document.querySelectorAll('.chart--error').length >= `+strconv.Itoa(n))); err != nil {
		t.Fatalf("charts did not load: %v", err)
	}
	texts, err := chromedp.Run(tctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('.chart')).map(function (c) {
		var t = document.getElementById(c.id + '-table'); return c.classList.contains('chart--error') ? 'ERROR' : (t ? t.textContent : '');
	})`))
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range texts {
		for _, w := range want[i] {
			if !strings.Contains(text, w) {
				t.Errorf("%s: table lacks %q: %q", charts[i].Title, w, text)
			}
		}
	}
	for _, p := range problems() {
		t.Errorf("browser console: %s", p)
	}
}
