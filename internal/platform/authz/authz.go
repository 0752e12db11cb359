// Package authz is the one access policy of CEAS: roles grant permissions, and every
// permission on personal data is scoped to the caller's own organisation (the Member State
// that owns the record). Services call Require or RequireOwner before they touch rows, so the
// HTTP API, the web UI, the CLI and jobs all pass through the same checks.
package authz

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Role is a job a user or a national system holds.
type Role string

// The roles of CEAS users.
const (
	RoleRegistrationOfficer  Role = "registration_officer"
	RoleDublinOfficer        Role = "dublin_officer"
	RoleBorderGuard          Role = "border_guard"
	RoleReturnOfficer        Role = "return_officer"
	RoleReceptionCoordinator Role = "reception_coordinator"
	RoleAnalyst              Role = "analyst"
	RoleCoordinator          Role = "coordinator"
	RoleAuditor              Role = "auditor"
	RoleAdmin                Role = "admin"
)

// Roles lists every role in the order the UI shows them.
func Roles() []Role {
	return []Role{RoleRegistrationOfficer, RoleDublinOfficer, RoleBorderGuard, RoleReturnOfficer,
		RoleReceptionCoordinator, RoleAnalyst, RoleCoordinator, RoleAuditor, RoleAdmin}
}

// ParseRole returns the role named s, or an Invalid error naming field.
func ParseRole(field, s string) (Role, error) {
	r := Role(s)
	if !slices.Contains(Roles(), r) {
		return "", errs.Field(field, fmt.Sprintf("unknown role %q; known roles: %s", s, roleList()))
	}
	return r, nil
}

func roleList() string {
	names := make([]string, 0, len(Roles()))
	for _, r := range Roles() {
		names = append(names, string(r))
	}
	return strings.Join(names, ", ")
}

// PrincipalKind tells how a caller authenticated.
type PrincipalKind string

// The kinds of caller.
const (
	KindUser   PrincipalKind = "user"
	KindToken  PrincipalKind = "token"
	KindSystem PrincipalKind = "system"
)

// Principal is an authenticated caller: a person, a national system's token or a job.
type Principal struct {
	ID    string
	Name  string
	Org   string
	Roles []Role
	Kind  PrincipalKind
}

// System returns the principal of internal jobs (deadline monitors, retention erasure). It
// holds the system role only, which the policy grants the permissions jobs need.
func System(job string) Principal {
	return Principal{ID: "system:" + job, Name: job, Org: "SYSTEM", Roles: []Role{roleSystem}, Kind: KindSystem}
}

// roleSystem is held only by System principals; it is never assignable to users or tokens.
const roleSystem Role = "system"

// HasRole reports whether p holds r.
func (p Principal) HasRole(r Role) bool { return slices.Contains(p.Roles, r) }

// Can reports whether p's roles grant perm.
func (p Principal) Can(perm Permission) bool {
	for _, r := range p.Roles {
		if slices.Contains(grants(r), perm) {
			return true
		}
	}
	return false
}

// Require returns nil when p may use perm, Unauthenticated for an empty principal and
// Forbidden otherwise.
func Require(p Principal, perm Permission) error {
	if p.ID == "" {
		return errs.Unauthenticated("authentication required")
	}
	if !p.Can(perm) {
		return errs.Forbidden("%s may not %s", p.describe(), perm)
	}
	return nil
}

// RequireOwner checks perm and that the record belongs to p's organisation. A record of
// another organisation answers NotFound, so its existence is not disclosed. System
// principals act for every organisation.
func RequireOwner(p Principal, perm Permission, ownerOrg string) error {
	if err := Require(p, perm); err != nil {
		return err
	}
	if p.Kind != KindSystem && p.Org != ownerOrg {
		return errs.NotFound("record not found")
	}
	return nil
}

func (p Principal) describe() string {
	return string(p.Kind) + " " + p.Name + " of " + p.Org
}

type ctxKey struct{}

// WithPrincipal returns a context carrying p.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, ctxKey{}, p)
}

// FromContext returns the caller carried by ctx; the zero Principal when there is none,
// which every Require refuses.
func FromContext(ctx context.Context) Principal {
	p, _ := ctx.Value(ctxKey{}).(Principal)
	return p
}
