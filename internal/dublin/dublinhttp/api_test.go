package dublinhttp_test

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/app/apptest"
	"github.com/ceas-eu/ceas/internal/dublin"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

// The apptest clock starts on 2026-03-02: the application is lodged in DE after an
// irregular crossing into IT found by a category 2 Eurodac hit (Art 13(1)).
const italianCase = `{"applicant": {"date_of_birth": "1995-04-01"},
 "application": {"state": "DE", "lodged_on": "2026-02-20"},
 "entries": [{"date": "2026-01-10", "state": "IT", "mode": "irregular_sea"}],
 "eurodac_hits": [{"category": 2, "state": "IT", "fingerprinted_on": "2026-01-11", "hit_received_on": "2026-02-21"}]}`

type env struct {
	*apptest.Env
	de, it, fr string
}

func start(t *testing.T, db *sqldb.DB) env {
	e := apptest.Start(t, db)
	return env{Env: e, de: e.Token("DE", authz.RoleDublinOfficer), it: e.Token("IT", authz.RoleDublinOfficer),
		fr: e.Token("FR", authz.RoleDublinOfficer)}
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

func (e env) open(t *testing.T, ref string) dublin.CaseRecord {
	t.Helper()
	var c dublin.CaseRecord
	e.must(t, http.StatusCreated, "POST", "/api/v1/dublin/cases", e.de,
		`{"applicant_ref": "`+ref+`", "origin": "eurodac_hit", "case": `+italianCase+`}`, &c)
	return c
}

func TestTakeChargeFromOpeningToTransferThroughTheAPI(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := start(t, db)
		c := e.open(t, "DE-API-1")
		if c.Stage != dublin.Determining || c.ResponsibleState != "IT" {
			t.Fatalf("opened: %s %s", c.Stage, c.ResponsibleState)
		}
		e.must(t, http.StatusOK, "POST", "/api/v1/dublin/cases/"+c.ID+"/evaluate", e.de, nil, &c)
		if c.Determination == nil || len(c.Determination.Reasoning) == 0 || c.Basis != "Art 13(1)" {
			t.Fatalf("evaluation stored no reasoning: %+v", c.Determination)
		}
		var req dublin.Request
		e.must(t, http.StatusCreated, "POST", "/api/v1/dublin/cases/"+c.ID+"/requests", e.de,
			`{"type": "take_charge", "requested_state": "IT", "based_on_eurodac_hit": true}`, &req)
		var in api[dublin.Request]
		e.must(t, http.StatusOK, "GET", "/api/v1/dublin/requests?direction=incoming", e.it, nil, &in)
		if len(in.Items) != 1 || in.Items[0].ID != req.ID || in.Items[0].CaseID != "" || *in.Items[0].ReplyDaysLeft != 61 {
			t.Fatalf("IT incoming: %+v", in.Items)
		}
		// Art 42: a reply dated before the request is refused, naming the field.
		res := e.Do("POST", "/api/v1/dublin/requests/"+req.ID+"/reply", e.it, `{"decision": "accept", "on": "2026-03-01"}`)
		if res.Status != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), "body.on") {
			t.Fatalf("reply before the request: %d %s", res.Status, res.Body)
		}
		e.must(t, http.StatusOK, "POST", "/api/v1/dublin/requests/"+req.ID+"/reply", e.it, `{"decision": "accept"}`, &req)
		if req.Status != dublin.AcceptedExplicit || req.TransferDeadline.String() != "2026-09-02" {
			t.Fatalf("Art 29(1): accepted %s, transfer due %s", req.Status, req.TransferDeadline)
		}
		e.must(t, http.StatusOK, "POST", "/api/v1/dublin/requests/"+req.ID+"/transfer", e.de,
			`{"action": "schedule", "on": "2026-04-15"}`, &req)
		e.Clock.Set(time.Date(2026, 4, 15, 8, 0, 0, 0, time.UTC))
		e.must(t, http.StatusOK, "POST", "/api/v1/dublin/requests/"+req.ID+"/transfer", e.de, `{"action": "carried_out"}`, &req)
		e.must(t, http.StatusOK, "GET", "/api/v1/dublin/cases/"+c.ID, e.de, nil, &c)
		if c.Stage != dublin.Transferred {
			t.Fatalf("after the transfer: %s", c.Stage)
		}
		var out api[dublin.Request]
		e.must(t, http.StatusOK, "GET", "/api/v1/dublin/requests?direction=outgoing", e.de, nil, &out)
		if len(out.Items) != 1 || out.Items[0].TransferStatus != dublin.TransferCarriedOut {
			t.Fatalf("DE outgoing: %+v", out.Items)
		}
	})
}

type api[T any] struct {
	Items []T `json:"items"`
}

func TestAnotherStateGets404AndTheAttemptIsAudited(t *testing.T) {
	e := start(t, nil)
	c := e.open(t, "DE-API-2")
	for _, path := range []string{"/api/v1/dublin/cases/" + c.ID, "/api/v1/dublin/cases/" + c.ID + "/events"} {
		if res := e.Do("GET", path, e.it, nil); res.Status != http.StatusNotFound {
			t.Fatalf("IT GET %s: %d %s", path, res.Status, res.Body)
		}
	}
	if res := e.Do("POST", "/api/v1/dublin/cases/"+c.ID+"/evaluate", e.it, nil); res.Status != http.StatusNotFound {
		t.Fatalf("IT evaluates DE case: %d", res.Status)
	}
	var log api[struct {
		ActorOrg string `json:"actor_org"`
		OwnerOrg string `json:"owner_org"`
		Outcome  string `json:"outcome"`
	}]
	raw := e.Do("GET", "/api/v1/audit?object_id="+c.ID, e.Token("DE", authz.RoleAuditor), nil)
	if err := json.Unmarshal(raw.Body, &log); err != nil {
		t.Fatal(err)
	}
	denied := 0
	for _, en := range log.Items {
		if en.ActorOrg == "IT" && en.OwnerOrg == "DE" && en.Outcome == "denied" {
			denied++
		}
	}
	if denied != 3 {
		t.Errorf("denied attempts in DE's audit log = %d, want 3: %s", denied, raw.Body)
	}
	// The request is shared: a third state does not see it either.
	var req dublin.Request
	e.must(t, http.StatusCreated, "POST", "/api/v1/dublin/cases/"+c.ID+"/requests", e.de, `{"type": "take_charge", "requested_state": "IT"}`, &req)
	if res := e.Do("GET", "/api/v1/dublin/requests/"+req.ID, e.fr, nil); res.Status != http.StatusNotFound {
		t.Fatalf("FR reads the DE-IT request: %d", res.Status)
	}
	if res := e.Do("GET", "/api/v1/dublin/requests/"+req.ID, e.it, nil); res.Status != http.StatusOK || strings.Contains(string(res.Body), c.ID) {
		t.Fatalf("IT reads the request (without DE's case id): %d %s", res.Status, res.Body)
	}
}

func TestEvaluateAnswersLikeTheCLIAndRejectsBadInput(t *testing.T) {
	e := start(t, nil)
	raw, err := os.ReadFile("../testdata/format-example.json")
	if err != nil {
		t.Skip("no format example:", err)
	}
	want := dublin.Determine(mustDecode(t, string(raw)))
	var got dublin.Determination
	e.must(t, http.StatusOK, "POST", "/api/v1/dublin/evaluate", e.de, string(raw), &got)
	a, _ := json.Marshal(got)
	b, _ := json.Marshal(want)
	if string(a) != string(b) {
		t.Errorf("API %s\nCLI %s", a, b)
	}
	for _, tc := range []struct{ name, body, field string }{
		{"missing lodging date", `{"application": {"state": "DE"}}`, "application.lodged_on"},
		{"date that is not a date", `{"application": {"state": "DE", "lodged_on": "2026-02-30"}}`, "application.lodged_on"},
		{"unknown state", `{"application": {"state": "XX", "lodged_on": "2026-02-01"}}`, "application.state"},
		{"reply before request", `{"application": {"state": "DE", "lodged_on": "2026-02-01"}, "procedure": {"type": "take_charge",
			"requested_state": "IT", "request_sent_on": "2026-03-01", "reply": {"decision": "accept", "on": "2026-02-20"}}}`, "procedure.reply.on"},
	} {
		res := e.Do("POST", "/api/v1/dublin/evaluate", e.de, tc.body)
		if res.Status != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), tc.field) {
			t.Errorf("%s: %d %s, want 422 naming %s", tc.name, res.Status, res.Body, tc.field)
		}
	}
	res := e.Do("POST", "/api/v1/dublin/cases", e.de, `{"applicant_ref": "X", "origin": "document", "case": {"application": {"state": "DE", "lodged_on": "2026-13-01"}}}`)
	if res.Status != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), "case.application.lodged_on") {
		t.Errorf("bad case: %d %s", res.Status, res.Body)
	}
	var list api[dublin.CaseRecord]
	e.must(t, http.StatusOK, "GET", "/api/v1/dublin/cases", e.de, nil, &list)
	if len(list.Items) != 0 {
		t.Errorf("a rejected case was stored: %d", len(list.Items))
	}
}

func mustDecode(t *testing.T, s string) dublin.Case {
	t.Helper()
	c, err := dublin.Decode(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSilenceIsAcceptanceOnTheDayArt22_7(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := start(t, db)
		c := e.open(t, "DE-API-3")
		var req dublin.Request
		e.must(t, http.StatusCreated, "POST", "/api/v1/dublin/cases/"+c.ID+"/requests", e.de, `{"type": "take_charge", "requested_state": "IT"}`, &req)
		run := func(day string) {
			d, _ := time.Parse(time.DateOnly, day)
			e.Clock.Set(d.Add(time.Hour))
			if _, err := e.App.Jobs.RunDue(context.Background(), 500); err != nil {
				t.Fatal(err)
			}
		}
		run("2026-04-25") // 7 days before 2026-05-02: a reminder in IT's inbox
		var inbox api[struct{ Title, Topic string }]
		e.must(t, http.StatusOK, "GET", "/api/v1/inbox", e.it, nil, &inbox)
		if !hasTopic(inbox.Items, dublin.TopicDeadlineReminder) {
			t.Errorf("no reminder 7 days before the reply deadline: %+v", inbox.Items)
		}
		run("2026-05-03")
		e.must(t, http.StatusOK, "GET", "/api/v1/dublin/cases/"+c.ID, e.de, nil, &c)
		if c.Stage != dublin.AcceptedImplicit || c.Request.AcceptanceDate.String() != "2026-05-02" {
			t.Fatalf("Art 22(7): %s accepted %s", c.Stage, c.Request.AcceptanceDate)
		}
		var evs api[dublin.CaseEvent]
		e.must(t, http.StatusOK, "GET", "/api/v1/dublin/cases/"+c.ID+"/events", e.de, nil, &evs)
		last := evs.Items[len(evs.Items)-1]
		if last.Kind != string(dublin.EvReplyDeadlinePassed) || last.On.String() != "2026-05-02" || last.Actor == "" {
			t.Errorf("the job did not record the implicit acceptance: %+v", last)
		}
	})
}

func hasTopic(items []struct{ Title, Topic string }, topic string) bool {
	for _, it := range items {
		if it.Topic == topic {
			return true
		}
	}
	return false
}

func TestStatsAndCalendar(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := start(t, db)
		c := e.open(t, "DE-API-4")
		e.open(t, "DE-API-5")
		e.must(t, http.StatusCreated, "POST", "/api/v1/dublin/cases/"+c.ID+"/requests", e.de, `{"type": "take_charge", "requested_state": "IT"}`, nil)
		var own, other struct{ Pairs []dublin.PairStats }
		e.must(t, http.StatusOK, "GET", "/api/v1/dublin/stats", e.de, nil, &own)
		e.must(t, http.StatusOK, "GET", "/api/v1/dublin/stats", e.Token("EC", authz.RoleAnalyst), nil, &other)
		if len(own.Pairs) != 1 || own.Pairs[0].Requests == nil || *own.Pairs[0].Requests != 1 || *own.Pairs[0].Transfers != 0 {
			t.Fatalf("DE sees its own pair: %+v", own.Pairs)
		}
		if len(other.Pairs) != 1 || other.Pairs[0].Requests != nil || !other.Pairs[0].Suppressed {
			t.Fatalf("an analyst must not see a count of 1: %+v", other.Pairs)
		}
		var de, it struct{ Items []dublin.CalendarItem }
		e.must(t, http.StatusOK, "GET", "/api/v1/dublin/calendar", e.de, nil, &de)
		e.must(t, http.StatusOK, "GET", "/api/v1/dublin/calendar", e.it, nil, &it)
		// DE: the request limit of the open case (Art 21(1)) and the reply it waits for.
		if len(de.Items) != 2 || de.Items[0].Date.String() != "2026-04-21" || de.Items[1].Date.String() != "2026-05-02" {
			t.Fatalf("DE calendar: %+v", de.Items)
		}
		if len(it.Items) != 1 || !it.Items[0].Incoming || it.Items[0].DaysLeft != 61 || it.Items[0].Other != "DE" {
			t.Fatalf("IT calendar: %+v", it.Items)
		}
	})
}

func TestCreateAcceptsABareCaseFile(t *testing.T) {
	e := start(t, nil)
	var c dublin.CaseRecord
	e.must(t, http.StatusCreated, "POST", "/api/v1/dublin/cases?applicant_ref=DE-BARE&origin=document", e.de, italianCase, &c)
	if c.ApplicantRef != "DE-BARE" || c.Origin != dublin.OriginDocument || c.ResponsibleState != "IT" {
		t.Fatalf("bare case: %+v", c)
	}
	e.must(t, http.StatusCreated, "POST", "/api/v1/dublin/cases", e.de, italianCase, &c)
	if !strings.HasPrefix(c.ApplicantRef, "REF-") || c.Origin != dublin.OriginOther {
		t.Fatalf("defaults: %q %q", c.ApplicantRef, c.Origin)
	}
	res := e.Do("POST", "/api/v1/dublin/cases", e.de, `{"application": {"state": "DE", "lodged_on": "2026-02-30"}}`)
	if res.Status != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), "application.lodged_on") {
		t.Fatalf("bad bare case: %d %s", res.Status, res.Body)
	}
}
