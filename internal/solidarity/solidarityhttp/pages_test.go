package solidarityhttp_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// postForm sends a plain HTML form as the browser does, with a bearer token, without
// following the redirect.
func (e env) postForm(t *testing.T, path, tok string, form url.Values) (*http.Response, string) {
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
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func (e env) page(t *testing.T, path, tok string, want ...string) {
	t.Helper()
	res := e.Do("GET", path, tok, nil)
	if res.Status != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, res.Status, res.Body)
	}
	for _, w := range want {
		if !strings.Contains(string(res.Body), w) {
			t.Errorf("GET %s: no %q", path, w)
		}
	}
}

// TestPagesRunACycleWithPlainForms: a pledge from the state page, a household proposed and
// taken through its steps, a run started, simulated and accepted, the transfer carried out
// from the board, each with a plain form; a bad form answers 422 naming the field.
func TestPagesRunACycleWithPlainForms(t *testing.T) {
	e := start(t, nil)
	e.page(t, "/solidarity", e.ec, "No solidarity cycle has been opened yet.", `id="solidarity-cycle-new"`)
	cycle := url.Values{"code": {"VSM-P"}, "name": {"pages"}, "regime": {"pact2024"}, "starts_on": {"2022-06-22"},
		"ends_on": {"2023-06-21"}, "relocation_target": {"1000"}}
	if res, body := e.postForm(t, "/solidarity/cycles", e.ec, cycle); res.StatusCode != 422 || !strings.Contains(body, "Art 12(2)") {
		t.Errorf("a Pact pool below its minimum: %d", res.StatusCode)
	}
	cycle.Set("regime", "vsm2022")
	if res, _ := e.postForm(t, "/solidarity/cycles", e.ec, cycle); res.StatusCode != 303 {
		t.Fatalf("cycle form: %d", res.StatusCode)
	}
	for st, role := range map[string]string{"NL": "contributor", "IT": "beneficiary", "DE": "contributor"} {
		if res, _ := e.postForm(t, "/solidarity/cycles/VSM-P/participants", e.ec, url.Values{"state": {st}, "role": {role}}); res.StatusCode != 303 {
			t.Fatalf("join form %s: %d", st, res.StatusCode)
		}
	}
	e.page(t, "/solidarity/states/IT?cycle=VSM-P", e.it, `id="solidarity-need"`)
	if res, _ := e.postForm(t, "/solidarity/states/IT/needs?cycle=VSM-P", e.it, url.Values{"relocations": {"300"}, "declared_on": {"2022-07-01"}}); res.StatusCode != 303 {
		t.Fatalf("need form: %d", res.StatusCode)
	}
	e.page(t, "/solidarity/states/NL?cycle=VSM-P", e.nl, `id="solidarity-pledge"`)
	if res, body := e.postForm(t, "/solidarity/states/NL/pledges?cycle=VSM-P", e.nl, url.Values{"form": {"relocation"}, "pledged_on": {"2022-06-27"}}); res.StatusCode != 422 || !strings.Contains(body, "relocations") {
		t.Errorf("pledge without persons: %d", res.StatusCode)
	}
	if res, _ := e.postForm(t, "/solidarity/states/NL/pledges?cycle=VSM-P", e.nl, url.Values{"form": {"relocation"}, "relocations": {"50"}, "pledged_on": {"2022-06-27"}}); res.StatusCode != 303 {
		t.Fatalf("pledge form: %d", res.StatusCode)
	}
	e.page(t, "/solidarity/candidates", e.it, `id="solidarity-propose"`)
	form := url.Values{"cycle": {"VSM-P"}, "ref": {"IT-F1"}, "nationality": {"sy"}, "adults": {"2"}, "children": {"1"},
		"education": {"secondary"}, "languages": {"ar en"}, "identified_on": {"2022-07-01"}}
	res, _ := e.postForm(t, "/solidarity/candidates", e.it, form)
	if res.StatusCode != 303 {
		t.Fatalf("propose form: %d", res.StatusCode)
	}
	cand := res.Header.Get("Location")
	for _, st := range []struct{ tok, step, on string }{{e.euaa, "informed", "2022-07-02"}, {e.it, "consented", "2022-07-03"},
		{e.euaa, "interviewed", "2022-07-04"}, {e.it, "security_checked", "2022-07-05"}} {
		if res, body := e.postForm(t, cand+"/step", st.tok, url.Values{"step": {st.step}, "on": {st.on}}); res.StatusCode != 303 {
			t.Fatalf("step %s: %d %s", st.step, res.StatusCode, body)
		}
	}
	if res, body := e.postForm(t, cand+"/step", e.it, url.Values{"step": {"matched"}, "on": {"2022-07-06"}}); res.StatusCode != 409 || !strings.Contains(body, "matching run") {
		t.Errorf("matched by hand: %d", res.StatusCode)
	}
	if res, body := e.postForm(t, "/solidarity/simulate?cycle=VSM-P", e.ec, url.Values{"extra_arrivals": {"20"}, "withdraw": {"de"}}); res.StatusCode != 200 || !strings.Contains(body, "Persons placed per receiving state") {
		t.Errorf("simulate form: %d", res.StatusCode)
	}
	res, _ = e.postForm(t, "/solidarity/runs?cycle=VSM-P", e.ec, url.Values{"floor_fraction": {"0"}})
	if res.StatusCode != 303 {
		t.Fatalf("run form: %d", res.StatusCode)
	}
	run := res.Header.Get("Location")
	e.page(t, run, e.ec, "NL-01", `id="solidarity-accept"`, `id="solidarity-rerun"`)
	if res := e.Do("GET", run+"/instance.json", e.ec, nil); res.Status != 200 || !strings.Contains(string(res.Body), `"eu-vsm-relocation-instance/v1"`) {
		t.Errorf("stored instance: %d", res.Status)
	}
	if res, _ := e.postForm(t, "/solidarity/states/NL/offsets?cycle=VSM-P", e.ec, url.Values{"kind": {"deduction"}, "relocations": {"5"},
		"reason": {"migratory pressure"}, "granted_on": {"2022-07-15"}}); res.StatusCode != 303 {
		t.Errorf("offset form: %d", res.StatusCode)
	}
	if res, _ := e.postForm(t, run+"/accept", e.ec, url.Values{"on": {"2022-08-01"}}); res.StatusCode != 303 {
		t.Fatalf("accept form: %d", res.StatusCode)
	}
	e.page(t, "/solidarity/candidates?incoming=1", e.nl, "IT-F1")
	if res, _ := e.postForm(t, cand+"/step", e.nl, url.Values{"step": {"accepted"}, "on": {"2022-08-02"}}); res.StatusCode != 303 {
		t.Fatalf("accept candidate: %d", res.StatusCode)
	}
	if res, _ := e.postForm(t, cand+"/transfer", e.it, url.Values{"on": {"2022-08-20"}}); res.StatusCode != 303 {
		t.Fatalf("schedule form: %d", res.StatusCode)
	}
	var board struct{ Items []struct{ ID string } }
	e.must(t, 200, "GET", api+"/transfers", e.it, nil, &board)
	if len(board.Items) != 1 {
		t.Fatalf("board: %+v", board)
	}
	e.page(t, "/solidarity/transfers", e.nl, "IT-F1", `name="action"`)
	if res, _ := e.postForm(t, "/solidarity/transfers/"+board.Items[0].ID, e.nl, url.Values{"action": {"carry_out"}, "on": {"2022-08-20"}}); res.StatusCode != 303 {
		t.Fatalf("carry out form: %d", res.StatusCode)
	}
	e.page(t, "/solidarity/states/NL?cycle=VSM-P", e.ec, "Netherlands")
	e.page(t, "/solidarity/report?cycle=VSM-P", e.ec, "VSM-P")
	if res := e.Do("GET", "/solidarity/transfers", e.de, nil); res.Status != 200 || strings.Contains(string(res.Body), "IT-F1") {
		t.Errorf("another state sees the transfer on its board")
	}
}
