package e2e

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

// TestDublinTakeChargeFromOpeningToTransfer: a German Dublin officer opens a case for a
// person who entered Italy irregularly (Art 13(1)), sends a take charge request; the Italian
// officer sees it in the inbox of incoming requests and accepts it (Art 22(1)); the German
// officer records the transfer as carried out (Art 29(1)). All through the pages.
func TestDublinTakeChargeFromOpeningToTransfer(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		de := Start(t, db)
		de.User("DE", "dieter.dublin", authz.RoleDublinOfficer)
		de.User("IT", "irene.dublin", authz.RoleDublinOfficer)
		today := time.Now().UTC()
		day := func(d int) string { return today.AddDate(0, 0, d).Format("2006-01-02") }

		de.Login("dieter.dublin")
		de.Visit("/dublin/cases/new")
		de.Fill(map[string]string{
			"#f-applicant_ref":     "E2E-DE-IT-1",
			"#f-application_state": "DE",
			"#f-lodged_on":         day(-10),
			"#f-date_of_birth":     "1995-04-02",
			"#f-entry_state":       "IT",
			"#f-entry_date":        day(-40),
			"#f-entry_mode":        "irregular_sea",
		})
		de.Submit("#dublin-new-case")
		if page := de.Text("#main"); !strings.Contains(page, "Art 13(1)") {
			t.Fatalf("case page does not show the deciding article: %q", page)
		}
		caseURL := de.Location()
		de.Fill(map[string]string{"#f-requested_state": "IT"})
		de.Submit("#dublin-send")
		if page := de.Text("#main"); !strings.Contains(page, "request_sent") && !strings.Contains(strings.ToLower(page), "request sent") {
			t.Fatalf("request not shown as sent: %q", page)
		}

		it := de.NewSession()
		it.Login("irene.dublin")
		it.Visit("/dublin/requests")
		incoming := it.Text("#main")
		if !strings.Contains(incoming, "DE") {
			t.Fatalf("Italy's incoming requests do not list Germany's request: %q", incoming)
		}
		href := Get(it, chromedp.AttributeValue(`#main a[href^="/dublin/requests/0"]`, "href"))
		it.Visit(href.Value)
		it.Fill(map[string]string{"#f-decision": "accept"})
		it.Submit("#dublin-reply")
		if page := it.Text("#main"); !strings.Contains(strings.ToLower(page), "accept") {
			t.Fatalf("reply not recorded: %q", page)
		}

		de.Visit(strings.TrimPrefix(caseURL, de.Base))
		de.Fill(map[string]string{"#f-action": "carried_out", "#f-on": day(0)})
		de.Submit("#dublin-transfer")
		page := de.Text("#main")
		if !regexp.MustCompile(`(?i)transferred`).MatchString(page) {
			t.Fatalf("case does not show the transfer: %q", page)
		}
	})
}
