package tp

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// TestSearchAndStatsSpeed times the searches and the dashboard's aggregates on the SQLite
// database in CEAS_TP_DATA_DIR (skipped when unset), with each query's plan.
func TestSearchAndStatsSpeed(t *testing.T) {
	dir := os.Getenv("CEAS_TP_DATA_DIR")
	if dir == "" {
		t.Skip("set CEAS_TP_DATA_DIR")
	}
	ctx := context.Background()
	db, err := sqldb.Open(ctx, sqldb.Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, db)
	var doc, dob string
	if err := db.Reader().QueryRowContext(ctx, `SELECT d.number, r.date_of_birth FROM tp_documents d
		JOIN tp_registrations r ON r.id = d.registration_id WHERE d.owner_org = 'DE' LIMIT 1 OFFSET 500`).Scan(&doc, &dob); err != nil {
		t.Fatal(err)
	}
	for _, q := range []Query{{Name: "Shevchenko"}, {Name: "Коваленко Олена"}, {Name: "Zzyzx"}, {Document: doc}, {DateOfBirth: dob},
		{DateOfBirth: dob[:4]}, {Name: "Melnyk", DateOfBirth: dob[:4]}} {
		start := time.Now()
		got, _, err := f.svc.Search(officer("DE"), q)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("search %+v: %d results in %s", q, len(got), time.Since(start))
	}
	an := authz.WithPrincipal(ctx, authz.Principal{ID: "a", Org: "DE", Roles: []authz.Role{authz.RoleRegistrationOfficer}, Kind: authz.KindUser})
	start := time.Now()
	if _, err := f.svc.Stats(an); err != nil {
		t.Fatal(err)
	}
	t.Logf("stats (first, uncached): %s", time.Since(start))
}
