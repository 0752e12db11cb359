package dublin_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/dublin"
	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/jobs"
	"github.com/ceas-eu/ceas/internal/platform/outbox"
	"github.com/ceas-eu/ceas/internal/platform/refdata"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
	tl "github.com/ceas-eu/ceas/internal/platform/timelimit"
)

type fixture struct {
	svc   *dublin.Service
	db    *sqldb.DB
	clock *clock.Fixed
	jobs  *jobs.Queue
	audit *audit.Log
}

func newFixture(t *testing.T, db *sqldb.DB) *fixture {
	t.Helper()
	if err := refdata.Seed(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	c := clock.NewFixed(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	q := jobs.New(db, c, "test", slog.New(slog.NewTextHandler(io.Discard, nil)))
	a := audit.New(db, c)
	svc := dublin.NewService(db, a, outbox.New(db, c), q, c)
	if err := svc.HandleJobs(context.Background(), q, jobs.Recurring{Every: 24 * time.Hour}); err != nil {
		t.Fatal(err)
	}
	return &fixture{svc: svc, db: db, clock: c, jobs: q, audit: a}
}

func officer(state string) context.Context {
	return authz.WithPrincipal(context.Background(), authz.Principal{ID: "user-" + state, Name: state + " officer",
		Org: state, Roles: []authz.Role{authz.RoleDublinOfficer}, Kind: authz.KindUser})
}

// italianEntry is a DE application after an irregular crossing into IT with a category 2
// Eurodac hit: Art 13(1) designates IT; the request is due 2 months after the hit (Art 21(1)).
func italianEntry() dublin.Case {
	return dublin.Case{
		Applicant:   &dublin.Person{DateOfBirth: tl.MustParse("1995-04-01")},
		Application: dublin.Application{State: "DE", LodgedOn: tl.MustParse("2026-02-20")},
		Entries:     []dublin.Entry{{Date: tl.MustParse("2026-01-10"), State: "IT", Mode: "irregular_sea"}},
		EurodacHits: []dublin.EurodacHit{{Category: 2, State: "IT", FingerprintedOn: tl.MustParse("2026-01-11"),
			HitReceivedOn: tl.MustParse("2026-02-21")}},
	}
}

func (f *fixture) at(t *testing.T, day string) {
	t.Helper()
	f.clock.Set(tl.MustParse(day).Time().Add(9 * time.Hour))
	if _, err := f.jobs.RunDue(context.Background(), 500); err != nil {
		t.Fatal(err)
	}
}

func (f *fixture) stage(t *testing.T, id string) dublin.State {
	t.Helper()
	r, err := f.svc.GetCase(officer("DE"), id)
	if err != nil {
		t.Fatal(err)
	}
	return r.Stage
}

func TestTakeChargeSilenceTransferArt22_7(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		de, it := officer("DE"), officer("IT")
		r, err := f.svc.OpenCase(de, dublin.NewCase{ApplicantRef: "DE-1", Origin: dublin.OriginEurodacHit, Case: italianEntry()})
		if err != nil {
			t.Fatal(err)
		}
		if r.Stage != dublin.Determining || r.ResponsibleState != "IT" || r.Basis != "Art 13(1)" {
			t.Fatalf("opened: stage %s responsible %s basis %s", r.Stage, r.ResponsibleState, r.Basis)
		}
		if r.NextDeadlineKind != dublin.DeadlineRequest || r.NextDeadline.String() != "2026-04-21" {
			t.Errorf("Art 21(1): request deadline = %s %s, want request 2026-04-21", r.NextDeadlineKind, r.NextDeadline)
		}
		req, err := f.svc.SendRequest(de, r.ID, dublin.NewRequest{Type: dublin.TakeCharge, RequestedState: "IT", BasedOnEurodacHit: true})
		if err != nil {
			t.Fatal(err)
		}
		if req.ReplyDeadline.String() != "2026-05-02" {
			t.Errorf("Art 22(1): reply deadline %s, want 2026-05-02", req.ReplyDeadline)
		}
		in, _, err := f.svc.ListRequests(it, dublin.Incoming, true, "", 10)
		if err != nil || len(in) != 1 || in[0].CaseID != "" || in[0].ReplyDaysLeft == nil || *in[0].ReplyDaysLeft != 61 {
			t.Fatalf("IT incoming = %+v, %v", in, err)
		}
		// Reply dated before the request: a field error naming "on".
		_, err = f.svc.Reply(it, req.ID, dublin.ReplyInput{Decision: dublin.Accept, On: tl.MustParse("2026-03-01")})
		if e, ok := errs.As(err); !ok || e.Kind != errs.KindInvalid || e.Fields[0].Field != "on" {
			t.Fatalf("early reply: %v", err)
		}
		f.at(t, "2026-05-02") // the last day: still in time, no acceptance yet
		if s := f.stage(t, r.ID); s != dublin.RequestSent {
			t.Fatalf("on the last day: %s", s)
		}
		f.at(t, "2026-05-03") // the job records the implicit acceptance, effective 2026-05-02
		if s := f.stage(t, r.ID); s != dublin.AcceptedImplicit {
			t.Fatalf("Art 22(7): after silence: %s", s)
		}
		if _, err := f.svc.Reply(it, req.ID, dublin.ReplyInput{Decision: dublin.Refuse, Reasons: "late"}); errs.KindOf(err) != errs.KindConflict {
			t.Fatalf("late refusal must not undo the implicit acceptance: %v", err)
		}
		got, err := f.svc.Transfer(de, req.ID, dublin.TransferInput{Action: dublin.TransferSchedule, On: tl.MustParse("2026-06-10")})
		if err != nil || got.Status != dublin.TransferPending || got.TransferDeadline.String() != "2026-11-02" {
			t.Fatalf("Art 29(1) schedule: %+v %v", got, err)
		}
		f.at(t, "2026-06-10")
		got, err = f.svc.Transfer(de, req.ID, dublin.TransferInput{Action: dublin.TransferCarriedOut})
		if err != nil || got.Status != dublin.Transferred {
			t.Fatalf("carried out: %+v %v", got, err)
		}
		evs, err := f.svc.Events(de, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		kinds := ""
		for _, e := range evs {
			kinds += e.Kind + " "
		}
		want := "opened request_sent reply_deadline_passed transfer_scheduled transferred "
		if kinds != want {
			t.Errorf("events = %q, want %q", kinds, want)
		}
	})
}

func TestTransferPeriodLapsesArt29_2(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		de, it := officer("DE"), officer("IT")
		r, err := f.svc.OpenCase(de, dublin.NewCase{ApplicantRef: "DE-2", Origin: dublin.OriginEurodacHit, Case: italianEntry()})
		if err != nil {
			t.Fatal(err)
		}
		req, err := f.svc.SendRequest(de, r.ID, dublin.NewRequest{Type: dublin.TakeCharge, RequestedState: "IT"})
		if err != nil {
			t.Fatal(err)
		}
		f.at(t, "2026-03-10")
		if _, err := f.svc.Reply(it, req.ID, dublin.ReplyInput{Decision: dublin.Accept}); err != nil {
			t.Fatal(err)
		}
		f.at(t, "2026-09-10") // the last day of the 6 months
		if s := f.stage(t, r.ID); s != dublin.AcceptedExplicit {
			t.Fatalf("within 6 months: %s", s)
		}
		f.at(t, "2026-09-11")
		got, err := f.svc.GetCase(de, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Stage != dublin.Expired || got.ResponsibleState != "DE" {
			t.Fatalf("Art 29(2): stage %s responsible %s, want EXPIRED DE", got.Stage, got.ResponsibleState)
		}
	})
}

func TestRefusalReexaminationAndAbscondingArt29_2(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		de, it := officer("DE"), officer("IT")
		r, err := f.svc.OpenCase(de, dublin.NewCase{ApplicantRef: "DE-3", Origin: dublin.OriginDocument, Case: italianEntry()})
		if err != nil {
			t.Fatal(err)
		}
		req, err := f.svc.SendRequest(de, r.ID, dublin.NewRequest{Type: dublin.TakeCharge, RequestedState: "IT"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.Reply(it, req.ID, dublin.ReplyInput{Decision: dublin.Refuse}); errs.KindOf(err) != errs.KindInvalid {
			t.Fatalf("Reg 1560/2003 Art 5(1): a refusal without reasons: %v", err)
		}
		if _, err := f.svc.Reply(de, req.ID, dublin.ReplyInput{Decision: dublin.Accept}); errs.KindOf(err) != errs.KindForbidden {
			t.Fatalf("the requesting state cannot reply: %v", err)
		}
		if _, err := f.svc.Reply(officer("FR"), req.ID, dublin.ReplyInput{Decision: dublin.Accept}); errs.KindOf(err) != errs.KindNotFound {
			t.Fatalf("a third state: %v", err)
		}
		got, err := f.svc.Reply(it, req.ID, dublin.ReplyInput{Decision: dublin.Refuse, Reasons: "no proof of entry"})
		if err != nil || got.Status != dublin.Refused {
			t.Fatalf("refuse: %+v %v", got, err)
		}
		if got, err = f.svc.RequestReexamination(de, req.ID, dublin.Date{}); err != nil || got.Status != dublin.ReexamRequested {
			t.Fatalf("re-examination: %+v %v", got, err)
		}
		if got, err = f.svc.AnswerReexamination(it, req.ID, dublin.ReplyInput{Decision: dublin.Accept}); err != nil || got.Status != dublin.AcceptedExplicit {
			t.Fatalf("re-examination accepted: %+v %v", got, err)
		}
		if _, err = f.svc.Transfer(de, req.ID, dublin.TransferInput{Action: dublin.TransferSchedule, On: tl.MustParse("2026-04-01")}); err != nil {
			t.Fatal(err)
		}
		got, err = f.svc.Transfer(de, req.ID, dublin.TransferInput{Action: dublin.TransferFailed})
		if err != nil || got.Status != dublin.TransferPending || got.TransferDeadline.String() != "2027-09-02" {
			t.Fatalf("Art 29(2) absconding, 18 months from 2026-03-02: %+v %v", got, err)
		}
	})
}

func TestAnotherStateCannotReadTheCase(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		r, err := f.svc.OpenCase(officer("DE"), dublin.NewCase{ApplicantRef: "DE-4", Origin: dublin.OriginOther, Case: italianEntry()})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.GetCase(officer("IT"), r.ID); errs.KindOf(err) != errs.KindNotFound {
			t.Fatalf("IT reads DE case: %v", err)
		}
		page, err := f.audit.List(authz.WithPrincipal(context.Background(), authz.System("test")),
			audit.Filter{ObjectID: r.ID}, "", 50)
		if err != nil {
			t.Fatal(err)
		}
		denied := false
		for _, e := range page.Entries {
			denied = denied || (e.Outcome == audit.OutcomeDenied && e.ActorOrg == "IT" && e.OwnerOrg == "DE")
		}
		if !denied {
			t.Errorf("the denied read is not in the audit log: %+v", page.Entries)
		}
	})
}

func TestOpenCaseRejectsBadFacts(t *testing.T) {
	f := newFixture(t, sqldbtest.SQLite(t))
	c := italianEntry()
	c.Application.LodgedOn = dublin.Date{}
	_, err := f.svc.OpenCase(officer("DE"), dublin.NewCase{ApplicantRef: "X", Origin: "eurodac_hit", Case: c})
	e, ok := errs.As(err)
	if !ok || e.Kind != errs.KindInvalid || e.Fields[0].Field != "case.application.lodged_on" {
		t.Fatalf("missing lodging date: %v", err)
	}
	list, _, err := f.svc.ListCases(officer("DE"), dublin.CaseFilter{}, "", 10)
	if err != nil || len(list) != 0 {
		t.Fatalf("nothing stored: %d %v", len(list), err)
	}
}

// BenchmarkOpenAndSend measures a case opened and its request sent on SQLite: two
// transactions with the evaluation, audit entries, outbox events and deadline jobs.
func BenchmarkOpenAndSend(b *testing.B) {
	db := sqldbtest.SQLite(b)
	if err := refdata.Seed(context.Background(), db); err != nil {
		b.Fatal(err)
	}
	c := clock.NewFixed(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	q := jobs.New(db, c, "bench", slog.New(slog.NewTextHandler(io.Discard, nil)))
	svc := dublin.NewService(db, audit.New(db, c), outbox.New(db, c), q, c)
	de := officer("DE")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		r, err := svc.OpenCase(de, dublin.NewCase{ApplicantRef: "B", Origin: dublin.OriginEurodacHit, Case: italianEntry()})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := svc.SendRequest(de, r.ID, dublin.NewRequest{Type: dublin.TakeCharge, RequestedState: "IT"}); err != nil {
			b.Fatal(err)
		}
	}
}
