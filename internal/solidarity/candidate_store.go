package solidarity

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

const candidateColumns = `id, owner_org, cycle_id, ref, nationality, size, vulnerable, eligible, step, step_on,
	matched_state, matched_place, run_id, profile_json, created_at, updated_at`

func scanCandidate(s scanner) (Candidate, error) {
	var c Candidate
	var step, profile string
	err := s.Scan(&c.ID, &c.OwnerOrg, &c.CycleID, &c.Ref, &c.Nationality, &c.Size, &c.Vulnerable, &c.Eligible, &step,
		&c.StepOn, &c.MatchedState, &c.MatchedPlace, &c.RunID, &profile, &c.CreatedAt, &c.UpdatedAt)
	if err != nil {
		return c, err
	}
	c.Step = Step(step)
	c.CreatedAt, c.UpdatedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC()
	if err := json.Unmarshal([]byte(profile), &c.Profile); err != nil {
		return c, fmt.Errorf("solidarity: candidate %s profile: %w", c.ID, err)
	}
	return c, nil
}

func getCandidate(ctx context.Context, q sqldb.Querier, id string) (Candidate, error) {
	c, err := scanCandidate(q.QueryRowContext(ctx, `SELECT `+candidateColumns+` FROM solidarity_candidates WHERE id = $1`, id))
	if sqldb.IsNoRows(err) {
		return c, errs.NotFound("solidarity candidate %s not found", id)
	}
	if err != nil {
		return c, fmt.Errorf("solidarity: read candidate %s: %w", id, err)
	}
	return c, nil
}

// CandidateFilter narrows a candidate list. Owner and Receiving are set by the service from
// the caller's access, never by the caller.
type CandidateFilter struct {
	CycleID string
	Step    Step
	// owner limits to one beneficiary state; receiving to households matched to a state.
	owner, receiving string
	// readyOnly keeps eligible, security-checked candidates.
	readyOnly bool
}

func listCandidates(ctx context.Context, q sqldb.Querier, f CandidateFilter, after string, limit int) ([]Candidate, error) {
	var where []string
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	if f.CycleID != "" {
		add("cycle_id = $%d", f.CycleID)
	}
	if f.Step != "" {
		add("step = $%d", string(f.Step))
	}
	if f.owner != "" {
		add("owner_org = $%d", f.owner)
	}
	if f.receiving != "" {
		add("matched_state = $%d", f.receiving)
	}
	if f.readyOnly {
		add("step = $%d", string(StepSecurityChecked))
		where = append(where, "eligible = TRUE")
	}
	if after != "" {
		add("id > $%d", after)
	}
	query := `SELECT ` + candidateColumns + ` FROM solidarity_candidates`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY id"
	if limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", limit)
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("solidarity: list candidates: %w", err)
	}
	defer rows.Close()
	var out []Candidate
	for rows.Next() {
		c, err := scanCandidate(rows)
		if err != nil {
			return nil, fmt.Errorf("solidarity: scan candidate: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func insertCandidate(ctx context.Context, tx *sql.Tx, c *Candidate) error {
	profile, err := json.Marshal(c.Profile)
	if err != nil {
		return fmt.Errorf("solidarity: encode profile: %w", err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO solidarity_candidates (`+candidateColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '', '', '', $11, $12, $12)`,
		c.ID, c.OwnerOrg, c.CycleID, c.Ref, c.Nationality, c.Size, c.Vulnerable, c.Eligible, string(c.Step), c.StepOn,
		string(profile), sqldb.UTC(c.CreatedAt))
	if sqldb.IsUniqueViolation(err) {
		return errs.Conflict("solidarity: candidate %s exists in this cycle", c.Ref)
	}
	if err != nil {
		return fmt.Errorf("solidarity: insert candidate: %w", err)
	}
	return nil
}

func updateCandidateStep(ctx context.Context, tx *sql.Tx, c *Candidate) error {
	_, err := tx.ExecContext(ctx, `UPDATE solidarity_candidates SET step = $2, step_on = $3, matched_state = $4,
		matched_place = $5, run_id = $6, updated_at = $7 WHERE id = $1`,
		c.ID, string(c.Step), c.StepOn, c.MatchedState, c.MatchedPlace, c.RunID, sqldb.UTC(c.UpdatedAt))
	if err != nil {
		return fmt.Errorf("solidarity: update candidate %s: %w", c.ID, err)
	}
	return nil
}

func insertStep(ctx context.Context, tx *sql.Tx, id, candidate string, r StepRecord) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO solidarity_candidate_steps (id, candidate_id, step, on_date, actor, actor_org, note, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, id, candidate, string(r.Step), r.On, r.Actor, r.ActorOrg, r.Note, sqldb.UTC(r.At))
	if err != nil {
		return fmt.Errorf("solidarity: insert step: %w", err)
	}
	return nil
}

func listSteps(ctx context.Context, q sqldb.Querier, candidate string) ([]StepRecord, error) {
	rows, err := q.QueryContext(ctx, `SELECT step, on_date, actor, actor_org, note, created_at FROM solidarity_candidate_steps
		WHERE candidate_id = $1 ORDER BY created_at, id`, candidate)
	if err != nil {
		return nil, fmt.Errorf("solidarity: list steps: %w", err)
	}
	defer rows.Close()
	var out []StepRecord
	for rows.Next() {
		var r StepRecord
		var step string
		if err := rows.Scan(&step, &r.On, &r.Actor, &r.ActorOrg, &r.Note, &r.At); err != nil {
			return nil, fmt.Errorf("solidarity: scan step: %w", err)
		}
		r.Step, r.At = Step(step), r.At.UTC()
		out = append(out, r)
	}
	return out, rows.Err()
}
