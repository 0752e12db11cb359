package authn

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// lastSeenEvery bounds how often a session's last use is written: at most once a minute,
// so browsing does not turn every page view into a write.
const lastSeenEvery = time.Minute

// errNoSession is the answer for a missing, expired or ended session.
func errNoSession() error { return errs.Unauthenticated("session expired or unknown; please log in") }

// Session returns the principal of the session whose secret is token. A session is valid
// until its absolute expiry and while it was used within IdleTimeout; using it slides the
// idle window. The user's current roles apply, so a role removed takes effect at once.
func (s *Service) Session(ctx context.Context, token string) (authz.Principal, error) {
	if token == "" || len(token) > 256 {
		return authz.Principal{}, errNoSession()
	}
	hash := hashSecret(token)
	var userID string
	var expires, seen time.Time
	err := s.db.Reader().QueryRowContext(ctx, `SELECT user_id, expires_at, last_seen_at FROM sessions
		WHERE token_hash = $1`, hash).Scan(&userID, &expires, &seen)
	if sqldb.IsNoRows(err) {
		return authz.Principal{}, errNoSession()
	}
	if err != nil {
		return authz.Principal{}, fmt.Errorf("authn: load session: %w", err)
	}
	now := s.clock.Now()
	if !now.Before(expires) || !now.Before(seen.Add(s.cfg.IdleTimeout)) {
		_, _ = s.db.Writer().ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, hash)
		return authz.Principal{}, errNoSession()
	}
	u, err := userBy(ctx, s.db.Reader(), "id", userID)
	if err != nil {
		return authz.Principal{}, fmt.Errorf("authn: session user: %w", err)
	}
	if u.Disabled {
		return authz.Principal{}, errNoSession()
	}
	if now.Sub(seen) >= lastSeenEvery {
		if _, err := s.db.Writer().ExecContext(ctx, `UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2`,
			sqldb.UTC(now), hash); err != nil {
			return authz.Principal{}, fmt.Errorf("authn: touch session: %w", err)
		}
	}
	return u.Principal(), nil
}

// Logout ends the session whose secret is token; ending an unknown session is not an error.
func (s *Service) Logout(ctx context.Context, token string) error {
	p, err := s.Session(ctx, token)
	if err != nil {
		return nil
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, hashSecret(token)); err != nil {
			return fmt.Errorf("authn: end session: %w", err)
		}
		return s.audit.Record(authz.WithPrincipal(ctx, p), tx, audit.Event{Action: "auth.logout",
			ObjectType: "user", ObjectID: p.ID, OwnerOrg: p.Org})
	})
	if err != nil {
		return fmt.Errorf("authn: logout: %w", err)
	}
	return nil
}

// PurgeExpired deletes sessions and OIDC login flows past their absolute expiry; a job runs
// it periodically. Idle sessions are removed when next presented or at their expiry.
func (s *Service) PurgeExpired(ctx context.Context) (int64, error) {
	now := sqldb.UTC(s.clock.Now())
	var total int64
	for _, q := range []string{`DELETE FROM sessions WHERE expires_at <= $1`, `DELETE FROM login_flows WHERE expires_at <= $1`} {
		res, err := s.db.Writer().ExecContext(ctx, q, now)
		if err != nil {
			return total, fmt.Errorf("authn: purge: %w", err)
		}
		n, _ := res.RowsAffected()
		total += n
	}
	return total, nil
}
