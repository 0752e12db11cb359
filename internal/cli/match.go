package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ceas-eu/ceas/internal/identity"
	"github.com/ceas-eu/ceas/internal/identity/recordcsv"
)

// roleFlags collects repeated --col ROLE=COLUMN flags.
type roleFlags map[string]string

func (r roleFlags) String() string { return fmt.Sprint(map[string]string(r)) }

func (r roleFlags) Set(v string) error {
	role, col, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(role) == "" || strings.TrimSpace(col) == "" {
		return fmt.Errorf("want ROLE=COLUMN, got %q", v)
	}
	r[strings.TrimSpace(role)] = strings.TrimSpace(col)
	return nil
}

// matchOptions are the parsed flags of `ceas match`.
type matchOptions struct {
	in, out, clusters string
	explain, strict   bool
	threshold         float64
	cols              roleFlags
}

// runMatch deduplicates a CSV file of person records (issue 3): it writes one row per pair
// judged to be the same person, ids ordered within the row.
func runMatch(ctx context.Context, env *Env, args []string) (err error) {
	defer func() {
		if p := recover(); p != nil { // the command never panics, whatever the input
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	opts, err := parseMatchFlags(env, args)
	if err != nil {
		return err
	}
	start := time.Now()
	recs, err := readMatchInput(env, opts)
	if err != nil {
		return err
	}
	cfg := identity.DefaultConfig()
	cfg.Explain = opts.explain
	if opts.threshold > 0 {
		cfg.MatchThreshold = opts.threshold
		cfg.ReviewThreshold = min(cfg.ReviewThreshold, opts.threshold)
	}
	pairs, clusters, err := identity.Dedupe(ctx, recs, cfg, matchProgress(env.Stderr, "compared", "records"))
	if err != nil {
		return fmt.Errorf("match: %w", err)
	}
	if err := writePairs(opts.out, pairs, opts.explain); err != nil {
		return err
	}
	if opts.clusters != "" {
		if err := writeClusters(opts.clusters, recs, clusters); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stderr, "ceas match: %d records, %d pairs, %d persons with several records, in %s\n",
		len(recs), len(pairs), len(clusters), time.Since(start).Round(time.Millisecond))
	return nil
}

func parseMatchFlags(env *Env, args []string) (matchOptions, error) {
	opts := matchOptions{cols: roleFlags{}}
	fs := newFlagSet(env, "match", "--in FILE.csv --out PAIRS.csv [--id COLUMN] [--col ROLE=COLUMN]... [--clusters FILE] [--explain] [--threshold P] [--strict]")
	fs.StringVar(&opts.in, "in", "", "input CSV with a header row (UTF-8)")
	fs.StringVar(&opts.out, "out", "", "output CSV of pairs: record_id_a,record_id_b,probability[,explanation]")
	id := fs.String("id", "", "column holding the record id (default record_id)")
	fs.Var(opts.cols, "col", "map a role to a column, ROLE=COLUMN (repeatable); roles: "+strings.Join(recordcsv.Roles, ", "))
	fs.StringVar(&opts.clusters, "clusters", "", "also write cluster_id,record_id for every record")
	fs.BoolVar(&opts.explain, "explain", false, "add an explanation column (JSON: field, level, weight)")
	fs.Float64Var(&opts.threshold, "threshold", 0, "match probability threshold in (0,1] (default 0.9)")
	fs.BoolVar(&opts.strict, "strict", false, "fail on the first malformed row instead of skipping it")
	if err := parseFlags(fs, args); err != nil {
		return opts, err
	}
	if *id != "" {
		opts.cols["record_id"] = *id
	}
	switch {
	case opts.in == "" || opts.out == "":
		fmt.Fprintln(env.Stderr, "ceas match: --in and --out are required")
		fs.Usage()
		return opts, errUsage
	case fs.NArg() > 0:
		fmt.Fprintf(env.Stderr, "ceas match: unexpected argument %q\n", fs.Arg(0))
		return opts, errUsage
	case opts.threshold < 0 || opts.threshold > 1:
		return opts, fmt.Errorf("--threshold must be between 0 and 1, got %v", opts.threshold)
	}
	return opts, nil
}

var _ flag.Value = roleFlags{}

func readMatchInput(env *Env, opts matchOptions) ([]identity.Record, error) {
	f, err := os.Open(opts.in)
	if err != nil {
		return nil, fmt.Errorf("open input: %w", err)
	}
	defer f.Close()
	skipped := 0
	recs, err := recordcsv.Read(f, recordcsv.Options{Columns: opts.cols, Strict: opts.strict}, func(e *recordcsv.RowError) {
		skipped++
		fmt.Fprintf(env.Stderr, "ceas match: %s: %v (skipped)\n", opts.in, e)
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", opts.in, err)
	}
	fmt.Fprintf(env.Stderr, "ceas match: read %d records from %s (%d malformed rows skipped)\n", len(recs), opts.in, skipped)
	return recs, nil
}

// matchProgress reports progress on w at most every two seconds (safe for concurrent use).
func matchProgress(w io.Writer, verb, unit string) func(done, total int) {
	var mu sync.Mutex
	last := time.Now()
	return func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if done < total && time.Since(last) < 2*time.Second {
			return
		}
		last = time.Now()
		fmt.Fprintf(w, "ceas match: %s %d/%d %s\n", verb, done, total, unit)
	}
}

func writePairs(path string, pairs []identity.Pair, explain bool) error {
	return writeCSVFile(path, func(w *csv.Writer) error {
		header := []string{"record_id_a", "record_id_b", "probability"}
		if explain {
			header = append(header, "explanation")
		}
		if err := w.Write(header); err != nil {
			return err
		}
		for _, p := range pairs {
			row := []string{p.A, p.B, strconv.FormatFloat(p.Probability, 'f', 4, 64)}
			if explain {
				b, err := json.Marshal(p.Explanation)
				if err != nil {
					return err
				}
				row = append(row, string(b))
			}
			if err := w.Write(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeClusters gives every record a cluster (a person); records found in no pair are
// clusters of one.
func writeClusters(path string, recs []identity.Record, clusters [][]string) error {
	return writeCSVFile(path, func(w *csv.Writer) error {
		if err := w.Write([]string{"cluster_id", "record_id"}); err != nil {
			return err
		}
		in := make(map[string]bool)
		n := 0
		for _, c := range clusters {
			n++
			for _, id := range c {
				in[id] = true
				if err := w.Write([]string{strconv.Itoa(n), id}); err != nil {
					return err
				}
			}
		}
		for _, r := range recs {
			if !in[r.ID] {
				n++
				if err := w.Write([]string{strconv.Itoa(n), r.ID}); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func writeCSVFile(path string, fill func(*csv.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	w := csv.NewWriter(f)
	if err := fill(w); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", path, err)
	}
	return nil
}
