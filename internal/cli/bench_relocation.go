package cli

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ceas-eu/ceas/internal/solidarity"
)

// runBenchRelocation generates instances of the given sizes deterministically, solves
// each within the time targets (10 s up to 10,000 candidates, 60 s beyond) and
// prints objective, bound, gap and time, side by side with CBC when it is installed.
func runBenchRelocation(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "bench match-relocation", "[--sizes 500,10000,100000] [--seed S] [--time-limit S] [--cbc-max N]")
	sizes := fs.String("sizes", "500,10000,100000", "candidate counts (persons), comma-separated")
	seed := fs.Uint64("seed", 1, "generator seed")
	limit := fs.Float64("time-limit", 0, "seconds per instance (default 10 up to 10,000 candidates, 60 above)")
	cbcMax := fs.Int("cbc-max", 10000, "largest size handed to CBC (its LP file grows with cases x places)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ns, err := parseSizes(*sizes)
	if err != nil {
		return err
	}
	cbc, _ := exec.LookPath("cbc")
	if cbc == "" {
		fmt.Fprintln(env.Stderr, "bench match-relocation: cbc not on PATH; comparison skipped (Debian: coinor-cbc)")
	}
	tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "candidates\tcases\tplaces\tobjective\tbound\tgap %\tseconds\tcbc objective\tcbc bound\tcbc seconds\tcbc status\t")
	for _, n := range ns {
		secs := *limit
		if secs <= 0 {
			secs = 10
			if n > 10000 {
				secs = 60
			}
		}
		if err := benchOne(ctx, env, tw, n, *seed, secs, cbc, *cbcMax); err != nil {
			return err
		}
	}
	return tw.Flush()
}

func parseSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("bench match-relocation: bad size %q", f)
		}
		out = append(out, n)
	}
	return out, nil
}

func benchOne(ctx context.Context, env *Env, tw *tabwriter.Writer, n int, seed uint64, secs float64, cbc string, cbcMax int) error {
	fmt.Fprintf(env.Stderr, "bench match-relocation: generating %d candidates (seed %d)\n", n, seed)
	in := solidarity.Generate(solidarity.GenOptions{Candidates: n, Seed: seed})
	start := time.Now()
	mctx, cancel := context.WithTimeout(ctx, time.Duration(secs*float64(time.Second)))
	res, err := solidarity.Match(mctx, in, solidarity.Overrides{})
	cancel()
	if err != nil {
		return fmt.Errorf("bench match-relocation: %d candidates: %w", n, err)
	}
	el := time.Since(start).Seconds()
	if _, err := solidarity.Evaluate(in, res.Assignment); err != nil {
		return fmt.Errorf("bench match-relocation: %d candidates: assignment rejected: %w", n, err)
	}
	row := fmt.Sprintf("%d\t%d\t%d\t%.4f\t%.4f\t%.3f\t%.2f\t", n, len(in.Cases), len(in.Places), res.Objective, res.Bound, 100*res.Gap, el)
	c := cbcResult{status: "not run"}
	if cbc != "" && n <= cbcMax {
		fmt.Fprintf(env.Stderr, "bench match-relocation: CBC on %d candidates, %gs\n", n, secs)
		c = runCBC(ctx, cbc, in, secs)
	}
	fmt.Fprintf(tw, "%s%s\t%s\t%s\t%s\t\n", row, c.obj, c.bound, c.secs, c.status)
	return nil
}

// cbcResult holds CBC's figures as printed.
type cbcResult struct{ obj, bound, secs, status string }

var (
	cbcObjective = regexp.MustCompile(`Objective value:\s+(-?[0-9.e+]+)`)
	cbcBound     = regexp.MustCompile(`(?:Lower|Upper) bound:\s+(-?[0-9.e+]+)`)
	cbcResultRe  = regexp.MustCompile(`Result - (.*)`)
)

// runCBC writes the instance as an LP file and gives CBC the same time limit, counting
// the time to read the file, as ours counts everything after decoding.
func runCBC(ctx context.Context, cbc string, in *solidarity.Instance, secs float64) cbcResult {
	dir, err := os.MkdirTemp("", "ceas-cbc-")
	if err != nil {
		return cbcResult{status: err.Error()}
	}
	defer os.RemoveAll(dir)
	lp := filepath.Join(dir, "relocation.lp")
	f, err := os.Create(lp)
	if err != nil {
		return cbcResult{status: err.Error()}
	}
	if err := solidarity.WriteLP(f, in); err != nil {
		f.Close()
		return cbcResult{status: err.Error()}
	}
	f.Close()
	limit := strconv.FormatFloat(secs, 'f', 0, 64)
	run := func(extra ...string) ([]byte, time.Time) {
		// CBC checks its limit only between phases; a hard stop at twice the limit
		// plus reading time keeps the benchmark moving.
		cctx, cancel := context.WithTimeout(ctx, time.Duration(2*secs*float64(time.Second))+30*time.Second)
		defer cancel()
		args := append([]string{lp, "timeMode", "elapsed", "sec", limit, "threads", "2"}, extra...)
		start := time.Now()
		out, _ := exec.CommandContext(cctx, cbc, append(args, "solve")...).CombinedOutput()
		return out, start
	}
	out, start := run()
	note := ""
	if bytes.Contains(out, []byte("infeasible or unbounded")) && !cbcObjective.Match(out) {
		// Measured on 10,000 candidates: CBC's preprocessing overruns the time limit
		// and reports the (feasible) model infeasible; run again without it.
		out, start = run("preprocess", "off")
		note = " (preprocess off)"
	}
	r := cbcResult{secs: fmt.Sprintf("%.2f", time.Since(start).Seconds()), obj: "-", bound: "-", status: "no result"}
	scale := math.Pow10(in.Decimals())
	if m := cbcObjective.FindSubmatch(out); m != nil {
		r.obj = rescale(string(m[1]), scale)
	}
	if m := cbcBound.FindSubmatch(out); m != nil {
		r.bound = rescale(string(m[1]), scale)
	}
	if m := cbcResultRe.FindSubmatch(out); m != nil {
		r.status = strings.TrimSpace(string(m[1]))
	}
	r.status += note
	return r
}

func rescale(s string, scale float64) string {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s
	}
	if v < 0 {
		v = -v
	}
	return fmt.Sprintf("%.4f", v/scale)
}
