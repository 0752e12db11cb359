package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ceas-eu/ceas/internal/app"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

// firstPlacement reads the case and place of the first placed row of a run's explanation.
func firstPlacement(b *Browser) (string, string) {
	b.t.Helper()
	cells := Get(b, chromedp.Evaluate[[]string](`(() => {
		for (const tr of document.querySelectorAll("table.data-table tbody tr")) {
			const td = tr.querySelectorAll("td");
			if (td.length > 1 && td[0].querySelector('a[href^="/solidarity/candidates/"]') && td[1].textContent.trim() !== "—") {
				return [td[0].textContent.trim(), td[1].textContent.trim()];
			}
		}
		return ["", ""];
	})()`))
	return cells[0], cells[1]
}

// TestSolidarityCycle2022ThroughThePages: on the seeded 2022 cycle an EUAA coordinator sees
// pledges against fair shares, runs the matcher, overrides one placement (forbids it) and
// re-runs, accepts the run, carries out a scheduled transfer on the transfer board, and finds
// it in the monitoring report (issue 7, "Done when").
func TestSolidarityCycle2022ThroughThePages(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t.Setenv("CEAS_DEMO_TP", "50") // the TP population is not what this test is about
		b := Start(t, db)
		if err := b.App.SeedDemo(context.Background(), func(stage string, done, total int) {
			if done == total {
				t.Logf("seeded %s: %d", stage, done)
			}
		}); err != nil {
			t.Fatal(err)
		}
		// Italy's reception coordinator proposes two households and takes them through the
		// steps up to the security check; the demo's own candidates are already matched.
		it := b.NewSession()
		it.LoginWith("it.reception", app.DemoPassword)
		for _, ref := range []string{"E2E-IT-1", "E2E-IT-2"} {
			it.Visit("/solidarity/candidates")
			it.Fill(map[string]string{"#f-cycle": "VSM-2022", "#f-ref": ref, "#f-nationality": "SY", "#f-adults": "2",
				"#f-children": "1", "#f-languages": "ar en", "#f-identified_on": "2022-08-01"})
			it.SubmitAndWait("#solidarity-propose", "#solidarity-step")
			for i, step := range []string{"informed", "consented", "interviewed", "security_checked"} {
				it.Fill(map[string]string{"#f-step": step, "#f-on": fmt.Sprintf("2022-08-%02d", 2+i)})
				it.SubmitAndWait("#solidarity-step", "#main")
			}
			if page := it.Text("#main"); !strings.Contains(page, "security_checked") && !strings.Contains(strings.ToLower(page), "security") {
				t.Fatalf("candidate %s not security-checked: %q", ref, page[:min(400, len(page))])
			}
		}

		b.LoginWith("euaa.coordinator", app.DemoPassword)

		b.Visit("/solidarity")
		overview := b.Text("#main")
		for _, want := range []string{"Fair share", "DE", "FR", "IT"} {
			if !strings.Contains(overview, want) {
				t.Fatalf("overview lacks %q: %q", want, overview[:min(400, len(overview))])
			}
		}

		b.Visit("/solidarity/runs")
		b.SubmitAndWait("#solidarity-run", "#solidarity-rerun")
		if page := b.Text("#main"); !strings.Contains(page, "Gap") {
			t.Fatalf("run page shows no gap: %q", page[:min(400, len(page))])
		}
		caseID, place := firstPlacement(b)
		if caseID == "" {
			t.Fatal("the run placed nobody")
		}
		b.Fill(map[string]string{"#f-forbids": caseID + "=" + place})
		b.SubmitAndWait("#solidarity-rerun", "#solidarity-accept")
		for _, row := range Get(b, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("table.data-table tbody tr")).map(tr => Array.from(tr.querySelectorAll("td")).slice(0, 2).map(td => td.textContent.trim()).join("="))`)) {
			if row == caseID+"="+place {
				t.Fatalf("forbidden placement %s=%s kept after the override", caseID, place)
			}
		}
		b.SubmitAndWait("#solidarity-accept", "#main")

		b.Visit("/solidarity/transfers")
		before := b.Text("#main")
		if !strings.Contains(before, "→") {
			t.Fatalf("transfer board has no scheduled transfer: %q", before[:min(400, len(before))])
		}
		b.Do(chromedp.SetValue(`.transfer-board select[name=action]`, "carry_out"),
			chromedp.Submit(`.transfer-board button[type=submit]`), chromedp.WaitVisible(`#main`))

		b.Visit("/solidarity/report")
		if report := b.Text("#main"); !strings.Contains(report, "Transferred") {
			t.Fatalf("report lacks the transfers: %q", report[:min(400, len(report))])
		}
	})
}
