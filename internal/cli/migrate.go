package cli

import (
	"context"
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/refdata"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

func runMigrate(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "migrate", "[--data-dir DIR | --db postgres://...] [--status]")
	db := addDBFlags(fs, env)
	statusOnly := fs.Bool("status", false, "print the schema version without migrating")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	conn, err := db.connect(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if *statusOnly {
		st, err := conn.Status(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s at %s: schema version %d of %d\n", conn.Dialect, conn.Location, st.Current, st.Target)
		return nil
	}
	n, err := conn.Migrate(ctx)
	if err != nil {
		return err
	}
	if err := refdata.Seed(ctx, conn); err != nil {
		return err
	}
	st, err := conn.Status(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s at %s: applied %d migrations; schema version %d\n", conn.Dialect, conn.Location, n, st.Current)
	return nil
}

// connect opens the database without migrating it, for status queries.
func (f *dbFlags) connect(ctx context.Context) (*sqldb.DB, error) {
	return sqldb.Open(ctx, sqldb.Options{URL: f.url, DataDir: f.dataDir})
}
