package app

import (
	"context"
	"fmt"
	"time"

	"github.com/ceas-eu/ceas/internal/awareness"
	"github.com/ceas-eu/ceas/internal/awareness/awarenesshttp"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/jobs"
	"github.com/ceas-eu/ceas/internal/platform/web"
	"github.com/ceas-eu/ceas/internal/tp"
)

// awarenessModule wires the situational picture: the service, its two recurring jobs
// (evaluate the early-warning rules on new data; pull the aggregates other modules publish)
// and its routes.
type awarenessModule struct {
	svc   *awareness.Service
	feeds []awareness.Feed
}

// Every how often the jobs look for work: evaluation is a single read when nothing is new.
const (
	awarenessEvaluateEvery = time.Minute
	awarenessFeedsEvery    = 15 * time.Minute
)

func (m *awarenessModule) build(ctx context.Context, a *App) error {
	m.svc = awareness.NewService(a.DB, a.Audit, a.Outbox, a.Clock, awareness.Config{SmallCount: float64(a.Config.SmallCount)})
	for _, other := range a.modules {
		if t, ok := other.(*tpModule); ok && t.svc != nil {
			m.subscribe(tpRegistrationsFeed(t.svc))
		}
	}
	err := a.Jobs.HandleRecurring(ctx, jobs.Recurring{Kind: awareness.JobEvaluate, Every: awarenessEvaluateEvery},
		func(ctx context.Context, _ jobs.Job) error {
			_, err := m.svc.Evaluate(authz.WithPrincipal(ctx, authz.System(awareness.JobEvaluate)))
			return err
		})
	if err != nil {
		return err
	}
	return a.Jobs.HandleRecurring(ctx, jobs.Recurring{Kind: awareness.JobFeeds, Every: awarenessFeedsEvery},
		func(ctx context.Context, _ jobs.Job) error {
			if len(m.feeds) == 0 {
				return nil
			}
			_, err := m.svc.PullFeeds(authz.WithPrincipal(ctx, authz.System(awareness.JobFeeds)), m.feeds)
			return err
		})
}

// subscribe adds a module's published aggregates to the feeds the awareness.feeds job pulls
// (for temporary protection: registrations per state per ISO week, built with
// awareness.WeeklyCount). Call it while building, before the workers run.
func (m *awarenessModule) subscribe(f awareness.Feed) { m.feeds = append(m.feeds, f) }

func (m *awarenessModule) mount(a *App) ([]web.NavItem, error) {
	_, err := awarenesshttp.Register(a.API, a.mux, awarenesshttp.Deps{Service: m.svc, Log: a.Log,
		MaxImportBytes: a.Config.ImportMaxBytes, Frame: a.Frame, Fail: a.Fail})
	if err != nil {
		return nil, err
	}
	return awarenesshttp.NavItems(), nil
}

// seedDemo loads the 2022 figures (Demo2022) and the default rules, then evaluates them so
// the overview opens with its alerts; every step is idempotent.
func (m *awarenessModule) seedDemo(ctx context.Context, _ *App, progress Progress) error {
	demo := awareness.Demo2022()
	progress("awareness observations", 0, len(demo))
	res, err := m.svc.ImportObservations(ctx, demo)
	if err != nil {
		return fmt.Errorf("demo: awareness observations: %w", err)
	}
	if res.Rejected > 0 {
		return fmt.Errorf("demo: awareness observations: %d rejected, first: line %d %s", res.Rejected, res.Errors[0].Line, res.Errors[0].Reason)
	}
	progress("awareness observations", len(demo), len(demo))
	if _, err := m.svc.SeedDefaultRules(ctx); err != nil {
		return fmt.Errorf("demo: awareness rules: %w", err)
	}
	if _, err := m.svc.Evaluate(ctx); err != nil {
		return fmt.Errorf("demo: awareness evaluation: %w", err)
	}
	progress("awareness rules", 1, 1)
	return nil
}

// tpRegistrationsFeed publishes temporary protection registrations per state and ISO week to
// the situational picture (issue 6: subscriptions to the aggregates other modules publish).
func tpRegistrationsFeed(svc *tp.Service) awareness.Feed {
	return awareness.FeedFunc{FeedName: "tp.registrations_by_week", Fetch: func(ctx context.Context) ([]awareness.Observation, error) {
		weekly, err := svc.WeeklyRegistrations(ctx)
		if err != nil {
			return nil, err
		}
		var obs []awareness.Observation
		for state, weeks := range weekly {
			for week, n := range weeks {
				o, err := awareness.WeeklyCount(awareness.SeriesTPRegistrations, state, week, n, awareness.UnitPersons,
					"CEAS temporary protection registration platform")
				if err != nil {
					return nil, fmt.Errorf("tp feed %s %s: %w", state, week, err)
				}
				obs = append(obs, o)
			}
		}
		return obs, nil
	}}
}
