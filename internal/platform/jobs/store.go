package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// claim leases due jobs: pending ones whose time has come and running ones whose lease
// expired (their replica died). PostgreSQL skips rows other replicas are claiming; SQLite has
// a single writer, so the plain update is already exclusive.
func (q *Queue) claim(ctx context.Context, limit int) ([]Job, error) {
	now := sqldb.UTC(q.clock.Now())
	skip := ""
	if q.db.Dialect == sqldb.Postgres {
		skip = " FOR UPDATE SKIP LOCKED"
	}
	var out []Job
	err := q.db.Tx(ctx, func(tx *sql.Tx) error {
		out = out[:0]
		rows, err := tx.QueryContext(ctx, `UPDATE jobs SET status = 'running', lease_owner = $1, lease_until = $2,
			attempts = attempts + 1, updated_at = $3
			WHERE id IN (SELECT id FROM jobs WHERE (status = 'pending' AND run_at <= $3)
				OR (status = 'running' AND lease_until < $3) ORDER BY run_at LIMIT $4`+skip+`)
			RETURNING id, kind, dedupe_key, payload, run_at, attempts`,
			q.owner, now.Add(q.lease), now, limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var j Job
			var payload string
			if err := rows.Scan(&j.ID, &j.Kind, &j.Key, &payload, &j.RunAt, &j.Attempts); err != nil {
				return err
			}
			j.Payload = []byte(payload)
			out = append(out, j)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("jobs: claim: %w", err)
	}
	return out, nil
}

// finish records a run: recurring jobs go back to pending at their next time, successful
// one-off jobs are done, failed ones are retried with exponential back-off until
// maxAttempts, then marked failed for an operator to see.
func (q *Queue) finish(ctx context.Context, j Job, runErr error) error {
	now := sqldb.UTC(q.clock.Now())
	var err error
	switch every, recurring := q.recurring[j.Kind]; {
	case recurring:
		msg := ""
		if runErr != nil {
			msg = runErr.Error()
		}
		_, err = q.db.Writer().ExecContext(ctx, `UPDATE jobs SET status = 'pending', run_at = $1, attempts = 0,
			last_error = $2, lease_owner = '', lease_until = NULL, updated_at = $3 WHERE id = $4 AND lease_owner = $5`,
			now.Add(every), msg, now, j.ID, q.owner)
	case runErr == nil:
		_, err = q.db.Writer().ExecContext(ctx, `UPDATE jobs SET status = 'done', lease_owner = '', lease_until = NULL,
			last_error = '', updated_at = $1 WHERE id = $2 AND lease_owner = $3`, now, j.ID, q.owner)
	default:
		status, next := "pending", now.Add(backoff(j.Attempts))
		if j.Attempts >= q.maxAttempts {
			status = "failed"
		}
		q.log.Warn("jobs: run failed", "kind", j.Kind, "key", j.Key, "attempt", j.Attempts, "err", runErr)
		_, err = q.db.Writer().ExecContext(ctx, `UPDATE jobs SET status = $1, run_at = $2, last_error = $3,
			lease_owner = '', lease_until = NULL, updated_at = $4 WHERE id = $5 AND lease_owner = $6`,
			status, next, runErr.Error(), now, j.ID, q.owner)
	}
	if err != nil {
		return fmt.Errorf("jobs: finish %s/%s: %w", j.Kind, j.Key, err)
	}
	return nil
}

// backoff is 30 s doubled per attempt, capped at six hours.
func backoff(attempt int) time.Duration {
	d := 30 * time.Second
	for i := 1; i < attempt && d < 6*time.Hour; i++ {
		d *= 2
	}
	return min(d, 6*time.Hour)
}

// Status is one row of the job table, for the operations page.
type Status struct {
	Kind      string    `json:"kind"`
	Key       string    `json:"key"`
	Status    string    `json:"status"`
	RunAt     time.Time `json:"run_at"`
	Attempts  int       `json:"attempts"`
	LastError string    `json:"last_error,omitempty"`
}

// Pending lists jobs not yet done, soonest first.
func (q *Queue) Pending(ctx context.Context, limit int) ([]Status, error) {
	rows, err := q.db.Reader().QueryContext(ctx, `SELECT kind, dedupe_key, status, run_at, attempts, last_error
		FROM jobs WHERE status <> 'done' ORDER BY run_at LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("jobs: list: %w", err)
	}
	defer rows.Close()
	var out []Status
	for rows.Next() {
		var s Status
		if err := rows.Scan(&s.Kind, &s.Key, &s.Status, &s.RunAt, &s.Attempts, &s.LastError); err != nil {
			return nil, fmt.Errorf("jobs: scan: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
