// Package sqldb opens the CEAS database, SQLite embedded by default or PostgreSQL, and runs
// transactions on it. Queries are written once, in portable SQL with $n placeholders, which
// both drivers bind by position.
//
// SQLite gets one writer connection (SQLite serialises writers anyway; one connection avoids
// SQLITE_BUSY storms) and a separate read pool that runs concurrently thanks to WAL.
package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// Dialect names the SQL engine behind a DB.
type Dialect string

// The supported engines.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Querier is what both *sql.DB and *sql.Tx offer; store code takes it so one function
// serves reads outside and inside transactions.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// DB is an open CEAS database.
type DB struct {
	Dialect Dialect
	write   *sql.DB
	read    *sql.DB
	// Location is the SQLite file or the PostgreSQL URL with its password redacted.
	Location string
}

// Options configure Open.
type Options struct {
	// URL is a postgres:// or postgresql:// URL; empty means SQLite in DataDir.
	URL string
	// DataDir holds the SQLite database file (ceas.db).
	DataDir string
	// MaxConns bounds the PostgreSQL pool and the SQLite read pool (default 4 x CPUs).
	MaxConns int
}

// Open connects to the database the options name and checks it answers.
func Open(ctx context.Context, o Options) (*DB, error) {
	if o.MaxConns <= 0 {
		o.MaxConns = 4 * runtime.NumCPU()
	}
	var db *DB
	var err error
	if IsPostgresURL(o.URL) {
		db, err = openPostgres(o)
	} else if o.URL != "" {
		return nil, fmt.Errorf("sqldb: database URL must start with postgres:// or postgresql://")
	} else {
		db, err = openSQLite(o)
	}
	if err != nil {
		return nil, err
	}
	if err := db.Ping(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// IsPostgresURL reports whether s names a PostgreSQL database.
func IsPostgresURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

func openPostgres(o Options) (*DB, error) {
	pool, err := sql.Open("pgx", o.URL)
	if err != nil {
		return nil, fmt.Errorf("sqldb: open postgres: %w", err)
	}
	pool.SetMaxOpenConns(o.MaxConns)
	pool.SetMaxIdleConns(o.MaxConns)
	pool.SetConnMaxIdleTime(5 * time.Minute)
	return &DB{Dialect: Postgres, write: pool, read: pool, Location: RedactURL(o.URL)}, nil
}

func openSQLite(o Options) (*DB, error) {
	if o.DataDir == "" {
		return nil, errors.New("sqldb: a data directory is required for SQLite")
	}
	if err := os.MkdirAll(o.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("sqldb: create data directory: %w", err)
	}
	path := filepath.Join(o.DataDir, "ceas.db")
	// The pragmas travel in the DSN so every pooled connection gets them.
	pragmas := "_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)" +
		"&_pragma=synchronous(NORMAL)&_pragma=cache_size(-65536)&_pragma=temp_store(MEMORY)&_time_format=sqlite"
	w, err := sql.Open("sqlite", "file:"+path+"?"+pragmas+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("sqldb: open sqlite writer: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	r, err := sql.Open("sqlite", "file:"+path+"?"+pragmas+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqldb: open sqlite readers: %w", err)
	}
	r.SetMaxOpenConns(o.MaxConns)
	r.SetMaxIdleConns(o.MaxConns)
	return &DB{Dialect: SQLite, write: w, read: r, Location: path}, nil
}

// RedactURL hides the password of a database URL for logs and printed configuration.
func RedactURL(s string) string {
	at := strings.LastIndex(s, "@")
	scheme := strings.Index(s, "://")
	if at < 0 || scheme < 0 {
		return s
	}
	userinfo := s[scheme+3 : at]
	if i := strings.Index(userinfo, ":"); i >= 0 {
		return s[:scheme+3] + userinfo[:i] + ":xxxxx" + s[at:]
	}
	return s
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.write.PingContext(ctx); err != nil {
		return fmt.Errorf("sqldb: ping %s: %w", db.Location, err)
	}
	return nil
}

// Close releases every connection.
func (db *DB) Close() error {
	err := db.write.Close()
	if db.read != db.write {
		err = errors.Join(err, db.read.Close())
	}
	return err
}

// Reader returns the pool for queries outside a transaction.
func (db *DB) Reader() Querier { return db.read }

// Writer returns the pool for single statements that change data outside a transaction.
func (db *DB) Writer() Querier { return db.write }

// Raw returns the writer pool, for migrations and tests that must reach the engine itself.
func (db *DB) Raw() *sql.DB { return db.write }
