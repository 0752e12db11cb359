package tphttp_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/app/apptest"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/tp"
)

func form(v url.Values) (string, string) {
	return v.Encode(), "Content-Type: application/x-www-form-urlencoded"
}

// TestPages renders every page of the module for the roles that use it, through the form
// flow: validate as you type, register, see the hit, adjudicate side by side, dashboards.
func TestPages(t *testing.T) {
	env := apptest.Start(t, nil)
	de, pl := env.Token("DE", authz.RoleRegistrationOfficer), env.Token("PL", authz.RoleRegistrationOfficer)
	var deReg tp.RegistrationResult
	env.Do("POST", "/api/v1/tp/registrations", de, germanRecord).JSON(t, &deReg)

	if r := env.Do("GET", "/tp/registrations/new", pl, nil); r.Status != 200 || !strings.Contains(string(r.Body), `hx-post="/tp/validate"`) {
		t.Fatalf("form: %d", r.Status)
	}
	vals := url.Values{"surname": {"Szewczenko"}, "date_of_birth": {"1985-02-30"}}
	body, ct := form(vals)
	r := env.Do("POST", "/tp/validate", pl, body, ct, "HX-Trigger-Name: date_of_birth", "HX-Request: true")
	if r.Status != 200 || !strings.Contains(string(r.Body), "field--invalid") || strings.Contains(string(r.Body), "<html") {
		t.Fatalf("validate: %d %s", r.Status, r.Body)
	}
	vals = url.Values{"surname": {"Szewczenko"}, "given_name": {"Ołeksandr"}, "patronymic": {"Petrowycz"}, "sex": {"M"},
		"date_of_birth": {"12.04.1985"}, "nationality": {"UA"}, "document_type": {"passport"}, "document_number": {"FA123456"},
		"document_country": {"UA"}, "ground": {"ukrainian_national"}, "locality": {"Gdańsk"}}
	body, ct = form(vals)
	r = env.Do("POST", "/tp/registrations/new", pl, body, ct)
	if r.Status != 201 || !strings.Contains(string(r.Body), "/tp/reviews/") {
		t.Fatalf("create: %d %s", r.Status, r.Body)
	}
	var reviews struct{ Items []tp.MatchReview }
	env.Do("GET", "/api/v1/tp/reviews", pl, nil).JSON(t, &reviews)
	if len(reviews.Items) != 1 {
		t.Fatalf("reviews: %+v", reviews)
	}
	rv := reviews.Items[0]
	for _, c := range []struct {
		path, tok, want string
	}{
		{"/tp/reviews", pl, rv.ID},
		{"/tp/reviews/" + rv.ID, pl, "Szewczenko"},
		{"/tp/registrations?name=" + url.QueryEscape("Шевченко"), de, deReg.ID},
		{"/tp/registrations?document=FA123456", de, deReg.ID},
		{"/tp/registrations/" + deReg.ID, de, "tp.registration.read"},
		{"/tp", de, "data-chart"},
		{"/tp", env.Token("EC", authz.RoleCoordinator), "data-map"},
	} {
		r := env.Do("GET", c.path, c.tok, nil)
		if r.Status != 200 || !strings.Contains(string(r.Body), c.want) {
			t.Errorf("GET %s: %d, want %q in the page", c.path, r.Status, c.want)
		}
	}
	// the other state's full record never appears on the adjudication page
	if r := env.Do("GET", "/tp/reviews/"+rv.ID, pl, nil); strings.Contains(string(r.Body), "Schewtschenko") {
		t.Error("the review page discloses the German record")
	}
	body, ct = form(url.Values{"decision": {"different_persons"}})
	if r := env.Do("POST", "/tp/reviews/"+rv.ID+"/decision", pl, body, ct); r.Status != 422 {
		t.Fatalf("decision without reason: %d", r.Status)
	}
	body, ct = form(url.Values{"decision": {"different_persons"}, "reason": {"different fathers' names on the birth certificates"}})
	if r := env.Do("POST", "/tp/reviews/"+rv.ID+"/decision", pl, body, ct); r.Status != 200 || !strings.Contains(string(r.Body), "different_persons") {
		t.Fatalf("decision: %d", r.Status)
	}
	if r := env.Do("GET", "/tp/reviews", pl, nil, "Accept-Language: uk"); !strings.Contains(string(r.Body), "Можливі повторні реєстрації") {
		t.Error("the review queue is not in Ukrainian for Accept-Language: uk")
	}
	if r := env.Do("GET", "/tp/registrations/"+deReg.ID, pl, nil); r.Status != 404 {
		t.Fatalf("PL opens the German record page: %d", r.Status)
	}
}
