package tp

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ceas-eu/ceas/internal/identity"
	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/jobs"
	"github.com/ceas-eu/ceas/internal/platform/outbox"
	"github.com/ceas-eu/ceas/internal/platform/refdata"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// Index is the identity index the service keeps current: identity.Index satisfies it.
type Index interface {
	Add(r identity.Record)
	Remove(id string)
	Query(r identity.Record, limit int) []identity.Match
	Len() int
}

// Config tunes the service.
type Config struct {
	// RetentionMonths is how long a deregistered registration is kept before its personal
	// data is erased (domain file "Retention": 12 months by default, GDPR Art 5(1)(e)).
	RetentionMonths int
	// RetentionByState overrides RetentionMonths for states whose law sets another period.
	RetentionByState map[string]int
	// ConfirmDays is the time the state of the earlier registration has to confirm its
	// deregistration after a "same person" decision (no double benefits).
	ConfirmDays int
	// ReminderDays is the interval of reminders until the deregistration is confirmed.
	ReminderDays int
	// MaxHits bounds the candidates one check asks the index for.
	MaxHits int
	// SmallCount: aggregates below it are suppressed outside the owning state.
	SmallCount int
}

// DefaultConfig returns 12 months of retention, 30 days to confirm, reminders weekly, counts
// below 5 suppressed.
func DefaultConfig() Config {
	return Config{RetentionMonths: 12, ConfirmDays: 30, ReminderDays: 7, MaxHits: 10, SmallCount: 5}
}

// Service is the only way to read and change registrations: every method checks the
// caller's permission and state, validates, writes with its audit entry in one
// transaction, publishes the events, and keeps the identity index current.
type Service struct {
	db     *sqldb.DB
	audit  *audit.Log
	outbox *outbox.Outbox
	jobs   *jobs.Queue
	clock  clock.Clock
	cfg    Config
	log    *slog.Logger

	// mu serialises check-then-write, so two states registering the same person at the
	// same moment still see each other (the second check runs after the first Add).
	mu    sync.Mutex
	index Index
	// gen counts the releases of mu by writers: an import prepared outside mu knows by it
	// whether anyone else may have changed the index since (see pipeline.go).
	gen atomic.Int64

	// loading is closed when the identity index is complete (see LoadIndexAsync); writes
	// that check or change the index wait for it.
	// stmts are the bulk paths' statements, prepared once (see txn.go)
	stmts *stmtCache

	readyMu sync.Mutex
	loading chan struct{}
	loadErr error

	statsMu    sync.Mutex
	statsAt    time.Time
	statsCache map[string]*StateAggregates
}

// Deps are the platform services the TP service stands on.
type Deps struct {
	DB     *sqldb.DB
	Audit  *audit.Log
	Outbox *outbox.Outbox
	Jobs   *jobs.Queue
	Clock  clock.Clock
	Log    *slog.Logger
	Index  Index
}

// New returns the service. Call LoadIndex (or LoadIndexAsync: writes wait for it) before
// serving, and RegisterJobs to run the reminders and the retention erasure.
func New(d Deps, cfg Config) *Service {
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	var stmts *stmtCache
	if d.DB != nil {
		stmts = &stmtCache{db: d.DB.Raw()}
	}
	done := make(chan struct{})
	close(done)
	return &Service{db: d.DB, audit: d.Audit, outbox: d.Outbox, jobs: d.Jobs, clock: d.Clock, cfg: cfg, log: d.Log,
		index: d.Index, loading: done, stmts: stmts}
}

// retention is the retention period of state in months.
func (c Config) retention(state string) int {
	if m, ok := c.RetentionByState[state]; ok {
		return m
	}
	return c.RetentionMonths
}

// today is the civil date of the service clock (UTC).
func (s *Service) today() timelimit.Date { return timelimit.FromTime(s.clock.Now()) }

// callerState checks perm and returns the caller's state, which must apply temporary
// protection (the Directive or a national scheme).
func callerState(ctx context.Context, perm authz.Permission) (authz.Principal, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, perm); err != nil {
		return p, err
	}
	if o, ok := stateOrg(p.Org); !ok || o.TPRegime == refdata.TPNone {
		return p, errs.Forbidden("%s does not register temporary protection", p.Org)
	}
	return p, nil
}

// Get returns one of the caller's state's registrations with its history and links. The
// read is audited; an attempt on another state's registration answers NotFound and is
// audited as denied.
func (s *Service) Get(ctx context.Context, id string) (Registration, error) {
	ctx = withPurpose(ctx, "temporary protection case handling")
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermTPRead); err != nil {
		return Registration{}, err
	}
	r, err := getRegistration(ctx, s.db.Reader(), id)
	if err == nil {
		err = authz.RequireOwner(p, authz.PermTPRead, r.State)
	}
	if err != nil {
		if errs.KindOf(err) == errs.KindNotFound {
			_ = s.audit.RecordNow(ctx, audit.Event{Action: "tp.registration.read", ObjectType: "tp_registration",
				ObjectID: id, OwnerOrg: r.State, Outcome: audit.OutcomeDenied})
		}
		return Registration{}, err
	}
	if r.History, err = listEvents(ctx, s.db.Reader(), id); err != nil {
		return r, err
	}
	if r.Links, err = s.links(ctx, s.db.Reader(), id); err != nil {
		return r, err
	}
	err = s.audit.RecordNow(ctx, audit.Event{Action: "tp.registration.read", ObjectType: "tp_registration",
		ObjectID: id, OwnerOrg: r.State})
	return r, err
}

// loadOwn reads a registration of the caller's state inside tx for a change.
func loadOwn(ctx context.Context, tx *txn, p authz.Principal, id string) (Registration, error) {
	r, err := getRegistration(ctx, tx, id)
	if err != nil {
		return r, err
	}
	if err := authz.RequireOwner(p, authz.PermTPWrite, r.State); err != nil {
		return r, err
	}
	if r.Erased {
		return r, errs.Conflict("registration %s was erased after its retention period", id)
	}
	return r, nil
}

// Trail returns the audit entries about one of the caller's state's registrations, newest
// first: who read or changed it, when and for what purpose. Reading the trail is itself a
// read of the record and is audited by Get, which the record page calls first.
func (s *Service) Trail(ctx context.Context, id string) ([]audit.Entry, error) {
	p := authz.FromContext(ctx)
	r, err := getRegistration(ctx, s.db.Reader(), id)
	if err == nil {
		err = authz.RequireOwner(p, authz.PermTPRead, r.State)
	}
	if err != nil {
		return nil, err
	}
	page, err := s.audit.List(authz.WithPrincipal(ctx, authz.System("tp.trail")),
		audit.Filter{ObjectType: "tp_registration", ObjectID: id}, "", 100)
	return page.Entries, err
}

// withPurpose states the purpose of an access in the audit log when the caller gave none:
// the purpose follows from the operation (GDPR Art 5(1)(b), purpose limitation).
func withPurpose(ctx context.Context, purpose string) context.Context {
	if audit.Purpose(ctx) != "unspecified" {
		return ctx
	}
	return audit.WithPurpose(ctx, purpose)
}
