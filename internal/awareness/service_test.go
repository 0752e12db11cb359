package awareness_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/awareness"
	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/outbox"
	"github.com/ceas-eu/ceas/internal/platform/refdata"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

type fixture struct {
	svc   *awareness.Service
	db    *sqldb.DB
	clock *clock.Fixed
}

func newFixture(t *testing.T, db *sqldb.DB) fixture {
	c := clock.NewFixed(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	if err := refdata.Seed(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	svc := awareness.NewService(db, audit.New(db, c), outbox.New(db, c), c, awareness.Config{SmallCount: 5})
	return fixture{svc: svc, db: db, clock: c}
}

func as(org string, roles ...authz.Role) context.Context {
	return authz.WithPrincipal(context.Background(), authz.Principal{ID: "user-" + org + "-" + string(roles[0]),
		Name: "test", Org: org, Roles: roles, Kind: authz.KindUser})
}

func system() context.Context {
	return authz.WithPrincipal(context.Background(), authz.System("test"))
}

const header = "series,period_start,period_end,state,route,value,unit,source,revision\n"

func TestImportKeepsRevisionsAndIsIdempotent(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		coord := as("EC", authz.RoleCoordinator)
		file := header +
			"arrivals,2022-07-01,2022-07-31,,central_mediterranean,100,persons,s,0\n" + // line 2
			"arrivals,2022-07-01,2022-07-31,,arctic,5,persons,s,0\n" + // 3: unknown route
			"arrivals,2022-07-01,2022-07-31,,eastern_mediterranean,-1,persons,s,0\n" + // 4: negative
			"arrivals,2022-07-31,2022-07-01,,western_balkans,5,persons,s,0\n" + // 5: ends before it starts
			"arrivals,2022-07-01,2022-07-31,,central_mediterranean,120,persons,s,0\n" + // 6: duplicate of 2
			"arrivals,2022-08-01,2022-08-31,IT,central_mediterranean,80,persons,s,0\n" // 7
		res, err := f.svc.Import(coord, awareness.FormatCSV, "july.csv", []byte(file))
		if err != nil {
			t.Fatal(err)
		}
		if res.Accepted != 2 || res.Inserted != 2 || res.Rejected != 4 {
			t.Fatalf("first import %+v", res)
		}
		wantLines := map[int]string{3: "unknown route", 4: "must not be negative", 5: "must not be before", 6: "duplicate of line 2"}
		for _, e := range res.Errors {
			if !strings.Contains(e.Reason, wantLines[e.Line]) || wantLines[e.Line] == "" {
				t.Errorf("line %d: %q", e.Line, e.Reason)
			}
		}
		again, err := f.svc.Import(coord, awareness.FormatCSV, "july.csv", []byte(file))
		if err != nil || again.Inserted != 0 || again.Unchanged != 2 {
			t.Fatalf("re-import %+v %v", again, err)
		}
		conflict := header + "arrivals,2022-07-01,2022-07-31,,central_mediterranean,101,persons,s,0\n"
		res, err = f.svc.Import(coord, awareness.FormatCSV, "fix.csv", []byte(conflict))
		if err != nil || res.Rejected != 1 || !strings.Contains(res.Errors[0].Reason, "send revision 1") {
			t.Fatalf("same key and revision, other value: %+v %v", res, err)
		}
		revised := header + "arrivals,2022-07-01,2022-07-31,,central_mediterranean,101,persons,s,1\n"
		if res, err = f.svc.Import(coord, awareness.FormatCSV, "fix.csv", []byte(revised)); err != nil || res.Inserted != 1 {
			t.Fatalf("revision 1: %+v %v", res, err)
		}
		obs, _, err := f.svc.Observations(as("EC", authz.RoleAnalyst), awareness.ObservationFilter{Route: awareness.RouteCentralMed}, "", 50)
		if err != nil || len(obs) != 3 {
			t.Fatalf("history: %d rows, %v", len(obs), err)
		}
	})
}

func TestImportRules(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		// A national system reports only its own state's figures (an organisation of DE).
		national := as("DE", authz.RoleCoordinator)
		file := header + "asylum_applications,2022-07-01,2022-07-31,DE,,900,applications,BAMF,0\n" +
			"asylum_applications,2022-07-01,2022-07-31,IT,,900,applications,BAMF,0\n"
		res, err := f.svc.Import(national, awareness.FormatCSV, "de.csv", []byte(file))
		if err != nil || res.Inserted != 1 || res.Rejected != 1 || res.Errors[0].Line != 3 {
			t.Fatalf("%+v %v", res, err)
		}
		if _, err := f.svc.Import(as("EC", authz.RoleAnalyst), awareness.FormatCSV, "x.csv", []byte(file)); errs.KindOf(err) != errs.KindForbidden {
			t.Errorf("analyst import: %v", err)
		}
		if _, err := f.svc.Import(as("EC", authz.RoleCoordinator), awareness.FormatCSV, "x.csv", []byte("colour\nred\n")); errs.KindOf(err) != errs.KindInvalid {
			t.Errorf("bad header: %v", err)
		}
	})
}

func TestIngestStoresChangedCountsAsRevisions(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		week := func(n int64) []awareness.Observation {
			o, err := awareness.WeeklyCount(awareness.SeriesTPRegistrations, "PL", "2026-W09", n, awareness.UnitPersons, "tp")
			if err != nil {
				t.Fatal(err)
			}
			return []awareness.Observation{o}
		}
		steps := []struct {
			n                            int64
			inserted, revised, unchanged int
		}{{10, 1, 0, 0}, {10, 0, 0, 1}, {12, 0, 1, 0}, {12, 0, 0, 1}, {15, 0, 1, 0}}
		for i, st := range steps {
			res, err := f.svc.IngestResult(system(), week(st.n))
			if err != nil || res.Inserted != st.inserted || res.Revised != st.revised || res.Unchanged != st.unchanged {
				t.Fatalf("step %d (%d): %+v %v", i, st.n, res, err)
			}
		}
		obs, _, _ := f.svc.Observations(as("PL", authz.RoleAnalyst), awareness.ObservationFilter{State: "PL"}, "", 50)
		if len(obs) != 3 || obs[2].Revision != 2 || obs[2].Value != 15 {
			t.Fatalf("history %+v", obs)
		}
	})
}

func TestRulesCRUDAndPermissions(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		coord, analyst := as("EC", authz.RoleCoordinator), as("EC", authz.RoleAnalyst)
		r := awareness.RuleConfig{Rule: awareness.Rule{Name: "CM above 1000", Kind: awareness.RuleThreshold, Threshold: 1000,
			Select: awareness.RouteSelector(awareness.SeriesArrivals, awareness.RouteCentralMed)}, Enabled: true}
		if _, err := f.svc.CreateRule(analyst, r); errs.KindOf(err) != errs.KindForbidden {
			t.Fatalf("analyst created a rule: %v", err)
		}
		c, err := f.svc.CreateRule(coord, r)
		if err != nil || c.ID == "" || len(c.Notify) != 1 || c.Notify[0] != "EC" {
			t.Fatalf("%+v %v", c, err)
		}
		bad := r
		bad.Threshold = 0
		if _, err := f.svc.CreateRule(coord, bad); errs.KindOf(err) != errs.KindInvalid {
			t.Errorf("threshold 0 accepted: %v", err)
		}
		c.Threshold, c.Enabled = 2000, false
		if _, err := f.svc.UpdateRule(coord, c.ID, c); err != nil {
			t.Fatal(err)
		}
		got, err := f.svc.GetRule(analyst, c.ID)
		if err != nil || got.Threshold != 2000 || got.Enabled {
			t.Fatalf("%+v %v", got, err)
		}
		if err := f.svc.DeleteRule(coord, c.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.GetRule(analyst, c.ID); errs.KindOf(err) != errs.KindNotFound {
			t.Errorf("deleted rule: %v", err)
		}
	})
}

// TestEvaluateRaisesTheBelarusAlert loads the 2022 demo data and the default rules: the
// evaluation job must raise the alert on the Belarus prevented-entries series in July 2022
// (COM(2022) 740 section 3: from about 270 to about 790 a week), notify the Blueprint network
// once, and raise nothing more on a second run.
func TestEvaluateRaisesTheBelarusAlert(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		f.clock.Set(time.Date(2022, 8, 1, 6, 0, 0, 0, time.UTC))
		if _, err := f.svc.ImportObservations(system(), awareness.Demo2022()); err != nil {
			t.Fatal(err)
		}
		if n, err := f.svc.SeedDefaultRules(system()); err != nil || n != len(awareness.DefaultRules()) {
			t.Fatalf("seeded %d: %v", n, err)
		}
		if n, err := f.svc.SeedDefaultRules(system()); err != nil || n != 0 { // the demo seed runs again
			t.Fatalf("seeded again %d: %v", n, err)
		}
		ev, err := f.svc.Evaluate(system())
		if err != nil || ev.Raised == 0 || ev.Notified == 0 {
			t.Fatalf("%+v %v", ev, err)
		}
		alerts, err := f.svc.Alerts(as("EC", authz.RoleAnalyst), true, 500)
		if err != nil {
			t.Fatal(err)
		}
		var belarus *awareness.StoredAlert
		for i, a := range alerts {
			if a.RuleID == "prevented_entries:belarus" && a.Week.End.Month() == time.July && a.Week.End.Year() == 2022 {
				belarus = &alerts[i]
			}
		}
		if belarus == nil {
			t.Fatalf("no July 2022 Belarus alert among %d", len(alerts))
		}
		var inbox int
		if err := db.Reader().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM notifications WHERE topic = $1 AND org = 'FRONTEX'`,
			awareness.TopicAlert).Scan(&inbox); err != nil || inbox == 0 {
			t.Errorf("FRONTEX inbox lines %d %v", inbox, err)
		}
		again, err := f.svc.Evaluate(system())
		if err != nil || again.Raised != 0 {
			t.Errorf("second run %+v %v", again, err)
		}
		if _, err := f.svc.Acknowledge(as("EC", authz.RoleAnalyst), belarus.ID, ""); errs.KindOf(err) != errs.KindForbidden {
			t.Errorf("analyst acknowledged: %v", err)
		}
		ack, err := f.svc.Acknowledge(as("EC", authz.RoleCoordinator), belarus.ID, "Blueprint meeting called")
		if err != nil || ack.AcknowledgedAt == nil {
			t.Fatalf("%+v %v", ack, err)
		}
		open, _ := f.svc.Alerts(as("EC", authz.RoleAnalyst), true, 500)
		if len(open) != len(alerts)-1 {
			t.Errorf("open alerts %d after acknowledging one of %d", len(open), len(alerts))
		}
	})
}

func TestDemoImportIsIdempotentAndReportMatches(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		demo := awareness.Demo2022()
		res, err := f.svc.ImportObservations(system(), demo)
		if err != nil || res.Inserted != len(demo) {
			t.Fatalf("%+v %v", res, err)
		}
		if res, err = f.svc.ImportObservations(system(), demo); err != nil || res.Unchanged != len(demo) {
			t.Fatalf("again %+v %v", res, err)
		}
		p := awareness.Period{Start: awareness.MustDate("2022-01-01"), End: awareness.MustDate("2022-09-25")}
		r, err := f.svc.Report(as("EC", authz.RoleAnalyst), p)
		if err != nil {
			t.Fatal(err)
		}
		want := awareness.BuildReport(demo, p.Start, p.End).SuppressSmall(5)
		if r.KeyFigures[0].Value != 116610 || r.KeyFigures[0].Value != want.KeyFigures[0].Value || len(r.Alerts) != len(want.Alerts) {
			t.Errorf("stored report %v (%d alerts), file report %v (%d alerts)", r.KeyFigures[0].Value, len(r.Alerts),
				want.KeyFigures[0].Value, len(want.Alerts))
		}
	})
}

// TestSmallCountsSuppressedOutsideTheOwningState: a count of 3 asylum applications in Malta
// is shown to Malta's users but withheld from other states and EU bodies (GDPR Art 89(1)).
func TestSmallCountsSuppressedOutsideTheOwningState(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		file := header + "asylum_applications,2022-07-01,2022-07-31,MT,,3,applications,s,0\n" +
			"asylum_applications,2022-07-01,2022-07-31,IT,,4000,applications,s,0\n"
		if _, err := f.svc.Import(system(), awareness.FormatCSV, "small.csv", []byte(file)); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			org        string
			suppressed bool
		}{{"MT", false}, {"IT", true}, {"EC", true}}
		for _, tt := range tests {
			obs, _, err := f.svc.Observations(as(tt.org, authz.RoleAnalyst), awareness.ObservationFilter{State: "MT"}, "", 10)
			if err != nil || len(obs) != 1 {
				t.Fatalf("%s: %v %v", tt.org, obs, err)
			}
			if obs[0].Suppressed != tt.suppressed || (tt.suppressed && obs[0].Value != 0) {
				t.Errorf("%s sees %+v", tt.org, obs[0])
			}
		}
	})
}

// TestPullFeeds: the awareness.feeds job ingests what each subscribed module publishes; a
// failing feed is reported without stopping the others.
func TestPullFeeds(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		counts := map[string]int64{"2026-W08": 40, "2026-W09": 12}
		tpFeed := awareness.FeedFunc{FeedName: "tp.registrations_by_week", Fetch: func(context.Context) ([]awareness.Observation, error) {
			var out []awareness.Observation
			for week, n := range counts {
				o, err := awareness.WeeklyCount(awareness.SeriesTPRegistrations, "GR", week, n, awareness.UnitPersons, "CEAS TP platform")
				if err != nil {
					return nil, err
				}
				out = append(out, o)
			}
			return out, nil
		}}
		broken := awareness.FeedFunc{FeedName: "broken", Fetch: func(context.Context) ([]awareness.Observation, error) {
			return nil, errs.New(errs.KindInternal, "down")
		}}
		res, err := f.svc.PullFeeds(system(), []awareness.Feed{broken, tpFeed})
		if err == nil || !strings.Contains(err.Error(), "broken") || res.Inserted != 2 {
			t.Fatalf("%+v %v", res, err)
		}
		counts["2026-W09"] = 30 // the week went on
		if res, _ = f.svc.PullFeeds(system(), []awareness.Feed{tpFeed}); res.Revised != 1 || res.Unchanged != 1 {
			t.Fatalf("second pull %+v", res)
		}
		obs, _, _ := f.svc.Observations(as("EC", authz.RoleAnalyst), awareness.ObservationFilter{State: "EL"}, "", 10)
		if len(obs) != 3 {
			t.Errorf("Greece's rows (EL): %+v", obs)
		}
	})
}
