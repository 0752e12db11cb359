package authn_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

func TestCreateUserChecksTheCallerAndTheRoles(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db)
		deAdmin := f.addUser(t, "DE", "de.admin", "", authz.RoleAdmin).Principal()
		deOfficer := f.addUser(t, "DE", "de.officer", "", authz.RoleRegistrationOfficer).Principal()
		euaaAdmin := f.addUser(t, "EUAA", "euaa.admin", "", authz.RoleAdmin).Principal()
		tests := []struct {
			name   string
			caller authz.Principal
			org    string
			roles  []string
			want   errs.Kind // 0: created
		}{
			{"admin of DE creates in DE", deAdmin, "DE", []string{"registration_officer", "dublin_officer"}, 0},
			{"admin of DE cannot create in PL", deAdmin, "PL", []string{"registration_officer"}, errs.KindForbidden},
			{"an officer is no administrator", deOfficer, "DE", []string{"analyst"}, errs.KindForbidden},
			{"anonymous caller", authz.Principal{}, "DE", []string{"analyst"}, errs.KindUnauthenticated},
			{"the CLI creates anywhere", authz.System("cli"), "PL", []string{"border_guard"}, 0},
			{"an EU body gets no Member State officer role", euaaAdmin, "EUAA", []string{"registration_officer"}, errs.KindInvalid},
			{"an EU body coordinates", euaaAdmin, "EUAA", []string{"coordinator"}, 0},
			{"a Member State does not coordinate the Union mechanisms", deAdmin, "DE", []string{"coordinator"}, errs.KindInvalid},
			{"the system role is never assignable", authz.System("cli"), "DE", []string{"system"}, errs.KindInvalid},
			{"a role is required", authz.System("cli"), "DE", nil, errs.KindInvalid},
			{"unknown organisation", authz.System("cli"), "XX", []string{"analyst"}, errs.KindInvalid},
		}
		for i, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				u, err := f.svc.CreateUser(as(tt.caller), authn.NewUser{Org: tt.org, Username: fmt.Sprintf("user%d", i),
					DisplayName: "Someone", Roles: tt.roles, Password: "a long enough password"})
				if tt.want == 0 {
					if err != nil || u.ID == "" || u.Org != tt.org || !u.HasPassword {
						t.Fatalf("CreateUser = %+v, %v", u, err)
					}
					return
				}
				wantKind(t, err, tt.want)
			})
		}
	})
}

func TestCreateUserValidatesAndRefusesDuplicates(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db)
		f.addUser(t, "DE", "anna", "", authz.RoleAnalyst)
		bad := []authn.NewUser{
			{Org: "DE", Username: "a", DisplayName: "A", Roles: []string{"analyst"}},
			{Org: "DE", Username: "bad name", DisplayName: "A", Roles: []string{"analyst"}},
			{Org: "DE", Username: "bob", DisplayName: "", Roles: []string{"analyst"}},
			{Org: "DE", Username: "bob", DisplayName: "Bob", Roles: []string{"analyst"}, Password: "short"},
			{Org: "DE", Username: "bob.builder.de", DisplayName: "Bob", Roles: []string{"analyst"}, Password: "Bob.Builder.DE"},
			{Org: "DE", Username: "bob", DisplayName: "Bob", Roles: []string{"analyst", "analyst"}},
		}
		for _, n := range bad {
			_, err := f.svc.CreateUser(f.cli, n)
			wantKind(t, err, errs.KindInvalid)
		}
		_, err := f.svc.CreateUser(f.cli, authn.NewUser{Org: "PL", Username: " ANNA ", DisplayName: "Anna", Roles: []string{"analyst"}})
		wantKind(t, err, errs.KindConflict)
	})
}

func TestUserCreationIsAudited(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db)
		u := f.addUser(t, "DE", "anna", "", authz.RoleAnalyst)
		rows := auditRows(t, db)
		want := auditRow{Action: "user.create", Outcome: "success", ObjectID: u.ID, Actor: "system:cli"}
		if len(rows) != 1 || rows[0] != want {
			t.Fatalf("audit rows %+v, want [%+v]", rows, want)
		}
	})
}

func TestAdministratorsSeeOnlyTheirOwnOrganisation(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db)
		deAdmin := as(f.addUser(t, "DE", "de.admin", "", authz.RoleAdmin).Principal())
		pl := f.addUser(t, "PL", "pl.officer", "a long enough password", authz.RoleBorderGuard)
		if _, err := f.svc.User(deAdmin, pl.ID); errs.KindOf(err) != errs.KindNotFound {
			t.Fatalf("DE admin reads a PL user: %v", err)
		}
		wantKind(t, f.svc.DisableUser(deAdmin, "pl.officer"), errs.KindNotFound)
		wantKind(t, f.svc.SetPassword(deAdmin, "pl.officer", "another long password"), errs.KindNotFound)
		_, err := f.svc.ListUsers(deAdmin, "PL", "", 10)
		wantKind(t, err, errs.KindForbidden)
		page, err := f.svc.ListUsers(deAdmin, "", "", 10)
		if err != nil || len(page.Users) != 1 || page.Users[0].Username != "de.admin" {
			t.Fatalf("DE admin's listing %+v, %v", page, err)
		}
		wantKind(t, f.svc.DisableUser(deAdmin, "de.admin"), errs.KindConflict)
	})
}

func TestListUsersPagesWithACursor(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db)
		for i := range 7 {
			f.addUser(t, "DE", fmt.Sprintf("user%02d", i), "", authz.RoleAnalyst, authz.RoleAuditor)
		}
		f.addUser(t, "PL", "pl.user", "", authz.RoleAnalyst)
		var got []string
		cursor := ""
		for pages := 0; ; pages++ {
			page, err := f.svc.ListUsers(f.cli, "DE", cursor, 3)
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range page.Users {
				if len(u.Roles) != 2 {
					t.Fatalf("user %s has roles %v", u.Username, u.Roles)
				}
				got = append(got, u.Username)
			}
			if cursor = page.Next; cursor == "" {
				break
			}
			if pages > 5 {
				t.Fatal("listing does not end")
			}
		}
		if fmt.Sprint(got) != "[user00 user01 user02 user03 user04 user05 user06]" {
			t.Fatalf("pages gave %v", got)
		}
		_, err := f.svc.ListUsers(f.cli, "DE", "!!", 3)
		wantKind(t, err, errs.KindInvalid)
	})
}

func TestEnableUserAndSetRoles(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db)
		admin := f.addUser(t, "DE", "de.admin", "", authz.RoleAdmin).Principal()
		f.addUser(t, "DE", "anna", goodPassword, authz.RoleAnalyst)
		f.addUser(t, "PL", "pl.user", "", authz.RoleAnalyst)
		ctx := as(admin)
		if err := f.svc.DisableUser(ctx, "anna"); err != nil {
			t.Fatal(err)
		}
		if err := f.svc.EnableUser(ctx, "anna"); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.Authenticate(context.Background(), "anna", goodPassword, "10.0.0.1"); err != nil {
			t.Fatalf("enabled account cannot sign in: %v", err)
		}
		tests := []struct {
			name     string
			username string
			roles    []string
			want     errs.Kind
		}{
			{"own organisation", "anna", []string{"dublin_officer", "auditor"}, 0},
			{"ineligible role", "anna", []string{"coordinator"}, errs.KindInvalid},
			{"no role", "anna", nil, errs.KindInvalid},
			{"another organisation's user", "pl.user", []string{"analyst"}, errs.KindNotFound},
			{"own roles", "de.admin", []string{"admin", "auditor"}, errs.KindConflict},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				err := f.svc.SetRoles(ctx, tt.username, tt.roles)
				if tt.want == 0 && err != nil {
					t.Fatal(err)
				}
				if tt.want != 0 {
					wantKind(t, err, tt.want)
				}
			})
		}
		u, err := f.svc.UserByName(ctx, "anna")
		if err != nil || fmt.Sprint(u.Roles) != "[auditor dublin_officer]" {
			t.Fatalf("roles after change: %v, %v", u.Roles, err)
		}
	})
}
