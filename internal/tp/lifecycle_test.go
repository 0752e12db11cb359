package tp

import (
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

// TestLifecycle: registered -> active -> deregistered -> registered again, each move in the
// history with date, reason and actor; moves that the lifecycle does not allow conflict.
// People who return home may register again (COM(2022) 740).
func TestLifecycle(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		ctx := officer("PL")
		res, err := f.svc.Register(ctx, szewczenko())
		if err != nil || res.Status != StatusRegistered {
			t.Fatalf("register: %v %v", res.Status, err)
		}
		id := res.ID
		steps := []struct {
			name string
			do   func() (Registration, error)
			want Status
			kind errs.Kind
		}{
			{"reregister a registered person", func() (Registration, error) { return f.svc.Reregister(ctx, id, StatusChange{}) }, "", errs.KindConflict},
			{"activate", func() (Registration, error) { return f.svc.Activate(ctx, id, StatusChange{On: "2026-03-01"}) }, StatusActive, 0},
			{"activate twice", func() (Registration, error) { return f.svc.Activate(ctx, id, StatusChange{}) }, "", errs.KindConflict},
			{"deregister without reason", func() (Registration, error) { return f.svc.Deregister(ctx, id, StatusChange{}) }, "", errs.KindInvalid},
			{"deregister in the future", func() (Registration, error) {
				return f.svc.Deregister(ctx, id, StatusChange{On: "2026-04-01", Reason: ReasonReturnedToUkraine})
			}, "", errs.KindInvalid},
			{"deregister", func() (Registration, error) {
				return f.svc.Deregister(ctx, id, StatusChange{On: "2026-03-02", Reason: ReasonReturnedToUkraine, Note: "durable return"})
			}, StatusDeregistered, 0},
			{"deregister twice", func() (Registration, error) {
				return f.svc.Deregister(ctx, id, StatusChange{Reason: ReasonDuplicate})
			}, "", errs.KindConflict},
			{"another state deregisters", func() (Registration, error) {
				return f.svc.Deregister(officer("DE"), id, StatusChange{Reason: ReasonDuplicate})
			}, "", errs.KindNotFound},
			{"register again", func() (Registration, error) { return f.svc.Reregister(ctx, id, StatusChange{}) }, StatusRegistered, 0},
		}
		for _, s := range steps {
			r, err := s.do()
			if s.kind != 0 {
				if errs.KindOf(err) != s.kind {
					t.Fatalf("%s: err %v, want kind %v", s.name, err, s.kind)
				}
				continue
			}
			if err != nil || r.Status != s.want {
				t.Fatalf("%s: %v %v", s.name, r.Status, err)
			}
		}
		r, _ := f.svc.Get(ctx, id)
		kinds := []string{EventRegistered, EventActivated, EventDeregistered, EventReregistered}
		if len(r.History) != len(kinds) {
			t.Fatalf("history %+v", r.History)
		}
		for i, e := range r.History {
			if e.Kind != kinds[i] || e.Actor != "officer-PL" || e.On == "" {
				t.Errorf("history[%d] = %+v, want %s by officer-PL", i, e, kinds[i])
			}
		}
		if h := r.History[2]; h.Reason != "returned_to_ukraine: durable return" || h.FromStatus != StatusActive {
			t.Errorf("deregistration event %+v", h)
		}
	})
}

// TestDifferentPersonsNeverComeBack: after "different persons" the pair is not raised
// again, even when an identity change runs the check anew.
func TestDifferentPersonsNeverComeBack(t *testing.T) {
	f := newFixture(t, sqldbtest.SQLite(t))
	if _, err := f.svc.Register(officer("DE"), shevchenko()); err != nil {
		t.Fatal(err)
	}
	pl, _ := f.svc.Register(officer("PL"), szewczenko())
	if _, err := f.svc.Decide(officer("DE"), pl.Check.Hits[0].ReviewID, ReviewDecision{Decision: ReviewDifferent}); errs.KindOf(err) != errs.KindInvalid {
		t.Fatalf("different persons without a reason: %v", err)
	}
	if _, err := f.svc.Decide(officer("DE"), pl.Check.Hits[0].ReviewID, ReviewDecision{Decision: ReviewDifferent, Reason: "twins"}); err != nil {
		t.Fatal(err)
	}
	in := szewczenko()
	in.Person.PlaceOfBirth = "Kijów (Ukraina)"
	res, err := f.svc.Update(officer("PL"), pl.ID, pl.Version, in)
	if err != nil || res.Check.Outcome != OutcomeNoMatch {
		t.Fatalf("recheck after the decision: %+v %v", res.Check, err)
	}
	if _, err := f.svc.Update(officer("PL"), pl.ID, pl.Version, in); errs.KindOf(err) != errs.KindConflict {
		t.Fatalf("update of a stale version: %v", err)
	}
	revs, _, _ := f.svc.ListReviews(officer("PL"), "", "", 10)
	if len(revs) != 0 {
		t.Fatalf("open reviews: %+v", revs)
	}
}

// TestHousehold: a child is registered with the accompanying adult of the same state
// (Decision 2022/382 Art 2(4): family members); an adult of another state or an unknown id
// is refused naming household.head_id.
func TestHousehold(t *testing.T) {
	f := newFixture(t, sqldbtest.SQLite(t))
	parent, _ := f.svc.Register(officer("PL"), szewczenko())
	de, _ := f.svc.Register(officer("DE"), shevchenko())
	child := func(head string) RegistrationInput {
		return RegistrationInput{Ground: GroundFamilyMember, Household: HouseholdLink{HeadID: head, Relationship: "child"},
			Person: PersonRecord{Surname: "Szewczenko", GivenName: "Marta", Sex: "F", DateOfBirth: "2015-06", Nationality: "UA"}}
	}
	if r, err := f.svc.Register(officer("PL"), child(parent.ID)); err != nil || r.Household.HeadID != parent.ID {
		t.Fatalf("child with parent: %+v %v", r.Household, err)
	}
	for _, head := range []string{de.ID, "no-such-id"} {
		_, err := f.svc.Register(officer("PL"), child(head))
		if e, ok := errs.As(err); !ok || e.Fields[0].Field != "household.head_id" {
			t.Fatalf("head %s: %v", head, err)
		}
	}
	in := child(parent.ID)
	in.Household.Relationship = "cousin"
	if _, err := f.svc.Register(officer("PL"), in); errs.KindOf(err) != errs.KindInvalid {
		t.Fatalf("unknown relationship: %v", err)
	}
}
