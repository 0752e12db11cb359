package outbox

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// Inbox returns the caller's organisation's notifications, newest first, after cursor.
func (o *Outbox) Inbox(ctx context.Context, cursor string, limit int) ([]Notification, string, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermInboxRead); err != nil {
		return nil, "", err
	}
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	q := `SELECT id, org, topic, title, link, created_at, read_at FROM notifications WHERE org = $1`
	args := []any{p.Org}
	if cursor != "" {
		q += ` AND id < $2`
		args = append(args, cursor)
	}
	q += ` ORDER BY id DESC LIMIT ` + strconv.Itoa(limit+1)
	rows, err := o.db.Reader().QueryContext(ctx, q, args...)
	if err != nil {
		return nil, "", fmt.Errorf("outbox: inbox: %w", err)
	}
	defer rows.Close()
	var out []Notification
	for rows.Next() {
		var n Notification
		var read sql.NullTime
		if err := rows.Scan(&n.ID, &n.Org, &n.Topic, &n.Title, &n.Link, &n.CreatedAt, &read); err != nil {
			return nil, "", fmt.Errorf("outbox: scan notification: %w", err)
		}
		if read.Valid {
			t := read.Time
			n.ReadAt = &t
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("outbox: inbox: %w", err)
	}
	next := ""
	if len(out) > limit {
		out, next = out[:limit], out[limit-1].ID
	}
	return out, next, nil
}

// Unread counts the caller's organisation's unread notifications, for the header badge.
func (o *Outbox) Unread(ctx context.Context) (int, error) {
	p := authz.FromContext(ctx)
	if !p.Can(authz.PermInboxRead) {
		return 0, nil
	}
	var n int
	err := o.db.Reader().QueryRowContext(ctx, `SELECT COUNT(*) FROM notifications WHERE org = $1 AND read_at IS NULL`, p.Org).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("outbox: unread: %w", err)
	}
	return n, nil
}

// MarkRead marks one of the caller's organisation's notifications read.
func (o *Outbox) MarkRead(ctx context.Context, id string) error {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermInboxRead); err != nil {
		return err
	}
	res, err := o.db.Writer().ExecContext(ctx, `UPDATE notifications SET read_at = $1 WHERE id = $2 AND org = $3 AND read_at IS NULL`,
		sqldb.UTC(o.clock.Now()), id, p.Org)
	if err != nil {
		return fmt.Errorf("outbox: mark read: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errs.NotFound("notification %s not found or already read", id)
	}
	return nil
}
