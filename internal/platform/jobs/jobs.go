// Package jobs is the durable job table: work scheduled for a time (a Dublin reply deadline,
// a retention erasure, a webhook retry) that survives restarts and runs exactly once at a
// time across replicas. A replica claims due jobs by taking a lease; a crashed replica's
// lease expires and another replica picks the job up, so handlers must be idempotent.
package jobs

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/google/uuid"

	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// Job is one scheduled unit of work.
type Job struct {
	ID       string
	Kind     string
	Key      string // unique per kind: scheduling the same kind and key again reschedules
	Payload  json.RawMessage
	RunAt    time.Time
	Attempts int
}

// Handler runs one job; an error makes the queue retry it later with back-off.
type Handler func(ctx context.Context, j Job) error

// Recurring declares a job kind that reschedules itself after each run.
type Recurring struct {
	Kind  string
	Every time.Duration
}

// Queue schedules and runs jobs.
type Queue struct {
	db          *sqldb.DB
	clock       clock.Clock
	owner       string
	lease       time.Duration
	maxAttempts int
	handlers    map[string]Handler
	recurring   map[string]time.Duration
	log         *slog.Logger
}

// New returns a queue whose leases are held in the name of owner (a replica id).
func New(db *sqldb.DB, c clock.Clock, owner string, log *slog.Logger) *Queue {
	return &Queue{db: db, clock: c, owner: owner, lease: 5 * time.Minute, maxAttempts: 10,
		handlers: map[string]Handler{}, recurring: map[string]time.Duration{}, log: log}
}

// Handle registers the handler of a kind. Call it while wiring, before Run.
func (q *Queue) Handle(kind string, h Handler) { q.handlers[kind] = h }

// HandleRecurring registers a handler that runs every r.Every, and ensures a job exists.
func (q *Queue) HandleRecurring(ctx context.Context, r Recurring, h Handler) error {
	q.handlers[r.Kind] = h
	q.recurring[r.Kind] = r.Every
	_, err := q.db.Writer().ExecContext(ctx, `INSERT INTO jobs (id, kind, dedupe_key, payload, run_at, status, created_at, updated_at)
		VALUES ($1, $2, 'recurring', '{}', $3, 'pending', $3, $3) ON CONFLICT (kind, dedupe_key) DO NOTHING`,
		uuid.Must(uuid.NewV7()).String(), r.Kind, sqldb.UTC(q.clock.Now()))
	if err != nil {
		return fmt.Errorf("jobs: ensure recurring %s: %w", r.Kind, err)
	}
	return nil
}

// Schedule creates or moves the job (kind, key) to run at runAt, inside tx so the job exists
// exactly when the change that needs it commits. A running job may reschedule itself: the
// new schedule drops the lease, so finishing the current run leaves it pending.
func (q *Queue) Schedule(ctx context.Context, tx *sql.Tx, kind, key string, runAt time.Time, payload any) error {
	b, err := json.Marshal(payload)
	if err != nil {
		return fmt.Errorf("jobs: encode payload of %s/%s: %w", kind, key, err)
	}
	now := sqldb.UTC(q.clock.Now())
	_, err = tx.ExecContext(ctx, `INSERT INTO jobs (id, kind, dedupe_key, payload, run_at, status, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6)
		ON CONFLICT (kind, dedupe_key) DO UPDATE SET payload = excluded.payload, run_at = excluded.run_at,
		status = 'pending', attempts = 0, last_error = '', lease_owner = '', lease_until = NULL,
		updated_at = excluded.updated_at`,
		uuid.Must(uuid.NewV7()).String(), kind, key, string(b), sqldb.UTC(runAt), now)
	if err != nil {
		return fmt.Errorf("jobs: schedule %s/%s: %w", kind, key, err)
	}
	return nil
}

// Cancel removes the pending job (kind, key), if any.
func (q *Queue) Cancel(ctx context.Context, tx *sql.Tx, kind, key string) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM jobs WHERE kind = $1 AND dedupe_key = $2 AND status = 'pending'`, kind, key)
	if err != nil {
		return fmt.Errorf("jobs: cancel %s/%s: %w", kind, key, err)
	}
	return nil
}

// Run polls for due jobs every interval until ctx ends.
func (q *Queue) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := q.RunDue(ctx, 50); err != nil && ctx.Err() == nil {
			q.log.Error("jobs: run due", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// RunDue claims up to limit due jobs, runs them and records the outcome. It returns how many
// ran. Tests call it directly with a fixed clock.
func (q *Queue) RunDue(ctx context.Context, limit int) (int, error) {
	claimed, err := q.claim(ctx, limit)
	if err != nil {
		return 0, err
	}
	for _, j := range claimed {
		h, ok := q.handlers[j.Kind]
		var runErr error
		if !ok {
			runErr = fmt.Errorf("no handler for job kind %q", j.Kind)
		} else {
			runErr = safeRun(ctx, h, j)
		}
		if err := q.finish(ctx, j, runErr); err != nil {
			return 0, err
		}
	}
	return len(claimed), nil
}

func safeRun(ctx context.Context, h Handler, j Job) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("job panicked: %v", p)
		}
	}()
	return h(ctx, j)
}
