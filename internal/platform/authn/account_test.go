package authn_test

import (
	"context"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

func TestChangeOwnPassword(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db) // MaxFailedLogins 3
		u := f.addUser(t, "DE", "anna", goodPassword, authz.RoleAnalyst)
		ctx := context.Background()
		login, err := f.svc.Authenticate(ctx, "anna", goodPassword, "10.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		me := as(u.Principal())
		tests := []struct {
			name          string
			ctx           context.Context
			current, next string
			want          errs.Kind
		}{
			{"a token cannot", as(authz.Principal{ID: "token:x", Org: "DE", Kind: authz.KindToken}), goodPassword, "another good password", errs.KindForbidden},
			{"the CLI cannot", f.cli, goodPassword, "another good password", errs.KindForbidden},
			{"wrong current password", me, "not my password", "another good password", errs.KindInvalid},
			{"too short", me, goodPassword, "short", errs.KindInvalid},
			{"unchanged", me, goodPassword, goodPassword, errs.KindInvalid},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				wantKind(t, f.svc.ChangeOwnPassword(tt.ctx, tt.current, tt.next, "10.0.0.1"), tt.want)
			})
		}
		if err := f.svc.ChangeOwnPassword(me, goodPassword, "another good password", "10.0.0.1"); err != nil {
			t.Fatal(err)
		}
		_, err = f.svc.Session(ctx, login.Token)
		wantKind(t, err, errs.KindUnauthenticated)
		if _, err := f.svc.Authenticate(ctx, "anna", "another good password", "10.0.0.1"); err != nil {
			t.Fatalf("new password refused: %v", err)
		}
		// Two wrong current passwords and one failed login reach the limit of 3: locked.
		_ = f.svc.ChangeOwnPassword(me, "guess one is wrong", "yet another password", "10.0.0.1")
		_ = f.svc.ChangeOwnPassword(me, "guess two is wrong", "yet another password", "10.0.0.1")
		_, _ = f.svc.Authenticate(ctx, "anna", "guess three wrong", "10.0.0.1")
		_, err = f.svc.Authenticate(ctx, "anna", "another good password", "10.0.0.1")
		wantKind(t, err, errs.KindUnauthenticated)
	})
}
