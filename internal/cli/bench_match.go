package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/ceas-eu/ceas/internal/identity"
	"github.com/ceas-eu/ceas/internal/identity/recordcsv"
	"github.com/ceas-eu/ceas/internal/synth"
)

// runBenchMatch measures the identity engine (issue 3): precision, recall, F1, time and
// peak heap on FEBRL 3, on the linkage of FEBRL 4a and 4b, and on synthetic cross-state
// registrations of the given sizes; then one-record query latency and memory of an Index.
func runBenchMatch(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "bench match", "[--sizes 5k,200k] [--seed S] [--febrl DIR] [--index-size N] [--queries N]")
	sizes := fs.String("sizes", "5k,200k", "synthetic set sizes in records, comma-separated (k and M suffixes)")
	seed := fs.Int64("seed", 1, "generator seed")
	febrl := fs.String("febrl", "", "FEBRL directory (default $CEAS_SHARED/data/febrl, else ../shared/data/febrl)")
	indexSize := fs.String("index-size", "200k", "records in the Index for the query benchmark (0 to skip)")
	queries := fs.Int("queries", 2000, "queries timed against the Index")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ns, err := parseCounts(*sizes)
	if err != nil {
		return err
	}
	ixn, err := parseCounts(*indexSize)
	if err != nil {
		return err
	}
	dir := febrlDir(env, *febrl)
	tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "dataset\trecords\ttrue pairs\tpredicted\tprecision\trecall\tF1\thard merged\tseconds\tpeak heap MB\t\n")
	for _, set := range [][]string{{"febrl3", "dataset3.csv"}, {"febrl4a+4b", "dataset4a.csv", "dataset4b.csv"}} {
		recs, truth, err := loadFEBRL(dir, set[1:])
		if err != nil {
			fmt.Fprintf(env.Stderr, "bench match: %s skipped: %v\n", set[0], err)
			continue
		}
		if err := benchDedupe(ctx, env, tw, set[0], recs, truth, nil); err != nil {
			return err
		}
	}
	for _, n := range ns {
		recs, truth, hard, err := generateRegistrations(ctx, n, *seed)
		if err != nil {
			return err
		}
		if err := benchDedupe(ctx, env, tw, "synthetic", recs, truth, hard); err != nil {
			return err
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(ixn) > 0 && ixn[0] > 0 {
		return benchIndex(ctx, env, ixn[0], *queries, *seed)
	}
	return nil
}

func febrlDir(env *Env, flagDir string) string {
	if flagDir != "" {
		return flagDir
	}
	if s := env.Getenv("CEAS_SHARED"); s != "" {
		return filepath.Join(s, "data", "febrl")
	}
	return filepath.Join("..", "shared", "data", "febrl")
}

// parseCounts reads "5k,200k,1M".
func parseCounts(s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		mult := 1
		switch {
		case strings.HasSuffix(part, "k"), strings.HasSuffix(part, "K"):
			mult, part = 1000, part[:len(part)-1]
		case strings.HasSuffix(part, "M"), strings.HasSuffix(part, "m"):
			mult, part = 1_000_000, part[:len(part)-1]
		}
		n, err := strconv.Atoi(part)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("bad size %q", part)
		}
		out = append(out, n*mult)
	}
	return out, nil
}

func loadFEBRL(dir string, files []string) ([]identity.Record, map[string]string, error) {
	var recs []identity.Record
	for _, f := range files {
		r, err := recordcsv.ReadFEBRL(filepath.Join(dir, f))
		if err != nil {
			return nil, nil, err
		}
		recs = append(recs, r...)
	}
	truth := make(map[string]string, len(recs))
	for _, r := range recs {
		truth[r.ID] = recordcsv.FEBRLEntity(r.ID)
	}
	return recs, truth, nil
}

func generateRegistrations(ctx context.Context, n int, seed int64) ([]identity.Record, map[string]string, map[string]bool, error) {
	recs := make([]identity.Record, 0, n)
	truth, hard := make(map[string]string, n), map[string]bool{}
	err := synth.Generate(ctx, synth.Options{N: n, Seed: seed}, func(r synth.Record) error {
		rec := identity.Record{ID: r.RecordID, MemberState: r.MemberState, Surname: r.Surname,
			GivenName: r.GivenName, Patronymic: r.Patronymic, Sex: r.Sex, PlaceOfBirth: r.PlaceOfBirth,
			Nationality: r.Nationality, Address: r.Address, Locality: r.Locality, Postcode: r.Postcode}
		rec.DateOfBirth, _ = identity.ParseDate(r.DateOfBirth)
		if r.DocumentNumber != "" {
			rec.Documents = []identity.Document{{Type: r.DocumentType, Number: r.DocumentNumber}}
		}
		recs = append(recs, rec)
		truth[r.RecordID] = r.PersonID
		if r.Hard != "" {
			hard[r.RecordID] = true
		}
		return nil
	})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("bench match: generate: %w", err)
	}
	return recs, truth, hard, nil
}

func benchDedupe(ctx context.Context, env *Env, tw *tabwriter.Writer, name string, recs []identity.Record, truth map[string]string, hard map[string]bool) error {
	peak := watchHeap()
	start := time.Now()
	pairs, _, err := identity.Dedupe(ctx, recs, identity.DefaultConfig(), nil)
	elapsed := time.Since(start)
	maxHeap := peak()
	if err != nil {
		return fmt.Errorf("bench match: %s: %w", name, err)
	}
	q := identity.Evaluate(pairs, truth)
	// the table is aligned at the end; the large sets take minutes, so say it now too
	fmt.Fprintf(env.Stderr, "bench match: %s %d records: F1 %.4f in %.1f s\n", name, len(recs), q.F1, elapsed.Seconds())
	merged := "-"
	if hard != nil {
		m, total := countHardMerges(pairs, truth, hard)
		merged = fmt.Sprintf("%d/%d", m, total)
	}
	fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.4f\t%.4f\t%.4f\t%s\t%.2f\t%.0f\t\n", name, len(recs), q.TruePairs,
		q.PredictedPairs, q.Precision, q.Recall, q.F1, merged, elapsed.Seconds(), float64(maxHeap)/(1<<20))
	return nil
}

// countHardMerges counts distinct pairs of hard-negative persons put together.
func countHardMerges(pairs []identity.Pair, truth map[string]string, hard map[string]bool) (merged, total int) {
	persons := map[string]bool{}
	for id := range hard {
		persons[truth[id]] = true
	}
	seen := map[[2]string]bool{}
	for _, p := range pairs {
		pa, pb := truth[p.A], truth[p.B]
		if pa != pb && hard[p.A] && hard[p.B] {
			seen[[2]string{min(pa, pb), max(pa, pb)}] = true
		}
	}
	return len(seen), len(persons) / 2
}

// watchHeap samples the live heap every 20 ms until the returned function is called,
// which returns the largest value seen.
func watchHeap() func() uint64 {
	runtime.GC()
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	})
	return func() uint64 {
		close(stop)
		wg.Wait()
		return peak.Load()
	}
}

// benchIndex fills an Index with n generated records and times single-record queries.
func benchIndex(ctx context.Context, env *Env, n, queries int, seed int64) error {
	recs, _, _, err := generateRegistrations(ctx, n, seed+1)
	if err != nil {
		return err
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	ix := identity.NewIndex(identity.DefaultConfig())
	for _, r := range recs {
		ix.Add(r)
	}
	build := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	perRecord := (float64(after.HeapAlloc) - float64(before.HeapAlloc)) / float64(n)
	lat := make([]time.Duration, 0, queries)
	for i := range queries {
		q := recs[(i*7919)%len(recs)]
		q.ID = "query"
		t := time.Now()
		_ = ix.Query(q, 10)
		lat = append(lat, time.Since(t))
	}
	slices.Sort(lat)
	p := func(f float64) time.Duration { return lat[min(len(lat)-1, int(f*float64(len(lat))))] }
	fmt.Fprintf(env.Stdout, "\nindex: %d records built in %.1f s, %.0f bytes/record (heap); query p50 %s, p99 %s, max %s over %d queries\n",
		n, build.Seconds(), perRecord, p(0.5).Round(time.Microsecond), p(0.99).Round(time.Microsecond), lat[len(lat)-1].Round(time.Microsecond), len(lat))
	runtime.KeepAlive(ix)
	return nil
}
