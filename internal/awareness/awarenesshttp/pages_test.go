package awarenesshttp_test

import (
	"bytes"
	"html"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

// page GETs path with a bearer token and returns the status and the HTML.
func (e env) page(t *testing.T, method, path, token string, body any, headers ...string) (int, string) {
	t.Helper()
	res := e.Do(method, path, token, body, headers...)
	return res.Status, html.UnescapeString(string(res.Body)) // html/template writes + as &#43;
}

// TestPagesRender opens every page on the 2022 demo data and checks that the report's
// figures are on them (COM(2022) 740 fn 45: 116 610 arrivals, +39 % against 2021).
func TestPagesRender(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := start(t, db)
		if res := e.Do("POST", api+"/rules", e.coord, belarusRule()); res.Status != http.StatusCreated {
			t.Fatalf("create rule: %d %s", res.Status, res.Body)
		}
		e.Do("POST", api+"/evaluate", e.coord, nil)
		tests := []struct {
			path, token string
			want        []string
		}{
			{"/awareness?from=2022-01-01&to=2022-09-25", e.analyst, []string{"116,610", "+39%", "+47%", "data-map=", "Central Mediterranean — arrivals by month", "Belarus prevented entries"}},
			{"/awareness", e.coord, []string{"116,610", "+39%", "data-chart=", `value="2022-09-25"`}}, // opens on the report's period
			{"/awareness/alerts", e.coord, []string{"Belarus prevented entries", "Acknowledge"}},
			{"/awareness/alerts", e.analyst, []string{"Belarus prevented entries"}},
			{"/awareness/rules", e.analyst, []string{"Belarus prevented entries", "prevented_entries, Eastern land border"}},
			{"/awareness/rules/belarus-prevented", e.coord, []string{"Save rule", "Delete rule"}},
			{"/awareness/rules/new", e.coord, []string{"New early-warning rule"}},
			{"/awareness/backtest?rule=belarus-prevented&from=2022-01-01&to=2022-12-31", e.analyst, []string{"2022-07-", "would have fired"}},
			{"/awareness/import", e.coord, []string{`enctype="multipart/form-data"`}},
			{"/awareness/report?from=2022-01-01&to=2022-09-25", e.analyst, []string{"116,610", "+39%", "/awareness/report/print?from=2022-01-01&to=2022-09-25"}},
			{"/awareness/report/print?from=2022-01-01&to=2022-09-25", e.analyst, []string{"116\u202f610", "+39 %", "+47 %"}},
		}
		for _, tt := range tests {
			status, html := e.page(t, "GET", tt.path, tt.token, nil)
			if status != http.StatusOK {
				t.Errorf("%s: %d", tt.path, status)
				continue
			}
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("%s: no %q", tt.path, w)
				}
			}
		}
		if status, _ := e.page(t, "GET", "/awareness", e.officer, nil); status != http.StatusForbidden {
			t.Errorf("a Dublin officer opened the overview: %d", status)
		}
		for _, path := range []string{"/awareness/rules/new", "/awareness/import"} {
			if status, _ := e.page(t, "GET", path, e.analyst, nil); status != http.StatusForbidden {
				t.Errorf("%s for an analyst: %d", path, status)
			}
		}
		if status, html := e.page(t, "GET", "/awareness/rules/belarus-prevented", e.analyst, nil); status != http.StatusOK || strings.Contains(html, "Save rule") {
			t.Errorf("an analyst sees the rule read-only: %d", status)
		}
	})
}

func TestPrintableReportPolicy(t *testing.T) {
	e := start(t, nil)
	res := e.Do("GET", "/awareness/report/print?from=2022-01-01&to=2022-09-25&download=1", e.analyst, nil)
	csp := res.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "style-src 'sha256-") || strings.Contains(csp, "script-src") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("CSP %q", csp)
	}
	if !strings.Contains(res.Header.Get("Content-Disposition"), "situational-report-2022-01-01-2022-09-25.html") {
		t.Errorf("disposition %q", res.Header.Get("Content-Disposition"))
	}
}

func TestPageForms(t *testing.T) {
	e := start(t, nil)
	// The upload form: bad rows are listed with their line, the rest imported.
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "march.csv")
	fw.Write([]byte("series,period_start,period_end,route,value,unit,source\n" +
		"arrivals,2023-03-01,2023-03-31,central_mediterranean,100,persons,upload\n" +
		"arrivals,2023-03-01,2023-03-31,nowhere,100,persons,upload\n"))
	mw.Close()
	status, html := e.page(t, "POST", "/awareness/import", e.coord, buf.Bytes(), "Content-Type: "+mw.FormDataContentType())
	if status != http.StatusOK || !strings.Contains(html, "unknown route") || !strings.Contains(html, "new 1") {
		t.Errorf("upload: %d %s", status, excerpt(html, "Validation report"))
	}
	status, html = e.page(t, "POST", "/awareness/import", e.coord, "", "Content-Type: application/x-www-form-urlencoded")
	if status != http.StatusUnprocessableEntity || !strings.Contains(html, "choose a CSV or XLSX file") {
		t.Errorf("empty upload: %d", status)
	}
	// The rule form: a broken number is named on its field; a good rule is stored.
	form := "name=CM+threshold&kind=threshold_crossed&series=arrivals&route=central_mediterranean&threshold=abc&notify=EC&enabled=on"
	status, html = e.page(t, "POST", "/awareness/rules", e.coord, form, "Content-Type: application/x-www-form-urlencoded")
	if status != http.StatusUnprocessableEntity || !strings.Contains(html, "must be a number") {
		t.Errorf("bad threshold: %d", status)
	}
	form = strings.Replace(form, "threshold=abc", "threshold=900", 1) + "&id=cm-900"
	if status, _ = e.page(t, "POST", "/awareness/rules", e.coord, form, "Content-Type: application/x-www-form-urlencoded"); status != http.StatusOK {
		t.Errorf("create through the form: %d", status) // the client follows the redirect to the rule
	}
	if status, _ = e.page(t, "POST", "/awareness/rules", e.analyst, form, "Content-Type: application/x-www-form-urlencoded"); status != http.StatusForbidden {
		t.Errorf("analyst form post: %d", status)
	}
	if status, _ = e.page(t, "POST", "/awareness/rules/cm-900/delete", e.coord, "", "Content-Type: application/x-www-form-urlencoded"); status != http.StatusOK {
		t.Errorf("delete through the form: %d", status)
	}
	// Acknowledging an alert from the alerts page.
	e.Do("POST", api+"/rules", e.coord, belarusRule())
	e.Do("POST", api+"/evaluate", e.coord, nil)
	var list struct{ Items []struct{ ID string } }
	e.Do("GET", api+"/alerts", e.analyst, nil).JSON(t, &list)
	if len(list.Items) == 0 {
		t.Fatal("no alerts")
	}
	path := "/awareness/alerts/" + list.Items[0].ID + "/acknowledge"
	if status, _ = e.page(t, "POST", path, e.analyst, "note=seen", "Content-Type: application/x-www-form-urlencoded"); status != http.StatusForbidden {
		t.Errorf("analyst acknowledged through the page: %d", status)
	}
	status, html = e.page(t, "POST", path, e.coord, "note=network+convened", "Content-Type: application/x-www-form-urlencoded")
	if status != http.StatusOK || !strings.Contains(html, "The alert is acknowledged.") || !strings.Contains(html, "network convened") {
		t.Errorf("acknowledge through the page: %d", status)
	}
}

func excerpt(s, near string) string {
	i := strings.Index(s, near)
	if i < 0 {
		return s[:min(len(s), 400)]
	}
	return s[i:min(len(s), i+800)]
}
