package tp

import (
	"context"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/identity"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

// While the index loads in the background, reads answer and writes wait for it; once it
// is complete a registration is checked against everything loaded.
func TestWritesWaitForTheIndex(t *testing.T) {
	f := newFixture(t, sqldbtest.SQLite(t))
	if _, err := f.svc.Register(officer("DE"), shevchenko()); err != nil {
		t.Fatal(err)
	}
	// A fresh service over the same database, as after a restart.
	svc := New(Deps{DB: f.db, Audit: f.svc.audit, Outbox: f.svc.outbox, Jobs: f.jobs, Clock: f.clock,
		Index: identity.NewIndex(identity.DefaultConfig())}, DefaultConfig())
	svc.beginLoad() // held "loading" until the test lets the real load run
	if err := svc.Ready(); err == nil {
		t.Fatal("Ready() = nil while loading")
	}
	ctx, cancel := context.WithTimeout(officer("PL"), 50*time.Millisecond)
	defer cancel()
	if _, err := svc.Register(ctx, szewczenko()); err == nil {
		t.Fatal("a registration ran against an index still loading")
	}
	if _, _, err := svc.Search(officer("DE"), Query{Name: "Shevchenko"}); err != nil {
		t.Fatalf("search while loading: %v", err)
	}
	if err := <-svc.LoadIndexAsync(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := svc.Ready(); err != nil {
		t.Fatalf("Ready() after load: %v", err)
	}
	res, err := svc.Register(officer("PL"), szewczenko())
	if err != nil {
		t.Fatal(err)
	}
	if res.Check.Outcome == OutcomeNoMatch {
		t.Fatalf("the check after the load found nothing: %+v", res.Check)
	}
}
