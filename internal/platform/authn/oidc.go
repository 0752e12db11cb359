package authn

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// loginFlowTTL bounds the time between leaving for the identity provider and coming back.
const loginFlowTTL = 10 * time.Minute

// LoginFlow is an OpenID Connect login in flight: what the callback must check (nonce),
// prove (PKCE verifier, RFC 7636) and where it returns to.
type LoginFlow struct {
	Nonce    string
	Verifier string
	Next     string
}

// BeginLoginFlow stores flow under state (only the state's hash is kept) for loginFlowTTL.
// Storing it in the database rather than a cookie lets any replica finish the login and
// makes each state usable once.
func (s *Service) BeginLoginFlow(ctx context.Context, state string, flow LoginFlow) error {
	now := sqldb.UTC(s.clock.Now())
	_, err := s.db.Writer().ExecContext(ctx, `INSERT INTO login_flows (state_hash, nonce, verifier, next_path,
		created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`, hashSecret(state), flow.Nonce, flow.Verifier,
		flow.Next, now, now.Add(loginFlowTTL))
	if err != nil {
		return fmt.Errorf("authn: begin login flow: %w", err)
	}
	return nil
}

// ConsumeLoginFlow returns and deletes the flow of state; an unknown, used or expired state
// answers Unauthenticated.
func (s *Service) ConsumeLoginFlow(ctx context.Context, state string) (LoginFlow, error) {
	var f LoginFlow
	var expires time.Time
	err := s.db.Writer().QueryRowContext(ctx, `DELETE FROM login_flows WHERE state_hash = $1
		RETURNING nonce, verifier, next_path, expires_at`, hashSecret(state)).Scan(&f.Nonce, &f.Verifier, &f.Next, &expires)
	if sqldb.IsNoRows(err) || (err == nil && !s.clock.Now().Before(expires)) {
		return LoginFlow{}, errs.Unauthenticated("the login expired or was already used; please start again")
	}
	if err != nil {
		return LoginFlow{}, fmt.Errorf("authn: consume login flow: %w", err)
	}
	return f, nil
}

// OIDCIdentity is what a verified ID token says about the person. The caller (authnhttp)
// must have verified the token's signature, issuer, audience, expiry and nonce.
type OIDCIdentity struct {
	Issuer      string
	Subject     string
	Username    string   // preferred_username or e-mail
	DisplayName string   // name
	Org         string   // the configured organisation claim
	Roles       []string // the configured roles claim; nil when the provider sends none
}

// key is the stored link to the account: subjects are unique per issuer only.
func (id OIDCIdentity) key() string { return id.Issuer + "#" + id.Subject }

// LoginOIDC opens a session for a person the identity provider authenticated. The account is
// found by issuer and subject; when the provider sends roles they replace the account's, so
// the provider stays the source of truth. An unknown subject gets an account when
// Config.OIDCAutoProvision is set, never by matching a username (that would let a provider
// account take over a local one).
func (s *Service) LoginOIDC(ctx context.Context, id OIDCIdentity, remoteAddr string) (Login, error) {
	var login Login
	var refusal string
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		u, reason, err := s.oidcAccount(ctx, tx, id)
		if err != nil || reason != "" {
			refusal = reason
			return err
		}
		login, err = s.startSession(ctx, tx, u, "oidc", remoteAddr)
		return err
	})
	if err != nil {
		return Login{}, fmt.Errorf("authn: oidc login: %w", err)
	}
	if refusal != "" {
		ev := audit.Event{Action: "auth.login", ObjectType: "user", Outcome: audit.OutcomeFailure,
			Detail: map[string]any{"method": "oidc", "subject": id.key(), "remote_addr": remoteAddr, "reason": refusal}}
		if err := s.audit.RecordNow(ctx, ev); err != nil {
			return Login{}, err
		}
		return Login{}, errs.Unauthenticated("your identity provider account cannot log in to CEAS: %s", refusal)
	}
	return login, nil
}

// oidcAccount finds or provisions the account of id and brings its roles up to date. A
// non-empty reason refuses the login.
func (s *Service) oidcAccount(ctx context.Context, tx *sql.Tx, id OIDCIdentity) (User, string, error) {
	if id.Subject == "" {
		return User{}, "the ID token has no subject", nil
	}
	u, err := userBy(ctx, tx, "oidc_subject", id.key())
	if errs.KindOf(err) == errs.KindNotFound {
		return s.provisionOIDC(ctx, tx, id)
	}
	if err != nil {
		return User{}, "", err
	}
	org := strings.ToUpper(strings.TrimSpace(id.Org))
	switch {
	case u.Disabled:
		return User{}, "the account is disabled", nil
	case org != "" && org != u.Org:
		return User{}, fmt.Sprintf("the provider places you in %s but your account belongs to %s", org, u.Org), nil
	case id.Roles == nil:
		return u, "", nil
	}
	kind, err := orgKind(ctx, tx, "org", u.Org)
	if err != nil {
		return User{}, "", err
	}
	roles, err := ParseRoles("roles", id.Roles, kind)
	if err != nil {
		return User{}, "the provider's roles are not valid: " + err.Error(), nil
	}
	if !slices.Equal(roles, u.Roles) {
		if err := replaceRoles(ctx, tx, u.ID, roles); err != nil {
			return User{}, "", err
		}
		err := s.audit.Record(authz.WithPrincipal(ctx, authz.System("oidc")), tx, audit.Event{Action: "user.roles",
			ObjectType: "user", ObjectID: u.ID, OwnerOrg: u.Org, Detail: map[string]any{"from": u.Roles, "to": roles}})
		if err != nil {
			return User{}, "", err
		}
		u.Roles = roles
	}
	return u, "", nil
}

// provisionOIDC creates the account of a first OIDC login, when configured to.
func (s *Service) provisionOIDC(ctx context.Context, tx *sql.Tx, id OIDCIdentity) (User, string, error) {
	if !s.cfg.OIDCAutoProvision {
		return User{}, "no account is linked to this identity; ask your administrator", nil
	}
	n := NewUser{Org: id.Org, Username: id.Username, DisplayName: id.DisplayName, Roles: id.Roles, OIDCSubject: id.key()}
	if n.DisplayName == "" {
		n.DisplayName = n.Username
	}
	if err := n.validate(); err != nil {
		return User{}, "the provider's claims are not valid: " + err.Error(), nil
	}
	kind, err := orgKind(ctx, tx, "org", n.Org)
	if err != nil {
		return User{}, "the provider's organisation is not valid: " + err.Error(), nil
	}
	roles, err := ParseRoles("roles", n.Roles, kind)
	if err != nil {
		return User{}, "the provider's roles are not valid: " + err.Error(), nil
	}
	// Checked before the insert: a unique violation would abort a PostgreSQL transaction.
	var taken int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE username = $1`, n.Username).Scan(&taken); err != nil {
		return User{}, "", fmt.Errorf("authn: check username: %w", err)
	}
	if taken > 0 {
		return User{}, "the username " + n.Username + " is taken by another account", nil
	}
	uid, err := newID()
	if err != nil {
		return User{}, "", err
	}
	now := sqldb.UTC(s.clock.Now())
	u := User{ID: uid, Org: n.Org, Username: n.Username, DisplayName: n.DisplayName, Roles: roles,
		OIDCSubject: n.OIDCSubject, CreatedAt: now, UpdatedAt: now}
	if err := insertUser(ctx, tx, u); err != nil {
		return User{}, "", err
	}
	err = s.audit.Record(authz.WithPrincipal(ctx, authz.System("oidc")), tx, audit.Event{Action: "user.create",
		ObjectType: "user", ObjectID: u.ID, OwnerOrg: u.Org,
		Detail: map[string]any{"username": u.Username, "roles": roles, "oidc_subject": u.OIDCSubject}})
	return u, "", err
}
