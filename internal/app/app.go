// Package app wires CEAS together: it opens the database, builds every module's service on
// the platform services, mounts their routes on one mux, and runs the background workers.
// It is the only package that knows all modules.
package app

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/ceas-eu/ceas/internal/config"
	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authn/authnhttp"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/jobs"
	"github.com/ceas-eu/ceas/internal/platform/observe"
	"github.com/ceas-eu/ceas/internal/platform/outbox"
	"github.com/ceas-eu/ceas/internal/platform/refdata"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

// App is one running CEAS process.
type App struct {
	Config   config.Config
	Log      *slog.Logger
	DB       *sqldb.DB
	Clock    clock.Clock
	Audit    *audit.Log
	Outbox   *outbox.Outbox
	Webhooks *outbox.Webhooks
	Authn    *authn.Service
	Jobs     *jobs.Queue
	Metrics  *observe.Metrics
	Pages    *web.Templates
	API      huma.API
	Version  string

	mux       *http.ServeMux
	handler   http.Handler
	nav       []web.NavItem
	orgs      map[string]string // organisation code -> name, for the header
	modules   []module
	authnHTTP *authnhttp.Handler
}

// Options change how New builds the app, for tests.
type Options struct {
	Clock   clock.Clock
	Version string
	// ReplicaID names this process in job leases; default host name plus a random suffix.
	ReplicaID string
}

// New opens the database named by cfg, migrates it, seeds the reference data and builds
// every service and route.
func New(ctx context.Context, cfg config.Config, log *slog.Logger, opts Options) (*App, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("configuration: %w", err)
	}
	db, err := sqldb.Open(ctx, sqldb.Options{URL: cfg.DB, DataDir: cfg.DataDir})
	if err != nil {
		return nil, err
	}
	return NewOn(ctx, cfg, db, log, opts)
}

// NewOn builds the app on an open database, which it then owns and closes. With db nil it
// opens the database cfg names.
func NewOn(ctx context.Context, cfg config.Config, db *sqldb.DB, log *slog.Logger, opts Options) (*App, error) {
	if db == nil {
		return New(ctx, cfg, log, opts)
	}
	if opts.Clock == nil {
		opts.Clock = clock.System{}
	}
	if opts.ReplicaID == "" {
		host, _ := os.Hostname()
		opts.ReplicaID = host + "-" + uuid.NewString()[:8]
	}
	a := &App{Config: cfg, Log: log, DB: db, Clock: opts.Clock, Version: opts.Version, Metrics: observe.NewMetrics()}
	if err := a.init(ctx, opts); err != nil {
		db.Close()
		return nil, err
	}
	return a, nil
}

func (a *App) init(ctx context.Context, opts Options) error {
	start := time.Now()
	n, err := a.DB.Migrate(ctx)
	if err != nil {
		return err
	}
	if err := refdata.Seed(ctx, a.DB); err != nil {
		return err
	}
	a.Log.Info("database ready", "dialect", a.DB.Dialect, "location", a.DB.Location, "migrations_applied", n,
		"took_ms", time.Since(start).Milliseconds())
	a.Audit = audit.New(a.DB, a.Clock)
	a.Outbox = outbox.New(a.DB, a.Clock)
	a.Webhooks = outbox.NewWebhooks(a.Outbox, a.Audit)
	a.Jobs = jobs.New(a.DB, a.Clock, opts.ReplicaID, a.Log)
	if err := a.buildModules(ctx); err != nil {
		return err
	}
	if err := a.routes(); err != nil {
		return err
	}
	return nil
}

// Handler is the HTTP handler of the whole platform.
func (a *App) Handler() http.Handler { return a.handler }

// Close releases the database.
func (a *App) Close() error { return a.DB.Close() }

// RunWorkers runs the job queue (deadlines, retention, outbox delivery) until ctx ends.
func (a *App) RunWorkers(ctx context.Context) {
	a.Jobs.Run(ctx, a.Config.WorkerInterval)
}
