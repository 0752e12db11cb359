package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// DemoPassword is the password of every demo account. The demo runs on a fresh local
// database; never seed demo accounts into a real deployment.
const DemoPassword = "ceas-demo-2026"

// DemoAccount is one seeded login.
type DemoAccount struct {
	Username string
	Org      string
	Roles    []authz.Role
}

// DemoAccounts lists the demo logins: the officers of a few Member States, the coordinators
// and analysts of the EU bodies, auditors and administrators.
func DemoAccounts() []DemoAccount {
	var out []DemoAccount
	for _, st := range []string{"DE", "PL", "IT", "GR", "ES", "FR", "CZ"} {
		s := strings.ToLower(st)
		out = append(out,
			DemoAccount{s + ".registration", st, []authz.Role{authz.RoleRegistrationOfficer}},
			DemoAccount{s + ".dublin", st, []authz.Role{authz.RoleDublinOfficer}},
			DemoAccount{s + ".border", st, []authz.Role{authz.RoleBorderGuard}},
			DemoAccount{s + ".returns", st, []authz.Role{authz.RoleReturnOfficer}},
			DemoAccount{s + ".reception", st, []authz.Role{authz.RoleReceptionCoordinator}},
			DemoAccount{s + ".auditor", st, []authz.Role{authz.RoleAuditor}},
			DemoAccount{s + ".admin", st, []authz.Role{authz.RoleAdmin}},
		)
	}
	return append(out,
		DemoAccount{"ec.coordinator", "EC", []authz.Role{authz.RoleCoordinator}},
		DemoAccount{"ec.analyst", "EC", []authz.Role{authz.RoleAnalyst}},
		DemoAccount{"euaa.coordinator", "EUAA", []authz.Role{authz.RoleCoordinator}},
		DemoAccount{"euaa.analyst", "EUAA", []authz.Role{authz.RoleAnalyst}},
		DemoAccount{"frontex.analyst", "FRONTEX", []authz.Role{authz.RoleAnalyst}},
		DemoAccount{"edps.auditor", "EDPS", []authz.Role{authz.RoleAuditor}},
		DemoAccount{"ec.admin", "EC", []authz.Role{authz.RoleAdmin}},
	)
}

// Progress reports a long step: stage, items done, items in all (0 when unknown).
type Progress func(stage string, done, total int)

// SeedDemo adds the demo accounts and every module's demo data. It is idempotent: running it
// on a seeded database changes nothing.
func (a *App) SeedDemo(ctx context.Context, progress Progress) error {
	if progress == nil {
		progress = func(string, int, int) {}
	}
	sys := authz.WithPrincipal(ctx, authz.System("demo"))
	accounts := DemoAccounts()
	for i, acc := range accounts {
		roles := make([]string, len(acc.Roles))
		for j, r := range acc.Roles {
			roles[j] = string(r)
		}
		_, err := a.Authn.CreateUser(sys, authn.NewUser{Org: acc.Org, Username: acc.Username,
			DisplayName: demoDisplayName(acc), Roles: roles, Password: DemoPassword})
		if err != nil && errs.KindOf(err) != errs.KindConflict {
			return fmt.Errorf("demo: account %s: %w", acc.Username, err)
		}
		progress("demo accounts", i+1, len(accounts))
	}
	return a.seedModules(sys, progress)
}

func demoDisplayName(acc DemoAccount) string {
	role := strings.ReplaceAll(string(acc.Roles[0]), "_", " ")
	return strings.ToUpper(role[:1]) + role[1:] + " (" + acc.Org + ")"
}
