package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/refdata"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// dbFlags are the two flags every command that touches the database takes: the SQLite data
// directory, or a PostgreSQL URL that replaces it.
type dbFlags struct {
	dataDir string
	url     string
}

// addDBFlags registers --data-dir and --db on fs, defaulting to $CEAS_DATA_DIR (else
// ./ceas-data) and $CEAS_DB.
func addDBFlags(fs *flag.FlagSet, env *Env) *dbFlags {
	f := &dbFlags{}
	fs.StringVar(&f.dataDir, "data-dir", envOr(env, "CEAS_DATA_DIR", "./ceas-data"),
		"directory of the SQLite database and files (env CEAS_DATA_DIR)")
	fs.StringVar(&f.url, "db", envOr(env, "CEAS_DB", ""),
		"PostgreSQL URL postgres://...; replaces the SQLite database (env CEAS_DB)")
	return f
}

// open connects to the database, applies pending migrations and seeds the reference data.
func (f *dbFlags) open(ctx context.Context) (*sqldb.DB, error) {
	db, err := sqldb.Open(ctx, sqldb.Options{URL: f.url, DataDir: f.dataDir})
	if err != nil {
		return nil, err
	}
	if _, err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	// A command on a fresh database (ceas user add before any ceas serve) needs the states
	// and bodies its rows refer to.
	if err := refdata.Seed(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// envOr returns the environment variable name, or def when it is unset or empty.
func envOr(env *Env, name, def string) string {
	if env.Getenv != nil {
		if v := env.Getenv(name); v != "" {
			return v
		}
	}
	return def
}

// stringList is a repeatable string flag (--role a --role b).
type stringList []string

// String implements flag.Value.
func (s *stringList) String() string { return fmt.Sprint([]string(*s)) }

// Set implements flag.Value.
func (s *stringList) Set(v string) error {
	*s = append(*s, v)
	return nil
}
