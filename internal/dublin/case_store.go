package dublin

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

const caseColumns = `id, owner_org, applicant_ref, origin, lodged_on, stage, closed_stage, responsible_state, basis,
	next_deadline, next_deadline_kind, case_json, determination_json, evaluated_at, created_at, updated_at`

type scanner interface{ Scan(dest ...any) error }

func scanCase(s scanner) (CaseRecord, error) {
	var r CaseRecord
	var stage, closed, caseJSON, detJSON string
	var evaluated sql.NullTime
	err := s.Scan(&r.ID, &r.OwnerOrg, &r.ApplicantRef, &r.Origin, &r.LodgedOn, &stage, &closed, &r.ResponsibleState,
		&r.Basis, &r.NextDeadline, &r.NextDeadlineKind, &caseJSON, &detJSON, &evaluated, &r.CreatedAt, &r.UpdatedAt)
	if err != nil {
		return r, err
	}
	r.Stage, r.closedStage = State(stage), State(closed)
	if err := json.Unmarshal([]byte(caseJSON), &r.Case); err != nil {
		return r, fmt.Errorf("dublin: case %s: stored facts: %w", r.ID, err)
	}
	if detJSON != "" && detJSON != "{}" {
		r.Determination = &Determination{}
		if err := json.Unmarshal([]byte(detJSON), r.Determination); err != nil {
			return r, fmt.Errorf("dublin: case %s: stored determination: %w", r.ID, err)
		}
	}
	if evaluated.Valid {
		t := evaluated.Time.UTC()
		r.EvaluatedAt = &t
	}
	r.CreatedAt, r.UpdatedAt = r.CreatedAt.UTC(), r.UpdatedAt.UTC()
	return r, nil
}

// getCase reads one case; NotFound when it does not exist.
func getCase(ctx context.Context, q sqldb.Querier, id string) (CaseRecord, error) {
	r, err := scanCase(q.QueryRowContext(ctx, `SELECT `+caseColumns+` FROM dublin_cases WHERE id = $1`, id))
	if sqldb.IsNoRows(err) {
		return r, errs.NotFound("dublin case %s not found", id)
	}
	if err != nil {
		return r, fmt.Errorf("dublin: read case %s: %w", id, err)
	}
	return r, nil
}

// lockCase takes the case's row lock for the rest of the transaction with a no-op write, so
// two steps on one case (a reply and a job, say) run one after the other on PostgreSQL as
// they do on SQLite's single writer, and each sees the other's result.
func lockCase(ctx context.Context, tx *sql.Tx, id string) error {
	if _, err := tx.ExecContext(ctx, `UPDATE dublin_cases SET updated_at = updated_at WHERE id = $1`, id); err != nil {
		return fmt.Errorf("dublin: lock case %s: %w", id, err)
	}
	return nil
}

// lockedCase locks and reads a case inside tx.
func lockedCase(ctx context.Context, tx *sql.Tx, id string) (CaseRecord, error) {
	if err := lockCase(ctx, tx, id); err != nil {
		return CaseRecord{}, err
	}
	return getCase(ctx, tx, id)
}

// insertCase stores a new case row.
func insertCase(ctx context.Context, tx *sql.Tx, r *CaseRecord) error {
	facts, err := json.Marshal(r.Case)
	if err != nil {
		return fmt.Errorf("dublin: encode case: %w", err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO dublin_cases (id, owner_org, applicant_ref, origin, lodged_on, stage,
		closed_stage, responsible_state, basis, next_deadline, next_deadline_kind, case_json, determination_json,
		evaluated_at, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, '', '', '', NULL, '', $7, '{}', NULL, $8, $8)`,
		r.ID, r.OwnerOrg, r.ApplicantRef, r.Origin, r.LodgedOn, string(r.Stage), string(facts), sqldb.UTC(r.CreatedAt))
	if err != nil {
		return fmt.Errorf("dublin: insert case: %w", err)
	}
	return nil
}

// updateCase writes the facts and everything derived from them.
func updateCase(ctx context.Context, tx *sql.Tx, r *CaseRecord) error {
	facts, err := json.Marshal(r.Case)
	if err != nil {
		return fmt.Errorf("dublin: encode case: %w", err)
	}
	det := []byte("{}")
	if r.Determination != nil {
		if det, err = json.Marshal(r.Determination); err != nil {
			return fmt.Errorf("dublin: encode determination: %w", err)
		}
	}
	var evalAt any
	if r.EvaluatedAt != nil {
		evalAt = sqldb.UTC(*r.EvaluatedAt)
	}
	_, err = tx.ExecContext(ctx, `UPDATE dublin_cases SET lodged_on = $2, stage = $3, closed_stage = $4,
		responsible_state = $5, basis = $6, next_deadline = $7, next_deadline_kind = $8, case_json = $9,
		determination_json = $10, evaluated_at = $11, updated_at = $12 WHERE id = $1`,
		r.ID, r.LodgedOn, string(r.Stage), string(r.closedStage), r.ResponsibleState, r.Basis, r.NextDeadline,
		r.NextDeadlineKind, string(facts), string(det), evalAt, sqldb.UTC(r.UpdatedAt))
	if err != nil {
		return fmt.Errorf("dublin: update case %s: %w", r.ID, err)
	}
	return nil
}

// CaseFilter narrows a case list.
type CaseFilter struct {
	Stage        State
	ApplicantRef string
}

// listCases pages through org's cases, newest first (ids are time-ordered UUIDv7).
func listCases(ctx context.Context, q sqldb.Querier, org string, f CaseFilter, cursor string, limit int) ([]CaseRecord, string, error) {
	query := `SELECT ` + caseColumns + ` FROM dublin_cases WHERE owner_org = $1`
	args := []any{org}
	if cursor != "" {
		args = append(args, cursor)
		query += fmt.Sprintf(` AND id < $%d`, len(args))
	}
	if f.Stage != "" {
		args = append(args, string(f.Stage))
		query += fmt.Sprintf(` AND stage = $%d`, len(args))
	}
	if f.ApplicantRef != "" {
		args = append(args, f.ApplicantRef)
		query += fmt.Sprintf(` AND applicant_ref = $%d`, len(args))
	}
	args = append(args, limit+1)
	query += fmt.Sprintf(` ORDER BY id DESC LIMIT $%d`, len(args))
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, "", fmt.Errorf("dublin: list cases: %w", err)
	}
	defer rows.Close()
	var out []CaseRecord
	for rows.Next() {
		r, err := scanCase(rows)
		if err != nil {
			return nil, "", err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("dublin: list cases: %w", err)
	}
	next := ""
	if len(out) > limit {
		out, next = out[:limit], out[limit-1].ID
	}
	return out, next, nil
}

// openCaseIDs lists the ids of cases whose procedure is still open, for the daily sweep.
func openCaseIDs(ctx context.Context, q sqldb.Querier) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT id FROM dublin_cases WHERE closed_stage = ''
		AND stage NOT IN ('RESPONSIBLE_SELF', 'TRANSFERRED', 'CEASED') ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("dublin: open cases: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// insertEvent appends a line to the case's history.
func insertEvent(ctx context.Context, tx *sql.Tx, id string, e CaseEvent, at time.Time) error {
	detail := "{}"
	if len(e.Detail) > 0 {
		b, err := json.Marshal(e.Detail)
		if err != nil {
			return fmt.Errorf("dublin: encode event detail: %w", err)
		}
		detail = string(b)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO dublin_events (id, case_id, owner_org, kind, on_date, stage, detail,
		actor, actor_org, created_at) VALUES ($1, $2, (SELECT owner_org FROM dublin_cases WHERE id = $2), $3, $4, $5, $6, $7, $8, $9)`,
		id, e.CaseID, e.Kind, e.On, string(e.Stage), detail, e.Actor, e.ActorOrg, sqldb.UTC(at))
	if err != nil {
		return fmt.Errorf("dublin: record event %s: %w", e.Kind, err)
	}
	return nil
}

// listEvents returns the case's history, oldest first.
func listEvents(ctx context.Context, q sqldb.Querier, caseID string) ([]CaseEvent, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, case_id, kind, on_date, stage, detail, actor, actor_org, created_at
		FROM dublin_events WHERE case_id = $1 ORDER BY id`, caseID)
	if err != nil {
		return nil, fmt.Errorf("dublin: list events: %w", err)
	}
	defer rows.Close()
	var out []CaseEvent
	for rows.Next() {
		var e CaseEvent
		var stage, detail string
		if err := rows.Scan(&e.ID, &e.CaseID, &e.Kind, &e.On, &stage, &detail, &e.Actor, &e.ActorOrg, &e.CreatedAt); err != nil {
			return nil, fmt.Errorf("dublin: scan event: %w", err)
		}
		e.Stage, e.CreatedAt = State(stage), e.CreatedAt.UTC()
		_ = json.Unmarshal([]byte(detail), &e.Detail)
		out = append(out, e)
	}
	return out, rows.Err()
}
