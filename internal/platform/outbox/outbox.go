// Package outbox carries events from a change to the organisations that must hear of it.
// Publish writes the event in the transaction of the change, so an event exists exactly when
// the change committed. A worker then fans events out to the webhooks each organisation
// subscribed and delivers them, signed with HMAC-SHA256, retrying with back-off until the
// receiver answers 2xx: delivery is at least once, and receivers deduplicate on the event id.
// Notify additionally puts a line in the organisation's inbox in the web UI.
package outbox

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// Event is a fact one organisation must learn about.
type Event struct {
	ID        string          `json:"id"`
	Topic     string          `json:"topic"`   // e.g. "tp.match.found", "dublin.request.received"
	Org       string          `json:"org"`     // the recipient organisation
	Subject   string          `json:"subject"` // the record the event is about, in the recipient's terms
	Payload   json.RawMessage `json:"payload"`
	CreatedAt time.Time       `json:"created_at"`
}

// Outbox publishes events and inbox notifications.
type Outbox struct {
	db    *sqldb.DB
	clock clock.Clock
}

// New returns the outbox of db.
func New(db *sqldb.DB, c clock.Clock) *Outbox { return &Outbox{db: db, clock: c} }

// Publish stores an event for org inside tx. The payload must hold only what the recipient
// may see (minimal hit data, never another state's full record).
func (o *Outbox) Publish(ctx context.Context, tx *sql.Tx, topic, org, subject string, payload any) (string, error) {
	b, err := json.Marshal(payload)
	if err != nil {
		return "", fmt.Errorf("outbox: encode %s: %w", topic, err)
	}
	id := uuid.Must(uuid.NewV7()).String()
	_, err = tx.ExecContext(ctx, `INSERT INTO outbox_events (id, topic, org, subject, payload, created_at, dispatched)
		VALUES ($1, $2, $3, $4, $5, $6, FALSE)`, id, topic, org, subject, string(b), sqldb.UTC(o.clock.Now()))
	if err != nil {
		return "", fmt.Errorf("outbox: publish %s to %s: %w", topic, org, err)
	}
	return id, nil
}

// Notification is a line in an organisation's inbox.
type Notification struct {
	ID        string     `json:"id"`
	Org       string     `json:"org"`
	Topic     string     `json:"topic"`
	Title     string     `json:"title"`
	Link      string     `json:"link"`
	CreatedAt time.Time  `json:"created_at"`
	ReadAt    *time.Time `json:"read_at,omitempty"`
}

// Notify publishes the event and adds an inbox line for org's users, linking to the page
// where they act on it.
func (o *Outbox) Notify(ctx context.Context, tx *sql.Tx, topic, org, subject, title, link string, payload any) error {
	if _, err := o.Publish(ctx, tx, topic, org, subject, payload); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO notifications (id, org, topic, title, link, created_at)
		VALUES ($1, $2, $3, $4, $5, $6)`, uuid.Must(uuid.NewV7()).String(), org, topic, title, link, sqldb.UTC(o.clock.Now()))
	if err != nil {
		return fmt.Errorf("outbox: notify %s: %w", org, err)
	}
	return nil
}
