package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// maxAttempts bounds how often a transaction is retried after a transient conflict.
const maxAttempts = 5

// Tx runs fn in one read-write transaction and commits it when fn returns nil. A transaction
// that fails on a serialization conflict, a deadlock or a busy database is retried from the
// start, so fn must not have effects outside the transaction.
func (db *DB) Tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	var err error
	for attempt := 1; attempt <= maxAttempts; attempt++ {
		err = db.tx(ctx, fn)
		if err == nil || !IsTransient(err) || ctx.Err() != nil {
			return err
		}
		time.Sleep(time.Duration(attempt*attempt) * 5 * time.Millisecond)
	}
	return err
}

func (db *DB) tx(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqldb: begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("sqldb: commit: %w", err)
	}
	return nil
}

// IsTransient reports an error after which the same transaction may succeed when retried.
func IsTransient(err error) bool {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code == "40001" || pg.Code == "40P01"
	}
	msg := err.Error()
	return strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "database is locked")
}

// IsUniqueViolation reports an insert or update that broke a unique constraint.
func IsUniqueViolation(err error) bool {
	if err == nil {
		return false
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code == "23505"
	}
	return strings.Contains(err.Error(), "UNIQUE constraint failed")
}

// IsNoRows reports a QueryRow that found nothing.
func IsNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// UTC truncates t to the microsecond and moves it to UTC, the precision both engines keep,
// so a value read back equals the value written.
func UTC(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }
