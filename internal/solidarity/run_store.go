package solidarity

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

const runColumns = `id, cycle_id, status, created_by, created_org, instance_json, overrides_json, result_json,
	cases, placed, accepted_by, accepted_at, created_at`

// runSummaryColumns leave the instance out of lists: it can be megabytes.
const runSummaryColumns = `id, cycle_id, status, created_by, created_org, '', overrides_json, result_json,
	cases, placed, accepted_by, accepted_at, created_at`

func scanRun(s scanner) (Run, error) {
	var r Run
	var inst, ov, res string
	var acc sql.NullTime
	err := s.Scan(&r.ID, &r.CycleID, &r.Status, &r.CreatedBy, &r.CreatedOrg, &inst, &ov, &res, &r.Cases, &r.Placed,
		&r.AcceptedBy, &acc, &r.CreatedAt)
	if err != nil {
		return r, err
	}
	r.CreatedAt = r.CreatedAt.UTC()
	if acc.Valid {
		t := acc.Time.UTC()
		r.AcceptedAt = &t
	}
	if inst != "" {
		r.Instance = json.RawMessage(inst)
	}
	if err := json.Unmarshal([]byte(ov), &r.Overrides); err != nil {
		return r, fmt.Errorf("solidarity: run %s overrides: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(res), &r.Result); err != nil {
		return r, fmt.Errorf("solidarity: run %s result: %w", r.ID, err)
	}
	return r, nil
}

func getRun(ctx context.Context, q sqldb.Querier, id string) (Run, error) {
	r, err := scanRun(q.QueryRowContext(ctx, `SELECT `+runColumns+` FROM solidarity_runs WHERE id = $1`, id))
	if sqldb.IsNoRows(err) {
		return r, errs.NotFound("solidarity run %s not found", id)
	}
	if err != nil {
		return r, fmt.Errorf("solidarity: read run %s: %w", id, err)
	}
	return r, nil
}

func listRuns(ctx context.Context, q sqldb.Querier, cycle string) ([]Run, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+runSummaryColumns+` FROM solidarity_runs WHERE cycle_id = $1 ORDER BY created_at DESC, id DESC`, cycle)
	if err != nil {
		return nil, fmt.Errorf("solidarity: list runs: %w", err)
	}
	defer rows.Close()
	var out []Run
	for rows.Next() {
		r, err := scanRun(rows)
		if err != nil {
			return nil, fmt.Errorf("solidarity: scan run: %w", err)
		}
		r.Result.Explanations = nil
		out = append(out, r)
	}
	return out, rows.Err()
}

func insertRun(ctx context.Context, tx *sql.Tx, r *Run) error {
	ov, err := json.Marshal(r.Overrides)
	if err != nil {
		return fmt.Errorf("solidarity: encode overrides: %w", err)
	}
	res, err := json.Marshal(r.Result)
	if err != nil {
		return fmt.Errorf("solidarity: encode result: %w", err)
	}
	f4 := func(x Fixed4) string { return strconv.FormatFloat(float64(x), 'f', 4, 64) }
	_, err = tx.ExecContext(ctx, `INSERT INTO solidarity_runs (id, cycle_id, status, created_by, created_org, instance_json,
		overrides_json, result_json, objective, bound, gap, cases, placed, accepted_by, accepted_at, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, '', NULL, $14)`,
		r.ID, r.CycleID, r.Status, r.CreatedBy, r.CreatedOrg, string(r.Instance), string(ov), string(res),
		f4(r.Result.Solution.Objective), f4(r.Result.Solution.Bound), strconv.FormatFloat(r.Result.Solution.Gap, 'g', -1, 64),
		r.Cases, r.Placed, sqldb.UTC(r.CreatedAt))
	if err != nil {
		return fmt.Errorf("solidarity: insert run: %w", err)
	}
	return nil
}

func setRunStatus(ctx context.Context, tx *sql.Tx, r *Run) error {
	var at any
	if r.AcceptedAt != nil {
		at = sqldb.UTC(*r.AcceptedAt)
	}
	_, err := tx.ExecContext(ctx, `UPDATE solidarity_runs SET status = $2, accepted_by = $3, accepted_at = $4 WHERE id = $1`,
		r.ID, r.Status, r.AcceptedBy, at)
	if err != nil {
		return fmt.Errorf("solidarity: update run %s: %w", r.ID, err)
	}
	return nil
}

func supersedeRuns(ctx context.Context, tx *sql.Tx, cycle, except string) error {
	_, err := tx.ExecContext(ctx, `UPDATE solidarity_runs SET status = $3 WHERE cycle_id = $1 AND id <> $2 AND status = $4`,
		cycle, except, RunSuperseded, RunProposed)
	if err != nil {
		return fmt.Errorf("solidarity: supersede runs: %w", err)
	}
	return nil
}
