package awareness

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// StoredAlert is an alert the evaluation job raised, with its acknowledgement.
type StoredAlert struct {
	ID string `json:"id"`
	Alert
	RaisedAt       time.Time  `json:"raised_at"`
	AcknowledgedAt *time.Time `json:"acknowledged_at,omitempty"`
	AcknowledgedBy string     `json:"acknowledged_by,omitempty"`
	AckNote        string     `json:"ack_note,omitempty"`
}

// TopicAlert is the outbox topic of a raised alert (inbox line and webhook event).
const TopicAlert = "awareness.alert"

const alertColumns = `id, rule_id, rule_name, kind, week_start, week_end, value, reference, nationality, message,
	raised_at, acknowledged_at, acknowledged_by, ack_note`

// Alerts returns the latest alerts, newest week first; open keeps the unacknowledged ones.
func (s *Service) Alerts(ctx context.Context, open bool, limit int) ([]StoredAlert, error) {
	if err := authz.Require(authz.FromContext(ctx), authz.PermAwarenessRead); err != nil {
		return nil, err
	}
	q := `SELECT ` + alertColumns + ` FROM awareness_alerts`
	if open {
		q += ` WHERE acknowledged_by = ''`
	}
	rows, err := s.db.Reader().QueryContext(ctx, q+` ORDER BY week_end DESC, rule_id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("awareness: read alerts: %w", err)
	}
	return scanAlerts(rows)
}

func (s *Service) alert(ctx context.Context, q sqldb.Querier, id string) (StoredAlert, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+alertColumns+` FROM awareness_alerts WHERE id = $1`, id)
	if err != nil {
		return StoredAlert{}, fmt.Errorf("awareness: read alert: %w", err)
	}
	as, err := scanAlerts(rows)
	if err != nil {
		return StoredAlert{}, err
	}
	if len(as) == 0 {
		return StoredAlert{}, errs.NotFound("alert %q not found", id)
	}
	return as[0], nil
}

func scanAlerts(rows *sql.Rows) ([]StoredAlert, error) {
	defer rows.Close()
	out := []StoredAlert{}
	for rows.Next() {
		var a StoredAlert
		var kind, start, end string
		var ack sql.NullTime
		if err := rows.Scan(&a.ID, &a.RuleID, &a.RuleName, &kind, &start, &end, &a.Value, &a.Reference, &a.Nationality,
			&a.Message, &a.RaisedAt, &ack, &a.AcknowledgedBy, &a.AckNote); err != nil {
			return nil, fmt.Errorf("awareness: read alerts: %w", err)
		}
		a.Kind = RuleKind(kind)
		a.Week.Start, _ = ParseDate(start)
		a.Week.End, _ = ParseDate(end)
		a.RaisedAt = a.RaisedAt.UTC()
		if ack.Valid {
			t := ack.Time.UTC()
			a.AcknowledgedAt = &t
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Acknowledge records that a coordinator has seen the alert and acted on it; the
// acknowledgement is audited. Acknowledging again returns the alert unchanged.
func (s *Service) Acknowledge(ctx context.Context, id, note string) (StoredAlert, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermAwarenessManage); err != nil {
		return StoredAlert{}, err
	}
	if !isText(note) {
		return StoredAlert{}, errs.Field("note", "must be printable text of at most 200 bytes")
	}
	var out StoredAlert
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		a, err := s.alert(ctx, tx, id)
		if err != nil || a.AcknowledgedAt != nil {
			out = a
			return err
		}
		now := sqldb.UTC(s.clock.Now())
		if _, err := tx.ExecContext(ctx, `UPDATE awareness_alerts SET acknowledged_at = $2, acknowledged_by = $3, ack_note = $4
			WHERE id = $1`, id, now, p.ID, note); err != nil {
			return fmt.Errorf("awareness: acknowledge: %w", err)
		}
		a.AcknowledgedAt, a.AcknowledgedBy, a.AckNote = &now, p.ID, note
		out = a
		return s.audit.Record(ctx, tx, audit.Event{Action: "awareness.alert.acknowledge", ObjectType: "awareness_alert",
			ObjectID: id, OwnerOrg: p.Org, Detail: map[string]any{"rule_id": a.RuleID, "week_end": a.Week.End.String(), "note": note}})
	})
	return out, err
}

// insertAlert stores a raised alert; false when the rule already fired for that week.
func insertAlert(ctx context.Context, tx *sql.Tx, a Alert, now time.Time) (string, bool, error) {
	id := uuid.Must(uuid.NewV7()).String()
	res, err := tx.ExecContext(ctx, `INSERT INTO awareness_alerts (`+alertColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL, '', '')
		ON CONFLICT (rule_id, week_end, nationality) DO NOTHING`, id, a.RuleID, a.RuleName, string(a.Kind),
		a.Week.Start.String(), a.Week.End.String(), a.Value, a.Reference, a.Nationality, a.Message, now)
	if err != nil {
		return "", false, fmt.Errorf("awareness: insert alert: %w", err)
	}
	n, err := res.RowsAffected()
	return id, n == 1, err
}
