package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ceas-eu/ceas/internal/awareness"
	awreport "github.com/ceas-eu/ceas/internal/awareness/report"
	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/outbox"
)

// runReportSituation writes the situational report for a period as one printable HTML file.
// The observations come from a CSV or XLSX file in the layout of
// internal/awareness/csv-layout.md (-in), from the awareness store of a database when
// --data-dir or --db is given, and otherwise from the built-in 2022 dataset.
func runReportSituation(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "report situation", "-from YYYY-MM-DD -to YYYY-MM-DD -out FILE.html [-in FILE.csv|FILE.xlsx | --data-dir DIR | --db URL] [-suppress N]")
	db := addDBFlags(fs, env)
	from := fs.String("from", "", "first day of the period (required)")
	to := fs.String("to", "", "last day of the period, inclusive (required)")
	out := fs.String("out", "", "HTML file to write (required)")
	in := fs.String("in", "", "observations, CSV or .xlsx (default: the 2022 demo dataset)")
	suppress := fs.Float64("suppress", awareness.SmallCount, "withhold counts of people below this; 0 shows everything")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	p, err := reportPeriod(*from, *to, *out, *suppress)
	if err != nil {
		return err
	}
	var obs []awareness.Observation
	if *in == "" && (flagGiven(fs, "data-dir", "db") || env.Getenv("CEAS_DB") != "" || env.Getenv("CEAS_DATA_DIR") != "") {
		obs, err = storedObservations(ctx, db)
	} else {
		obs, err = reportObservations(env, *in)
	}
	if err != nil {
		return err
	}
	r := awareness.BuildReport(obs, p.Start, p.End)
	if *suppress > 0 {
		r = r.SuppressSmall(*suppress)
	}
	if err := writeReport(*out, r); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "report situation: %d observations, %s, %d key figures, %d alerts -> %s\n",
		len(obs), p, len(r.KeyFigures), len(r.Alerts), *out)
	return nil
}

// reportPeriod checks the flags and returns the period.
func reportPeriod(from, to, out string, suppress float64) (awareness.Period, error) {
	var v errs.Validation
	start, err := awareness.ParseDate(from)
	v.Check(err == nil, "from", "must be a date YYYY-MM-DD")
	end, err := awareness.ParseDate(to)
	v.Check(err == nil, "to", "must be a date YYYY-MM-DD")
	v.Check(start.IsZero() || end.IsZero() || end >= start, "to", "must not be before from")
	v.Check(out != "", "out", "is required")
	v.Check(suppress >= 0, "suppress", "must not be negative")
	return awareness.Period{Start: start, End: end}, v.Err()
}

// flagGiven reports whether any of the named flags was set on the command line.
func flagGiven(fs *flag.FlagSet, names ...string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) {
		for _, n := range names {
			given = given || f.Name == n
		}
	})
	return given
}

// storedObservations reads the awareness store (latest revisions) as the system, which the
// audit log records; suppression is applied to the report afterwards.
func storedObservations(ctx context.Context, db *dbFlags) ([]awareness.Observation, error) {
	conn, err := db.open(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	c := clock.System{}
	svc := awareness.NewService(conn, audit.New(conn, c), outbox.New(conn, c), c, awareness.Config{})
	return svc.AllObservations(authz.WithPrincipal(ctx, authz.System("cli")))
}

// reportObservations loads the demo dataset, or the CSV (or .xlsx) file at path, listing
// rejected rows on standard error.
func reportObservations(env *Env, path string) ([]awareness.Observation, error) {
	if path == "" {
		return awareness.Demo2022(), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open observations: %w", err)
	}
	defer f.Close()
	var obs []awareness.Observation
	collect := func(o awareness.Observation) error { obs = append(obs, o); return nil }
	var rep awareness.ImportReport
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		var fi os.FileInfo
		if fi, err = f.Stat(); err == nil {
			rep, err = awareness.ReadXLSX(f, fi.Size(), collect)
		}
	} else {
		rep, err = awareness.ReadCSV(f, collect)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for _, e := range rep.Errors {
		fmt.Fprintf(env.Stderr, "%s:%d: rejected: %s\n", path, e.Line, e.Reason)
	}
	fmt.Fprintf(env.Stderr, "report situation: %s: %d rows accepted, %d rejected\n", path, rep.Accepted, rep.Rejected)
	return obs, nil
}

// writeReport renders r into a temporary file beside path and renames it, so a failed run
// never leaves half a report behind.
func writeReport(path string, r awareness.Report) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".report-*.html")
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if err := awreport.Render(tmp, r); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
