package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ceas-eu/ceas/internal/identity"
	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/jobs"
	"github.com/ceas-eu/ceas/internal/platform/outbox"
	"github.com/ceas-eu/ceas/internal/platform/refdata"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/tp"
)

// openTP opens the database and the TP service with its identity index loaded, and returns
// a context acting for org as a registration officer of that state.
func openTP(ctx context.Context, env *Env, f *dbFlags, org string) (context.Context, *tp.Service, *sqldb.DB, error) {
	db, err := f.open(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := refdata.Seed(ctx, db); err != nil {
		db.Close()
		return nil, nil, nil, err
	}
	c := clock.System{}
	svc := tp.New(tp.Deps{DB: db, Audit: audit.New(db, c), Outbox: outbox.New(db, c), Jobs: jobs.New(db, c, "cli", nil),
		Clock: c, Index: identity.NewIndex(identity.DefaultConfig())}, tp.DefaultConfig())
	start := time.Now()
	n, err := svc.LoadIndex(ctx)
	if err != nil {
		db.Close()
		return nil, nil, nil, err
	}
	fmt.Fprintf(env.Stderr, "tp: identity index of %d registrations loaded in %s\n", n, time.Since(start).Round(time.Millisecond))
	p := authz.Principal{ID: "cli:tp", Name: "ceas tp (" + org + ")", Org: org,
		Roles: []authz.Role{authz.RoleRegistrationOfficer}, Kind: authz.KindToken}
	return audit.WithPurpose(authz.WithPrincipal(ctx, p), "bulk exchange"), svc, db, nil
}

// runTPImport imports a state's registrations from a CSV or NDJSON file. Run again after a
// crash, it resumes after the last committed line (the source is the file's checksum).
func runTPImport(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "tp import", "--org DE --in FILE [--format csv|ndjson] [--source NAME] [--report FILE]")
	dbf := addDBFlags(fs, env)
	org := fs.String("org", "", "importing Member State (ISO code, required)")
	in := fs.String("in", "", "file to import: .csv or .ndjson (required)")
	format := fs.String("format", "", "csv or ndjson (default: from the file extension)")
	source := fs.String("source", "", "name under which progress is kept (default: the file's SHA-256)")
	report := fs.String("report", "", "write the JSON report with every rejected line to this file")
	batch := fs.Int("batch", 1000, "rows per transaction")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format == "" {
		*format = strings.TrimPrefix(strings.ToLower(filepath.Ext(*in)), ".")
	}
	var v errs.Validation
	v.Check(refdata.IsStateCode(strings.ToUpper(*org)), "org", "must be a state code such as DE")
	v.Check(*in != "", "in", "is required")
	v.Check(*format == "csv" || *format == "ndjson" || *format == "jsonl", "format", "must be csv or ndjson (or name the file .csv/.ndjson)")
	if err := v.Err(); err != nil {
		return err
	}
	if *source == "" {
		sum, err := fileSHA256(*in)
		if err != nil {
			return err
		}
		*source = "sha256:" + sum
	}
	f, err := os.Open(*in)
	if err != nil {
		return fmt.Errorf("open %s: %w", *in, err)
	}
	defer f.Close()
	ctx, svc, db, err := openTP(ctx, env, dbf, strings.ToUpper(*org))
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	rep, err := svc.Import(ctx, f, tp.ImportOptions{Format: *format, Source: *source, BatchSize: *batch,
		Progress: func(r tp.BulkImportReport) {
			el := time.Since(start).Seconds()
			fmt.Fprintf(env.Stderr, "tp import: line %d, %d accepted, %d rejected, %d cross-state hits (%.0f rows/s)\n",
				r.Lines, r.Accepted, r.Rejected, r.Matches, float64(r.Lines-r.ResumedAt)/el)
		}})
	if err != nil {
		return fmt.Errorf("%w (run the same command again to resume after line %d)", err, rep.Lines)
	}
	return printImportReport(env, rep, *report, time.Since(start))
}

func printImportReport(env *Env, rep tp.BulkImportReport, path string, took time.Duration) error {
	if rep.ResumedAt > 0 {
		fmt.Fprintf(env.Stderr, "tp import: resumed after line %d\n", rep.ResumedAt)
	}
	for i, rj := range rep.Rejects {
		if i == 20 {
			fmt.Fprintf(env.Stderr, "tp import: ... %d more rejected lines (see --report)\n", rep.Rejected-20)
			break
		}
		parts := make([]string, len(rj.Errors))
		for j, e := range rj.Errors {
			parts[j] = e.Field + ": " + e.Rule
		}
		fmt.Fprintf(env.Stderr, "tp import: line %d rejected: %s\n", rj.Line, strings.Join(parts, "; "))
	}
	fmt.Fprintf(env.Stderr, "tp import: %s done: %d lines, %d accepted, %d rejected in %s\n", rep.Source, rep.Lines,
		rep.Accepted, rep.Rejected, took.Round(time.Millisecond))
	b, _ := json.MarshalIndent(rep, "", "  ")
	if path != "" {
		return os.WriteFile(path, b, 0o600)
	}
	_, err := fmt.Fprintf(env.Stdout, "%s\n", b)
	return err
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// runTPExport writes a state's own registrations as CSV or NDJSON.
func runTPExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "tp export", "--org DE [--format csv|ndjson] [--out FILE]")
	dbf := addDBFlags(fs, env)
	org := fs.String("org", "", "exporting Member State (required)")
	format := fs.String("format", "ndjson", "csv or ndjson")
	out := fs.String("out", "", "file to write (default: standard output)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !refdata.IsStateCode(strings.ToUpper(*org)) {
		return errs.Field("org", "must be a state code such as DE")
	}
	ctx, svc, db, err := openTP(ctx, env, dbf, strings.ToUpper(*org))
	if err != nil {
		return err
	}
	defer db.Close()
	w := env.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("create %s: %w", *out, err)
		}
		defer f.Close()
		w = f
	}
	n, err := svc.Export(ctx, w, *format)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "tp export: %d registrations of %s\n", n, strings.ToUpper(*org))
	return nil
}
