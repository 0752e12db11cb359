package tp

import (
	"context"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

func TestCrossStateCheckReviewAndLink(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		de, err := f.svc.Register(officer("DE"), shevchenko())
		if err != nil {
			t.Fatal(err)
		}
		if de.Check.Outcome != OutcomeNoMatch || de.Status != StatusActive {
			t.Fatalf("first registration: %+v", de.Check)
		}
		pl, err := f.svc.Register(officer("PL"), szewczenko())
		if err != nil {
			t.Fatal(err)
		}
		if pl.Check.Outcome == OutcomeNoMatch || len(pl.Check.Hits) != 1 {
			t.Fatalf("PL check = %+v, want a hit in DE", pl.Check)
		}
		h := pl.Check.Hits[0]
		if h.State != "DE" || h.RegisteredOn != "2022-03-20" || h.Status != StatusActive || h.PermitValidUntil != "2023-03-04" || len(h.Explanation) == 0 {
			t.Fatalf("hit = %+v", h)
		}
		if pl.Person.Nationality != "UA" || pl.Person.Documents[0].Number != "FA123456" {
			t.Fatalf("not normalised: %+v", pl.Person)
		}
		// DE sees the review too, about its own registration.
		revs, _, err := f.svc.ListReviews(officer("DE"), "", "", 10)
		if err != nil || len(revs) != 1 || revs[0].Registration != de.ID || revs[0].OtherState != "PL" {
			t.Fatalf("DE reviews = %+v, %v", revs, err)
		}
		// Another state cannot see the review nor the registration.
		if _, err := f.svc.GetReview(officer("FR"), h.ReviewID); errs.KindOf(err) != errs.KindNotFound {
			t.Fatalf("FR read review: %v", err)
		}
		if _, err := f.svc.Get(officer("PL"), de.ID); errs.KindOf(err) != errs.KindNotFound {
			t.Fatalf("PL read DE registration: %v", err)
		}
		rv, err := f.svc.Decide(officer("PL"), h.ReviewID, ReviewDecision{Decision: ReviewSame})
		if err != nil {
			t.Fatal(err)
		}
		// no double benefits: the earlier registration (DE) must be deregistered
		if rv.ConfirmState != "DE" || rv.ConfirmDue != "2026-04-01" {
			t.Fatalf("decision = %+v", rv)
		}
		got, err := f.svc.Get(officer("DE"), de.ID)
		if err != nil || len(got.Links) != 1 || got.Links[0].State != "PL" {
			t.Fatalf("DE links = %+v, %v", got.Links, err)
		}
		if _, err := f.svc.Decide(officer("DE"), h.ReviewID, ReviewDecision{Decision: ReviewDifferent, Reason: "x"}); errs.KindOf(err) != errs.KindConflict {
			t.Fatalf("second decision: %v", err)
		}
		if _, err := f.svc.Deregister(officer("DE"), de.ID, StatusChange{Reason: ReasonMovedToOtherState}); err != nil {
			t.Fatal(err)
		}
		rv, _ = f.svc.GetReview(officer("PL"), h.ReviewID)
		if rv.ConfirmedOn != "2026-03-02" {
			t.Fatalf("confirmation = %+v", rv)
		}
		assertInbox(t, db, "DE", TopicMatchFound, 1)
		assertInbox(t, db, "PL", TopicDeregConfirmed, 1)
	})
}

func assertInbox(t *testing.T, db *sqldb.DB, org, topic string, want int) {
	t.Helper()
	var n int
	if err := db.Reader().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM notifications WHERE org = $1 AND topic = $2`,
		org, topic).Scan(&n); err != nil || n != want {
		t.Fatalf("%s inbox %s = %d (%v), want %d", org, topic, n, err, want)
	}
}
