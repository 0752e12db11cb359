package authn

import (
	"context"
	"slices"
	"sort"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// OrgKind is the kind of an organisation, as stored in organisations.kind.
type OrgKind string

// The kinds of organisation.
const (
	OrgMemberState     OrgKind = "member_state"
	OrgAssociatedState OrgKind = "associated_state"
	OrgEUBody          OrgKind = "eu_body"
)

// EligibleRoles lists the roles a person (or a token) of an organisation of kind k may hold.
//
// National authorities of Member States and associated states register, decide and enforce
// (the officer roles), analyse, audit and administer; they do not coordinate the Union-level
// mechanisms, which the Commission and the agencies run (AMMR Arts 12-15: the Commission
// convenes the Solidarity Forum and manages the Pool; the EUAA monitors and supports).
//
// EU bodies hold no officer role: registration, Dublin determination, border checks, returns
// and reception are national competences exercised under national law, and agency staff
// deployed to a state (Frontex standing corps, EUAA asylum support teams) act under that
// state's authority, so they get an account of the host state. EU bodies analyse,
// coordinate, audit (their data-protection officers supervise the platform) and administer
// their own accounts.
func EligibleRoles(k OrgKind) []authz.Role {
	switch k {
	case OrgMemberState, OrgAssociatedState:
		return []authz.Role{authz.RoleRegistrationOfficer, authz.RoleDublinOfficer, authz.RoleBorderGuard,
			authz.RoleReturnOfficer, authz.RoleReceptionCoordinator, authz.RoleAnalyst, authz.RoleAuditor, authz.RoleAdmin}
	case OrgEUBody:
		return []authz.Role{authz.RoleAnalyst, authz.RoleCoordinator, authz.RoleAuditor, authz.RoleAdmin}
	}
	return nil
}

// ParseRoles parses role names for an organisation of kind k: each must be known, held
// once, and eligible for k. At least one role is required. The result is sorted.
func ParseRoles(field string, names []string, k OrgKind) ([]authz.Role, error) {
	var v errs.Validation
	if len(names) == 0 {
		v.Add(field, "at least one role is required")
	}
	eligible := EligibleRoles(k)
	var out []authz.Role
	for _, n := range names {
		r, err := authz.ParseRole(field, n)
		switch {
		case err != nil:
			v.Merge("", err)
		case slices.Contains(out, r):
			v.Addf(field, "role %q given twice", n)
		case !slices.Contains(eligible, r):
			v.Addf(field, "role %q cannot be held in an organisation of kind %s", n, k)
		default:
			out = append(out, r)
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}

// CheckGrant checks that org exists and that a person of it could hold roles, for
// credentials configured outside the database (client certificates).
func (s *Service) CheckGrant(ctx context.Context, field, org string, roles []authz.Role) error {
	kind, err := orgKind(ctx, s.db.Reader(), field, org)
	if err != nil {
		return err
	}
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = string(r)
	}
	_, err = ParseRoles(field, names, kind)
	return err
}

// OrgRoles returns the roles the accounts and tokens of org may hold, for forms.
func (s *Service) OrgRoles(ctx context.Context, org string) ([]authz.Role, error) {
	kind, err := orgKind(ctx, s.db.Reader(), "org", org)
	if err != nil {
		return nil, err
	}
	return EligibleRoles(kind), nil
}
