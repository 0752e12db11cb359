// Package cli implements the ceas command line: one file per subcommand, each a function
// that takes its arguments and an Env so it can be run and tested in-process.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Env is what a subcommand may touch of the outside world.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// StderrIsTTY tells long-running commands whether to draw a progress bar.
	StderrIsTTY bool
}

// StdEnv returns the process environment.
func StdEnv() *Env {
	fi, err := os.Stderr.Stat()
	tty := err == nil && fi.Mode()&os.ModeCharDevice != 0
	return &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, StderrIsTTY: tty}
}

// command is one subcommand; name may hold two words ("dublin decide").
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

// errUsage marks a usage error already explained on stderr (exit code 2).
var errUsage = errors.New("usage")

// commands is the table of subcommands, in the order help lists them.
func commands() []command {
	return []command{
		{"version", "print the version", runVersion},
		{"serve", "run the API, the web UI and the background workers", runServe},
		{"demo", "seed a local database with demo data and serve it", runDemo},
		{"migrate", "apply database migrations and seed reference data", runMigrate},
		{"audit verify", "recompute the audit log's hash chain", runAuditVerify},
		{"dublin decide", "determine the responsible state for a case file", runDublinDecide},
		{"user add", "create a user account (prints a generated password once)", runUserAdd},
		{"user passwd", "set a user's password and end its sessions", runUserPasswd},
		{"user disable", "disable a user account and end its sessions", runUserDisable},
		{"user enable", "enable a disabled user account", runUserEnable},
		{"user roles", "replace a user's roles and end its sessions", runUserRoles},
		{"user list", "list user accounts", runUserList},
		{"token create", "create an API token (printed once)", runTokenCreate},
		{"token list", "list API tokens", runTokenList},
		{"token revoke", "revoke an API token", runTokenRevoke},
		{"report situation", "write the situational report for a period as HTML", runReportSituation},
		{"solidarity match", "optimise a relocation instance", runSolidarityMatch},
		{"bench match-relocation", "benchmark the relocation matcher (and CBC if installed)", runBenchRelocation},
		{"synth registrations", "generate synthetic registrations with ground truth", runSynthRegistrations},
		{"tp import", "import a state's TP registrations (CSV/NDJSON; resumable)", runTPImport},
		{"tp export", "export a state's TP registrations as CSV or NDJSON", runTPExport},
		{"bench tp", "benchmark TP import throughput and registration latency", runBenchTP},
		{"match", "find the records of one person in a CSV file (identity resolution)", runMatch},
		{"bench match", "benchmark identity resolution on FEBRL and synthetic registrations", runBenchMatch},
	}
}

// Main runs the command line and returns the process exit code.
func Main(ctx context.Context, args []string, env *Env) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(env.Stderr, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, rest, ok := lookup(cmds, args)
	if !ok {
		fmt.Fprintf(env.Stderr, "ceas: unknown command %q (see 'ceas help')\n", strings.Join(args[:min(2, len(args))], " "))
		return 2
	}
	if err := cmd.run(ctx, env, rest); err != nil {
		return report(env.Stderr, cmd.name, err)
	}
	return 0
}

// lookup finds the longest command name matching the first words of args.
func lookup(cmds []command, args []string) (command, []string, bool) {
	if len(args) >= 2 {
		for _, c := range cmds {
			if c.name == args[0]+" "+args[1] {
				return c, args[2:], true
			}
		}
	}
	for _, c := range cmds {
		if c.name == args[0] {
			return c, args[1:], true
		}
	}
	return command{}, nil, false
}

// report prints err as one line and picks the exit code: 2 for usage, 1 otherwise.
func report(w io.Writer, name string, err error) int {
	if errors.Is(err, errUsage) || errors.Is(err, flag.ErrHelp) {
		return 2
	}
	msg := err.Error()
	if e, ok := errs.As(err); ok && e.Kind == errs.KindInvalid {
		msg = e.Error()
	}
	fmt.Fprintf(w, "ceas %s: %s\n", name, strings.ReplaceAll(msg, "\n", " "))
	return 1
}

func printHelp(w io.Writer, cmds []command) {
	fmt.Fprintln(w, "usage: ceas <command> [flags]\n\ncommands:")
	sorted := append([]command(nil), cmds...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].name < sorted[j].name })
	for _, c := range sorted {
		fmt.Fprintf(w, "  %-22s %s\n", c.name, c.summary)
	}
}

// newFlagSet returns a flag set that reports errors to env.Stderr instead of exiting.
func newFlagSet(env *Env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet("ceas "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "usage: ceas %s %s\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and turns a flag error into errUsage (already printed).
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return flag.ErrHelp
		}
		return errUsage
	}
	return nil
}
