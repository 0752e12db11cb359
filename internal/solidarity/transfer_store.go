package solidarity

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

const transferColumns = `id, cycle_id, candidate_id, candidate_ref, from_state, to_state, persons, status, scheduled_on,
	carried_out_on, closed_on, reason, created_at, updated_at`

func scanTransfer(s scanner) (Transfer, error) {
	var t Transfer
	var done, closed sql.NullString
	err := s.Scan(&t.ID, &t.CycleID, &t.CandidateID, &t.CandidateRef, &t.FromState, &t.ToState, &t.Persons, &t.Status,
		&t.ScheduledOn, &done, &closed, &t.Reason, &t.CreatedAt, &t.UpdatedAt)
	t.CarriedOutOn, t.ClosedOn = done.String, closed.String
	t.CreatedAt, t.UpdatedAt = t.CreatedAt.UTC(), t.UpdatedAt.UTC()
	return t, err
}

func getTransfer(ctx context.Context, q sqldb.Querier, id string) (Transfer, error) {
	t, err := scanTransfer(q.QueryRowContext(ctx, `SELECT `+transferColumns+` FROM solidarity_transfers WHERE id = $1`, id))
	if sqldb.IsNoRows(err) {
		return t, errs.NotFound("solidarity transfer %s not found", id)
	}
	if err != nil {
		return t, fmt.Errorf("solidarity: read transfer %s: %w", id, err)
	}
	return t, nil
}

// TransferFilter narrows the transfer board.
type TransferFilter struct {
	CycleID string
	Status  string
	// state limits to transfers from or to one state (set from the caller's access).
	state string
}

func listTransfers(ctx context.Context, q sqldb.Querier, f TransferFilter) ([]Transfer, error) {
	var where []string
	var args []any
	if f.CycleID != "" {
		args = append(args, f.CycleID)
		where = append(where, fmt.Sprintf("cycle_id = $%d", len(args)))
	}
	if f.Status != "" {
		args = append(args, f.Status)
		where = append(where, fmt.Sprintf("status = $%d", len(args)))
	}
	if f.state != "" {
		args = append(args, f.state)
		where = append(where, fmt.Sprintf("(from_state = $%d OR to_state = $%d)", len(args), len(args)))
	}
	query := `SELECT ` + transferColumns + ` FROM solidarity_transfers`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	rows, err := q.QueryContext(ctx, query+" ORDER BY scheduled_on, id", args...)
	if err != nil {
		return nil, fmt.Errorf("solidarity: list transfers: %w", err)
	}
	defer rows.Close()
	var out []Transfer
	for rows.Next() {
		t, err := scanTransfer(rows)
		if err != nil {
			return nil, fmt.Errorf("solidarity: scan transfer: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

func saveTransfer(ctx context.Context, tx *sql.Tx, t *Transfer, insert bool) error {
	null := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	var err error
	if insert {
		_, err = tx.ExecContext(ctx, `INSERT INTO solidarity_transfers (`+transferColumns+`)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
			t.ID, t.CycleID, t.CandidateID, t.CandidateRef, t.FromState, t.ToState, t.Persons, t.Status, t.ScheduledOn,
			null(t.CarriedOutOn), null(t.ClosedOn), t.Reason, sqldb.UTC(t.CreatedAt), sqldb.UTC(t.UpdatedAt))
	} else {
		_, err = tx.ExecContext(ctx, `UPDATE solidarity_transfers SET status = $2, scheduled_on = $3, carried_out_on = $4,
			closed_on = $5, reason = $6, updated_at = $7 WHERE id = $1`,
			t.ID, t.Status, t.ScheduledOn, null(t.CarriedOutOn), null(t.ClosedOn), t.Reason, sqldb.UTC(t.UpdatedAt))
	}
	if err != nil {
		return fmt.Errorf("solidarity: save transfer: %w", err)
	}
	return nil
}
