package jobs_test

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/jobs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

var t0 = time.Date(2026, 2, 1, 8, 0, 0, 0, time.UTC)

func newQueue(db *sqldb.DB, c clock.Clock, owner string) *jobs.Queue {
	return jobs.New(db, c, owner, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

func schedule(t *testing.T, db *sqldb.DB, q *jobs.Queue, kind, key string, at time.Time) {
	t.Helper()
	err := db.Tx(context.Background(), func(tx *sql.Tx) error {
		return q.Schedule(context.Background(), tx, kind, key, at, map[string]string{"k": key})
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestJobsRunWhenDueOnceAndRetryWithBackoff(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		c := clock.NewFixed(t0)
		q := newQueue(db, c, "replica-a")
		var ran, fails atomic.Int32
		q.Handle("reminder", func(ctx context.Context, j jobs.Job) error { ran.Add(1); return nil })
		q.Handle("flaky", func(ctx context.Context, j jobs.Job) error {
			if fails.Add(1) == 1 {
				return errors.New("partner system down")
			}
			return nil
		})
		schedule(t, db, q, "reminder", "case-1", t0.Add(time.Hour))
		schedule(t, db, q, "reminder", "case-1", t0.Add(2*time.Hour)) // rescheduled, not duplicated
		schedule(t, db, q, "flaky", "hook-1", t0)

		steps := []struct {
			advance       time.Duration
			wantRan       int
			wantReminders int32
			wantFlaky     int32
		}{
			{0, 1, 0, 1},              // t0: the flaky job runs and fails
			{time.Hour, 1, 0, 2},      // its 30 s back-off has passed: retried, succeeds; the reminder moved to +2h
			{time.Hour, 1, 1, 2},      // +2h: the reminder runs once
			{24 * time.Hour, 0, 1, 2}, // nothing left to run
		}
		for i, s := range steps {
			c.Advance(s.advance)
			n, err := q.RunDue(ctx, 10)
			if err != nil {
				t.Fatal(err)
			}
			if n != s.wantRan || ran.Load() != s.wantReminders || fails.Load() != s.wantFlaky {
				t.Fatalf("step %d: ran %d (reminders %d, flaky attempts %d), want %d (%d, %d)",
					i, n, ran.Load(), fails.Load(), s.wantRan, s.wantReminders, s.wantFlaky)
			}
		}
	})
}

func TestExpiredLeaseIsTakenOverByAnotherReplica(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		c := clock.NewFixed(t0)
		a, b := newQueue(db, c, "replica-a"), newQueue(db, c, "replica-b")
		block := make(chan struct{})
		var bRan atomic.Int32
		a.Handle("erase", func(ctx context.Context, j jobs.Job) error { <-block; return nil })
		b.Handle("erase", func(ctx context.Context, j jobs.Job) error { bRan.Add(1); return nil })
		schedule(t, db, a, "erase", "r1", t0)
		done := make(chan struct{})
		go func() { _, _ = a.RunDue(ctx, 10); close(done) }()
		time.Sleep(50 * time.Millisecond) // let replica a claim it
		if n, _ := b.RunDue(ctx, 10); n != 0 {
			t.Fatalf("replica b ran a job leased by a")
		}
		c.Advance(10 * time.Minute) // a's lease expires: a crashed, as far as b knows
		if n, err := b.RunDue(ctx, 10); err != nil || n != 1 || bRan.Load() != 1 {
			t.Fatalf("replica b did not take over: n=%d err=%v", n, err)
		}
		close(block)
		<-done
	})
}

func TestRecurringJobReschedulesItself(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		c := clock.NewFixed(t0)
		q := newQueue(db, c, "r")
		var n atomic.Int32
		if err := q.HandleRecurring(ctx, jobs.Recurring{Kind: "retention", Every: time.Hour}, func(context.Context, jobs.Job) error { n.Add(1); return nil }); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 3; i++ {
			if _, err := q.RunDue(ctx, 10); err != nil {
				t.Fatal(err)
			}
			if _, err := q.RunDue(ctx, 10); err != nil { // not due again before the hour
				t.Fatal(err)
			}
			c.Advance(time.Hour)
		}
		if n.Load() != 3 {
			t.Fatalf("recurring job ran %d times in 3 hours, want 3", n.Load())
		}
	})
}

// TestJobMayRescheduleItself: a reminder handler that moves its own job to next week keeps
// it pending instead of having the finished run mark it done.
func TestJobMayRescheduleItself(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		c := clock.NewFixed(t0)
		q := newQueue(db, c, "r")
		var runs atomic.Int32
		q.Handle("remind", func(ctx context.Context, j jobs.Job) error {
			if runs.Add(1) < 3 {
				return db.Tx(ctx, func(tx *sql.Tx) error {
					return q.Schedule(ctx, tx, "remind", j.Key, c.Now().Add(7*24*time.Hour), nil)
				})
			}
			return nil
		})
		schedule(t, db, q, "remind", "case-9", t0)
		for week := 0; week < 4; week++ {
			if _, err := q.RunDue(ctx, 10); err != nil {
				t.Fatal(err)
			}
			c.Advance(7 * 24 * time.Hour)
		}
		if runs.Load() != 3 {
			t.Fatalf("self-rescheduling job ran %d times in 4 weeks, want 3", runs.Load())
		}
	})
}
