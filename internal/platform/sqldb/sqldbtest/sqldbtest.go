// Package sqldbtest runs store and service tests on every database engine: SQLite always, and
// PostgreSQL when CEAS_TEST_POSTGRES holds a server URL (CI always sets it). Each test gets a
// fresh, migrated database of its own.
package sqldbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// EnvPostgres names the variable holding the PostgreSQL server URL for tests.
const EnvPostgres = "CEAS_TEST_POSTGRES"

// Each runs fn once per available engine, as a subtest named after the dialect.
func Each(t *testing.T, fn func(t *testing.T, db *sqldb.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	if os.Getenv(EnvPostgres) != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
	}
}

// SQLite returns a migrated SQLite database in a temporary directory.
func SQLite(t testing.TB) *sqldb.DB {
	t.Helper()
	db, err := sqldb.Open(context.Background(), sqldb.Options{DataDir: t.TempDir()})
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(context.Background()); err != nil {
		t.Fatalf("migrate sqlite: %v", err)
	}
	return db
}

// Postgres returns a migrated database created for this test on the server of
// CEAS_TEST_POSTGRES, dropped when the test ends. It skips the test when no server is given.
func Postgres(t testing.TB) *sqldb.DB {
	t.Helper()
	db := PostgresEmpty(t)
	if _, err := db.Migrate(context.Background()); err != nil {
		t.Fatalf("migrate postgres: %v", err)
	}
	return db
}

// PostgresEmpty is Postgres without the migrations.
func PostgresEmpty(t testing.TB) *sqldb.DB {
	t.Helper()
	base := os.Getenv(EnvPostgres)
	if base == "" {
		t.Skip(EnvPostgres + " not set")
	}
	name := "ceas_test_" + randomSuffix()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open postgres admin: %v", err)
	}
	defer admin.Close()
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse %s: %v", EnvPostgres, err)
	}
	u.Path = "/" + name
	db, err := sqldb.Open(context.Background(), sqldb.Options{URL: u.String(), MaxConns: 8})
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	t.Cleanup(func() {
		db.Close()
		if a, err := sql.Open("pgx", base); err == nil {
			_, _ = a.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			a.Close()
		}
	})
	return db
}

func randomSuffix() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return strings.ToLower(hex.EncodeToString(b))
}
