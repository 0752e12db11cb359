package cli

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/clock"
)

// runAuditVerify recomputes the audit chain and exits non-zero at the first broken entry.
func runAuditVerify(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "audit verify", "[--data-dir DIR | --db postgres://...] [--json]")
	db := addDBFlags(fs, env)
	asJSON := fs.Bool("json", false, "print the result as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	conn, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	log := audit.New(conn, clock.System{})
	res, err := log.Verify(ctx, func(n int64) {
		if env.StderrIsTTY {
			fmt.Fprintf(env.Stderr, "\rchecked %d entries", n)
		}
	})
	if env.StderrIsTTY {
		fmt.Fprintln(env.Stderr)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		if err := json.NewEncoder(env.Stdout).Encode(res); err != nil {
			return err
		}
	} else if res.OK {
		fmt.Fprintf(env.Stdout, "audit log intact: %d entries verified\n", res.Checked)
	}
	if !res.OK {
		return fmt.Errorf("audit log broken at entry %d: %s (%d entries verified before it)", res.FirstBroken, res.Reason, res.Checked)
	}
	return nil
}
