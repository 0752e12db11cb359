package authn_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

func TestTokenIsShownOnceAndOnlyItsHashIsStored(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db)
		tok, secret, err := f.svc.CreateToken(f.cli, authn.NewToken{Org: "de", Name: "national AFIS",
			Roles: []string{"registration_officer"}, TTL: 720 * time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(secret, "ceas_") || len(secret) != 48 || tok.Org != "DE" ||
			!tok.ExpiresAt.Equal(t0.Add(720*time.Hour)) {
			t.Fatalf("token %+v secret %q", tok, secret)
		}
		var stored, roles string
		ctx := context.Background()
		if err := db.Reader().QueryRowContext(ctx, `SELECT token_hash, roles FROM api_tokens WHERE id = $1`, tok.ID).Scan(&stored, &roles); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256([]byte(secret))
		if stored != hex.EncodeToString(sum[:]) || strings.Contains(stored, secret[5:]) || roles != "registration_officer" {
			t.Fatalf("stored %q, roles %q: want the SHA-256 of the secret only", stored, roles)
		}
		var n int
		if err := db.Reader().QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE detail LIKE $1`, "%"+secret[5:]+"%").Scan(&n); err != nil || n != 0 {
			t.Fatalf("the secret is in the audit log (%d rows, %v)", n, err)
		}
		listed, err := f.svc.ListTokens(f.cli, "DE")
		if err != nil || len(listed) != 1 || listed[0].ID != tok.ID {
			t.Fatalf("ListTokens = %+v, %v", listed, err)
		}
		p, err := f.svc.AuthenticateToken(ctx, secret, "10.0.0.1")
		if err != nil || p.Kind != authz.KindToken || p.Org != "DE" || !p.Can(authz.PermTPWrite) || p.Can(authz.PermAdminUsers) {
			t.Fatalf("AuthenticateToken = %+v, %v", p, err)
		}
	})
}

func TestRevokedExpiredAndUnknownTokensAreRefused(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db)
		ctx := context.Background()
		newToken := func(ttl time.Duration) (authn.Token, string) {
			tok, secret, err := f.svc.CreateToken(f.cli, authn.NewToken{Org: "PL", Roles: []string{"border_guard"}, TTL: ttl})
			if err != nil {
				t.Fatal(err)
			}
			return tok, secret
		}
		revoked, revokedSecret := newToken(time.Hour)
		_, expiringSecret := newToken(time.Hour)
		if err := f.svc.RevokeToken(f.cli, revoked.ID); err != nil {
			t.Fatal(err)
		}
		_, err := f.svc.AuthenticateToken(ctx, revokedSecret, "10.0.0.1")
		wantKind(t, err, errs.KindUnauthenticated)
		if _, err := f.svc.AuthenticateToken(ctx, expiringSecret, "10.0.0.1"); err != nil {
			t.Fatalf("valid token refused: %v", err)
		}
		f.clock.Advance(time.Hour)
		_, err = f.svc.AuthenticateToken(ctx, expiringSecret, "10.0.0.1")
		wantKind(t, err, errs.KindUnauthenticated)
		for _, bad := range []string{"", "ceas_", "Bearer x", "ceas_" + strings.Repeat("A", 43)} {
			_, err = f.svc.AuthenticateToken(ctx, bad, "10.0.0.1")
			wantKind(t, err, errs.KindUnauthenticated)
		}
		var denied int
		for _, r := range auditRows(t, db) {
			if r.Action == "auth.token" && r.Outcome == "denied" {
				denied++
			}
		}
		if denied != 6 {
			t.Fatalf("%d refused tokens audited, want 6", denied)
		}
	})
}

func TestTokenLastUseIsWrittenAtMostOnceAMinute(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db)
		tok, secret, err := f.svc.CreateToken(f.cli, authn.NewToken{Org: "DE", Roles: []string{"analyst"}})
		if err != nil {
			t.Fatal(err)
		}
		if !tok.ExpiresAt.Equal(t0.Add(90 * 24 * time.Hour)) {
			t.Fatalf("default expiry %v", tok.ExpiresAt)
		}
		lastUsed := func() time.Time {
			list, err := f.svc.ListTokens(f.cli, "DE")
			if err != nil {
				t.Fatal(err)
			}
			return list[0].LastUsedAt
		}
		for _, step := range []struct {
			advance time.Duration
			want    time.Time
		}{{0, t0}, {59 * time.Second, t0}, {time.Second, t0.Add(time.Minute)}} {
			f.clock.Advance(step.advance)
			if _, err := f.svc.AuthenticateToken(context.Background(), secret, "10.0.0.1"); err != nil {
				t.Fatal(err)
			}
			if got := lastUsed(); !got.Equal(step.want) {
				t.Fatalf("last_used_at %v, want %v", got, step.want)
			}
		}
	})
}

func TestTokenRolesAndOrganisationsAreChecked(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db)
		deAdmin := as(f.addUser(t, "DE", "de.admin", "", authz.RoleAdmin).Principal())
		tests := []struct {
			name string
			ctx  context.Context
			n    authn.NewToken
			want errs.Kind
		}{
			{"admin of DE for DE", deAdmin, authn.NewToken{Org: "DE", Roles: []string{"dublin_officer"}}, 0},
			{"admin of DE for PL", deAdmin, authn.NewToken{Org: "PL", Roles: []string{"dublin_officer"}}, errs.KindForbidden},
			{"EU body with an officer role", f.cli, authn.NewToken{Org: "EUAA", Roles: []string{"border_guard"}}, errs.KindInvalid},
			{"Member State as coordinator", f.cli, authn.NewToken{Org: "PL", Roles: []string{"coordinator"}}, errs.KindInvalid},
			{"unknown role", f.cli, authn.NewToken{Org: "PL", Roles: []string{"superuser"}}, errs.KindInvalid},
			{"beyond the longest lifetime", f.cli, authn.NewToken{Org: "PL", Roles: []string{"analyst"}, TTL: 3 * 365 * 24 * time.Hour}, errs.KindInvalid},
			{"negative lifetime", f.cli, authn.NewToken{Org: "PL", Roles: []string{"analyst"}, TTL: -time.Hour}, errs.KindInvalid},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, _, err := f.svc.CreateToken(tt.ctx, tt.n)
				if tt.want == 0 && err != nil {
					t.Fatal(err)
				}
				if tt.want != 0 {
					wantKind(t, err, tt.want)
				}
			})
		}
		pl, _, err := f.svc.CreateToken(f.cli, authn.NewToken{Org: "PL", Roles: []string{"analyst"}})
		if err != nil {
			t.Fatal(err)
		}
		wantKind(t, f.svc.RevokeToken(deAdmin, pl.ID), errs.KindNotFound)
		list, err := f.svc.ListTokens(deAdmin, "")
		if err != nil || len(list) != 1 || list[0].Org != "DE" {
			t.Fatalf("DE admin lists %+v, %v", list, err)
		}
	})
}
