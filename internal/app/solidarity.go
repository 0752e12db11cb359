package app

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/ceas-eu/ceas/internal/awareness"
	"github.com/ceas-eu/ceas/internal/platform/web"
	"github.com/ceas-eu/ceas/internal/solidarity"
	"github.com/ceas-eu/ceas/internal/solidarity/solidarityhttp"
)

// solidarityModule wires the voluntary solidarity mechanism: the ledger, candidates,
// matching runs, transfers, monitoring and simulation, and their routes.
type solidarityModule struct {
	svc *solidarity.Service
}

func (m *solidarityModule) build(_ context.Context, a *App) error {
	m.svc = solidarity.NewService(a.DB, a.Audit, a.Outbox, a.Clock, a.Config.SmallCount)
	for _, other := range a.modules {
		if aw, ok := other.(*awarenessModule); ok {
			aw.subscribe(awareness.FeedFunc{FeedName: "solidarity.relocations_by_month", Fetch: m.relocations})
		}
	}
	return nil
}

// relocations publishes the transfers carried out per state and month to situational
// awareness: measure transferred_in for the receiving state, relocated_out for the
// beneficiary state.
func (m *solidarityModule) relocations(ctx context.Context) ([]awareness.Observation, error) {
	rows, err := m.svc.RelocationsByMonth(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]awareness.Observation, 0, len(rows))
	for _, r := range rows {
		t, err := time.Parse("2006-01", r.Month)
		if err != nil {
			return nil, fmt.Errorf("solidarity feed: month %q: %w", r.Month, err)
		}
		measure := "transferred_in"
		if r.Direction == "out" {
			measure = "relocated_out"
		}
		last := t.AddDate(0, 1, -1)
		out = append(out, awareness.Observation{Series: awareness.SeriesRelocations, Measure: measure,
			PeriodStart: awareness.Civil(t.Year(), t.Month(), 1), PeriodEnd: awareness.Civil(last.Year(), last.Month(), last.Day()),
			Geo: awareness.Geo{State: awareness.StateOfOrg(r.State)}, Value: float64(r.Persons), Unit: awareness.UnitPersons,
			Qualifier: awareness.Exact, Source: "CEAS solidarity platform (transfers carried out)"})
	}
	return out, nil
}

func (m *solidarityModule) mount(a *App) ([]web.NavItem, error) {
	_, err := solidarityhttp.Register(a.API, a.mux, solidarityhttp.Deps{Service: m.svc, Frame: a.Frame, Fail: a.Fail})
	if err != nil {
		return nil, err
	}
	return solidarityhttp.NavItems(), nil
}

// seedDemo loads the 2022 cycle with $CEAS_DEMO_SOLIDARITY candidate households (default
// 120) in IT, GR, CY, MT and ES; it does nothing when the cycle exists.
func (m *solidarityModule) seedDemo(ctx context.Context, _ *App, progress Progress) error {
	n := 120
	if v := os.Getenv("CEAS_DEMO_SOLIDARITY"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			return fmt.Errorf("CEAS_DEMO_SOLIDARITY: %q is not a positive number of households", v)
		}
	}
	err := m.svc.SeedDemo2022(ctx, n, func(done, total int) { progress("solidarity candidates", done, total) })
	if err != nil {
		return fmt.Errorf("demo: solidarity: %w", err)
	}
	return nil
}
