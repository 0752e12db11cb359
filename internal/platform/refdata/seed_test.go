package refdata_test

import (
	"context"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/refdata"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

func TestSeedIsIdempotent(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		for i := 0; i < 2; i++ {
			if err := refdata.Seed(ctx, db); err != nil {
				t.Fatal(err)
			}
		}
		orgs, err := refdata.StoredOrganisations(ctx, db.Reader())
		if err != nil {
			t.Fatal(err)
		}
		if len(orgs) != len(refdata.Organisations()) {
			t.Fatalf("stored %d organisations, want %d", len(orgs), len(refdata.Organisations()))
		}
		var n int
		if err := db.Reader().QueryRowContext(ctx, `SELECT COUNT(*) FROM countries`).Scan(&n); err != nil || n != len(refdata.Countries()) {
			t.Fatalf("stored %d countries (err %v), want %d", n, err, len(refdata.Countries()))
		}
	})
}
