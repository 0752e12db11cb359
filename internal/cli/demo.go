package cli

import (
	"context"
	"fmt"
	"io"

	"strings"
	"time"

	"github.com/ceas-eu/ceas/internal/app"
	"github.com/ceas-eu/ceas/internal/config"
	"github.com/ceas-eu/ceas/internal/platform/observe"
)

// runDemo seeds a fresh embedded database with reference and demo data, then serves it.
func runDemo(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "demo", "[--data-dir ./ceas-demo] [--addr 127.0.0.1:8080] [--seed-only]")
	cfg := config.Default()
	cfg.DataDir = "./ceas-demo"
	if err := cfg.Register(fs, env.Getenv, false); err != nil {
		return err
	}
	seedOnly := fs.Bool("seed-only", false, "seed the demo data and exit")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	start := time.Now()
	log := observe.NewLogger(io.Discard, "error")
	a, err := app.New(ctx, cfg, log, app.Options{Version: Version})
	if err != nil {
		return err
	}
	err = a.SeedDemo(ctx, progressPrinter(env))
	a.Close()
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "demo data ready in %s (%s)\n", time.Since(start).Round(time.Millisecond), where(cfg))
	if *seedOnly {
		return nil
	}
	return serve(ctx, env, cfg, func(addr string) {
		fmt.Fprintf(env.Stdout, "\nCEAS demo is running at http://%s/\n\nSign in with any demo account, password %q:\n", addr, app.DemoPassword)
		for _, line := range demoAccountLines() {
			fmt.Fprintln(env.Stdout, "  "+line)
		}
		fmt.Fprintf(env.Stdout, "\nAPI: http://%s/api/docs (create a token: ceas token create --data-dir %s --org DE --role registration_officer)\nStop with Ctrl-C.\n", addr, cfg.DataDir)
	})
}

func where(cfg config.Config) string {
	if cfg.DB != "" {
		return "PostgreSQL"
	}
	return "SQLite in " + cfg.DataDir
}

// demoAccountLines summarises the demo accounts by organisation.
func demoAccountLines() []string {
	byOrg := map[string][]string{}
	var orgs []string
	for _, acc := range app.DemoAccounts() {
		if _, ok := byOrg[acc.Org]; !ok {
			orgs = append(orgs, acc.Org)
		}
		byOrg[acc.Org] = append(byOrg[acc.Org], acc.Username)
	}
	lines := make([]string, 0, len(orgs))
	for _, o := range orgs {
		lines = append(lines, fmt.Sprintf("%-8s %s", o, strings.Join(byOrg[o], ", ")))
	}
	return lines
}

// progressPrinter reports stages on stderr: a rewriting line on a terminal; otherwise one
// line when a stage starts, every five seconds while it runs, and when it finishes, so CI
// logs stay short but a long seed never looks stuck.
func progressPrinter(env *Env) app.Progress {
	stage, lastPrint, finishedStage := "", time.Time{}, ""
	return func(name string, done, total int) {
		finished := total > 0 && done >= total
		if finished && name == finishedStage {
			return // a stage reports its end once
		}
		if finished {
			finishedStage = name
		}
		if env.StderrIsTTY {
			if finished || time.Since(lastPrint) > 100*time.Millisecond {
				fmt.Fprintf(env.Stderr, "\r%-40s %d/%d", name, done, total)
				lastPrint = time.Now()
			}
			if finished {
				fmt.Fprintln(env.Stderr)
			}
			return
		}
		if name != stage || finished || time.Since(lastPrint) > 5*time.Second {
			if total > 0 {
				fmt.Fprintf(env.Stderr, "%s: %d of %d\n", name, done, total)
			} else {
				fmt.Fprintf(env.Stderr, "%s: %d\n", name, done)
			}
			stage, lastPrint = name, time.Now()
		}
	}
}
