package solidarity_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
	"github.com/ceas-eu/ceas/internal/solidarity"
)

// TestSimulationChangesNothing runs the three "what if" questions of the issue on the 2022
// demo (more arrivals, a state withdrawing, floors raised) and checks the stored ledger and
// candidates are the same afterwards.
func TestSimulationChangesNothing(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		svc := newService(t, db)
		ctx := context.Background()
		if err := svc.SeedDemo2022(ctx, 60, nil); err != nil {
			t.Fatal(err)
		}
		ec := as("EC", authz.RoleCoordinator)
		before, err := svc.Monitoring(ec, solidarity.Demo2022Code)
		if err != nil {
			t.Fatal(err)
		}
		base, err := svc.Simulate(ec, solidarity.Demo2022Code, solidarity.Scenario{TimeLimit: 2})
		if err != nil {
			t.Fatal(err)
		}
		more, err := svc.Simulate(ec, solidarity.Demo2022Code, solidarity.Scenario{ExtraArrivals: 300, TimeLimit: 2})
		if err != nil {
			t.Fatal(err)
		}
		if more.Cases < base.Cases+250 || more.Persons <= base.Persons || more.Infeasible != "" {
			t.Errorf("more arrivals: %d cases (%d excluded) placing %d persons, base %d placing %d (%s)", more.Cases, more.Excluded, more.Persons, base.Cases, base.Persons, more.Infeasible)
		}
		noDE, err := svc.Simulate(ec, solidarity.Demo2022Code, solidarity.Scenario{ExtraArrivals: 300, Withdraw: []string{"DE"}, TimeLimit: 2})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range noDE.PerState {
			if p.State == "DE" {
				t.Errorf("DE withdrew but receives %d", p.Persons)
			}
		}
		if noDE.Capacity >= more.Capacity {
			t.Errorf("withdrawing DE leaves capacity %d of %d", noDE.Capacity, more.Capacity)
		}
		full, err := svc.Simulate(ec, solidarity.Demo2022Code, solidarity.Scenario{ExtraArrivals: 50, FloorFraction: 1, TimeLimit: 2})
		if err != nil {
			t.Fatal(err)
		}
		if full.Infeasible == "" {
			t.Errorf("every state receiving its whole pledge from %d households should be infeasible", full.Cases)
		}
		after, err := svc.Monitoring(ec, solidarity.Demo2022Code)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(after.Totals, before.Totals) {
			t.Errorf("simulation changed the ledger: %+v -> %+v", before.Totals, after.Totals)
		}
		if _, err := svc.Simulate(as("IT", authz.RoleReceptionCoordinator), solidarity.Demo2022Code, solidarity.Scenario{}); err == nil {
			t.Errorf("a reception coordinator ran a simulation")
		}
	})
}
