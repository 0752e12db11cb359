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

// LoginFailedMessage is the one answer to every failed login: an unknown user, a wrong
// password, a locked or a disabled account all read the same, so the answer does not tell
// which accounts exist.
const LoginFailedMessage = "invalid username or password, or the account is locked or disabled"

// Login is a successful authentication: the new session's secret, to be sent back only as a
// cookie, and its user.
type Login struct {
	Token     string
	User      User
	ExpiresAt time.Time
}

// Authenticate checks a username and password typed at remoteAddr and opens a session.
// Every failure returns the same Unauthenticated error after the same work (one argon2id
// derivation); the audit log records the true reason. Too many failures from remoteAddr
// return RateLimited; MaxFailedLogins failures on one account lock it for LockoutDuration.
func (s *Service) Authenticate(ctx context.Context, username, password, remoteAddr string) (Login, error) {
	now := s.clock.Now()
	if s.throttle.Blocked(remoteAddr, now) {
		return Login{}, errs.New(errs.KindRateLimited, "too many failed logins from this address; try again later")
	}
	username = NormalizeUsername(username)
	u, err := userBy(ctx, s.db.Reader(), "username", username)
	if err != nil && errs.KindOf(err) != errs.KindNotFound {
		return Login{}, err
	}
	found := err == nil
	hash, perr := ParsePasswordHash(u.passwordHash)
	if !found || perr != nil {
		hash = s.dummyHash
	}
	ok := hash.Verify(password) && found && perr == nil
	reason := ""
	switch {
	case !found:
		reason = "unknown_user"
	case u.Disabled:
		reason = "disabled"
	case u.LockedUntil.After(now):
		reason = "locked"
	case !ok:
		reason = "wrong_password"
	}
	if reason != "" {
		s.throttle.Fail(remoteAddr, now)
		return Login{}, s.loginFailed(ctx, u, username, remoteAddr, reason)
	}
	return s.loginSucceeded(ctx, u, hash, password, remoteAddr)
}

// loginFailed counts a wrong password against the account, locks it at the limit, and
// audits the attempt. It returns the uniform error.
func (s *Service) loginFailed(ctx context.Context, u User, username, remoteAddr, reason string) error {
	detail := map[string]any{"username": username, "remote_addr": remoteAddr, "reason": reason}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if reason == "wrong_password" {
			if err := s.countFailure(ctx, tx, u, remoteAddr); err != nil {
				return err
			}
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "auth.login", ObjectType: "user", ObjectID: u.ID,
			OwnerOrg: u.Org, Outcome: audit.OutcomeFailure, Detail: detail})
	})
	if err != nil {
		return fmt.Errorf("authn: record failed login: %w", err)
	}
	return errs.Unauthenticated(LoginFailedMessage)
}

// countFailure increments the account's counter; reaching MaxFailedLogins locks the account
// and restarts the count, so after the lockout the user has the full number of attempts.
func (s *Service) countFailure(ctx context.Context, tx *sql.Tx, u User, remoteAddr string) error {
	var n int
	err := tx.QueryRowContext(ctx, `UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1
		RETURNING failed_logins`, u.ID).Scan(&n)
	if err != nil {
		return fmt.Errorf("authn: count failed login: %w", err)
	}
	if n < s.cfg.MaxFailedLogins {
		return nil
	}
	until := sqldb.UTC(s.clock.Now().Add(s.cfg.LockoutDuration))
	if _, err := tx.ExecContext(ctx, `UPDATE users SET failed_logins = 0, locked_until = $1 WHERE id = $2`,
		until, u.ID); err != nil {
		return fmt.Errorf("authn: lock account: %w", err)
	}
	return s.audit.Record(ctx, tx, audit.Event{Action: "auth.lockout", ObjectType: "user", ObjectID: u.ID,
		OwnerOrg: u.Org, Outcome: audit.OutcomeDenied,
		Detail: map[string]any{"username": u.Username, "remote_addr": remoteAddr, "failures": n, "locked_until": until}})
}

// loginSucceeded resets the failure count, upgrades a hash made with lower costs, opens a
// session and audits the login as the user.
func (s *Service) loginSucceeded(ctx context.Context, u User, hash PasswordHash, password, remoteAddr string) (Login, error) {
	var rehash string
	if hash.Weaker(s.cfg.Argon2) {
		var err error
		if rehash, err = HashPassword(password, s.cfg.Argon2); err != nil {
			return Login{}, err
		}
	}
	var login Login
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1`, u.ID); err != nil {
			return fmt.Errorf("authn: reset failures: %w", err)
		}
		if rehash != "" {
			if _, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1 WHERE id = $2`, rehash, u.ID); err != nil {
				return fmt.Errorf("authn: upgrade hash: %w", err)
			}
		}
		var err error
		login, err = s.startSession(ctx, tx, u, "password", remoteAddr)
		return err
	})
	if err != nil {
		return Login{}, fmt.Errorf("authn: login %s: %w", u.Username, err)
	}
	return login, nil
}

// startSession stores a new session of u and audits the login, inside tx.
func (s *Service) startSession(ctx context.Context, tx *sql.Tx, u User, method, remoteAddr string) (Login, error) {
	token, hash, err := newSecret("")
	if err != nil {
		return Login{}, err
	}
	now := sqldb.UTC(s.clock.Now())
	expires := now.Add(s.cfg.SessionTTL)
	if _, err := tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at)
		VALUES ($1, $2, $3, $4, $3)`, hash, u.ID, now, expires); err != nil {
		return Login{}, fmt.Errorf("authn: store session: %w", err)
	}
	actx := authz.WithPrincipal(ctx, u.Principal())
	err = s.audit.Record(actx, tx, audit.Event{Action: "auth.login", ObjectType: "user", ObjectID: u.ID,
		OwnerOrg: u.Org, Detail: map[string]any{"method": method, "remote_addr": remoteAddr}})
	if err != nil {
		return Login{}, err
	}
	return Login{Token: token, User: u, ExpiresAt: expires}, nil
}
