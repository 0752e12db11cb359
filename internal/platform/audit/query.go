package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Filter narrows a listing of the log. Zero values match everything.
type Filter struct {
	Actor      string
	Action     string // prefix, e.g. "tp." or "auth.login"
	ObjectType string
	ObjectID   string
	From, To   time.Time
	// OwnerOrg is forced to the auditor's own organisation unless the auditor belongs to an
	// EU body, whose data-protection officers supervise the whole platform.
	OwnerOrg string
}

// Page is one page of entries, newest first, and the cursor of the next page.
type Page struct {
	Entries []Entry `json:"entries"`
	Next    string  `json:"next,omitempty"`
}

// List returns entries matching f, newest first, after the opaque cursor. Auditors of a
// Member State see the entries about their own state's records and their own users' actions.
func (l *Log) List(ctx context.Context, f Filter, cursor string, limit int) (Page, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermAuditRead); err != nil {
		return Page{}, err
	}
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	where, args := []string{"1=1"}, []any{}
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(args))))
	}
	if cursor != "" {
		before, err := strconv.ParseInt(cursor, 10, 64)
		if err != nil || before < 1 {
			return Page{}, errs.Field("cursor", "not a cursor returned by this listing")
		}
		add("seq < ?", before)
	}
	if !isEUBody(p.Org) && p.Kind != authz.KindSystem {
		args = append(args, p.Org)
		n := "$" + strconv.Itoa(len(args))
		where = append(where, "(owner_org = "+n+" OR actor_org = "+n+")")
	} else if f.OwnerOrg != "" {
		add("owner_org = ?", f.OwnerOrg)
	}
	if f.Actor != "" {
		add("actor = ?", f.Actor)
	}
	if f.Action != "" {
		add("action LIKE ?", strings.ReplaceAll(f.Action, "%", "")+"%")
	}
	if f.ObjectType != "" {
		add("object_type = ?", f.ObjectType)
	}
	if f.ObjectID != "" {
		add("object_id = ?", f.ObjectID)
	}
	if !f.From.IsZero() {
		add("at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		add("at < ?", f.To.UTC())
	}
	args = append(args, limit+1)
	q := `SELECT seq, at, actor, actor_org, actor_kind, action, object_type, object_id, owner_org, purpose,
		outcome, detail, request_id, prev_hash, hash FROM audit_log WHERE ` + strings.Join(where, " AND ") +
		` ORDER BY seq DESC LIMIT $` + strconv.Itoa(len(args))
	entries, err := l.query(ctx, q, args...)
	if err != nil {
		return Page{}, err
	}
	page := Page{Entries: entries}
	if len(entries) > limit {
		page.Entries = entries[:limit]
		page.Next = strconv.FormatInt(entries[limit-1].Seq, 10)
	}
	return page, nil
}

// isEUBody reports organisations whose auditors supervise every state's entries.
func isEUBody(org string) bool {
	switch org {
	case "EC", "EUAA", "FRONTEX", "EUROPOL", "EULISA", "EDPS":
		return true
	}
	return false
}

func (l *Log) scanFrom(ctx context.Context, afterSeq int64, limit int) ([]Entry, error) {
	return l.query(ctx, `SELECT seq, at, actor, actor_org, actor_kind, action, object_type, object_id, owner_org,
		purpose, outcome, detail, request_id, prev_hash, hash FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
		afterSeq, limit)
}

func (l *Log) query(ctx context.Context, q string, args ...any) ([]Entry, error) {
	rows, err := l.db.Reader().QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("audit: query: %w", err)
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var e Entry
		if err := rows.Scan(&e.Seq, &e.At, &e.Actor, &e.ActorOrg, &e.ActorKind, &e.Action, &e.ObjectType,
			&e.ObjectID, &e.OwnerOrg, &e.Purpose, &e.Outcome, &e.detailJSON, &e.RequestID, &e.PrevHash, &e.Hash); err != nil {
			return nil, fmt.Errorf("audit: scan: %w", err)
		}
		e.At = e.At.UTC()
		if e.detailJSON != "{}" {
			_ = json.Unmarshal([]byte(e.detailJSON), &e.Detail)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("audit: query: %w", err)
	}
	return out, nil
}
