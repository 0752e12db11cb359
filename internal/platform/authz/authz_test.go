package authz_test

import (
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

func TestRequireOwnerScopesPersonalDataToTheCallersState(t *testing.T) {
	de := authz.Principal{ID: "u1", Name: "officer", Org: "DE", Roles: []authz.Role{authz.RoleRegistrationOfficer}, Kind: authz.KindUser}
	analyst := authz.Principal{ID: "u2", Name: "analyst", Org: "EUAA", Roles: []authz.Role{authz.RoleAnalyst}, Kind: authz.KindUser}
	tests := []struct {
		name  string
		p     authz.Principal
		perm  authz.Permission
		owner string
		want  errs.Kind
		ok    bool
	}{
		{"own state's record", de, authz.PermTPRead, "DE", 0, true},
		{"another state's record is hidden", de, authz.PermTPRead, "PL", errs.KindNotFound, false},
		{"analyst sees no personal data", analyst, authz.PermTPRead, "EUAA", errs.KindForbidden, false},
		{"anonymous caller", authz.Principal{}, authz.PermTPRead, "DE", errs.KindUnauthenticated, false},
		{"jobs act for every state", authz.System("retention"), authz.PermTPWrite, "PL", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := authz.RequireOwner(tt.p, tt.perm, tt.owner)
			if tt.ok != (err == nil) {
				t.Fatalf("RequireOwner = %v, want ok=%v", err, tt.ok)
			}
			if !tt.ok && errs.KindOf(err) != tt.want {
				t.Fatalf("kind %v, want %v", errs.KindOf(err), tt.want)
			}
		})
	}
}

func TestEveryRoleHasAPolicyAndAdminsSeeNoPersonalData(t *testing.T) {
	for _, r := range authz.Roles() {
		if len(authz.Grants(r)) == 0 {
			t.Errorf("role %s has no permissions", r)
		}
	}
	admin := authz.Principal{ID: "a", Org: "DE", Roles: []authz.Role{authz.RoleAdmin}, Kind: authz.KindUser}
	for _, perm := range []authz.Permission{authz.PermTPRead, authz.PermDublinRead, authz.PermAuditRead} {
		if admin.Can(perm) {
			t.Errorf("admin can %s; separation of duties forbids it", perm)
		}
	}
}

func TestParseRoleRejectsUnknownAndSystemRoles(t *testing.T) {
	if _, err := authz.ParseRole("role", "system"); errs.KindOf(err) != errs.KindInvalid {
		t.Fatalf("system role assignable: %v", err)
	}
	if r, err := authz.ParseRole("role", "dublin_officer"); err != nil || r != authz.RoleDublinOfficer {
		t.Fatalf("ParseRole(dublin_officer) = %v, %v", r, err)
	}
}
