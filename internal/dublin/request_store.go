package dublin

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

const requestColumns = `id, case_id, type, requesting_state, requested_state, applicant_ref, basis, evidence_summary,
	urgent, based_on_eurodac_hit, sent_on, received_on, reply_deadline, reply_decision, reply_on, reply_reasons,
	implicit_acceptance, acceptance_date, reexam_requested_on, reexam_decision, reexam_on, transfer_deadline,
	transfer_status, transfer_on, status, active, created_at, updated_at`

func scanRequest(s scanner) (Request, error) {
	var r Request
	var status string
	err := s.Scan(&r.ID, &r.CaseID, &r.Type, &r.RequestingState, &r.RequestedState, &r.ApplicantRef, &r.Basis,
		&r.EvidenceSummary, &r.Urgent, &r.BasedOnEurodacHit, &r.SentOn, &r.ReceivedOn, &r.ReplyDeadline,
		&r.ReplyDecision, &r.ReplyOn, &r.ReplyReasons, &r.ImplicitAcceptance, &r.AcceptanceDate,
		&r.ReexamRequestedOn, &r.ReexamDecision, &r.ReexamOn, &r.TransferDeadline, &r.TransferStatus,
		&r.TransferOn, &status, &r.Active, &r.CreatedAt, &r.UpdatedAt)
	r.Status = State(status)
	r.CreatedAt, r.UpdatedAt = r.CreatedAt.UTC(), r.UpdatedAt.UTC()
	return r, err
}

// getRequest reads one request; NotFound when it does not exist.
func getRequest(ctx context.Context, q sqldb.Querier, id string) (Request, error) {
	r, err := scanRequest(q.QueryRowContext(ctx, `SELECT `+requestColumns+` FROM dublin_requests WHERE id = $1`, id))
	if sqldb.IsNoRows(err) {
		return r, errs.NotFound("dublin request %s not found", id)
	}
	if err != nil {
		return r, fmt.Errorf("dublin: read request %s: %w", id, err)
	}
	return r, nil
}

// activeRequest returns the case's current request, if any.
func activeRequest(ctx context.Context, q sqldb.Querier, caseID string) (Request, bool, error) {
	r, err := scanRequest(q.QueryRowContext(ctx, `SELECT `+requestColumns+` FROM dublin_requests
		WHERE case_id = $1 AND active = TRUE ORDER BY id DESC LIMIT 1`, caseID))
	if sqldb.IsNoRows(err) {
		return r, false, nil
	}
	if err != nil {
		return r, false, fmt.Errorf("dublin: active request of case %s: %w", caseID, err)
	}
	return r, true, nil
}

// insertRequest stores a new request; earlier requests of the case stop being active.
func insertRequest(ctx context.Context, tx *sql.Tx, r *Request) error {
	if _, err := tx.ExecContext(ctx, `UPDATE dublin_requests SET active = FALSE WHERE case_id = $1`, r.CaseID); err != nil {
		return fmt.Errorf("dublin: retire earlier requests: %w", err)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO dublin_requests (id, case_id, type, requesting_state, requested_state,
		applicant_ref, basis, evidence_summary, urgent, based_on_eurodac_hit, sent_on, received_on, status, active,
		created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, TRUE, $14, $14)`,
		r.ID, r.CaseID, r.Type, r.RequestingState, r.RequestedState, r.ApplicantRef, r.Basis, r.EvidenceSummary,
		r.Urgent, r.BasedOnEurodacHit, r.SentOn, r.ReceivedOn, string(r.Status), sqldb.UTC(r.CreatedAt))
	if err != nil {
		return fmt.Errorf("dublin: insert request: %w", err)
	}
	return nil
}

// updateRequest writes the reply, re-examination, transfer and derived columns.
func updateRequest(ctx context.Context, tx *sql.Tx, r *Request) error {
	_, err := tx.ExecContext(ctx, `UPDATE dublin_requests SET reply_deadline = $2, reply_decision = $3, reply_on = $4,
		reply_reasons = $5, implicit_acceptance = $6, acceptance_date = $7, reexam_requested_on = $8,
		reexam_decision = $9, reexam_on = $10, transfer_deadline = $11, transfer_status = $12, transfer_on = $13,
		status = $14, updated_at = $15 WHERE id = $1`,
		r.ID, r.ReplyDeadline, r.ReplyDecision, r.ReplyOn, r.ReplyReasons, r.ImplicitAcceptance, r.AcceptanceDate,
		r.ReexamRequestedOn, r.ReexamDecision, r.ReexamOn, r.TransferDeadline, r.TransferStatus, r.TransferOn,
		string(r.Status), sqldb.UTC(r.UpdatedAt))
	if err != nil {
		return fmt.Errorf("dublin: update request %s: %w", r.ID, err)
	}
	return nil
}

// Directions of a request list.
const (
	Incoming = "incoming"
	Outgoing = "outgoing"
)

// listRequests pages through the requests org sent (outgoing) or received (incoming),
// newest first.
func listRequests(ctx context.Context, q sqldb.Querier, org, direction string, activeOnly bool, cursor string, limit int) ([]Request, string, error) {
	col := "requested_state"
	if direction == Outgoing {
		col = "requesting_state"
	}
	query := `SELECT ` + requestColumns + ` FROM dublin_requests WHERE ` + col + ` = $1`
	args := []any{org}
	if cursor != "" {
		args = append(args, cursor)
		query += fmt.Sprintf(` AND id < $%d`, len(args))
	}
	if activeOnly {
		query += ` AND active = TRUE`
	}
	args = append(args, limit+1)
	query += fmt.Sprintf(` ORDER BY id DESC LIMIT $%d`, len(args))
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, "", fmt.Errorf("dublin: list %s requests: %w", direction, err)
	}
	defer rows.Close()
	var out []Request
	for rows.Next() {
		r, err := scanRequest(rows)
		if err != nil {
			return nil, "", fmt.Errorf("dublin: scan request: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("dublin: list %s requests: %w", direction, err)
	}
	next := ""
	if len(out) > limit {
		out, next = out[:limit], out[limit-1].ID
	}
	return out, next, nil
}
