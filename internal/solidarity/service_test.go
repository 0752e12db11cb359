package solidarity_test

import (
	"context"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/outbox"
	"github.com/ceas-eu/ceas/internal/platform/refdata"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
	"github.com/ceas-eu/ceas/internal/solidarity"
)

func newService(t *testing.T, db *sqldb.DB) *solidarity.Service {
	t.Helper()
	if err := refdata.Seed(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	c := clock.NewFixed(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	return solidarity.NewService(db, audit.New(db, c), outbox.New(db, c), c, 5)
}

func as(org string, role authz.Role) context.Context {
	return authz.WithPrincipal(context.Background(), authz.Principal{ID: "u-" + org + "-" + string(role), Name: org,
		Org: org, Roles: []authz.Role{role}, Kind: authz.KindUser})
}

func kindOf(err error) errs.Kind {
	if e, ok := errs.As(err); ok {
		return e.Kind
	}
	return -1
}

// TestDemo2022RunsTheCycleEndToEnd seeds the 2022 cycle (signatories, pledges, candidates
// through their steps, a run accepted, transfers) and checks the monitoring against it:
// fair shares over the 16 contributors sum to the 10,000 target (Art 66 key, largest
// remainder), transfers are deducted from pledges, and seeding twice changes nothing.
func TestDemo2022RunsTheCycleEndToEnd(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		svc := newService(t, db)
		ctx := context.Background()
		for range 2 {
			if err := svc.SeedDemo2022(ctx, 40, nil); err != nil {
				t.Fatal(err)
			}
		}
		ec := as("EC", authz.RoleCoordinator)
		m, err := svc.Monitoring(ec, solidarity.Demo2022Code)
		if err != nil {
			t.Fatal(err)
		}
		if m.Totals.FairShare != solidarity.DefaultVSM2022Target {
			t.Errorf("fair shares sum to %d, want %d", m.Totals.FairShare, solidarity.DefaultVSM2022Target)
		}
		if m.Totals.Pledged != 8110 {
			t.Errorf("pledged %d, want 8110", m.Totals.Pledged)
		}
		var de solidarity.StateProgress
		for _, s := range m.States {
			if s.State == "DE" {
				de = s
			}
			if s.Remaining != max(0, s.Pledged-s.Transferred) {
				t.Errorf("%s remaining %d, pledged %d transferred %d", s.State, s.Remaining, s.Pledged, s.Transferred)
			}
		}
		if de.FairShare < 2000 || de.Pledged != 3500 {
			t.Errorf("DE fair share %d pledged %d", de.FairShare, de.Pledged)
		}
		if m.Totals.Transferred == 0 || m.Totals.Matched < m.Totals.Transferred || len(m.Months) == 0 || m.Months[0].Month != "2022-08" {
			t.Errorf("matched %d transferred %d months %v", m.Totals.Matched, m.Totals.Transferred, m.Months)
		}
		if m.Totals.PaidEUR == 0 || m.Totals.PaidEUR > m.Totals.CommittedEUR {
			t.Errorf("paid %d committed %d", m.Totals.PaidEUR, m.Totals.CommittedEUR)
		}
		for _, f := range m.Flows {
			if f.Suppressed && f.Persons != 0 {
				t.Errorf("suppressed flow %s->%s shows %d", f.From, f.To, f.Persons)
			}
		}
		// Without suppression (a job's view) the flows add up to the transfers.
		all, err := svc.Monitoring(authz.WithPrincipal(ctx, authz.System("test")), solidarity.Demo2022Code)
		if err != nil {
			t.Fatal(err)
		}
		var sent int64
		for _, f := range all.Flows {
			sent += f.Transferred
		}
		if sent != m.Totals.Transferred {
			t.Errorf("flows carry %d transferred, totals %d", sent, m.Totals.Transferred)
		}
		// The aggregate published to situational awareness adds up to the same transfers.
		feed, err := svc.RelocationsByMonth(authz.WithPrincipal(ctx, authz.System("awareness.feeds")))
		if err != nil {
			t.Fatal(err)
		}
		var in, out int64
		for _, r := range feed {
			if r.Direction == "in" {
				in += r.Persons
			} else {
				out += r.Persons
			}
			if r.Month < "2022-08" {
				t.Errorf("a transfer before August 2022: %+v", r)
			}
		}
		if in != m.Totals.Transferred || out != in {
			t.Errorf("feed in %d out %d, transferred %d", in, out, m.Totals.Transferred)
		}
	})
}

// TestCandidateAccessFollowsOwnership: the beneficiary state and EUAA see a candidate,
// another state and a Commission coordinator get NotFound (personal data, owner-scoped).
func TestCandidateAccessFollowsOwnership(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		svc := newService(t, db)
		ec := as("EC", authz.RoleCoordinator)
		c, err := svc.CreateCycle(ec, solidarity.Cycle{Code: "T", Name: "test", Regime: solidarity.RegimeVSM2022,
			StartsOn: "2022-06-22", EndsOn: "2023-06-21", RelocationTarget: 100})
		if err != nil {
			t.Fatal(err)
		}
		if err := svc.Join(ec, c.ID, solidarity.ParticipantInput{State: "IT", Role: solidarity.RoleBeneficiary}); err != nil {
			t.Fatal(err)
		}
		it := as("IT", authz.RoleReceptionCoordinator)
		cand, err := svc.ProposeCandidate(it, solidarity.CandidateInput{CycleID: c.ID, Ref: "IT-1", Nationality: "TN",
			IdentifiedOn: "2022-07-01", Profile: solidarity.Profile{Members: []solidarity.Member{{AgeGroup: "26-45", Sex: "M"}}}})
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name string
			ctx  context.Context
			want errs.Kind
		}{
			{"owner", it, -1},
			{"EUAA coordinator", as("EUAA", authz.RoleCoordinator), -1},
			{"other state", as("DE", authz.RoleReceptionCoordinator), errs.KindNotFound},
			{"Commission coordinator", ec, errs.KindNotFound},
			{"analyst", as("IT", authz.RoleAnalyst), errs.KindNotFound},
		} {
			_, err := svc.Candidate(tc.ctx, cand.ID)
			if kindOf(err) != tc.want {
				t.Errorf("%s: %v, want kind %v", tc.name, err, tc.want)
			}
		}
		// Steps go one at a time; matched is not recorded by hand.
		if _, err := svc.Advance(it, cand.ID, solidarity.StepInput{Step: solidarity.StepInterviewed, On: "2022-07-02"}); kindOf(err) != errs.KindConflict {
			t.Errorf("skipping steps: %v", err)
		}
		if _, err := svc.Advance(it, cand.ID, solidarity.StepInput{Step: solidarity.StepInformed, On: "2022-06-30"}); kindOf(err) != errs.KindInvalid {
			t.Errorf("step before the previous date: %v", err)
		}
		if _, err := svc.Advance(as("DE", authz.RoleReceptionCoordinator), cand.ID, solidarity.StepInput{Step: solidarity.StepInformed, On: "2022-07-02"}); kindOf(err) != errs.KindNotFound {
			t.Errorf("another state records a step: %v", err)
		}
	})
}
