package awareness

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// writer stores the observations of one import inside its transaction.
type writer struct {
	s         *Service
	tx        *sql.Tx
	ctx       context.Context
	owner     string // the importing organisation
	ownState  string // its state code, "" for EU bodies and the system
	revise    bool
	inserted  int
	unchanged int
	revised   int
	earliest  Date
	ins, sel  *sql.Stmt // prepared once per import: a file has up to millions of rows
}

func (s *Service) newWriter(ctx context.Context, tx *sql.Tx, p authz.Principal, revise bool) *writer {
	w := &writer{s: s, tx: tx, owner: p.Org, revise: revise, ctx: ctx}
	if p.Kind != authz.KindSystem {
		w.ownState = StateOfOrg(p.Org)
	}
	return w
}

func (w *writer) result(rep ImportReport) ImportResult {
	return ImportResult{ImportReport: rep, Inserted: w.inserted, Unchanged: w.unchanged, Revised: w.revised}
}

const observationColumns = `series, measure, period_start, period_end, state, route, border_section, nationality,
	unit, revision, value, qualifier, source, synthetic, note`

// keyWhere matches the key of an observation ($1..$9); the revision is added by the caller.
const keyWhere = `series = $1 AND measure = $2 AND period_start = $3 AND period_end = $4 AND state = $5
	AND route = $6 AND border_section = $7 AND nationality = $8 AND unit = $9`

func keyArgs(o Observation) []any {
	return []any{string(o.Series), o.Measure, o.PeriodStart.String(), o.PeriodEnd.String(), o.Geo.State,
		string(o.Geo.Route), o.Geo.BorderSection, o.Nationality, string(o.Unit)}
}

// put stores o unless its key and revision are already there. Same value: unchanged. Another
// value: rejected for a file import; for Ingest stored as the key's next revision, unless the
// latest revision already holds it.
func (w *writer) put(o Observation) error {
	if w.ownState != "" && o.Geo.State != w.ownState {
		return Reject(fmt.Sprintf("state: %s may report only its own figures (state %s)", w.owner, w.ownState))
	}
	ok, err := w.insert(o)
	if err != nil || ok {
		return err
	}
	stored, latest, err := w.stored(o)
	if err != nil {
		return err
	}
	if same(stored, o) {
		w.unchanged++
		return nil
	}
	if !w.revise {
		return Reject(fmt.Sprintf("revision %d of this key is already stored with value %s; send revision %d to correct it",
			o.Revision, strconv.FormatFloat(stored.Value, 'f', -1, 64), latest.Revision+1))
	}
	if same(latest, o) {
		w.unchanged++
		return nil
	}
	o.Revision = latest.Revision + 1
	if _, err := w.insert(o); err != nil {
		return err
	}
	w.inserted--
	w.revised++
	return nil
}

func same(a, b Observation) bool {
	return a.Value == b.Value && a.Qualifier == b.Qualifier
}

// insert adds o and reports whether a row was written (false: key and revision exist).
func (w *writer) insert(o Observation) (bool, error) {
	if w.ins == nil {
		stmt, err := w.tx.PrepareContext(w.ctx, `INSERT INTO awareness_observations (`+observationColumns+`, id, owner_org, imported_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
		ON CONFLICT (series, measure, period_start, period_end, state, route, border_section, nationality, unit, revision) DO NOTHING`)
		if err != nil {
			return false, fmt.Errorf("prepare insert: %w", err)
		}
		w.ins = stmt
	}
	args := append(keyArgs(o), o.Revision, o.Value, string(o.Qualifier), o.Source, o.Synthetic, o.Note,
		uuid.Must(uuid.NewV7()).String(), w.owner, sqldb.UTC(w.s.clock.Now()))
	res, err := w.ins.ExecContext(w.ctx, args...)
	if err != nil {
		return false, fmt.Errorf("insert observation: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("insert observation: %w", err)
	}
	if n == 1 {
		w.inserted++
		if w.earliest == 0 || o.PeriodStart < w.earliest {
			w.earliest = o.PeriodStart
		}
	}
	return n == 1, nil
}

// stored returns the row of o's key and revision and the key's latest revision.
func (w *writer) stored(o Observation) (Observation, Observation, error) {
	if w.sel == nil {
		stmt, err := w.tx.PrepareContext(w.ctx, `SELECT `+observationColumns+` FROM awareness_observations WHERE `+keyWhere+`
		ORDER BY revision`)
		if err != nil {
			return Observation{}, Observation{}, fmt.Errorf("prepare read: %w", err)
		}
		w.sel = stmt
	}
	rows, err := w.sel.QueryContext(w.ctx, keyArgs(o)...)
	if err != nil {
		return Observation{}, Observation{}, fmt.Errorf("read observation: %w", err)
	}
	all, err := scanObservations(rows)
	if err != nil || len(all) == 0 {
		return Observation{}, Observation{}, fmt.Errorf("read observation: %w (none found)", err)
	}
	var at Observation
	for _, x := range all {
		if x.Revision == o.Revision {
			at = x
		}
	}
	return at, all[len(all)-1], nil
}

func scanObservations(rows *sql.Rows) ([]Observation, error) {
	out, _, err := scanWithIDs(rows, false)
	return out, err
}

// scanPage reads up to limit observations (selected with their id last) and the cursor of
// the next page, "" when this is the last.
func scanPage(rows *sql.Rows, limit int) ([]Observation, string, error) {
	out, ids, err := scanWithIDs(rows, true)
	if err != nil {
		return nil, "", fmt.Errorf("awareness: list observations: %w", err)
	}
	if len(out) > limit {
		return out[:limit], ids[limit-1], nil
	}
	return out, "", nil
}

func scanWithIDs(rows *sql.Rows, withID bool) ([]Observation, []string, error) {
	defer rows.Close()
	var out []Observation
	var ids []string
	for rows.Next() {
		var o Observation
		var start, end, route, series, unit, qual, id string
		var rev int64
		dest := []any{&series, &o.Measure, &start, &end, &o.Geo.State, &route, &o.Geo.BorderSection,
			&o.Nationality, &unit, &rev, &o.Value, &qual, &o.Source, &o.Synthetic, &o.Note}
		if withID {
			dest = append(dest, &id)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, nil, err
		}
		ids = append(ids, id)
		o.Series, o.Geo.Route, o.Unit, o.Qualifier, o.Revision = SeriesKind(series), Route(route), Unit(unit), Qualifier(qual), int(rev)
		o.PeriodStart, _ = ParseDate(start)
		o.PeriodEnd, _ = ParseDate(end)
		out = append(out, o)
	}
	return out, ids, rows.Err()
}

// markDirty lowers the evaluation mark to from, so the next evaluation sees the new data.
func markDirty(ctx context.Context, tx *sql.Tx, from Date) error {
	_, err := tx.ExecContext(ctx, `UPDATE awareness_eval SET dirty_from = $1 WHERE id = 1 AND (dirty_from = '' OR dirty_from > $1)`, from.String())
	if err != nil {
		return fmt.Errorf("mark new data: %w", err)
	}
	return nil
}

// ObservationFilter narrows a listing; empty fields match everything.
type ObservationFilter struct {
	Series SeriesKind
	State  string
	Route  Route
	From   Date // periods ending on or after
	To     Date // periods starting on or before
}

// allObservations reads every stored observation, every revision, oldest import first.
func (s *Service) allObservations(ctx context.Context) ([]Observation, error) {
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT `+observationColumns+` FROM awareness_observations ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("awareness: read observations: %w", err)
	}
	obs, err := scanObservations(rows)
	if err != nil {
		return nil, fmt.Errorf("awareness: read observations: %w", err)
	}
	return obs, nil
}

// listObservations reads one page of observations matching f after the cursor (an id).
func (s *Service) listObservations(ctx context.Context, f ObservationFilter, cursor string, limit int) ([]Observation, string, error) {
	var where []string
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(args))))
	}
	add("id > ?", cursor)
	if f.Series != "" {
		add("series = ?", string(f.Series))
	}
	if f.State != "" {
		add("state = ?", f.State)
	}
	if f.Route != "" {
		add("route = ?", string(f.Route))
	}
	if f.From != 0 {
		add("period_end >= ?", f.From.String())
	}
	if f.To != 0 {
		add("period_start <= ?", f.To.String())
	}
	args = append(args, limit+1)
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT `+observationColumns+`, id FROM awareness_observations WHERE `+
		strings.Join(where, " AND ")+` ORDER BY id LIMIT $`+strconv.Itoa(len(args)), args...)
	if err != nil {
		return nil, "", fmt.Errorf("awareness: list observations: %w", err)
	}
	return scanPage(rows, limit)
}
