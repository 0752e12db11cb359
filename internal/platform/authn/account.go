package authn

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// ChangeOwnPassword lets a signed-in user replace their password by proving the current
// one. A wrong current password counts as a failed login (towards the lockout and the
// address throttle), so a stolen session cannot be used to guess it. Every session of the
// user ends, this one included.
func (s *Service) ChangeOwnPassword(ctx context.Context, current, next, remoteAddr string) error {
	p := authz.FromContext(ctx)
	if p.Kind != authz.KindUser {
		return errs.Forbidden("only a signed-in person can change their own password")
	}
	now := s.clock.Now()
	if s.throttle.Blocked(remoteAddr, now) {
		return errs.New(errs.KindRateLimited, "too many failed attempts from this address; try again later")
	}
	u, err := userBy(ctx, s.db.Reader(), "id", p.ID)
	if err != nil {
		return fmt.Errorf("authn: change password: %w", err)
	}
	hash, perr := ParsePasswordHash(u.passwordHash)
	if perr != nil {
		hash = s.dummyHash
	}
	if !hash.Verify(current) || perr != nil || u.LockedUntil.After(now) || u.Disabled {
		s.throttle.Fail(remoteAddr, now)
		if err := s.db.Tx(ctx, func(tx *sql.Tx) error {
			if err := s.countFailure(ctx, tx, u, remoteAddr); err != nil {
				return err
			}
			return s.audit.Record(ctx, tx, audit.Event{Action: "user.password", ObjectType: "user", ObjectID: u.ID,
				OwnerOrg: u.Org, Outcome: audit.OutcomeFailure, Detail: map[string]any{"self": true, "reason": "wrong_current_password"}})
		}); err != nil {
			return fmt.Errorf("authn: change password: %w", err)
		}
		return errs.Field("current_password", "is not your current password")
	}
	if err := CheckPassword("new_password", u.Username, next); err != nil {
		return err
	}
	if next == current {
		return errs.Field("new_password", "must differ from the current password")
	}
	newHash, err := HashPassword(next, s.cfg.Argon2)
	if err != nil {
		return err
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := setPasswordHash(ctx, tx, u.ID, newHash, sqldb.UTC(now)); err != nil {
			return err
		}
		if err := deleteSessions(ctx, tx, u.ID); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "user.password", ObjectType: "user", ObjectID: u.ID,
			OwnerOrg: u.Org, Detail: map[string]any{"self": true}})
	})
	if err != nil {
		return fmt.Errorf("authn: change password: %w", err)
	}
	return nil
}
