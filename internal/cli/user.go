package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// openAuthn opens the database and the authentication service, and returns a context
// carrying the CLI's principal: an operator with access to the database acts as the system.
func openAuthn(ctx context.Context, f *dbFlags) (context.Context, *authn.Service, *sqldb.DB, error) {
	db, err := f.open(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	c := clock.System{}
	svc, err := authn.New(db, audit.New(db, c), c, authn.DefaultConfig())
	if err != nil {
		db.Close()
		return nil, nil, nil, err
	}
	return authz.WithPrincipal(ctx, authz.System("cli")), svc, db, nil
}

// runUserAdd creates an account; without --password-stdin it generates a password and
// prints it once on standard output.
func runUserAdd(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "user add", "--org DE --username NAME --name \"Display Name\" --role ROLE [--role ROLE] [--password-stdin]")
	dbf := addDBFlags(fs, env)
	var n authn.NewUser
	var roles stringList
	fs.StringVar(&n.Org, "org", "", "organisation code (DE, PL, EUAA, ...)")
	fs.StringVar(&n.Username, "username", "", "login name")
	fs.StringVar(&n.DisplayName, "name", "", "display name")
	fs.Var(&roles, "role", "role, repeatable: "+roleNames())
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	n.Roles = roles
	if n.DisplayName == "" {
		n.DisplayName = n.Username
	}
	generated := !*fromStdin
	var err error
	if generated {
		n.Password, err = authn.GeneratePassword()
	} else {
		n.Password, err = readPassword(env.Stdin)
	}
	if err != nil {
		return err
	}
	ctx, svc, db, err := openAuthn(ctx, dbf)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := svc.CreateUser(ctx, n)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "created user %s (%s) in %s with roles %s\n", u.Username, u.ID, u.Org, joinRoleNames(u.Roles))
	if generated {
		fmt.Fprintln(env.Stderr, "generated password (shown once):")
		fmt.Fprintln(env.Stdout, n.Password)
	}
	return nil
}

// runUserPasswd sets a new password, unlocks the account and ends its sessions.
func runUserPasswd(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "user passwd", "--username NAME [--password-stdin]")
	dbf := addDBFlags(fs, env)
	username := fs.String("username", "", "login name")
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	password, err := authn.GeneratePassword()
	if *fromStdin {
		password, err = readPassword(env.Stdin)
	}
	if err != nil {
		return err
	}
	ctx, svc, db, err := openAuthn(ctx, dbf)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := svc.SetPassword(ctx, *username, password); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "password of %s changed; its sessions are ended\n", *username)
	if !*fromStdin {
		fmt.Fprintln(env.Stderr, "generated password (shown once):")
		fmt.Fprintln(env.Stdout, password)
	}
	return nil
}

// runUserDisable disables an account and ends its sessions.
func runUserDisable(ctx context.Context, env *Env, args []string) error {
	return changeUser(ctx, env, args, "user disable", (*authn.Service).DisableUser, "disabled; its sessions are ended")
}

// runUserEnable enables a disabled account again.
func runUserEnable(ctx context.Context, env *Env, args []string) error {
	return changeUser(ctx, env, args, "user enable", (*authn.Service).EnableUser, "enabled")
}

// changeUser runs a one-account change named by --username and reports what it did.
func changeUser(ctx context.Context, env *Env, args []string, name string,
	change func(*authn.Service, context.Context, string) error, done string) error {
	fs := newFlagSet(env, name, "--username NAME")
	dbf := addDBFlags(fs, env)
	username := fs.String("username", "", "login name")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ctx, svc, db, err := openAuthn(ctx, dbf)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := change(svc, ctx, *username); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "user %s %s\n", *username, done)
	return nil
}

// runUserRoles replaces the roles of an account and ends its sessions.
func runUserRoles(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "user roles", "--username NAME --role ROLE [--role ROLE]")
	dbf := addDBFlags(fs, env)
	username := fs.String("username", "", "login name")
	var roles stringList
	fs.Var(&roles, "role", "role, repeatable: "+roleNames())
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ctx, svc, db, err := openAuthn(ctx, dbf)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := svc.SetRoles(ctx, *username, roles); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "user %s now holds %s; its sessions are ended\n", *username, strings.Join(roles, ","))
	return nil
}

// runUserList prints the accounts, of one organisation or all, as a table.
func runUserList(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "user list", "[--org DE]")
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
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "USERNAME\tORG\tROLES\tSTATUS\tNAME")
	for cursor := ""; ; {
		page, err := svc.ListUsers(ctx, *org, cursor, 500)
		if err != nil {
			return err
		}
		for _, u := range page.Users {
			status := "active"
			if u.Disabled {
				status = "disabled"
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", u.Username, u.Org, joinRoleNames(u.Roles), status, u.DisplayName)
		}
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	return w.Flush()
}

// readPassword reads the first line of r, without its line ending.
func readPassword(r io.Reader) (string, error) {
	if r == nil {
		return "", errors.New("no standard input to read the password from")
	}
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func roleNames() string {
	var s []string
	for _, r := range authz.Roles() {
		s = append(s, string(r))
	}
	return strings.Join(s, ", ")
}

func joinRoleNames(roles []authz.Role) string {
	s := make([]string, len(roles))
	for i, r := range roles {
		s[i] = string(r)
	}
	return strings.Join(s, ",")
}
