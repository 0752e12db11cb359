package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/synth"
)

// runSynthRegistrations writes a synthetic population of cross-state temporary-protection
// registrations with its ground truth (records.csv, truth_pairs.csv, persons.csv,
// hard_pairs.csv) for tests, benchmarks and the demo.
func runSynthRegistrations(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "synth registrations", "--n N --seed S --out DIR [--duplicate-rate R] [--hard-rate R] [--states PL,DE,...]")
	n := fs.Int("n", 10000, "number of records (registrations)")
	seed := fs.Int64("seed", 1, "random seed; one seed always gives the same files")
	out := fs.String("out", "", "directory to write (required; created if needed)")
	dup := fs.Float64("duplicate-rate", synth.DefaultDuplicateRate, "share of persons registered in two or more states (0 for none)")
	hard := fs.Float64("hard-rate", synth.DefaultHardNegativeRate, "share of persons in hard-negative pairs: twins, namesakes, parent and child (0 for none)")
	states := fs.String("states", "", "comma-separated Member States (default: all 27, weighted by 2022 registrations)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var v errs.Validation
	v.Check(*out != "", "out", "is required")
	v.Check(*dup >= 0, "duplicate-rate", "must not be negative")
	v.Check(*hard >= 0, "hard-rate", "must not be negative")
	if err := v.Err(); err != nil {
		return err
	}
	opts := synth.Options{N: *n, Seed: *seed, DuplicateRate: zeroMeansNone(*dup), HardNegativeRate: zeroMeansNone(*hard)}
	if *states != "" {
		opts.States = strings.Split(strings.ToUpper(strings.ReplaceAll(*states, " ", "")), ",")
	}
	start := time.Now()
	if err := synth.WriteDir(ctx, opts, *out, synthProgress(env, *n)); err != nil {
		return err
	}
	el := time.Since(start)
	fmt.Fprintf(env.Stderr, "synth registrations: %d records in %s (%.0f records/s) -> %s\n",
		*n, el.Round(time.Millisecond), float64(*n)/el.Seconds(), *out)
	return nil
}

// zeroMeansNone maps the command line's 0 ("none") to the library's negative rate, since the
// library reads a zero rate as "use the default".
func zeroMeansNone(r float64) float64 {
	if r == 0 {
		return -1
	}
	return r
}

// synthProgress draws a bar on a terminal and otherwise prints a line every tenth.
func synthProgress(env *Env, total int) func(done, total int) {
	if env.StderrIsTTY {
		bar := progressbar.NewOptions(total, progressbar.OptionSetWriter(env.Stderr),
			progressbar.OptionSetDescription("synth registrations"), progressbar.OptionShowCount(),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionOnCompletion(func() { fmt.Fprintln(env.Stderr) }))
		return func(done, _ int) { _ = bar.Set(done) }
	}
	step := max(total/10, 1)
	next := step
	return func(done, total int) {
		if done >= next || done == total {
			printProgress(env.Stderr, done, total)
			next = done - done%step + step
		}
	}
}

func printProgress(w io.Writer, done, total int) {
	fmt.Fprintf(w, "synth registrations: %d/%d records (%d%%)\n", done, total, done*100/total)
}
