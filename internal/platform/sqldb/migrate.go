package sqldb

import (
	"context"
	"embed"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// migrationFiles holds one migration stream per dialect; a change adds a file with the same
// number to both folders.
//
//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFiles embed.FS

// MigrationStatus is the schema version of a database against the embedded migrations.
type MigrationStatus struct {
	Current int64
	Target  int64
}

// Pending reports whether migrations remain to be applied.
func (s MigrationStatus) Pending() bool { return s.Current < s.Target }

func (db *DB) provider() (*goose.Provider, error) {
	sub, err := fs.Sub(migrationFiles, "migrations/"+string(db.Dialect))
	if err != nil {
		return nil, fmt.Errorf("sqldb: migrations: %w", err)
	}
	opts := []goose.ProviderOption{goose.WithDisableGlobalRegistry(true)}
	dialect := goose.DialectSQLite3
	if db.Dialect == Postgres {
		dialect = goose.DialectPostgres
		// Replicas starting together must not migrate twice: an advisory lock serialises them.
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return nil, fmt.Errorf("sqldb: migration lock: %w", err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(dialect, db.write, sub, opts...)
	if err != nil {
		return nil, fmt.Errorf("sqldb: migrations: %w", err)
	}
	return p, nil
}

// Migrate applies every pending migration and returns how many it applied.
func (db *DB) Migrate(ctx context.Context) (int, error) {
	p, err := db.provider()
	if err != nil {
		return 0, err
	}
	res, err := p.Up(ctx)
	if err != nil {
		return len(res), fmt.Errorf("sqldb: migrate %s: %w", db.Dialect, err)
	}
	return len(res), nil
}

// Status compares the database's schema version with the embedded migrations.
func (db *DB) Status(ctx context.Context) (MigrationStatus, error) {
	p, err := db.provider()
	if err != nil {
		return MigrationStatus{}, err
	}
	cur, target, err := p.GetVersions(ctx)
	if err != nil {
		return MigrationStatus{}, fmt.Errorf("sqldb: migration status: %w", err)
	}
	return MigrationStatus{Current: cur, Target: target}, nil
}
