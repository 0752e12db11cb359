package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

// registerThroughTheForm fills the temporary protection registration form and submits it.
func registerThroughTheForm(b *Browser, values map[string]string) {
	b.t.Helper()
	b.Visit("/tp/registrations/new")
	fields := map[string]string{}
	for name, v := range values {
		fields["#f-"+name] = v
	}
	b.Fill(fields)
	b.Do(chromedp.Submit(`form[action="/tp/registrations/new"] button[type=submit]`), chromedp.WaitVisible(`.check-outcome`))
}

// TestTPPossibleMatchAcrossStatesIsExplainedAndResolved is issue 4's scenario in the browser:
// Germany registers Oleksandr Schewtschenko; a Polish officer registers Ołeksandr Szewczenko,
// sees the possible match in Germany explained field by field and decides it is the same
// person; Germany finds the notification in its inbox; both records show the link.
func TestTPPossibleMatchAcrossStatesIsExplainedAndResolved(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		de := Start(t, db)
		de.User("DE", "dora.registration", authz.RoleRegistrationOfficer)
		de.User("PL", "pawel.registration", authz.RoleRegistrationOfficer)

		de.Login("dora.registration")
		registerThroughTheForm(de, map[string]string{"surname": "Schewtschenko", "given_name": "Oleksandr",
			"surname_cyrillic": "Шевченко", "sex": "M", "date_of_birth": "1985-04-12", "place_of_birth": "Kiew",
			"nationality": "UA", "document_type": "passport", "document_number": "FA123456", "document_country": "UA",
			"ground": "ukrainian_national", "registered_on": "2022-03-20", "locality": "Berlin"})
		if got := de.Text(".check-outcome"); !strings.Contains(got, "no registration") {
			t.Fatalf("first registration: %q", got)
		}

		pl := de.NewSession()
		pl.Login("pawel.registration")
		registerThroughTheForm(pl, map[string]string{"surname": "Szewczenko", "given_name": "Ołeksandr",
			"sex": "M", "date_of_birth": "1985-04-12", "place_of_birth": "Kijów", "nationality": "UA",
			"document_type": "passport", "document_number": "FA 123456", "document_country": "UA",
			"ground": "ukrainian_national", "registered_on": "2022-04-02", "locality": "Gdańsk"})
		if got := pl.Text(".check-outcome"); !strings.Contains(got, "match") || strings.Contains(got, "no registration") {
			t.Fatalf("Poland's check found nothing: %q", got)
		}
		if hits := pl.Text("table.data-table"); !strings.Contains(hits, "DE") {
			t.Fatalf("hit table does not name Germany: %q", hits)
		}

		pl.Visit("/tp/reviews")
		href := Get(pl, chromedp.AttributeValue(`table.data-table a[href^="/tp/reviews/"]`, "href"))
		pl.Visit(href.Value)
		review := pl.Text("#main")
		if !strings.Contains(review, "DE") || !strings.Contains(review, "Szewczenko") {
			t.Fatalf("review page lacks the two sides: %q", review)
		}
		if strings.Contains(review, "Berlin") || strings.Contains(review, "Schewtschenko") {
			t.Fatalf("Poland sees Germany's record beyond the minimal hit data: %q", review)
		}
		pl.Fill(map[string]string{"#f-decision": "same_person", "#f-reason": "Same passport FA123456 and date of birth"})
		pl.Do(chromedp.Submit(`form[action$="/decision"] button[type=submit]`), chromedp.WaitVisible(`.review-status`))
		if got := pl.Text(".review-status"); !strings.Contains(got, "same_person") {
			t.Fatalf("decision not shown: %q", got)
		}

		de.Visit("/inbox")
		if inbox := de.Text("#main"); !strings.Contains(inbox, "tp.match.found") {
			t.Fatalf("Germany's inbox has no notification: %q", inbox)
		}
		de.Visit("/tp/registrations?name=Schewtschenko")
		rec := Get(de, chromedp.AttributeValue(`table.data-table a[href^="/tp/registrations/"]`, "href"))
		de.Visit(rec.Value)
		if page := de.Text("#main"); !strings.Contains(page, "PL") {
			t.Fatalf("Germany's record does not show the link to Poland: %q", page)
		}
	})
}
