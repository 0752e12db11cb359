package tp

import (
	"context"
	"log/slog"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
	"github.com/ceas-eu/ceas/internal/synth"
)

// TestSeedSpeed measures seeding N synthetic registrations (CEAS_TP_SEED_N, skipped when
// unset): the figure of the demo.
func TestSeedSpeed(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("CEAS_TP_SEED_N"))
	if n == 0 {
		t.Skip("set CEAS_TP_SEED_N")
	}
	f := newFixture(t, sqldbtest.SQLite(t))
	f.svc.log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	var rows []SeedRow
	_ = synth.Generate(context.Background(), synth.Options{N: n, Seed: 1}, func(r synth.Record) error {
		cols := map[string]string{"external_id": r.RecordID, "sex": r.Sex, "place_of_birth": r.PlaceOfBirth,
			"date_of_birth": r.DateOfBirth, "nationality": r.Nationality, "registered_on": "2022-04-01", "locality": r.Locality}
		for name, v := range map[string]string{"surname": r.Surname, "given_name": r.GivenName, "patronymic": r.Patronymic} {
			if isName(v, true) && v != "" {
				name += "_cyrillic"
			}
			cols[name] = v
		}
		if CheckDocumentNumber(r.DocumentType, "UA", NormalizeDocumentNumber(r.DocumentNumber)) == "" {
			cols["document_type"], cols["document_number"] = r.DocumentType, r.DocumentNumber
		}
		rows = append(rows, SeedRow{State: r.MemberState, Input: InputFromColumns(func(k string) string { return cols[k] })})
		return nil
	})
	ctx := authz.WithPrincipal(context.Background(), authz.System("demo"))
	i := 0
	start := time.Now()
	stored, err := f.svc.Seed(ctx, func() (SeedRow, bool, error) {
		if i == len(rows) {
			return SeedRow{}, false, nil
		}
		i++
		return rows[i-1], true, nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var reviews int
	_ = f.db.Reader().QueryRowContext(ctx, `SELECT COUNT(*) FROM tp_reviews`).Scan(&reviews)
	el := time.Since(start)
	t.Logf("seeded %d of %d in %s (%.0f/s), %d reviews", stored, n, el, float64(stored)/el.Seconds(), reviews)
}

// TestImportSpeed measures a bulk import of CEAS_TP_IMPORT_FILE as CEAS_TP_IMPORT_ORG
// (skipped when unset).
func TestImportSpeed(t *testing.T) {
	path, org := os.Getenv("CEAS_TP_IMPORT_FILE"), os.Getenv("CEAS_TP_IMPORT_ORG")
	if path == "" {
		t.Skip("set CEAS_TP_IMPORT_FILE and CEAS_TP_IMPORT_ORG")
	}
	f := newFixture(t, sqldbtest.SQLite(t))
	in, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	start := time.Now()
	rep, err := f.svc.Import(officer(org), in, ImportOptions{Format: "csv"})
	if err != nil {
		t.Fatal(err)
	}
	el := time.Since(start)
	t.Logf("imported %d lines (%d accepted) in %s (%.0f/s)", rep.Lines, rep.Accepted, el, float64(rep.Lines)/el.Seconds())
}

// TestRegisterLatency seeds CEAS_TP_SEED_N registrations, then registers 1000 more one by
// one and reports the latency distribution of Register with its check (skipped when unset).
func TestRegisterLatency(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("CEAS_TP_SEED_N"))
	if n == 0 {
		t.Skip("set CEAS_TP_SEED_N")
	}
	f := newFixture(t, sqldbtest.SQLite(t))
	var rows []SeedRow
	_ = synth.Generate(context.Background(), synth.Options{N: n + 2000, Seed: 3}, func(r synth.Record) error {
		cols := map[string]string{"external_id": r.RecordID, "sex": r.Sex, "date_of_birth": r.DateOfBirth,
			"nationality": "UA", "surname": r.Surname, "given_name": r.GivenName, "registered_on": "2022-04-01",
			"ground": "ukrainian_national"}
		fr := fileRow{in: InputFromColumns(func(k string) string { return cols[k] })}
		prepareImported(&fr, r.MemberState)
		rows = append(rows, SeedRow{State: r.MemberState, Input: fr.in})
		return nil
	})
	i := 0
	sys := authz.WithPrincipal(context.Background(), authz.System("demo"))
	if _, err := f.svc.Seed(sys, func() (SeedRow, bool, error) {
		if i == n {
			return SeedRow{}, false, nil
		}
		i++
		return rows[i-1], true, nil
	}, nil); err != nil {
		t.Fatal(err)
	}
	var lat []time.Duration
	for _, row := range rows[n:] {
		if row.State != "PL" {
			continue
		}
		start := time.Now()
		if _, err := f.svc.Register(officer("PL"), row.Input); err != nil {
			continue
		}
		lat = append(lat, time.Since(start))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	t.Logf("%d registrations on %d: p50 %s p99 %s max %s", len(lat), n, lat[len(lat)/2], lat[len(lat)*99/100], lat[len(lat)-1])
}

// TestLoadIndexSpeed loads the identity index from the SQLite database in the directory
// CEAS_TP_DATA_DIR (skipped when unset).
func TestLoadIndexSpeed(t *testing.T) {
	dir := os.Getenv("CEAS_TP_DATA_DIR")
	if dir == "" {
		t.Skip("set CEAS_TP_DATA_DIR")
	}
	db, err := sqldb.Open(context.Background(), sqldb.Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	f := newFixture(t, db)
	start := time.Now()
	n, err := f.svc.LoadIndex(context.Background())
	t.Logf("indexed %d in %s (%v)", n, time.Since(start), err)
}
