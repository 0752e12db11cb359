package tp

import (
	"context"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

// TestRetentionErasesAfterTwelveMonths: a deregistered registration is kept 12 months
// (domain file "Retention", GDPR Art 5(1)(e)) and then its personal data erased by the
// recurring job; counts survive, the erasure is audited, the index forgets the person, and
// a legal hold suspends erasure.
func TestRetentionErasesAfterTwelveMonths(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		ctx := officer("DE")
		kept, _ := f.svc.Register(ctx, shevchenko())
		in := szewczenko()
		in.ExternalID, in.RegisteredOn = "DE-2", "2022-04-01"
		held, _ := f.svc.Register(ctx, in)
		for _, id := range []string{kept.ID, held.ID} {
			if _, err := f.svc.Deregister(ctx, id, StatusChange{On: "2026-03-01", Reason: ReasonReturnedToUkraine}); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.svc.SetLegalHold(ctx, held.ID, true, ""); errs.KindOf(err) != errs.KindInvalid {
			t.Fatalf("a hold without reason: %v", err)
		}
		if err := f.svc.SetLegalHold(ctx, held.ID, true, "appeal 12/2026"); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			now    time.Time
			erased bool
		}{
			{time.Date(2027, 2, 28, 12, 0, 0, 0, time.UTC), false}, // 12 months not yet over
			{time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC), true},   // 12 months after 2026-03-01
		}
		for _, c := range cases {
			f.clock.Set(c.now)
			if _, err := f.jobs.RunDue(context.Background(), 10); err != nil {
				t.Fatal(err)
			}
			// the recurring job ran (or not) at its time; run the erasure directly as well
			if _, err := f.svc.EraseExpired(context.Background()); err != nil {
				t.Fatal(err)
			}
			r, err := f.svc.Get(ctx, kept.ID)
			if err != nil || r.Erased != c.erased || (c.erased && (r.Person.Surname != "" || r.ExternalID != "")) {
				t.Fatalf("%s: erased=%v person=%+v err=%v", c.now, r.Erased, r.Person, err)
			}
		}
		if r, _ := f.svc.Get(ctx, held.ID); r.Erased {
			t.Fatal("a legal hold did not suspend the erasure")
		}
		var audited int
		_ = db.Reader().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE action = 'tp.registration.erase' AND object_id = $1`, kept.ID).Scan(&audited)
		if audited != 1 {
			t.Fatalf("erasure audited %d times", audited)
		}
		st, _ := f.svc.Stats(ctx)
		if st.Total.Deregistered != 2 {
			t.Fatalf("counts lost: %+v", st.Total)
		}
		if hits := f.svc.index.Query(toRecord(&kept.Registration), 5); len(hits) != 0 && hits[0].ID == kept.ID {
			t.Fatal("the erased person is still in the index")
		}
	})
}

// TestDeregistrationReminders: after a "same person" decision the state of the earlier
// registration is reminded weekly until it confirms, then told it is overdue at the
// deadline (30 days).
func TestDeregistrationReminders(t *testing.T) {
	f := newFixture(t, sqldbtest.SQLite(t))
	if _, err := f.svc.Register(officer("DE"), shevchenko()); err != nil {
		t.Fatal(err)
	}
	pl, _ := f.svc.Register(officer("PL"), szewczenko())
	if _, err := f.svc.Decide(officer("PL"), pl.Check.Hits[0].ReviewID, ReviewDecision{Decision: ReviewSame}); err != nil {
		t.Fatal(err)
	}
	start := f.clock.Now()
	for day := 1; day <= 31; day++ {
		f.clock.Set(start.AddDate(0, 0, day))
		if _, err := f.jobs.RunDue(context.Background(), 10); err != nil {
			t.Fatal(err)
		}
	}
	// reminders on days 7, 14, 21, 28, then the overdue notice on day 30 to both states
	assertInbox(t, f.db, "DE", TopicDeregisterRemind, 5)
	assertInbox(t, f.db, "PL", TopicDeregisterRemind, 1)
}

// TestRetentionPerState: a state whose law keeps registrations longer (configuration per
// state, domain file "Retention") keeps them past the default 12 months.
func TestRetentionPerState(t *testing.T) {
	f := newFixture(t, sqldbtest.SQLite(t))
	f.svc.cfg.RetentionByState = map[string]int{"PL": 24}
	pl, _ := f.svc.Register(officer("PL"), szewczenko())
	if _, err := f.svc.Deregister(officer("PL"), pl.ID, StatusChange{Reason: ReasonMovedToOtherState}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		at   time.Time
		want int
	}{{time.Date(2027, 3, 3, 0, 0, 0, 0, time.UTC), 0}, {time.Date(2028, 3, 2, 0, 0, 0, 0, time.UTC), 1}} {
		f.clock.Set(c.at)
		if n, err := f.svc.EraseExpired(context.Background()); err != nil || n != c.want {
			t.Fatalf("%s: erased %d (%v), want %d", c.at, n, err, c.want)
		}
	}
}
