package awarenesshttp_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/app/apptest"
	"github.com/ceas-eu/ceas/internal/awareness"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

const api = "/api/v1/awareness"

// env is a running platform with the 2022 demo data imported through the API.
type env struct {
	*apptest.Env
	coord, analyst, officer string
}

func start(t *testing.T, db *sqldb.DB) env {
	e := env{Env: apptest.Start(t, db)}
	e.coord = e.Token("EC", authz.RoleCoordinator)
	e.analyst = e.Token("EC", authz.RoleAnalyst)
	e.officer = e.Token("DE", authz.RoleDublinOfficer)
	body, err := json.Marshal(awareness.Demo2022())
	if err != nil {
		t.Fatal(err)
	}
	res := e.Do("POST", api+"/observations?name=demo.json", e.coord, body)
	var ir awareness.ImportResult
	res.JSON(t, &ir)
	if res.Status != http.StatusOK || ir.Inserted != len(awareness.Demo2022()) || ir.Rejected != 0 {
		t.Fatalf("demo import: %d %s", res.Status, res.Body)
	}
	return e
}

// belarusRule is the default rule on the prevented entries at the border with Belarus.
func belarusRule() map[string]any {
	return map[string]any{"id": "belarus-prevented", "name": "Belarus prevented entries above 2x the 8-week median",
		"kind": "above_trailing_median", "k": 2, "window": 8, "min_value": 50, "notify": []string{"EC", "FRONTEX"},
		"select": map[string]any{"series": "prevented_entries", "routes": []string{"eastern_land_border"}, "border_section": "BY"}}
}

func TestImportScenarios(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := start(t, db)
		again := e.Do("POST", api+"/observations", e.coord, mustJSON(t, awareness.Demo2022()))
		var ir awareness.ImportResult
		again.JSON(t, &ir)
		if again.Status != http.StatusOK || ir.Inserted != 0 || ir.Unchanged != len(awareness.Demo2022()) {
			t.Fatalf("re-import changed data: %d %s", again.Status, again.Body[:min(300, len(again.Body))])
		}
		csv := "series,period_start,period_end,route,value,unit,source\n" +
			"arrivals,2023-01-01,2023-01-31,central_mediterranean,5000,persons,test\n" + // 2
			"arrivals,2023-01-01,2023-01-31,arctic,10,persons,test\n" + // 3
			"arrivals,2023-02-01,2023-02-28,central_mediterranean,-3,persons,test\n" + // 4
			"arrivals,2023-03-31,2023-03-01,central_mediterranean,10,persons,test\n" + // 5
			"arrivals,2023-01-01,2023-01-31,central_mediterranean,5100,persons,test\n" + // 6: same key and revision as 2
			"arrivals,2023-02-01,2023-02-28,central_mediterranean,4000,persons,test\n" // 7
		res := e.Do("POST", api+"/observations", e.coord, csv, "Content-Type: text/csv")
		ir = awareness.ImportResult{}
		res.JSON(t, &ir)
		lines := map[int]string{}
		for _, x := range ir.Errors {
			lines[x.Line] = x.Reason
		}
		if res.Status != http.StatusOK || ir.Inserted != 2 || ir.Rejected != 4 || !strings.Contains(lines[3], "unknown route") ||
			!strings.Contains(lines[4], "negative") || !strings.Contains(lines[5], "before period_start") || !strings.Contains(lines[6], "duplicate of line 2") {
			t.Fatalf("bad rows: %d %s", res.Status, res.Body)
		}
		if res := e.Do("POST", api+"/observations", e.coord, csv, "Content-Type: text/csv"); !strings.Contains(string(res.Body), `"inserted":0`) {
			t.Errorf("re-import of the CSV: %s", res.Body)
		}
		for _, tt := range []struct {
			method, path, token string
			body                any
			want                int
		}{
			{"POST", api + "/observations", e.analyst, csv, http.StatusForbidden},
			{"GET", api + "/observations?series=prevented_entries", e.analyst, nil, http.StatusOK},
			{"GET", api + "/observations", e.officer, nil, http.StatusForbidden},
			{"GET", api + "/observations", "", nil, http.StatusUnauthorized},
			{"GET", api + "/observations?from=2022-13-01", e.analyst, nil, http.StatusUnprocessableEntity},
			{"POST", api + "/observations", e.coord, "colour\nred\n", http.StatusUnprocessableEntity},
		} {
			if res := e.Do(tt.method, tt.path, tt.token, tt.body, "Content-Type: text/csv"); res.Status != tt.want {
				t.Errorf("%s %s: %d, want %d: %s", tt.method, tt.path, res.Status, tt.want, res.Body)
			}
		}
	})
}

// TestBelarusRuleFiresInJuly2022 is the acceptance test: the prevented-entries series
// at the border with Belarus (about 270 a week rising to about 790, COM(2022) 740 section 3)
// must fire in July 2022 in the API backtest.
func TestBelarusRuleFiresInJuly2022(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := start(t, db)
		if res := e.Do("POST", api+"/rules", e.analyst, belarusRule()); res.Status != http.StatusForbidden {
			t.Fatalf("analyst created a rule: %d", res.Status)
		}
		if res := e.Do("POST", api+"/rules", e.coord, belarusRule()); res.Status != http.StatusCreated {
			t.Fatalf("create rule: %d %s", res.Status, res.Body)
		}
		res := e.Do("GET", api+"/rules/belarus-prevented/backtest?from=2022-01-01&to=2022-12-31", e.analyst, nil)
		var bt awareness.BacktestResult
		res.JSON(t, &bt)
		july := 0
		for _, a := range bt.Alerts {
			if a.Week.End.Year() == 2022 && a.Week.End.Month() == 7 {
				july++
			}
		}
		if res.Status != http.StatusOK || july == 0 {
			t.Fatalf("no July 2022 alert: %d %s", res.Status, res.Body)
		}
		// The evaluation job stores the alerts; analysts read them, coordinators acknowledge.
		if res := e.Do("POST", api+"/evaluate", e.coord, nil); res.Status != http.StatusOK || strings.Contains(string(res.Body), `"raised":0`) {
			t.Fatalf("evaluate: %d %s", res.Status, res.Body)
		}
		var list struct{ Items []awareness.StoredAlert }
		e.Do("GET", api+"/alerts?open=true", e.analyst, nil).JSON(t, &list)
		if len(list.Items) == 0 {
			t.Fatal("no stored alerts")
		}
		id := list.Items[0].ID
		if res := e.Do("POST", api+"/alerts/"+id+"/acknowledge", e.analyst, map[string]any{}); res.Status != http.StatusForbidden {
			t.Errorf("analyst acknowledged: %d", res.Status)
		}
		res = e.Do("POST", api+"/alerts/"+id+"/acknowledge", e.coord, map[string]any{"note": "network convened"})
		if res.Status != http.StatusOK || !strings.Contains(string(res.Body), "acknowledged_at") {
			t.Errorf("acknowledge: %d %s", res.Status, res.Body)
		}
		var audit struct{ Items []map[string]any }
		e.Do("GET", "/api/v1/audit?action=awareness.alert.acknowledge", e.Token("EC", authz.RoleAuditor), nil).JSON(t, &audit)
		if len(audit.Items) != 1 {
			t.Errorf("acknowledgement audit entries: %d", len(audit.Items))
		}
	})
}

func TestRulesAPI(t *testing.T) {
	e := start(t, nil)
	rule := belarusRule()
	rule["id"] = ""
	rule["kind"] = "threshold_crossed"
	rule["threshold"] = 0
	if res := e.Do("POST", api+"/rules", e.coord, rule); res.Status != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), "threshold") {
		t.Errorf("threshold 0: %d %s", res.Status, res.Body)
	}
	rule["threshold"] = 500
	res := e.Do("POST", api+"/rules", e.coord, rule)
	var c awareness.RuleConfig
	res.JSON(t, &c)
	if res.Status != http.StatusCreated || c.ID == "" || !c.Enabled {
		t.Fatalf("create: %d %s", res.Status, res.Body)
	}
	rule["notify"] = []string{"NOWHERE"}
	if res := e.Do("PUT", api+"/rules/"+url.PathEscape(c.ID), e.coord, rule); res.Status != http.StatusUnprocessableEntity {
		t.Errorf("unknown organisation: %d %s", res.Status, res.Body)
	}
	if res := e.Do("DELETE", api+"/rules/"+url.PathEscape(c.ID), e.analyst, nil); res.Status != http.StatusForbidden {
		t.Errorf("analyst delete: %d", res.Status)
	}
	if res := e.Do("DELETE", api+"/rules/"+url.PathEscape(c.ID), e.coord, nil); res.Status != http.StatusNoContent {
		t.Errorf("delete: %d %s", res.Status, res.Body)
	}
	if res := e.Do("GET", api+"/rules/"+url.PathEscape(c.ID), e.analyst, nil); res.Status != http.StatusNotFound {
		t.Errorf("deleted rule: %d", res.Status)
	}
}

func TestReportAPIMatchesTheFile(t *testing.T) {
	e := start(t, nil)
	res := e.Do("GET", api+"/report?from=2022-01-01&to=2022-09-25", e.analyst, nil)
	var r awareness.Report
	res.JSON(t, &r)
	want := awareness.BuildReport(awareness.Demo2022(), awareness.MustDate("2022-01-01"), awareness.MustDate("2022-09-25")).SuppressSmall(5)
	if res.Status != http.StatusOK || r.KeyFigures[0].Value != 116610 || len(r.KeyFigures) != len(want.KeyFigures) || len(r.Alerts) != len(want.Alerts) {
		t.Fatalf("%d: %d figures, %d alerts; want %d, %d", res.Status, len(r.KeyFigures), len(r.Alerts), len(want.KeyFigures), len(want.Alerts))
	}
	if res := e.Do("GET", api+"/report?from=2022-09-25&to=2022-01-01", e.analyst, nil); res.Status != http.StatusUnprocessableEntity {
		t.Errorf("backwards period: %d", res.Status)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
