package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

// TestAuditorLogsInAndBrowsesTheAuditLog logs in through the form, checks the home page and
// the navigation an auditor gets, and finds the login itself in the audit browser.
func TestAuditorLogsInAndBrowsesTheAuditLog(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		b := Start(t, db)
		b.User("DE", "anna.auditor", authz.RoleAuditor)

		b.Do(chromedp.Navigate(b.Base+"/audit"), chromedp.WaitVisible(`#f-username`)) // not signed in: sent to the login page
		if url := b.Location(); !strings.Contains(url, "/login") {
			t.Fatalf("anonymous visit of /audit ended at %s", b.Location())
		}

		b.Login("anna.auditor")
		if h := b.Text("h1.page-title"); h == "" {
			t.Fatal("home page has no heading")
		}
		nav := b.Text("nav.site-nav")
		if !strings.Contains(nav, "Audit log") {
			t.Fatalf("auditor's navigation lacks the audit log: %q", nav)
		}
		b.Visit("/audit")
		table := b.Text("table.data-table")
		if !strings.Contains(table, "auth.login") || !strings.Contains(table, "success") {
			t.Fatalf("audit browser does not show the login: %q", table)
		}
		b.Visit("/audit?action=auth.login.failed")
		if got := b.Text("table.data-table"); strings.Contains(got, "success") {
			t.Fatalf("filter ignored: %q", got)
		}
	})
}

// TestWrongPasswordShowsAnErrorAndNoSession checks the failure path a person sees.
func TestWrongPasswordShowsAnErrorAndNoSession(t *testing.T) {
	b := Start(t, nil)
	b.User("PL", "piotr.officer", authz.RoleRegistrationOfficer)
	b.Do(
		chromedp.Navigate(b.Base+"/login"),
		chromedp.WaitVisible(`#f-username`),
		chromedp.SendKeys(`#f-username`, "piotr.officer"),
		chromedp.SendKeys(`#f-password`, "not-the-password"),
		chromedp.Submit(`#f-password`),
		chromedp.WaitVisible(`#main`),
	)
	if body := b.Text("#main"); !strings.Contains(body, "not correct") {
		t.Fatalf("no error shown after a wrong password: %q", body)
	}
	b.Visit("/inbox")
	if url := b.Location(); !strings.Contains(url, "/login") {
		t.Fatalf("reached %s without a session", b.Location())
	}
}
