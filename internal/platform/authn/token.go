package authn

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// TokenPrefix starts every API token, so secret scanners and logs can recognise one.
const TokenPrefix = "ceas_"

// Token is an API token of a national system, as listed; its secret is never stored.
type Token struct {
	ID         string       `json:"id"`
	Org        string       `json:"org"`
	Name       string       `json:"name"`
	Roles      []authz.Role `json:"roles"`
	CreatedBy  string       `json:"created_by"`
	CreatedAt  time.Time    `json:"created_at"`
	ExpiresAt  time.Time    `json:"expires_at"`
	LastUsedAt time.Time    `json:"last_used_at,omitzero"`
	RevokedAt  time.Time    `json:"revoked_at,omitzero"`
}

// Principal returns the caller a request bearing this token acts as.
func (t Token) Principal() authz.Principal {
	return authz.Principal{ID: "token:" + t.ID, Name: t.Name, Org: t.Org,
		Roles: append([]authz.Role(nil), t.Roles...), Kind: authz.KindToken}
}

// NewToken is the input of Service.CreateToken.
type NewToken struct {
	Org   string
	Name  string
	Roles []string
	// TTL is the lifetime; zero means Config.DefaultTokenTTL. Every token expires.
	TTL time.Duration
}

// CreateToken creates an API token for n.Org and returns it with its secret, which is shown
// this once: only its SHA-256 hash is stored. The roles must be roles a person of the
// organisation could hold (EligibleRoles), so a token never exceeds what a human may do.
func (s *Service) CreateToken(ctx context.Context, n NewToken) (Token, string, error) {
	n.Org, n.Name = strings.ToUpper(strings.TrimSpace(n.Org)), strings.TrimSpace(n.Name)
	var v errs.Validation
	v.Check(n.Org != "", "org", "is required")
	v.Check(utf8.RuneCountInString(n.Name) <= 100, "name", "must have at most 100 characters")
	v.Check(n.TTL >= 0 && n.TTL <= s.cfg.MaxTokenTTL, "expires", fmt.Sprintf("must be positive and at most %s", s.cfg.MaxTokenTTL))
	if err := v.Err(); err != nil {
		return Token{}, "", err
	}
	p := authz.FromContext(ctx)
	if err := authorize(p, authz.PermAdminTokens, n.Org); err != nil {
		return Token{}, "", err
	}
	kind, err := orgKind(ctx, s.db.Reader(), "org", n.Org)
	if err != nil {
		return Token{}, "", err
	}
	roles, err := ParseRoles("role", n.Roles, kind)
	if err != nil {
		return Token{}, "", err
	}
	return s.insertToken(ctx, p, n, roles)
}

func (s *Service) insertToken(ctx context.Context, p authz.Principal, n NewToken, roles []authz.Role) (Token, string, error) {
	id, err := newID()
	if err != nil {
		return Token{}, "", err
	}
	secret, hash, err := newSecret(TokenPrefix)
	if err != nil {
		return Token{}, "", err
	}
	if n.TTL == 0 {
		n.TTL = s.cfg.DefaultTokenTTL
	}
	if n.Name == "" {
		n.Name = "token-" + id[len(id)-8:]
	}
	now := sqldb.UTC(s.clock.Now())
	t := Token{ID: id, Org: n.Org, Name: n.Name, Roles: roles, CreatedBy: p.ID, CreatedAt: now, ExpiresAt: now.Add(n.TTL)}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO api_tokens (id, org, name, token_hash, roles, created_by, created_at,
			expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, t.ID, t.Org, t.Name, hash, joinRoles(roles),
			t.CreatedBy, t.CreatedAt, t.ExpiresAt)
		if err != nil {
			return fmt.Errorf("authn: insert token: %w", err)
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "token.create", ObjectType: "api_token", ObjectID: t.ID,
			OwnerOrg: t.Org, Detail: map[string]any{"name": t.Name, "roles": roles, "expires_at": t.ExpiresAt}})
	})
	if err != nil {
		return Token{}, "", fmt.Errorf("authn: create token: %w", err)
	}
	return t, secret, nil
}

// AuthenticateToken returns the principal of the API token bearer. An unknown, revoked or
// expired token is refused with one Unauthenticated error and audited; failures count
// against remoteAddr's throttle like failed logins.
func (s *Service) AuthenticateToken(ctx context.Context, bearer, remoteAddr string) (authz.Principal, error) {
	now := s.clock.Now()
	if s.throttle.Blocked(remoteAddr, now) {
		return authz.Principal{}, errs.New(errs.KindRateLimited, "too many failed authentications from this address")
	}
	t, hash, reason, err := s.lookupToken(ctx, bearer, now)
	if err != nil {
		return authz.Principal{}, err
	}
	if reason != "" {
		s.throttle.Fail(remoteAddr, now)
		ev := audit.Event{Action: "auth.token", ObjectType: "api_token", ObjectID: t.ID, OwnerOrg: t.Org,
			Outcome: audit.OutcomeDenied, Detail: map[string]any{"reason": reason, "remote_addr": remoteAddr}}
		if err := s.audit.RecordNow(ctx, ev); err != nil {
			return authz.Principal{}, fmt.Errorf("authn: audit refused token: %w", err)
		}
		return authz.Principal{}, errs.Unauthenticated("invalid, expired or revoked API token")
	}
	// Writing the last use at most once a minute keeps a busy national system from turning
	// every request into a write.
	_, err = s.db.Writer().ExecContext(ctx, `UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2
		AND (last_used_at IS NULL OR last_used_at <= $3)`, sqldb.UTC(now), hash, sqldb.UTC(now.Add(-lastSeenEvery)))
	if err != nil {
		return authz.Principal{}, fmt.Errorf("authn: touch token: %w", err)
	}
	return t.Principal(), nil
}

// lookupToken finds the token of bearer and says why it is refused ("" when valid).
func (s *Service) lookupToken(ctx context.Context, bearer string, now time.Time) (Token, string, string, error) {
	if !strings.HasPrefix(bearer, TokenPrefix) || len(bearer) != len(TokenPrefix)+43 {
		return Token{}, "", "malformed", nil
	}
	hash := hashSecret(bearer)
	t, err := scanToken(s.db.Reader().QueryRowContext(ctx, `SELECT `+tokenColumns+` FROM api_tokens
		WHERE token_hash = $1`, hash))
	switch {
	case sqldb.IsNoRows(err):
		return Token{}, hash, "unknown", nil
	case err != nil:
		return Token{}, hash, "", fmt.Errorf("authn: load token: %w", err)
	case !t.RevokedAt.IsZero():
		return t, hash, "revoked", nil
	case !now.Before(t.ExpiresAt):
		return t, hash, "expired", nil
	}
	return t, hash, "", nil
}

// ListTokens lists the tokens of org, newest first, revoked ones included. Administrators
// see their own organisation's; System principals see org, or all when org is empty.
func (s *Service) ListTokens(ctx context.Context, org string) ([]Token, error) {
	p := authz.FromContext(ctx)
	org = strings.ToUpper(org)
	if p.Kind != authz.KindSystem {
		if org == "" {
			org = p.Org
		}
		if err := authorize(p, authz.PermAdminTokens, org); err != nil {
			return nil, err
		}
	}
	return listTokens(ctx, s.db.Reader(), org)
}

// RevokeToken revokes the token id at once; revoking twice is not an error.
func (s *Service) RevokeToken(ctx context.Context, id string) error {
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		t, err := scanToken(tx.QueryRowContext(ctx, `SELECT `+tokenColumns+` FROM api_tokens WHERE id = $1`, id))
		if sqldb.IsNoRows(err) {
			return errs.NotFound("token %s not found", id)
		}
		if err != nil {
			return fmt.Errorf("authn: load token: %w", err)
		}
		if err := authorizeExisting(authz.FromContext(ctx), authz.PermAdminTokens, t.Org); err != nil {
			return err
		}
		if !t.RevokedAt.IsZero() {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = $1 WHERE id = $2`,
			sqldb.UTC(s.clock.Now()), id); err != nil {
			return fmt.Errorf("authn: revoke: %w", err)
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "token.revoke", ObjectType: "api_token", ObjectID: id,
			OwnerOrg: t.Org, Detail: map[string]any{"name": t.Name}})
	})
	if err != nil {
		return fmt.Errorf("authn: revoke token %s: %w", id, err)
	}
	return nil
}
