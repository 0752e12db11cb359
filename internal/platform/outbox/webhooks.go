package outbox

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// Webhook is an organisation's subscription: events of matching topics are POSTed to URL.
type Webhook struct {
	ID        string    `json:"id"`
	Org       string    `json:"org"`
	URL       string    `json:"url"`
	Topics    []string  `json:"topics"` // exact topics or prefixes ending in "*"; "*" is everything
	Active    bool      `json:"active"`
	CreatedAt time.Time `json:"created_at"`
	// Secret signs deliveries; it is returned only when the webhook is created.
	Secret string `json:"secret,omitempty"`
}

// Matches reports whether the webhook subscribes to topic.
func (w Webhook) Matches(topic string) bool {
	for _, t := range w.Topics {
		if t == topic || t == "*" || (strings.HasSuffix(t, "*") && strings.HasPrefix(topic, strings.TrimSuffix(t, "*"))) {
			return true
		}
	}
	return false
}

// Webhooks manages subscriptions; administrators manage their own organisation's only.
type Webhooks struct {
	ob    *Outbox
	audit *audit.Log
}

// NewWebhooks returns the subscription service.
func NewWebhooks(ob *Outbox, a *audit.Log) *Webhooks { return &Webhooks{ob: ob, audit: a} }

// Create subscribes the caller's organisation and returns the webhook with its secret.
func (s *Webhooks) Create(ctx context.Context, rawURL string, topics []string) (Webhook, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermAdminHooks); err != nil {
		return Webhook{}, err
	}
	var v errs.Validation
	u, err := url.Parse(rawURL)
	v.Check(err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "", "url", "must be an absolute http(s) URL")
	v.Check(len(topics) > 0, "topics", "must name at least one topic or \"*\"")
	for i, t := range topics {
		v.Check(t != "" && !strings.ContainsAny(t, " ,"), fmt.Sprintf("topics[%d]", i), "must be a topic such as tp.match.found or a prefix such as tp.*")
	}
	if err := v.Err(); err != nil {
		return Webhook{}, err
	}
	secret := make([]byte, 32)
	_, _ = rand.Read(secret)
	w := Webhook{ID: uuid.Must(uuid.NewV7()).String(), Org: p.Org, URL: rawURL, Topics: topics, Active: true,
		CreatedAt: sqldb.UTC(s.ob.clock.Now()), Secret: hex.EncodeToString(secret)}
	err = s.ob.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO webhooks (id, org, url, secret, topics, active, created_at)
			VALUES ($1, $2, $3, $4, $5, TRUE, $6)`, w.ID, w.Org, w.URL, w.Secret, strings.Join(topics, ","), w.CreatedAt); err != nil {
			return fmt.Errorf("outbox: create webhook: %w", err)
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "webhook.create", ObjectType: "webhook", ObjectID: w.ID,
			OwnerOrg: w.Org, Detail: map[string]any{"url": w.URL, "topics": topics}})
	})
	return w, err
}

// List returns the caller's organisation's webhooks, without secrets.
func (s *Webhooks) List(ctx context.Context) ([]Webhook, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermAdminHooks); err != nil {
		return nil, err
	}
	return s.ob.webhooks(ctx, s.ob.db.Reader(), `WHERE org = $1 ORDER BY created_at`, p.Org)
}

// Delete removes one of the caller's organisation's webhooks.
func (s *Webhooks) Delete(ctx context.Context, id string) error {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermAdminHooks); err != nil {
		return err
	}
	return s.ob.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM webhooks WHERE id = $1 AND org = $2`, id, p.Org)
		if err != nil {
			return fmt.Errorf("outbox: delete webhook: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errs.NotFound("webhook %s not found", id)
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "webhook.delete", ObjectType: "webhook", ObjectID: id, OwnerOrg: p.Org})
	})
}

func (o *Outbox) webhooks(ctx context.Context, q sqldb.Querier, where string, args ...any) ([]Webhook, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, org, url, secret, topics, active, created_at FROM webhooks `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("outbox: list webhooks: %w", err)
	}
	defer rows.Close()
	var out []Webhook
	for rows.Next() {
		var w Webhook
		var topics string
		if err := rows.Scan(&w.ID, &w.Org, &w.URL, &w.Secret, &topics, &w.Active, &w.CreatedAt); err != nil {
			return nil, fmt.Errorf("outbox: scan webhook: %w", err)
		}
		w.Topics = strings.Split(topics, ",")
		out = append(out, w)
	}
	return out, rows.Err()
}
