package outbox

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// Signature headers of a delivery. The signature is HMAC-SHA256 over "timestamp.body" with
// the webhook's secret, so a receiver can check origin and reject replays.
const (
	HeaderSignature = "X-CEAS-Signature"
	HeaderEventID   = "X-CEAS-Event-Id"
	HeaderTopic     = "X-CEAS-Topic"
)

// Sign returns the signature header value for body sent at ts.
func Sign(secret string, ts int64, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "%d.", ts)
	mac.Write(body)
	return "t=" + strconv.FormatInt(ts, 10) + ",v1=" + hex.EncodeToString(mac.Sum(nil))
}

// Dispatch fans undispatched events out into one delivery per matching webhook. It runs in
// one transaction per batch so an event is fanned out exactly once.
func (o *Outbox) Dispatch(ctx context.Context) (int, error) {
	n := 0
	err := o.db.Tx(ctx, func(tx *sql.Tx) error {
		events, err := pendingEvents(ctx, tx, 500)
		if err != nil {
			return err
		}
		now := sqldb.UTC(o.clock.Now())
		hooks := map[string][]Webhook{}
		for _, ev := range events {
			if _, ok := hooks[ev.Org]; !ok {
				if hooks[ev.Org], err = o.webhooks(ctx, tx, `WHERE org = $1 AND active`, ev.Org); err != nil {
					return err
				}
			}
			for _, w := range hooks[ev.Org] {
				if !w.Matches(ev.Topic) {
					continue
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO webhook_deliveries (id, webhook_id, event_id, status, next_attempt_at)
					VALUES ($1, $2, $3, 'pending', $4) ON CONFLICT (webhook_id, event_id) DO NOTHING`,
					uuid.Must(uuid.NewV7()).String(), w.ID, ev.ID, now); err != nil {
					return fmt.Errorf("outbox: queue delivery: %w", err)
				}
			}
			if _, err := tx.ExecContext(ctx, `UPDATE outbox_events SET dispatched = TRUE WHERE id = $1`, ev.ID); err != nil {
				return fmt.Errorf("outbox: mark dispatched: %w", err)
			}
			n++
		}
		return nil
	})
	return n, err
}

func pendingEvents(ctx context.Context, q sqldb.Querier, limit int) ([]Event, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, topic, org, subject, payload, created_at FROM outbox_events
		WHERE dispatched = FALSE ORDER BY id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("outbox: pending events: %w", err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var ev Event
		var payload string
		if err := rows.Scan(&ev.ID, &ev.Topic, &ev.Org, &ev.Subject, &payload, &ev.CreatedAt); err != nil {
			return nil, fmt.Errorf("outbox: scan event: %w", err)
		}
		ev.Payload = json.RawMessage(payload)
		out = append(out, ev)
	}
	return out, rows.Err()
}

// due is a delivery ready to send.
type due struct {
	id, url, secret string
	attempts        int
	event           Event
}

// Deliver sends due deliveries and records each outcome; failures are retried with back-off
// (30 s doubling, capped at 6 h) and marked failed after maxAttempts.
func (o *Outbox) Deliver(ctx context.Context, client *http.Client) (delivered int, err error) {
	list, err := o.dueDeliveries(ctx, 100)
	if err != nil {
		return 0, err
	}
	for _, d := range list {
		sendErr := send(ctx, client, d, o.clock.Now())
		if err := o.recordAttempt(ctx, d, sendErr); err != nil {
			return delivered, err
		}
		if sendErr == nil {
			delivered++
		}
	}
	return delivered, nil
}

const maxAttempts = 15

func (o *Outbox) dueDeliveries(ctx context.Context, limit int) ([]due, error) {
	rows, err := o.db.Reader().QueryContext(ctx, `SELECT d.id, w.url, w.secret, d.attempts,
		e.id, e.topic, e.org, e.subject, e.payload, e.created_at
		FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN outbox_events e ON e.id = d.event_id
		WHERE d.status = 'pending' AND d.next_attempt_at <= $1 ORDER BY d.next_attempt_at LIMIT $2`,
		sqldb.UTC(o.clock.Now()), limit)
	if err != nil {
		return nil, fmt.Errorf("outbox: due deliveries: %w", err)
	}
	defer rows.Close()
	var out []due
	for rows.Next() {
		var d due
		var payload string
		if err := rows.Scan(&d.id, &d.url, &d.secret, &d.attempts, &d.event.ID, &d.event.Topic, &d.event.Org,
			&d.event.Subject, &payload, &d.event.CreatedAt); err != nil {
			return nil, fmt.Errorf("outbox: scan delivery: %w", err)
		}
		d.event.Payload = json.RawMessage(payload)
		out = append(out, d)
	}
	return out, rows.Err()
}

func send(ctx context.Context, client *http.Client, d due, now time.Time) error {
	body, err := json.Marshal(d.event)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(HeaderEventID, d.event.ID)
	req.Header.Set(HeaderTopic, d.event.Topic)
	req.Header.Set(HeaderSignature, Sign(d.secret, now.Unix(), body))
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("receiver answered %s", resp.Status)
	}
	return nil
}

func (o *Outbox) recordAttempt(ctx context.Context, d due, sendErr error) error {
	now := sqldb.UTC(o.clock.Now())
	attempts := d.attempts + 1
	var err error
	if sendErr == nil {
		_, err = o.db.Writer().ExecContext(ctx, `UPDATE webhook_deliveries SET status = 'delivered', attempts = $1,
			delivered_at = $2, last_error = '' WHERE id = $3`, attempts, now, d.id)
	} else {
		status := "pending"
		if attempts >= maxAttempts {
			status = "failed"
		}
		wait := 30 * time.Second << min(attempts-1, 10)
		_, err = o.db.Writer().ExecContext(ctx, `UPDATE webhook_deliveries SET status = $1, attempts = $2,
			next_attempt_at = $3, last_error = $4 WHERE id = $5`, status, attempts, now.Add(min(wait, 6*time.Hour)), sendErr.Error(), d.id)
	}
	if err != nil {
		return fmt.Errorf("outbox: record delivery: %w", err)
	}
	return nil
}

// Delivery is one attempt record, for the UI's delivery log.
type Delivery struct {
	ID          string     `json:"id"`
	WebhookURL  string     `json:"webhook_url"`
	EventID     string     `json:"event_id"`
	Topic       string     `json:"topic"`
	Status      string     `json:"status"`
	Attempts    int        `json:"attempts"`
	NextAttempt time.Time  `json:"next_attempt_at"`
	LastError   string     `json:"last_error,omitempty"`
	DeliveredAt *time.Time `json:"delivered_at,omitempty"`
}

// Deliveries lists the latest deliveries to org's webhooks.
func (o *Outbox) Deliveries(ctx context.Context, org string, limit int) ([]Delivery, error) {
	rows, err := o.db.Reader().QueryContext(ctx, `SELECT d.id, w.url, d.event_id, e.topic, d.status, d.attempts,
		d.next_attempt_at, d.last_error, d.delivered_at
		FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN outbox_events e ON e.id = d.event_id
		WHERE w.org = $1 ORDER BY d.id DESC LIMIT $2`, org, limit)
	if err != nil {
		return nil, fmt.Errorf("outbox: deliveries: %w", err)
	}
	defer rows.Close()
	var out []Delivery
	for rows.Next() {
		var d Delivery
		var delivered sql.NullTime
		if err := rows.Scan(&d.ID, &d.WebhookURL, &d.EventID, &d.Topic, &d.Status, &d.Attempts, &d.NextAttempt,
			&d.LastError, &delivered); err != nil {
			return nil, fmt.Errorf("outbox: scan delivery: %w", err)
		}
		if delivered.Valid {
			t := delivered.Time
			d.DeliveredAt = &t
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
