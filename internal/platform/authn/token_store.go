package authn

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

const tokenColumns = `id, org, name, roles, created_by, created_at, expires_at, last_used_at, revoked_at`

// joinRoles stores a token's roles as one comma-separated column: they are read with the
// token on every request, so a join table would only add a query.
func joinRoles(roles []authz.Role) string {
	s := make([]string, len(roles))
	for i, r := range roles {
		s[i] = string(r)
	}
	return strings.Join(s, ",")
}

func splitRoles(s string) []authz.Role {
	var out []authz.Role
	for r := range strings.SplitSeq(s, ",") {
		if r != "" {
			out = append(out, authz.Role(r))
		}
	}
	return out
}

func scanToken(row interface{ Scan(...any) error }) (Token, error) {
	var t Token
	var roles string
	var expires, used, revoked sql.NullTime
	if err := row.Scan(&t.ID, &t.Org, &t.Name, &roles, &t.CreatedBy, &t.CreatedAt, &expires, &used, &revoked); err != nil {
		return Token{}, err
	}
	t.Roles = splitRoles(roles)
	t.CreatedAt = t.CreatedAt.UTC()
	// Tokens created outside this package without an expiry are treated as already expired.
	t.ExpiresAt = expires.Time.UTC()
	if used.Valid {
		t.LastUsedAt = used.Time.UTC()
	}
	if revoked.Valid {
		t.RevokedAt = revoked.Time.UTC()
	}
	return t, nil
}

func listTokens(ctx context.Context, q sqldb.Querier, org string) ([]Token, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+tokenColumns+` FROM api_tokens WHERE ($1 = '' OR org = $1)
		ORDER BY created_at DESC, id DESC`, org)
	if err != nil {
		return nil, fmt.Errorf("authn: list tokens: %w", err)
	}
	defer rows.Close()
	var out []Token
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, fmt.Errorf("authn: scan token: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("authn: list tokens: %w", err)
	}
	return out, nil
}
