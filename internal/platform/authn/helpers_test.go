package authn_test

import (
	"context"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// t0 is the fixed start of every test clock.
var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// fastArgon keeps tests quick; the production costs are tested once in password_test.go.
func fastArgon() authn.Argon2Params {
	return authn.Argon2Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
}

type fixture struct {
	db    *sqldb.DB
	svc   *authn.Service
	clock *clock.Fixed
	cli   context.Context // the CLI's bootstrap principal
}

// setup builds the service on db with organisations DE and PL (Member States) and EUAA (an
// EU body).
func setup(t *testing.T, db *sqldb.DB) fixture {
	t.Helper()
	ctx := context.Background()
	for _, o := range [][3]string{{"DE", "Germany", "member_state"}, {"PL", "Poland", "member_state"},
		{"EUAA", "European Union Agency for Asylum", "eu_body"}} {
		if _, err := db.Writer().ExecContext(ctx, `INSERT INTO organisations (code, name, kind) VALUES ($1, $2, $3)`,
			o[0], o[1], o[2]); err != nil {
			t.Fatal(err)
		}
	}
	c := clock.NewFixed(t0)
	cfg := authn.Config{MaxFailedLogins: 3, LockoutDuration: 10 * time.Minute, SessionTTL: 8 * time.Hour,
		IdleTimeout: 30 * time.Minute, ThrottleBurst: 100, Argon2: fastArgon()}
	svc, err := authn.New(db, audit.New(db, c), c, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return fixture{db: db, svc: svc, clock: c, cli: authz.WithPrincipal(ctx, authz.System("cli"))}
}

// addUser creates a user through the service as the CLI does.
func (f fixture) addUser(t *testing.T, org, username, password string, roles ...authz.Role) authn.User {
	t.Helper()
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = string(r)
	}
	u, err := f.svc.CreateUser(f.cli, authn.NewUser{Org: org, Username: username, DisplayName: username,
		Roles: names, Password: password})
	if err != nil {
		t.Fatalf("create %s: %v", username, err)
	}
	return u
}

// as returns a context carrying p.
func as(p authz.Principal) context.Context { return authz.WithPrincipal(context.Background(), p) }

// auditRow is the part of an audit entry the tests compare.
type auditRow struct{ Action, Outcome, ObjectID, Actor string }

func auditRows(t *testing.T, db *sqldb.DB) []auditRow {
	t.Helper()
	rows, err := db.Reader().QueryContext(context.Background(), `SELECT action, outcome, object_id, actor FROM audit_log ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []auditRow
	for rows.Next() {
		var r auditRow
		if err := rows.Scan(&r.Action, &r.Outcome, &r.ObjectID, &r.Actor); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// wantKind fails unless err has kind k.
func wantKind(t *testing.T, err error, k errs.Kind) {
	t.Helper()
	if err == nil || errs.KindOf(err) != k {
		t.Fatalf("error %v (kind %v), want kind %v", err, errs.KindOf(err), k)
	}
}
