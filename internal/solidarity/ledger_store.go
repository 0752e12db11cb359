package solidarity

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

type scanner interface{ Scan(dest ...any) error }

const cycleColumns = `id, code, name, regime, starts_on, ends_on, relocation_target, financial_floor_eur, eur_per_relocation, created_at`

func scanCycle(s scanner) (Cycle, error) {
	var c Cycle
	err := s.Scan(&c.ID, &c.Code, &c.Name, &c.Regime, &c.StartsOn, &c.EndsOn, &c.RelocationTarget,
		&c.FinancialFloorEUR, &c.EURPerRelocation, &c.CreatedAt)
	c.CreatedAt = c.CreatedAt.UTC()
	return c, err
}

func getCycle(ctx context.Context, q sqldb.Querier, id string) (Cycle, error) {
	c, err := scanCycle(q.QueryRowContext(ctx, `SELECT `+cycleColumns+` FROM solidarity_cycles WHERE id = $1 OR code = $1`, id))
	if sqldb.IsNoRows(err) {
		return c, errs.NotFound("solidarity cycle %s not found", id)
	}
	if err != nil {
		return c, fmt.Errorf("solidarity: read cycle %s: %w", id, err)
	}
	return c, nil
}

func listCycles(ctx context.Context, q sqldb.Querier) ([]Cycle, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+cycleColumns+` FROM solidarity_cycles ORDER BY starts_on DESC, code`)
	if err != nil {
		return nil, fmt.Errorf("solidarity: list cycles: %w", err)
	}
	defer rows.Close()
	var out []Cycle
	for rows.Next() {
		c, err := scanCycle(rows)
		if err != nil {
			return nil, fmt.Errorf("solidarity: scan cycle: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func insertCycle(ctx context.Context, tx *sql.Tx, c *Cycle) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO solidarity_cycles (`+cycleColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		c.ID, c.Code, c.Name, c.Regime, c.StartsOn, c.EndsOn, c.RelocationTarget, c.FinancialFloorEUR, c.EURPerRelocation, sqldb.UTC(c.CreatedAt))
	if sqldb.IsUniqueViolation(err) {
		return errs.Conflict("solidarity: a cycle with code %s exists", c.Code)
	}
	if err != nil {
		return fmt.Errorf("solidarity: insert cycle: %w", err)
	}
	return nil
}

// ParticipantRow is a state in a cycle.
type ParticipantRow struct {
	State    string `json:"state"`
	Role     string `json:"role"`
	JoinedOn string `json:"joined_on"`
}

func listParticipants(ctx context.Context, q sqldb.Querier, cycle string) ([]ParticipantRow, error) {
	rows, err := q.QueryContext(ctx, `SELECT state, role, joined_on FROM solidarity_participants WHERE cycle_id = $1 ORDER BY state`, cycle)
	if err != nil {
		return nil, fmt.Errorf("solidarity: list participants: %w", err)
	}
	defer rows.Close()
	var out []ParticipantRow
	for rows.Next() {
		var p ParticipantRow
		if err := rows.Scan(&p.State, &p.Role, &p.JoinedOn); err != nil {
			return nil, fmt.Errorf("solidarity: scan participant: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func upsertParticipant(ctx context.Context, tx *sql.Tx, cycle string, p ParticipantInput) error {
	res, err := tx.ExecContext(ctx, `UPDATE solidarity_participants SET role = $3, joined_on = $4 WHERE cycle_id = $1 AND state = $2`,
		cycle, p.State, p.Role, p.JoinedOn)
	if err != nil {
		return fmt.Errorf("solidarity: update participant: %w", err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return nil
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO solidarity_participants (cycle_id, state, role, joined_on) VALUES ($1, $2, $3, $4)`,
		cycle, p.State, p.Role, p.JoinedOn)
	if err != nil {
		return fmt.Errorf("solidarity: insert participant: %w", err)
	}
	return nil
}

const pledgeColumns = `id, cycle_id, state, form, relocations, amount_eur, paid_eur, status, description, detail_json, synthetic, pledged_on, created_at, updated_at`

func scanPledge(s scanner) (Pledge, error) {
	var p Pledge
	var detail string
	err := s.Scan(&p.ID, &p.CycleID, &p.State, &p.Form, &p.Relocations, &p.AmountEUR, &p.PaidEUR, &p.Status,
		&p.Description, &detail, &p.Synthetic, &p.PledgedOn, &p.CreatedAt, &p.UpdatedAt)
	if err != nil {
		return p, err
	}
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	if err := json.Unmarshal([]byte(detail), &p.Detail); err != nil {
		return p, fmt.Errorf("solidarity: pledge %s detail: %w", p.ID, err)
	}
	return p, nil
}

func getPledge(ctx context.Context, q sqldb.Querier, id string) (Pledge, error) {
	p, err := scanPledge(q.QueryRowContext(ctx, `SELECT `+pledgeColumns+` FROM solidarity_pledges WHERE id = $1`, id))
	if sqldb.IsNoRows(err) {
		return p, errs.NotFound("solidarity pledge %s not found", id)
	}
	if err != nil {
		return p, fmt.Errorf("solidarity: read pledge %s: %w", id, err)
	}
	return p, nil
}

func listPledges(ctx context.Context, q sqldb.Querier, cycle string) ([]Pledge, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+pledgeColumns+` FROM solidarity_pledges WHERE cycle_id = $1 ORDER BY state, pledged_on, id`, cycle)
	if err != nil {
		return nil, fmt.Errorf("solidarity: list pledges: %w", err)
	}
	defer rows.Close()
	var out []Pledge
	for rows.Next() {
		p, err := scanPledge(rows)
		if err != nil {
			return nil, fmt.Errorf("solidarity: scan pledge: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func savePledge(ctx context.Context, tx *sql.Tx, p *Pledge, insert bool) error {
	detail, err := json.Marshal(p.Detail)
	if err != nil {
		return fmt.Errorf("solidarity: encode pledge detail: %w", err)
	}
	if insert {
		_, err = tx.ExecContext(ctx, `INSERT INTO solidarity_pledges (`+pledgeColumns+`)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
			p.ID, p.CycleID, p.State, p.Form, p.Relocations, p.AmountEUR, p.PaidEUR, p.Status, p.Description, string(detail),
			p.Synthetic, p.PledgedOn, sqldb.UTC(p.CreatedAt), sqldb.UTC(p.UpdatedAt))
	} else {
		_, err = tx.ExecContext(ctx, `UPDATE solidarity_pledges SET amount_eur = $2, paid_eur = $3, status = $4, detail_json = $5,
			updated_at = $6 WHERE id = $1`, p.ID, p.AmountEUR, p.PaidEUR, p.Status, string(detail), sqldb.UTC(p.UpdatedAt))
	}
	if err != nil {
		return fmt.Errorf("solidarity: save pledge: %w", err)
	}
	return nil
}

func insertNeed(ctx context.Context, tx *sql.Tx, n *Need, at any) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO solidarity_needs (id, cycle_id, state, relocations, declared_on, note, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, n.ID, n.CycleID, n.State, n.Relocations, n.DeclaredOn, n.Note, at)
	if err != nil {
		return fmt.Errorf("solidarity: insert need: %w", err)
	}
	return nil
}

func listNeeds(ctx context.Context, q sqldb.Querier, cycle string) ([]Need, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, cycle_id, state, relocations, declared_on, note FROM solidarity_needs
		WHERE cycle_id = $1 ORDER BY state, declared_on`, cycle)
	if err != nil {
		return nil, fmt.Errorf("solidarity: list needs: %w", err)
	}
	defer rows.Close()
	var out []Need
	for rows.Next() {
		var n Need
		if err := rows.Scan(&n.ID, &n.CycleID, &n.State, &n.Relocations, &n.DeclaredOn, &n.Note); err != nil {
			return nil, fmt.Errorf("solidarity: scan need: %w", err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func insertOffset(ctx context.Context, tx *sql.Tx, o *Offset, at any) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO solidarity_offsets (id, cycle_id, state, kind, relocations, amount_eur, reason, granted_on, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, o.ID, o.CycleID, o.State, o.Kind, o.Relocations, o.AmountEUR, o.Reason, o.GrantedOn, at)
	if err != nil {
		return fmt.Errorf("solidarity: insert offset: %w", err)
	}
	return nil
}

func listOffsets(ctx context.Context, q sqldb.Querier, cycle string) ([]Offset, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, cycle_id, state, kind, relocations, amount_eur, reason, granted_on FROM solidarity_offsets
		WHERE cycle_id = $1 ORDER BY state, granted_on`, cycle)
	if err != nil {
		return nil, fmt.Errorf("solidarity: list offsets: %w", err)
	}
	defer rows.Close()
	var out []Offset
	for rows.Next() {
		var o Offset
		if err := rows.Scan(&o.ID, &o.CycleID, &o.State, &o.Kind, &o.Relocations, &o.AmountEUR, &o.Reason, &o.GrantedOn); err != nil {
			return nil, fmt.Errorf("solidarity: scan offset: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
