package authn_test

import (
	"context"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

// BenchmarkHashPasswordDefault measures one argon2id derivation at the default costs: the
// CPU time of every password login, successful or not.
func BenchmarkHashPasswordDefault(b *testing.B) {
	for b.Loop() {
		if _, err := authn.HashPassword("correct horse battery", authn.DefaultArgon2()); err != nil {
			b.Fatal(err)
		}
	}
}

// benchService returns a service on SQLite with the default costs and one user "anna".
func benchService(b *testing.B) *authn.Service {
	db := sqldbtest.SQLite(b)
	ctx := context.Background()
	if _, err := db.Writer().ExecContext(ctx, `INSERT INTO organisations (code, name, kind) VALUES ('DE', 'Germany', 'member_state')`); err != nil {
		b.Fatal(err)
	}
	c := clock.NewFixed(t0)
	svc, err := authn.New(db, audit.New(db, c), c, authn.Config{ThrottleBurst: 1 << 30, MaxFailedLogins: 1 << 30})
	if err != nil {
		b.Fatal(err)
	}
	cli := authz.WithPrincipal(ctx, authz.System("bench"))
	if _, err := svc.CreateUser(cli, authn.NewUser{Org: "DE", Username: "anna", DisplayName: "Anna",
		Roles: []string{"analyst"}, Password: goodPassword}); err != nil {
		b.Fatal(err)
	}
	return svc
}

// BenchmarkSession measures resolving a session cookie, the cost added to every page view.
func BenchmarkSession(b *testing.B) {
	svc := benchService(b)
	ctx := context.Background()
	login, err := svc.Authenticate(ctx, "anna", goodPassword, "10.0.0.1")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := svc.Session(ctx, login.Token); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAuthenticateToken measures resolving an API token, the cost added to every API call.
func BenchmarkAuthenticateToken(b *testing.B) {
	svc := benchService(b)
	ctx := context.Background()
	cli := authz.WithPrincipal(ctx, authz.System("bench"))
	_, secret, err := svc.CreateToken(cli, authn.NewToken{Org: "DE", Roles: []string{"analyst"}})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := svc.AuthenticateToken(ctx, secret, "10.0.0.1"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoginUnknownUser and BenchmarkLoginWrongPassword compare the two failures an
// attacker would like to tell apart; they should cost the same (one argon2id derivation).
func BenchmarkLoginUnknownUser(b *testing.B) {
	svc := benchService(b)
	ctx := context.Background()
	for b.Loop() {
		_, _ = svc.Authenticate(ctx, "nobody", "wrong password!", "10.0.0.1")
	}
}

func BenchmarkLoginWrongPassword(b *testing.B) {
	svc := benchService(b)
	ctx := context.Background()
	for b.Loop() {
		_, _ = svc.Authenticate(ctx, "anna", "wrong password!", "10.0.0.1")
	}
}
