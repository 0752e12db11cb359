package tp

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// Kinds of history events.
const (
	EventRegistered      = "registered"
	EventActivated       = "activated"
	EventDeregistered    = "deregistered"
	EventReregistered    = "registered_again"
	EventIdentityChanged = "identity_changed"
	EventChanged         = "changed"
	EventLinked          = "linked"
	EventErased          = "erased"
)

func (s *Service) addEvent(ctx context.Context, tx *txn, r *Registration, kind string, from Status, on, reason, actor string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO tp_events (id, registration_id, owner_org, at, on_date, kind, from_status,
		to_status, reason, actor, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '{}')`,
		uuid.Must(uuid.NewV7()).String(), r.ID, r.State, sqldb.UTC(s.clock.Now()), on, kind, from, r.Status, reason, actor)
	if err != nil {
		return fmt.Errorf("tp: record %s event of %s: %w", kind, r.ID, err)
	}
	return nil
}

func listEvents(ctx context.Context, q sqldb.Querier, id string) ([]HistoryEvent, error) {
	rows, err := q.QueryContext(ctx, `SELECT at, on_date, kind, from_status, to_status, reason, actor FROM tp_events
		WHERE registration_id = $1 ORDER BY at, id`, id)
	if err != nil {
		return nil, fmt.Errorf("tp: history of %s: %w", id, err)
	}
	defer rows.Close()
	var out []HistoryEvent
	for rows.Next() {
		var e HistoryEvent
		if err := rows.Scan(&e.At, &e.On, &e.Kind, &e.FromStatus, &e.ToStatus, &e.Reason, &e.Actor); err != nil {
			return nil, fmt.Errorf("tp: scan history: %w", err)
		}
		e.At = e.At.UTC()
		out = append(out, e)
	}
	return out, rows.Err()
}
