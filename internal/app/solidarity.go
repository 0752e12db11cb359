package app

import (
	"context"
	"fmt"
	"os"
	"strconv"

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
	return nil
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
