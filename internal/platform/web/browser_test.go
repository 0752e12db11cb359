package web

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
)

// testCSP is the policy the server is asked to send.
const testCSP = ContentSecurityPolicy

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

	ctx, problems := startBrowser(t, exe)
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
	for _, p := range problems() {
		t.Errorf("browser console: %s", p)
	}
}

// startBrowser starts chromium and collects every console error or warning, exception and
// browser-log entry (CSP violations are "security" entries) of the tab. problems stops the
// collection and returns what it saw.
func startBrowser(t *testing.T, exe string) (ctx context.Context, problems func() []string) {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil { // starts the browser; no timeout on this first call
		t.Fatalf("start browser: %v", err)
	}
	mctx, stop := context.WithCancel(ctx)
	messages := chromedp.Console(mctx)
	var seen []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleWarning || m.IsException() || m.Source == "security" {
				seen = append(seen, m.String())
			}
		}
	}()
	return ctx, func() []string {
		stop()
		<-done
		return seen
	}
}

// TestValidateAsYouType drives the htmx field validation under the strict CSP: the field
// starts with an error, the user types and leaves the field, htmx posts the form to the
// validation endpoint and swaps in the field the server re-rendered, without the error.
func TestValidateAsYouType(t *testing.T) {
	exe := chromium(t)
	module := fstest.MapFS{"p/form.html": {Data: []byte(`{{define "content"}}<form method="post" action="/save">{{template "field" .Field}}<button class="ecl-button ecl-button--primary" type="submit">Save</button></form>{{end}}`)}}
	tm, err := NewTemplates(module, "p/*.html")
	if err != nil {
		t.Fatal(err)
	}
	type formPage struct {
		Frame
		Field Field
	}
	field := func(v string) Field {
		f := Field{Name: "ref", Label: "Reference", Value: v, Required: true, ValidateURL: "/validate/ref"}
		if strings.TrimSpace(v) == "" {
			f.Error = "field.required"
		}
		return f
	}
	var mu sync.Mutex
	var posts []string
	mux := http.NewServeMux()
	mux.Handle("GET /static/", Static())
	mux.HandleFunc("GET /form", func(w http.ResponseWriter, r *http.Request) {
		tm.Render(w, r, 200, "form.html", &formPage{Frame: Frame{Title: "Form"}, Field: field("")})
	})
	mux.HandleFunc("POST /validate/ref", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		posts = append(posts, r.Header.Get("HX-Trigger-Name")+"="+r.FormValue("ref"))
		mu.Unlock()
		tm.RenderFragment(w, r, 200, "", "field", field(r.FormValue("ref")))
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", testCSP)
		mux.ServeHTTP(w, r)
	}))
	defer srv.Close()

	ctx, problems := startBrowser(t, exe)
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	err = chromedp.Do(tctx,
		chromedp.Navigate(srv.URL+"/form"),
		chromedp.WaitVisible(chromedp.CSS(`#f-ref-error`)),
		chromedp.Focus(chromedp.CSS(`#f-ref`)),
		chromedp.KeyEvent("DE-2026-1"),
		chromedp.KeyEvent("\t"),
		chromedp.WaitNotPresent(chromedp.CSS(`#f-ref-error`)),
	)
	if err != nil {
		t.Fatalf("browser: %v (posts %v)", err, posts)
	}
	mu.Lock()
	defer mu.Unlock()
	invalid, err := chromedp.Run(tctx, chromedp.Evaluate[bool](`document.getElementById('f-ref').hasAttribute('aria-invalid')`))
	if err != nil || invalid {
		t.Errorf("field still marked invalid (%v)", err)
	}
	if len(posts) != 1 || posts[0] != "ref=DE-2026-1" {
		t.Errorf("validation posts = %v", posts)
	}
	for _, p := range problems() {
		t.Errorf("browser console: %s", p)
	}
}

// TestKeyboard: the first Tab reaches the skip link, which takes the focus to the main
// content; the focus ring is visible.
func TestKeyboard(t *testing.T) {
	exe := chromium(t)
	tm := mustTemplates(t)
	mux := http.NewServeMux()
	mux.Handle("GET /static/", Static())
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		tm.Render(w, r, 200, PageHome, &HomePage{Frame: sampleFrame(), Cards: []Card{{Title: "A", Href: "/a"}}})
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", testCSP)
		mux.ServeHTTP(w, r)
	}))
	defer srv.Close()
	ctx, problems := startBrowser(t, exe)
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`main`)), chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
	first, err := chromedp.Run(tctx, chromedp.Evaluate[string](`document.activeElement.className + '|' + getComputedStyle(document.activeElement).outlineStyle`))
	if err != nil || first != "ecl-skip-link|solid" {
		t.Errorf("first Tab focuses %q (%v), want the skip link with a solid outline", first, err)
	}
	if err := chromedp.Do(tctx, chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	after, err := chromedp.Run(tctx, chromedp.Evaluate[string](`document.activeElement.id`))
	if err != nil || after != "main" {
		t.Errorf("after the skip link the focus is on %q (%v), want main", after, err)
	}
	for _, p := range problems() {
		t.Errorf("browser console: %s", p)
	}
}
