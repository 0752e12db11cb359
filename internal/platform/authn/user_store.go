package authn

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

const userColumns = `id, org, username, display_name, password_hash, COALESCE(oidc_subject, ''), disabled,
	failed_logins, locked_until, created_at, updated_at`

// orgKind returns the kind of organisation code, or an Invalid error naming field.
func orgKind(ctx context.Context, q sqldb.Querier, field, code string) (OrgKind, error) {
	var kind string
	err := q.QueryRowContext(ctx, `SELECT kind FROM organisations WHERE code = $1`, code).Scan(&kind)
	if sqldb.IsNoRows(err) {
		return "", errs.Field(field, fmt.Sprintf("unknown organisation %q", code))
	}
	if err != nil {
		return "", fmt.Errorf("authn: organisation %s: %w", code, err)
	}
	return OrgKind(kind), nil
}

func scanUser(row interface{ Scan(...any) error }) (User, error) {
	var u User
	var locked sql.NullTime
	err := row.Scan(&u.ID, &u.Org, &u.Username, &u.DisplayName, &u.passwordHash, &u.OIDCSubject, &u.Disabled,
		&u.FailedLogins, &locked, &u.CreatedAt, &u.UpdatedAt)
	if err != nil {
		return User{}, err
	}
	if locked.Valid {
		u.LockedUntil = locked.Time.UTC()
	}
	u.CreatedAt, u.UpdatedAt = u.CreatedAt.UTC(), u.UpdatedAt.UTC()
	u.HasPassword = u.passwordHash != ""
	return u, nil
}

// userBy loads one user by a unique column ("id", "username" or "oidc_subject"), with roles.
// It answers NotFound when no row matches.
func userBy(ctx context.Context, q sqldb.Querier, column, value string) (User, error) {
	u, err := scanUser(q.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE `+column+` = $1`, value))
	if sqldb.IsNoRows(err) {
		return User{}, errs.NotFound("user not found")
	}
	if err != nil {
		return User{}, fmt.Errorf("authn: load user: %w", err)
	}
	if err := loadRoles(ctx, q, []*User{&u}); err != nil {
		return User{}, err
	}
	return u, nil
}

// loadRoles fills the roles of users with one query.
func loadRoles(ctx context.Context, q sqldb.Querier, users []*User) error {
	if len(users) == 0 {
		return nil
	}
	byID := make(map[string]*User, len(users))
	marks := make([]string, len(users))
	args := make([]any, len(users))
	for i, u := range users {
		byID[u.ID] = u
		u.Roles = nil
		marks[i] = "$" + strconv.Itoa(i+1)
		args[i] = u.ID
	}
	rows, err := q.QueryContext(ctx, `SELECT user_id, role FROM user_roles WHERE user_id IN (`+
		strings.Join(marks, ", ")+`) ORDER BY user_id, role`, args...)
	if err != nil {
		return fmt.Errorf("authn: load roles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, role string
		if err := rows.Scan(&id, &role); err != nil {
			return fmt.Errorf("authn: scan role: %w", err)
		}
		byID[id].Roles = append(byID[id].Roles, authz.Role(role))
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("authn: load roles: %w", err)
	}
	return nil
}

func insertUser(ctx context.Context, tx *sql.Tx, u User) error {
	var subject any
	if u.OIDCSubject != "" {
		subject = u.OIDCSubject
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO users (id, org, username, display_name, password_hash, oidc_subject,
		disabled, failed_logins, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, FALSE, 0, $7, $7)`,
		u.ID, u.Org, u.Username, u.DisplayName, u.passwordHash, subject, u.CreatedAt)
	if sqldb.IsUniqueViolation(err) {
		return errs.Conflict("username %q or its OIDC subject is already taken", u.Username)
	}
	if err != nil {
		return fmt.Errorf("authn: insert user %s: %w", u.Username, err)
	}
	return replaceRoles(ctx, tx, u.ID, u.Roles)
}

func replaceRoles(ctx context.Context, tx *sql.Tx, userID string, roles []authz.Role) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM user_roles WHERE user_id = $1`, userID); err != nil {
		return fmt.Errorf("authn: clear roles: %w", err)
	}
	for _, r := range roles {
		if _, err := tx.ExecContext(ctx, `INSERT INTO user_roles (user_id, role) VALUES ($1, $2)`, userID, string(r)); err != nil {
			return fmt.Errorf("authn: insert role %s: %w", r, err)
		}
	}
	return nil
}

// listUsers returns up to limit+1 users of org (all organisations when org is empty) with
// usernames after the cursor.
func listUsers(ctx context.Context, q sqldb.Querier, org, after string, limit int) ([]User, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+userColumns+` FROM users
		WHERE ($1 = '' OR org = $1) AND username > $2 ORDER BY username LIMIT $3`, org, after, limit+1)
	if err != nil {
		return nil, fmt.Errorf("authn: list users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("authn: scan user: %w", err)
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("authn: list users: %w", err)
	}
	ptrs := make([]*User, len(out))
	for i := range out {
		ptrs[i] = &out[i]
	}
	return out, loadRoles(ctx, q, ptrs)
}

// deleteSessions ends every session of a user.
func deleteSessions(ctx context.Context, tx *sql.Tx, userID string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
		return fmt.Errorf("authn: end sessions: %w", err)
	}
	return nil
}

func setPasswordHash(ctx context.Context, tx *sql.Tx, userID, hash string, now time.Time) error {
	_, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1, failed_logins = 0, locked_until = NULL,
		updated_at = $2 WHERE id = $3`, hash, now, userID)
	if err != nil {
		return fmt.Errorf("authn: set password: %w", err)
	}
	return nil
}
