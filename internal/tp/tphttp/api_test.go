package tphttp_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/app/apptest"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
	"github.com/ceas-eu/ceas/internal/tp"
)

var germanRecord = map[string]any{"external_id": "DE-77", "ground": "ukrainian_national", "registered_on": "2022-03-20",
	"person": map[string]any{"surname": "Schewtschenko", "given_name": "Oleksandr", "patronymic": "Petrowytsch",
		"surname_cyrillic": "Шевченко", "sex": "M", "date_of_birth": "1985-04-12", "place_of_birth": "Kyjiw",
		"nationality": "UA", "documents": []any{map[string]any{"type": "passport", "number": "FA123456", "country": "UA"}}},
	"locality": "Berlin", "permit": map[string]any{"number": "P1", "issued_on": "2022-03-25", "valid_until": "2027-03-04"}}

var polishRecord = map[string]any{"ground": "ukrainian_national",
	"person": map[string]any{"surname": "Szewczenko", "given_name": "Ołeksandr", "patronymic": "Petrowycz", "sex": "M",
		"date_of_birth": "1985-04-12", "place_of_birth": "Kijów", "nationality": "UKR",
		"documents": []any{map[string]any{"type": "passport", "number": "FA 123456", "country": "UA"}}},
	"locality": "Gdańsk"}

// TestDoneWhen is the scenario: a Polish officer registers a person already
// registered in Germany under another spelling, sees the possible match explained and
// resolves it; Germany is notified; both records show the link; the audit log shows who saw
// what.
func TestDoneWhen(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		env := apptest.Start(t, db)
		de, pl := env.Token("DE", authz.RoleRegistrationOfficer), env.Token("PL", authz.RoleRegistrationOfficer)

		var deReg tp.RegistrationResult
		res := env.Do("POST", "/api/v1/tp/registrations", de, germanRecord)
		if res.Status != 201 {
			t.Fatalf("DE register: %d %s", res.Status, res.Body)
		}
		res.JSON(t, &deReg)
		var plReg tp.RegistrationResult
		res = env.Do("POST", "/api/v1/tp/registrations", pl, polishRecord)
		if res.Status != 201 {
			t.Fatalf("PL register: %d %s", res.Status, res.Body)
		}
		res.JSON(t, &plReg)
		if plReg.Check.Outcome == tp.OutcomeNoMatch || len(plReg.Check.Hits) != 1 || plReg.Check.Hits[0].State != "DE" ||
			len(plReg.Check.Hits[0].Explanation) == 0 {
			t.Fatalf("PL check: %+v", plReg.Check)
		}
		// minimal hit data only: nothing of the German record beyond state, dates, status
		for _, leak := range []string{"Schewtschenko", "Шевченко", "Berlin", "DE-77", deReg.ID} {
			if strings.Contains(string(res.Body), leak) {
				t.Errorf("the PL answer discloses %q of the German record", leak)
			}
		}
		if r := env.Do("GET", "/api/v1/tp/registrations/"+deReg.ID, pl, nil); r.Status != 404 {
			t.Fatalf("PL reads DE record: %d", r.Status)
		}
		reviewID := plReg.Check.Hits[0].ReviewID
		var page struct{ Items []tp.MatchReview }
		env.Do("GET", "/api/v1/tp/reviews", pl, nil).JSON(t, &page)
		if len(page.Items) != 1 || page.Items[0].ID != reviewID {
			t.Fatalf("PL queue: %+v", page.Items)
		}
		if r := env.Do("POST", "/api/v1/tp/reviews/"+reviewID+"/decision", pl, map[string]any{"decision": "same_person"}); r.Status != 200 {
			t.Fatalf("decide: %d %s", r.Status, r.Body)
		}
		var inbox struct {
			Items []struct{ Topic, Link string }
		}
		env.Do("GET", "/api/v1/inbox", de, nil).JSON(t, &inbox)
		if !hasTopic(inbox.Items, tp.TopicMatchFound) || !hasTopic(inbox.Items, tp.TopicDeregisterAsked) {
			t.Fatalf("DE inbox: %+v", inbox.Items)
		}
		for _, c := range []struct{ tok, id, other string }{{de, deReg.ID, "PL"}, {pl, plReg.ID, "DE"}} {
			var r tp.Registration
			env.Do("GET", "/api/v1/tp/registrations/"+c.id, c.tok, nil).JSON(t, &r)
			if len(r.Links) != 1 || r.Links[0].State != c.other {
				t.Fatalf("links of %s: %+v", c.id, r.Links)
			}
		}
		var audit struct {
			Items []struct {
				ActorOrg string `json:"actor_org"`
				Action   string `json:"action"`
				Outcome  string `json:"outcome"`
			} `json:"items"`
		}
		aud := env.Token("DE", authz.RoleAuditor)
		env.Do("GET", "/api/v1/audit?object_id="+url.QueryEscape(deReg.ID), aud, nil).JSON(t, &audit)
		var sawDenied, sawRead bool
		for _, e := range audit.Items {
			sawDenied = sawDenied || (e.ActorOrg == "PL" && e.Action == "tp.registration.read" && e.Outcome == "denied")
			sawRead = sawRead || (e.ActorOrg == "DE" && e.Action == "tp.registration.read" && e.Outcome == "success")
		}
		if !sawDenied || !sawRead {
			t.Fatalf("audit of the German record: %+v", audit.Items)
		}
	})
}

func hasTopic(items []struct{ Topic, Link string }, topic string) bool {
	for _, it := range items {
		if it.Topic == topic {
			return true
		}
	}
	return false
}

// TestBadInputNamesTheField: invalid dates, unknown state codes and malformed document
// numbers answer 422 with the field and the rule.
func TestBadInputNamesTheField(t *testing.T) {
	env := apptest.Start(t, nil)
	tok := env.Token("PL", authz.RoleRegistrationOfficer)
	cases := []struct {
		name  string
		edit  func(p map[string]any)
		field string
	}{
		{"impossible date", func(p map[string]any) { p["date_of_birth"] = "1985-02-30" }, "body.person.date_of_birth"},
		{"future date", func(p map[string]any) { p["date_of_birth"] = "2031" }, "body.person.date_of_birth"},
		{"unknown nationality", func(p map[string]any) { p["nationality"] = "ZZ" }, "body.person.nationality"},
		{"unknown issuing state", func(p map[string]any) {
			p["documents"] = []any{map[string]any{"type": "passport", "number": "AB123456", "country": "QQ"}}
		}, "body.person.documents[0].country"},
		{"passport number format", func(p map[string]any) {
			p["documents"] = []any{map[string]any{"type": "passport", "number": "F12345", "country": "UA"}}
		}, "body.person.documents[0].number"},
		{"digits in a name", func(p map[string]any) { p["surname"] = "Sz3wczenko" }, "body.person.surname"},
		{"latin in the cyrillic name", func(p map[string]any) { p["surname_cyrillic"] = "Shevchenko" }, "body.person.surname_cyrillic"},
		{"sex", func(p map[string]any) { p["sex"] = "male?" }, "body.person.sex"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := map[string]any{"ground": "ukrainian_national"}
			p := map[string]any{"surname": "Bondar", "given_name": "Olha", "sex": "F", "date_of_birth": "1990", "nationality": "UA"}
			c.edit(p)
			body["person"] = p
			res := env.With(t).Do("POST", "/api/v1/tp/registrations", tok, body)
			if res.Status != 422 || !strings.Contains(string(res.Body), `"location":"`+c.field+`"`) {
				t.Fatalf("%d %s, want 422 naming %s", res.Status, res.Body, c.field)
			}
		})
	}
}

// TestImportOverTheAPI: a CSV posted with a source name is imported with its rejects; posted
// again it is not imported twice; the state exports its own data.
func TestImportOverTheAPI(t *testing.T) {
	env := apptest.Start(t, nil)
	tok := env.Token("CZ", authz.RoleRegistrationOfficer)
	csv := "record_id,surname,given_name,sex,date_of_birth,nationality,document_type,document_number\n" +
		"CZ-1,Bondar,Olha,F,12.03.1990,UKR,passport,FB123456\n" +
		"CZ-2,Bondar,Petro,M,1990-02-30,UKR,passport,FB123457\n"
	for i := 0; i < 2; i++ {
		res := env.Do("POST", "/api/v1/tp/imports?format=csv&source=cz-1.csv", tok, csv, "Content-Type: text/csv")
		var rep tp.BulkImportReport
		res.JSON(t, &rep)
		if res.Status != 200 || rep.Accepted != 1 || rep.Rejected != 1 || rep.Rejects[0].Line != 3 {
			t.Fatalf("import %d: %d %s", i, res.Status, res.Body)
		}
	}
	res := env.Do("GET", "/api/v1/tp/export?format=csv", tok, nil)
	if res.Status != 200 || strings.Count(string(res.Body), "\n") != 2 || !strings.Contains(string(res.Body), "CZ-1,Bondar,Olha") {
		t.Fatalf("export: %d %s", res.Status, res.Body)
	}
	if r := env.Do("POST", "/api/v1/tp/imports", env.Token("EC", authz.RoleCoordinator), csv); r.Status != 403 {
		t.Fatalf("coordinator imports: %d", r.Status)
	}
}
