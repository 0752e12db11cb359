package web

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// testCSP is the policy doc.go asks the server to send; the browser test runs under it.
const testCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	for _, p := range []string{os.Getenv("CEAS_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
		if p != "" {
			if _, err := os.Stat(p); err == nil {
				return p
			}
		}
	}
	t.Skip("no chromium on this machine")
	return ""
}

// TestChartsInBrowser loads a home page with a bar chart and a map under the strict CSP and
// checks what a person would get: charts drawn, the table view with the same numbers, a CSV
// link, keyboard-operable toggle, and no CSP violation or script error in the console.
func TestChartsInBrowser(t *testing.T) {
	exe := chromium(t)
	tm := mustTemplates(t)
	mux := http.NewServeMux()
	mux.Handle("GET /static/", Static())
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		tm.Render(w, r, 200, PageHome, &HomePage{Frame: sampleFrame(), Charts: []Chart{
			{Title: "Applications", Option: map[string]any{
				"xAxis":  map[string]any{"type": "category", "data": []string{"Jan", "Feb"}},
				"yAxis":  map[string]any{"type": "value"},
				"series": []any{map[string]any{"name": "Lodged", "type": "bar", "data": []int{120, 4500}}},
			}},
			{Title: "By state", Map: map[string]float64{"DE": 3, "MT": 1}},
		}})
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", testCSP)
		mux.ServeHTTP(w, r)
	}))
	defer srv.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil { // starts the browser; no timeout on this first call
		t.Fatalf("start browser: %v", err)
	}

	// Collect every console message, exception and browser-log entry (CSP violations are
	// "security" entries) while the page runs.
	mctx, stopConsole := context.WithCancel(ctx)
	messages := chromedp.Console(mctx)
	var problems []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleWarning || m.IsException() || m.Source == "security" {
				problems = append(problems, m.String())
			}
		}
	}()

	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	toggle := chromedp.CSS(`#chart-1 + .chart-tools .chart-tools__toggle`)
	err := chromedp.Do(tctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#chart-1 canvas`)),
		chromedp.WaitVisible(chromedp.CSS(`#chart-2 canvas`)),
		chromedp.WaitVisible(chromedp.CSS(`#chart-1 + .chart-tools .chart-tools__csv`)),
		chromedp.Focus(toggle),
		chromedp.KeyEvent(" "),
		chromedp.WaitVisible(chromedp.CSS(`#chart-1-table table`)),
	)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	csv, err1 := chromedp.Run(tctx, chromedp.AttributeValue(chromedp.CSS(`#chart-1 + .chart-tools .chart-tools__csv`), "href"))
	pressed, err2 := chromedp.Run(tctx, chromedp.AttributeValue(toggle, "aria-pressed"))
	tableText, err3 := chromedp.Run(tctx, chromedp.Text(chromedp.CSS(`#chart-1-table table`)))
	chartHidden, err4 := chromedp.Run(tctx, chromedp.Evaluate[bool](`document.getElementById('chart-1').hidden`))
	mapTable, err5 := chromedp.Run(tctx, chromedp.Evaluate[string](`document.querySelector('#chart-2-table table').textContent`))
	if err := errors.Join(err1, err2, err3, err4, err5); err != nil {
		t.Fatalf("browser: %v", err)
	}
	for _, s := range []string{"Applications", "Lodged", "Jan", "120", "4,500"} {
		if !strings.Contains(tableText, s) {
			t.Errorf("table view lacks %q: %q", s, tableText)
		}
	}
	if !strings.Contains(mapTable, "Germany") || !strings.Contains(mapTable, "Malta") {
		t.Errorf("map table lacks country names: %q", mapTable)
	}
	if !strings.HasPrefix(csv.Value, "blob:") || pressed.Value != "true" || !chartHidden {
		t.Errorf("csv %q, aria-pressed %q, chart hidden %v", csv.Value, pressed.Value, chartHidden)
	}
	stopConsole()
	<-done
	for _, p := range problems {
		t.Errorf("browser console: %s", p)
	}
}
