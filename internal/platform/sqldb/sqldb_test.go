package sqldb_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

func TestSchemasOfBothDialectsAgree(t *testing.T) {
	lite := sqldbtest.SQLite(t)
	pg := sqldbtest.Postgres(t) // skips without CEAS_TEST_POSTGRES
	ctx := context.Background()
	a, err := lite.Schema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, err := pg.Schema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	as, bs := fmt.Sprint(a), fmt.Sprint(b)
	if as != bs {
		for i := 0; i < len(a) && i < len(b); i++ {
			if a[i] != b[i] {
				t.Fatalf("first difference: sqlite %+v, postgres %+v", a[i], b[i])
			}
		}
		t.Fatalf("schemas differ in length: sqlite %d columns, postgres %d", len(a), len(b))
	}
}

func TestMigrateIsIdempotentAndReportsStatus(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		n, err := db.Migrate(ctx)
		if err != nil || n != 0 {
			t.Fatalf("second migrate applied %d, err %v; want 0, nil", n, err)
		}
		st, err := db.Status(ctx)
		if err != nil || st.Pending() || st.Current == 0 {
			t.Fatalf("status %+v, err %v", st, err)
		}
	})
}

func TestTxRollsBackOnErrorAndRoundTripsValues(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		now := sqldb.UTC(time.Date(2026, 3, 1, 12, 30, 15, 123456789, time.UTC))
		insert := `INSERT INTO organisations (code, name, kind, applies_dublin) VALUES ($1, $2, 'member_state', $3)`
		boom := errors.New("boom")
		err := db.Tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, insert, "XX", "Rolled back", true); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("Tx returned %v, want boom", err)
		}
		var n int
		if err := db.Reader().QueryRowContext(ctx, `SELECT COUNT(*) FROM organisations WHERE code = 'XX'`).Scan(&n); err != nil || n != 0 {
			t.Fatalf("rolled back row visible: n=%d err=%v", n, err)
		}
		err = db.Tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, insert, "XX", "Kept", true); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO users (id, org, username, display_name, created_at, updated_at)
				VALUES ($1, $2, $3, $3, $4, $4)`, "u1", "XX", "alice", now)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		var got time.Time
		var dublin bool
		row := db.Reader().QueryRowContext(ctx, `SELECT u.created_at, o.applies_dublin FROM users u JOIN organisations o ON o.code = u.org WHERE u.id = $1`, "u1")
		if err := row.Scan(&got, &dublin); err != nil {
			t.Fatal(err)
		}
		if !got.Equal(now) || !dublin {
			t.Fatalf("round trip: got %v %v, want %v true", got, dublin, now)
		}
		_, err = db.Writer().ExecContext(ctx, insert, "XX", "Again", false)
		if !sqldb.IsUniqueViolation(err) {
			t.Fatalf("duplicate key: got %v, want a unique violation", err)
		}
	})
}

func TestRedactURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://ceas:secret@db:5432/ceas", "postgres://ceas:xxxxx@db:5432/ceas"},
		{"postgres://db/ceas", "postgres://db/ceas"},
		{"postgresql://u@h/d", "postgresql://u@h/d"},
	}
	for _, tt := range tests {
		if got := sqldb.RedactURL(tt.in); got != tt.want {
			t.Errorf("RedactURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
