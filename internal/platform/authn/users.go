package authn

import (
	"context"
	"database/sql"
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// CreateUser creates an account in n.Org. The caller must administer that organisation.
func (s *Service) CreateUser(ctx context.Context, n NewUser) (User, error) {
	p := authz.FromContext(ctx)
	fieldErr := n.validate()
	if err := authorize(p, authz.PermAdminUsers, n.Org); err != nil {
		return User{}, err
	}
	kind, err := orgKind(ctx, s.db.Reader(), "org", n.Org)
	if err != nil {
		return User{}, err
	}
	// Field and role errors are reported together, so a form shows every mistake at once.
	roles, roleErr := ParseRoles("role", n.Roles, kind)
	var v errs.Validation
	v.Merge("", fieldErr)
	v.Merge("", roleErr)
	if err := v.Err(); err != nil {
		return User{}, err
	}
	id, err := newID()
	if err != nil {
		return User{}, err
	}
	now := sqldb.UTC(s.clock.Now())
	u := User{ID: id, Org: n.Org, Username: n.Username, DisplayName: n.DisplayName, Roles: roles,
		OIDCSubject: n.OIDCSubject, CreatedAt: now, UpdatedAt: now}
	if n.Password != "" {
		if u.passwordHash, err = HashPassword(n.Password, s.cfg.Argon2); err != nil {
			return User{}, err
		}
	}
	u.HasPassword = u.passwordHash != ""
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := insertUser(ctx, tx, u); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "user.create", ObjectType: "user", ObjectID: u.ID,
			OwnerOrg: u.Org, Detail: map[string]any{"username": u.Username, "roles": roles}})
	})
	if err != nil {
		return User{}, fmt.Errorf("authn: create user %s: %w", u.Username, err)
	}
	return u, nil
}

// User returns the account with id, NotFound when it does not exist or belongs to an
// organisation the caller does not administer.
func (s *Service) User(ctx context.Context, id string) (User, error) {
	return s.visibleUser(ctx, s.db.Reader(), "id", id)
}

// UserByName returns the account with username, as User does.
func (s *Service) UserByName(ctx context.Context, username string) (User, error) {
	return s.visibleUser(ctx, s.db.Reader(), "username", NormalizeUsername(username))
}

func (s *Service) visibleUser(ctx context.Context, q sqldb.Querier, column, value string) (User, error) {
	u, err := userBy(ctx, q, column, value)
	if err != nil {
		return User{}, err
	}
	if err := authorizeExisting(authz.FromContext(ctx), authz.PermAdminUsers, u.Org); err != nil {
		return User{}, err
	}
	return u, nil
}

// ListUsers returns a page of the accounts of org, ordered by username, after cursor (the
// Next of the previous page). Administrators list their own organisation, whatever org
// says; System principals list org, or every organisation when org is empty.
func (s *Service) ListUsers(ctx context.Context, org, cursor string, limit int) (UserPage, error) {
	p := authz.FromContext(ctx)
	if p.Kind != authz.KindSystem {
		if org == "" {
			org = p.Org
		}
		if err := authorize(p, authz.PermAdminUsers, strings.ToUpper(org)); err != nil {
			return UserPage{}, err
		}
	}
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	after, err := decodeCursor(cursor)
	if err != nil {
		return UserPage{}, err
	}
	users, err := listUsers(ctx, s.db.Reader(), strings.ToUpper(org), after, limit)
	if err != nil {
		return UserPage{}, err
	}
	page := UserPage{Users: users}
	if len(users) > limit {
		page.Users = users[:limit]
		page.Next = base64.RawURLEncoding.EncodeToString([]byte(users[limit-1].Username))
	}
	return page, nil
}

func decodeCursor(c string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", errs.Field("cursor", "not a cursor returned by this listing")
	}
	return string(b), nil
}

// SetPassword replaces the password of username, unlocks the account and ends all its
// sessions, so a stolen session does not survive a reset.
func (s *Service) SetPassword(ctx context.Context, username, password string) error {
	return s.changeUser(ctx, username, "user.password", func(tx *sql.Tx, u User) error {
		if err := CheckPassword("password", u.Username, password); err != nil {
			return err
		}
		hash, err := HashPassword(password, s.cfg.Argon2)
		if err != nil {
			return err
		}
		return setPasswordHash(ctx, tx, u.ID, hash, sqldb.UTC(s.clock.Now()))
	})
}

// DisableUser disables username and ends its sessions. Callers cannot disable themselves, so
// an organisation does not lose its last administrator by mistake.
func (s *Service) DisableUser(ctx context.Context, username string) error {
	return s.changeUser(ctx, username, "user.disable", func(tx *sql.Tx, u User) error {
		if u.ID == authz.FromContext(ctx).ID {
			return errs.Conflict("you cannot disable your own account")
		}
		_, err := tx.ExecContext(ctx, `UPDATE users SET disabled = TRUE, updated_at = $1 WHERE id = $2`,
			sqldb.UTC(s.clock.Now()), u.ID)
		return err
	})
}

// changeUser loads username inside a transaction, checks the caller, applies fn, ends the
// user's sessions and records action.
func (s *Service) changeUser(ctx context.Context, username, action string, fn func(*sql.Tx, User) error) error {
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		u, err := s.visibleUser(ctx, tx, "username", NormalizeUsername(username))
		if err != nil {
			return err
		}
		if err := fn(tx, u); err != nil {
			return err
		}
		if err := deleteSessions(ctx, tx, u.ID); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: action, ObjectType: "user", ObjectID: u.ID,
			OwnerOrg: u.Org, Detail: map[string]any{"username": u.Username}})
	})
	if err != nil {
		return fmt.Errorf("authn: %s %s: %w", action, username, err)
	}
	return nil
}

// EnableUser enables a disabled account again; it signs in with its existing password.
func (s *Service) EnableUser(ctx context.Context, username string) error {
	return s.changeUser(ctx, username, "user.enable", func(tx *sql.Tx, u User) error {
		_, err := tx.ExecContext(ctx, `UPDATE users SET disabled = FALSE, updated_at = $1 WHERE id = $2`,
			sqldb.UTC(s.clock.Now()), u.ID)
		return err
	})
}

// SetRoles replaces the roles of username; they must be eligible for its organisation. Its
// sessions end, as with every change to an account, so the person signs in again. Callers
// cannot change their own roles, so an administrator cannot lock themselves out by mistake
// nor widen their own access.
func (s *Service) SetRoles(ctx context.Context, username string, roles []string) error {
	return s.changeUser(ctx, username, "user.roles", func(tx *sql.Tx, u User) error {
		if u.ID == authz.FromContext(ctx).ID {
			return errs.Conflict("you cannot change your own roles")
		}
		kind, err := orgKind(ctx, tx, "org", u.Org)
		if err != nil {
			return err
		}
		parsed, err := ParseRoles("role", roles, kind)
		if err != nil {
			return err
		}
		return replaceRoles(ctx, tx, u.ID, parsed)
	})
}
