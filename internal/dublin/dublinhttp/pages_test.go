package dublinhttp_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/dublin"
)

// postForm sends a plain HTML form as the browser does, with a bearer token, without
// following the redirect.
func (e env) postForm(t *testing.T, path, tok string, form url.Values) *http.Response {
	t.Helper()
	req, _ := http.NewRequest("POST", e.Server.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Origin", e.Server.URL)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	return res
}

func (e env) page(t *testing.T, path, tok string, want ...string) string {
	t.Helper()
	res := e.Do("GET", path, tok, nil)
	if res.Status != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, res.Status, res.Body)
	}
	body := string(res.Body)
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("GET %s: no %q", path, w)
		}
	}
	return body
}

func TestPagesRunATakeChargeWithPlainForms(t *testing.T) {
	e := start(t, nil)
	e.page(t, "/dublin/cases/new", e.de, `action="/dublin/cases"`, `name="applicant_ref"`)
	form := url.Values{"applicant_ref": {"DE-FORM-1"}, "origin": {"eurodac_hit"}, "application_state": {"DE"},
		"lodged_on": {"2026-02-20"}, "entry_state": {"IT"}, "entry_date": {"2026-01-10"}, "entry_mode": {"irregular_sea"},
		"hit_category": {"2"}, "hit_state": {"IT"}, "hit_fingerprinted_on": {"2026-01-11"}, "hit_received_on": {"2026-02-21"}}
	bad := url.Values{"applicant_ref": {"DE-FORM-0"}, "origin": {"document"}, "application_state": {"DE"}, "lodged_on": {"2026-02-31"}}
	if res := e.postForm(t, "/dublin/cases", e.de, bad); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad form: %d", res.StatusCode)
	} else if b, _ := io.ReadAll(res.Body); !strings.Contains(string(b), "case.application.lodged_on") {
		t.Errorf("the form error does not name the field: %s", b)
	}
	res := e.postForm(t, "/dublin/cases", e.de, form)
	if res.StatusCode != http.StatusSeeOther {
		b, _ := io.ReadAll(res.Body)
		t.Fatalf("open case form: %d %s", res.StatusCode, b)
	}
	casePath := res.Header.Get("Location")
	e.page(t, casePath, e.de, "DE-FORM-1", "Art 13(1)", `data-chart=`, `action="`+casePath+`/requests"`, "2026-04-21")
	if res := e.postForm(t, casePath+"/facts", e.de, url.Values{"case_json": {`{"application": {"state": "DE"}}`}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("facts without a lodging date: %d", res.StatusCode)
	}
	if res := e.postForm(t, casePath+"/facts", e.de, url.Values{"case_json": {italianCase}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("facts form: %d", res.StatusCode)
	}
	if res := e.postForm(t, casePath+"/requests", e.de, url.Values{"type": {"take_charge"}, "requested_state": {"IT"},
		"based_on_eurodac_hit": {"on"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("send form: %d", res.StatusCode)
	}
	body := e.page(t, "/dublin/requests", e.it, "DE-FORM-1", ">61<")
	body = body[strings.Index(body, "<tbody"):]
	i := strings.Index(body, `href="/dublin/requests/`)
	reqPath := body[i+6 : i+6+strings.Index(body[i+6:], `"`)]
	e.page(t, reqPath, e.it, `action="`+reqPath+`/reply"`, "Eurodac category 2 hit")
	if res := e.postForm(t, reqPath+"/reply", e.it, url.Values{"decision": {"accept"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("reply form: %d", res.StatusCode)
	}
	e.page(t, "/dublin/requests/outgoing", e.de, "DE-FORM-1", "ACCEPTED_EXPLICIT", "2026-09-02")
	if res := e.postForm(t, reqPath+"/transfer", e.de, url.Values{"action": {"carried_out"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("transfer form: %d", res.StatusCode)
	}
	e.page(t, casePath, e.de, string(dublin.Transferred))
	e.page(t, "/dublin", e.de, "DE-FORM-1")
	e.page(t, "/dublin/calendar", e.de)
	e.page(t, "/dublin/stats", e.de, "DE → IT", `data-chart=`)
	e.page(t, "/dublin/evaluate", e.de, `name="case_json"`)
	if res := e.postForm(t, "/dublin/evaluate", e.de, url.Values{"case_json": {italianCase}}); res.StatusCode != http.StatusOK {
		t.Fatalf("evaluate form: %d", res.StatusCode)
	}
	if res := e.Do("GET", casePath, e.it, nil); res.Status != http.StatusNotFound {
		t.Errorf("IT opens DE's case page: %d", res.Status)
	}
}
