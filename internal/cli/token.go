package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/clock"
)

// runTokenCreate creates an API token and prints it once on standard output.
func runTokenCreate(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "token create", "--org DE --role ROLE [--role ROLE] [--name NAME] [--expires 720h]")
	dbf := addDBFlags(fs, env)
	var n authn.NewToken
	var roles stringList
	fs.StringVar(&n.Org, "org", "", "organisation code the token acts for")
	fs.StringVar(&n.Name, "name", "", "what the token is for, e.g. the national system's name")
	fs.Var(&roles, "role", "role, repeatable: "+roleNames())
	fs.Var((*lifetimeFlag)(&n.TTL), "expires", "lifetime, e.g. 720h or 30d (default 90d, at most 730d)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	n.Roles = roles
	ctx, svc, db, err := openAuthn(ctx, dbf)
	if err != nil {
		return err
	}
	defer db.Close()
	t, secret, err := svc.CreateToken(ctx, n)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "created token %s %q for %s with roles %s, expires %s\n", t.ID, t.Name, t.Org,
		joinRoleNames(t.Roles), t.ExpiresAt.Format(time.RFC3339))
	fmt.Fprintln(env.Stderr, "send it as 'Authorization: Bearer <token>'; it is shown once:")
	fmt.Fprintln(env.Stdout, secret)
	return nil
}

// runTokenList prints the API tokens, of one organisation or all, as a table.
func runTokenList(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "token list", "[--org DE]")
	dbf := addDBFlags(fs, env)
	org := fs.String("org", "", "only this organisation")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ctx, svc, db, err := openAuthn(ctx, dbf)
	if err != nil {
		return err
	}
	defer db.Close()
	tokens, err := svc.ListTokens(ctx, *org)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tORG\tNAME\tROLES\tEXPIRES\tLAST USED\tSTATUS")
	now := clock.System{}.Now()
	for _, t := range tokens {
		status := "active"
		switch {
		case !t.RevokedAt.IsZero():
			status = "revoked"
		case !now.Before(t.ExpiresAt):
			status = "expired"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Org, t.Name, joinRoleNames(t.Roles),
			t.ExpiresAt.Format(time.RFC3339), formatOptionalTime(t.LastUsedAt), status)
	}
	return w.Flush()
}

// runTokenRevoke revokes one API token by id.
func runTokenRevoke(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "token revoke", "[flags] ID")
	dbf := addDBFlags(fs, env)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	ctx, svc, db, err := openAuthn(ctx, dbf)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := svc.RevokeToken(ctx, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "token %s revoked\n", fs.Arg(0))
	return nil
}

func formatOptionalTime(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Format(time.RFC3339)
}

// lifetimeFlag is a duration flag that also takes whole days ("30d"), the unit operators
// think of token lifetimes in; time.ParseDuration stops at hours.
type lifetimeFlag time.Duration

// String implements flag.Value.
func (l *lifetimeFlag) String() string { return time.Duration(*l).String() }

// Set implements flag.Value.
func (l *lifetimeFlag) Set(s string) error {
	d, err := parseLifetime(s)
	if err != nil {
		return err
	}
	*l = lifetimeFlag(d)
	return nil
}

// parseLifetime reads a Go duration ("720h") or a number of days ("30d", at most 100000).
func parseLifetime(s string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n < 0 || n > 100000 || days == "" || days[0] == '+' {
			return 0, fmt.Errorf("%q is not a number of days", s)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration such as 720h or 30d", s)
	}
	return d, nil
}
