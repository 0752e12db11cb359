package authn_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

func TestLoginOIDCProvisionsMatchesAndSyncsRoles(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db)
		ctx := context.Background()
		id := authn.OIDCIdentity{Issuer: "https://idp.example", Subject: "s-1", Username: "Maria@Example.eu",
			DisplayName: "Maria", Org: "DE", Roles: []string{"dublin_officer"}}
		_, err := f.svc.LoginOIDC(ctx, id, "10.0.0.1")
		wantKind(t, err, errs.KindUnauthenticated) // no auto-provisioning by default

		prov, err := authn.New(db, audit.New(db, f.clock), f.clock, authn.Config{OIDCAutoProvision: true, Argon2: fastArgon()})
		if err != nil {
			t.Fatal(err)
		}
		login, err := prov.LoginOIDC(ctx, id, "10.0.0.1")
		if err != nil || login.User.Username != "maria@example.eu" || login.User.HasPassword {
			t.Fatalf("first login = %+v, %v", login.User, err)
		}
		id.Roles = []string{"dublin_officer", "analyst"}
		again, err := prov.LoginOIDC(ctx, id, "10.0.0.1")
		if err != nil || again.User.ID != login.User.ID || fmt.Sprint(again.User.Roles) != "[analyst dublin_officer]" {
			t.Fatalf("second login = %+v, %v", again.User, err)
		}
		p, err := prov.Session(ctx, again.Token)
		if err != nil || !p.HasRole(authz.RoleAnalyst) {
			t.Fatalf("session %+v, %v", p, err)
		}
		refused := []authn.OIDCIdentity{
			{Issuer: id.Issuer, Subject: "s-1", Org: "PL", Roles: id.Roles},                                          // moved organisation
			{Issuer: id.Issuer, Subject: "s-1", Org: "DE", Roles: []string{"coordinator"}},                           // ineligible role
			{Issuer: id.Issuer, Subject: "s-2", Username: "maria@example.eu", Org: "DE", Roles: []string{"analyst"}}, // username taken
			{Issuer: "https://other.example", Subject: "s-1", Username: "m2", Org: "XX", Roles: []string{"analyst"}}, // unknown org
			{Issuer: id.Issuer, Subject: "", Username: "m3", Org: "DE", Roles: []string{"analyst"}},                  // no subject
		}
		for i, r := range refused {
			_, err := prov.LoginOIDC(ctx, r, "10.0.0.1")
			if errs.KindOf(err) != errs.KindUnauthenticated {
				t.Errorf("refused[%d]: %v", i, err)
			}
		}
		var syncs, creates int
		for _, r := range auditRows(t, db) {
			switch r.Action {
			case "user.roles":
				syncs++
			case "user.create":
				creates++
			}
		}
		if syncs != 1 || creates != 1 {
			t.Fatalf("audited %d role changes and %d creations, want 1 and 1", syncs, creates)
		}
	})
}

func TestLoginFlowIsUsedOnceAndExpires(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db)
		ctx := context.Background()
		flow := authn.LoginFlow{Nonce: "n", Verifier: "v", Next: "/tp"}
		if err := f.svc.BeginLoginFlow(ctx, "state-1", flow); err != nil {
			t.Fatal(err)
		}
		if got, err := f.svc.ConsumeLoginFlow(ctx, "state-1"); err != nil || got != flow {
			t.Fatalf("consume = %+v, %v", got, err)
		}
		_, err := f.svc.ConsumeLoginFlow(ctx, "state-1")
		wantKind(t, err, errs.KindUnauthenticated)
		if err := f.svc.BeginLoginFlow(ctx, "state-2", flow); err != nil {
			t.Fatal(err)
		}
		f.clock.Advance(10 * time.Minute)
		_, err = f.svc.ConsumeLoginFlow(ctx, "state-2")
		wantKind(t, err, errs.KindUnauthenticated)
	})
}
