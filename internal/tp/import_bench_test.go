package tp

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
	"github.com/ceas-eu/ceas/internal/synth"
)

// TestImportAllStates imports CEAS_TP_BENCH_N synthetic registrations as `ceas bench tp`
// does, one CSV per state imported by that state (skipped when unset). Run it with
// -cpuprofile to see where an import spends its time.
func TestImportAllStates(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("CEAS_TP_BENCH_N"))
	if n == 0 {
		t.Skip("set CEAS_TP_BENCH_N")
	}
	files := map[string]*bytes.Buffer{}
	writers := map[string]*csv.Writer{}
	var order []string
	err := synth.Generate(context.Background(), synth.Options{N: n, Seed: 7}, func(r synth.Record) error {
		w := writers[r.MemberState]
		if w == nil {
			files[r.MemberState] = &bytes.Buffer{}
			w = csv.NewWriter(files[r.MemberState])
			writers[r.MemberState] = w
			order = append(order, r.MemberState)
			_ = w.Write([]string{"external_id", "surname", "given_name", "patronymic", "sex", "date_of_birth", "place_of_birth",
				"nationality", "document_type", "document_number", "address", "locality", "postcode", "registered_on"})
		}
		return w.Write([]string{r.RecordID, r.Surname, r.GivenName, r.Patronymic, r.Sex, r.DateOfBirth, r.PlaceOfBirth,
			r.Nationality, r.DocumentType, r.DocumentNumber, r.Address, r.Locality, r.Postcode, "2022-04-01"})
	})
	if err != nil {
		t.Fatal(err)
	}
	db := sqldbtest.SQLite(t)
	if dir := os.Getenv("CEAS_TP_BENCH_DIR"); dir != "" { // keep the database for search and index probes
		var err error
		if db, err = sqldb.Open(context.Background(), sqldb.Options{DataDir: dir}); err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	f := newFixture(t, db)
	var took time.Duration
	var accepted, hits int64
	for _, state := range order {
		writers[state].Flush()
		start := time.Now()
		batch, _ := strconv.Atoi(os.Getenv("CEAS_TP_BENCH_BATCH"))
		rep, err := f.svc.Import(officer(state), files[state], ImportOptions{Format: "csv", Source: state, BatchSize: batch})
		took += time.Since(start)
		if err != nil {
			t.Fatal(err)
		}
		accepted, hits = accepted+rep.Accepted, hits+rep.Matches
	}
	t.Logf("imported %d rows (%d accepted, %d hits) in %s: %.0f rows/s", n, accepted, hits, took, float64(n)/took.Seconds())
}
