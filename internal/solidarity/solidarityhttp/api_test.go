package solidarityhttp_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/app/apptest"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
	"github.com/ceas-eu/ceas/internal/solidarity"
)

type env struct {
	*apptest.Env
	ec, euaa, it, de, fr, nl string
}

func start(t *testing.T, db *sqldb.DB) env {
	e := apptest.Start(t, db)
	rc := authz.RoleReceptionCoordinator
	return env{Env: e, ec: e.Token("EC", authz.RoleCoordinator), euaa: e.Token("EUAA", authz.RoleCoordinator),
		it: e.Token("IT", rc), de: e.Token("DE", rc), fr: e.Token("FR", rc), nl: e.Token("NL", rc)}
}

func (e env) must(t *testing.T, status int, method, path, tok string, body any, out any) {
	t.Helper()
	res := e.Do(method, path, tok, body)
	if res.Status != status {
		t.Fatalf("%s %s: %d, want %d: %s", method, path, res.Status, status, res.Body)
	}
	if out != nil {
		res.JSON(t, out)
	}
}

const api = "/api/v1/solidarity"

// household is a candidate body: adults of working age, optionally with a child with
// medical needs (vulnerable) or a family link.
func household(cycle, ref string, adults int, vulnerable bool, link string) map[string]any {
	var members []map[string]any
	for i := 0; i < adults; i++ {
		members = append(members, map[string]any{"age_group": "26-45", "sex": "F", "education": "secondary", "languages": []string{"ar", "en"}})
	}
	if vulnerable {
		members = append(members, map[string]any{"age_group": "0-17", "sex": "M", "medical_needs": true})
	}
	prof := map[string]any{"members": members}
	if link != "" {
		prof["family_link_state"] = link
	}
	return map[string]any{"cycle_id": cycle, "ref": ref, "nationality": "SY", "identified_on": "2022-07-01", "profile": prof}
}

// TestThe2022CycleThroughTheAPI runs a 2022 cycle end to end: the ledger against fair
// shares, candidates through their steps, a matching run with an override, acceptance,
// a transfer deducted from the pledge, the monitoring numbers, and the pages.
func TestThe2022CycleThroughTheAPI(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := start(t, db)
		var c solidarity.Cycle
		e.must(t, 201, "POST", api+"/cycles", e.ec, map[string]any{"code": "VSM-T", "name": "2022 test", "regime": "vsm2022",
			"starts_on": "2022-06-22", "ends_on": "2023-06-21", "relocation_target": 10000}, &c)
		for _, st := range solidarity.Demo2022Signatories() {
			role := "contributor"
			if st == "IT" || st == "GR" || st == "ES" || st == "MT" || st == "CY" {
				role = "beneficiary"
			}
			e.must(t, 204, "POST", api+"/cycles/"+c.ID+"/participants", e.ec, map[string]any{"state": st, "role": role, "joined_on": "2022-06-22"}, nil)
		}
		places := []map[string]any{{"region": "Bayern", "capacity": 2000, "medical_capacity": 100, "unemployment_rate": 0.035},
			{"region": "Berlin", "capacity": 1500, "medical_capacity": 50, "unemployment_rate": 0.09, "urban": true}}
		e.must(t, 201, "POST", api+"/cycles/"+c.ID+"/pledges", e.de, map[string]any{"state": "DE", "form": "relocation", "relocations": 3500,
			"pledged_on": "2022-06-27", "detail": map[string]any{"places": places}}, nil)
		e.must(t, 201, "POST", api+"/cycles/"+c.ID+"/pledges", e.ec, map[string]any{"state": "FR", "form": "relocation", "relocations": 3000, "pledged_on": "2022-06-27"}, nil)
		e.must(t, 403, "POST", api+"/cycles/"+c.ID+"/pledges", e.nl, map[string]any{"state": "FR", "form": "relocation", "relocations": 1, "pledged_on": "2022-06-27"}, nil)
		var fin solidarity.Pledge
		e.must(t, 201, "POST", api+"/cycles/"+c.ID+"/pledges", e.ec, map[string]any{"state": "CZ", "form": "financial", "amount_eur": 1000000, "pledged_on": "2022-06-27", "synthetic": true}, &fin)
		e.must(t, 200, "POST", api+"/pledges/"+fin.ID+"/payments", e.ec, map[string]any{"committed_eur": 1000000, "paid_eur": 400000}, nil)
		e.must(t, 422, "POST", api+"/pledges/"+fin.ID+"/payments", e.ec, map[string]any{"paid_eur": 700000}, nil)

		// Candidates of Italy through their steps; EUAA informs and interviews.
		var ids []string
		for i, h := range []map[string]any{household(c.ID, "IT-1", 2, false, ""), household(c.ID, "IT-2", 1, true, ""),
			household(c.ID, "IT-3", 1, false, "DE"), household(c.ID, "IT-4", 3, false, "")} {
			var cand solidarity.Candidate
			e.must(t, 201, "POST", api+"/candidates", e.it, h, &cand)
			ids = append(ids, cand.ID)
			for _, s := range []struct {
				tok, step, on string
			}{{e.euaa, "informed", "2022-07-02"}, {e.it, "consented", "2022-07-03"}, {e.euaa, "interviewed", "2022-07-05"}, {e.it, "security_checked", "2022-07-10"}} {
				e.must(t, 200, "POST", api+"/candidates/"+cand.ID+"/steps", s.tok, map[string]any{"step": s.step, "on": s.on}, nil)
			}
			if i == 1 && !cand.Vulnerable {
				t.Errorf("a household with a child with medical needs is vulnerable")
			}
		}
		e.must(t, 404, "GET", api+"/candidates/"+ids[0], e.fr, nil, nil)
		e.must(t, 404, "GET", api+"/candidates/"+ids[0], e.ec, nil, nil)
		e.must(t, 200, "GET", api+"/candidates/"+ids[0], e.euaa, nil, nil)

		// A run, then an override: IT-1 pinned to Berlin (DE-02), IT-4 forbidden from DE-01.
		var first solidarity.RunOutcome
		e.must(t, 201, "POST", api+"/cycles/"+c.ID+"/runs", e.ec, map[string]any{}, &first)
		if first.Run.Placed != 4 || len(first.Run.Result.Explanations) != 4 {
			t.Fatalf("first run placed %d of 4", first.Run.Placed)
		}
		var second solidarity.RunOutcome
		e.must(t, 201, "POST", api+"/cycles/"+c.ID+"/runs", e.ec, map[string]any{"overrides": map[string]any{
			"pins": []any{map[string]any{"case": ids[0], "place": "DE-02"}}, "forbids": []any{map[string]any{"case": ids[3], "place": "DE-01"}}}}, &second)
		ex := second.Run.Result.Explanations
		if ex[0].Place != "DE-02" || ex[3].Place == "DE-01" || ex[2].State != "DE" {
			t.Errorf("overrides or family link not honoured: %+v", ex)
		}
		var replay struct{ Same bool }
		e.must(t, 200, "POST", api+"/runs/"+second.Run.ID+"/replay", e.ec, nil, &replay)
		if !replay.Same {
			t.Errorf("replaying the stored run gives another assignment")
		}
		var acc solidarity.AcceptOutcome
		e.must(t, 200, "POST", api+"/runs/"+second.Run.ID+"/accept", e.ec, map[string]any{"on": "2022-08-01"}, &acc)
		if acc.Matched != 4 {
			t.Errorf("accepted run matched %d", acc.Matched)
		}
		e.must(t, 409, "POST", api+"/runs/"+first.Run.ID+"/accept", e.ec, map[string]any{"on": "2022-08-01"}, nil)
		var inbox struct {
			Items []struct{ Topic, Title, Link string }
		}
		e.must(t, 200, "GET", "/api/v1/inbox", e.de, nil, &inbox)
		if len(inbox.Items) == 0 || inbox.Items[0].Topic != solidarity.TopicMatched {
			t.Errorf("DE was not notified of the households matched to it: %+v", inbox.Items)
		}

		// Germany sees and accepts IT-1; Italy schedules and carries out the transfer.
		e.must(t, 200, "GET", api+"/candidates/"+ids[0], e.de, nil, nil)
		e.must(t, 403, "POST", api+"/candidates/"+ids[0]+"/steps", e.it, map[string]any{"step": "accepted", "on": "2022-08-03"}, nil)
		e.must(t, 200, "POST", api+"/candidates/"+ids[0]+"/steps", e.de, map[string]any{"step": "accepted", "on": "2022-08-03"}, nil)
		var tr solidarity.Transfer
		e.must(t, 201, "POST", api+"/candidates/"+ids[0]+"/transfers", e.it, map[string]any{"on": "2022-08-20"}, &tr)
		e.must(t, 200, "POST", api+"/transfers/"+tr.ID, e.de, map[string]any{"action": "carry_out", "on": "2022-08-20"}, nil)
		e.must(t, 409, "POST", api+"/transfers/"+tr.ID, e.de, map[string]any{"action": "cancel", "on": "2022-08-21"}, nil)

		var m solidarity.Monitoring
		e.must(t, 200, "GET", api+"/cycles/"+c.ID+"/monitoring", e.ec, nil, &m)
		byState := map[string]solidarity.StateProgress{}
		for _, s := range m.States {
			byState[s.State] = s
		}
		de := byState["DE"]
		if de.Transferred != 2 || de.Remaining != 3498 || de.Pledged != 3500 || de.FairShare == 0 {
			t.Errorf("DE: %+v", de)
		}
		if m.Totals.FairShare != 10000 || byState["CZ"].PaidEUR != 400000 || byState["IT"].SentOut != 2 || len(m.Months) != 1 {
			t.Errorf("totals %+v, CZ %+v, months %v", m.Totals, byState["CZ"], m.Months)
		}

		var sim solidarity.SimulationResult
		e.must(t, 200, "POST", api+"/cycles/"+c.ID+"/simulate", e.ec, map[string]any{"withdraw": []string{"DE"}}, &sim)
		for _, p := range sim.PerState {
			if p.State == "DE" {
				t.Errorf("simulation without DE still places in DE")
			}
		}

		pages := map[string][]string{
			"/solidarity?cycle=VSM-T":           {"sankey", "Solidarity mechanism", "Fair share"},
			"/solidarity/states/DE?cycle=VSM-T": {"Germany", "relocation"},
			"/solidarity/report?cycle=VSM-T":    {"report.csv?cycle=VSM-T"},
			"/solidarity/runs?cycle=VSM-T":      {"solidarity-run"},
			"/solidarity/runs/" + second.Run.ID: {"pinned by the coordinator", "DE-02"},
			"/solidarity/transfers":             {"IT-1"},
		}
		for path, want := range pages {
			res := e.Do("GET", path, e.ec, nil)
			if res.Status != 200 {
				t.Errorf("GET %s: %d", path, res.Status)
				continue
			}
			for _, w := range want {
				if !strings.Contains(string(res.Body), w) {
					t.Errorf("GET %s: no %q", path, w)
				}
			}
		}
		for path, want := range map[string]string{"/solidarity/candidates": "IT-4", "/solidarity/candidates/" + ids[1]: "medical needs"} {
			if res := e.Do("GET", path, e.it, nil); res.Status != 200 || !strings.Contains(string(res.Body), want) {
				t.Errorf("GET %s as IT: %d, want %q", path, res.Status, want)
			}
		}
		res := e.Do("GET", "/solidarity/report.csv?cycle=VSM-T", e.ec, nil)
		if res.Status != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") || !strings.Contains(string(res.Body), "VSM-T,DE,contributor,") {
			t.Errorf("CSV: %d %s", res.Status, res.Body)
		}
	})
}

// TestMatchAPIRefusesBadInstancesNamingTheElement: the matcher endpoint answers the
// assignment format for a valid instance and 422 naming the element for each kind of bad
// input of the issue (household larger than any place, floor above capacity, unknown state,
// score outside [0,1]).
func TestMatchAPIRefusesBadInstancesNamingTheElement(t *testing.T) {
	e := start(t, nil)
	base := solidarity.Generate(solidarity.GenOptions{Candidates: 80, Seed: 7})
	raw, _ := json.Marshal(base)
	var sol solidarity.Assignment
	e.must(t, 200, "POST", api+"/match?time_limit=5", e.ec, string(raw), &sol)
	if sol.Schema != solidarity.SolutionSchema || len(sol.Assignment) != len(base.Cases) || float64(sol.Bound) < float64(sol.Objective) {
		t.Fatalf("solution %+v", sol)
	}
	maxCap := 0
	for _, p := range base.Places {
		maxCap = max(maxCap, p.Capacity)
	}
	for _, tc := range []struct {
		name, where string
		mutate      func(in *solidarity.Instance)
	}{
		{"household larger than any place", "cases[0].size", func(in *solidarity.Instance) { in.Cases[0].Size = maxCap + 1; in.Cases[0].Members = nil }},
		{"floor above capacity", "states[0].floor", func(in *solidarity.Instance) { in.States[0].Floor = 1 << 30 }},
		{"unknown state", "places[0].state", func(in *solidarity.Instance) { in.Places[0].State = "XX" }},
		{"score outside [0,1]", "cases[1].scores[2]", func(in *solidarity.Instance) { in.Cases[1].Scores[2] = 1.5 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var in solidarity.Instance
			_ = json.Unmarshal(raw, &in)
			tc.mutate(&in)
			body, _ := json.Marshal(in)
			res := e.Do("POST", api+"/match", e.ec, string(body))
			if res.Status != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), `"body.`+tc.where+`"`) {
				t.Errorf("%d %s, want 422 naming %s", res.Status, res.Body, tc.where)
			}
		})
	}
	if res := e.Do("POST", api+"/match", e.it, string(raw)); res.Status != http.StatusForbidden {
		t.Errorf("a reception coordinator runs the matcher: %d", res.Status)
	}
	if res := e.Do("POST", api+"/match", e.ec, "{not json"); res.Status != http.StatusUnprocessableEntity {
		t.Errorf("broken JSON: %d", res.Status)
	}
}
