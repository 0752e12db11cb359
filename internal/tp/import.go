package tp

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"

	"github.com/google/uuid"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// ImportOptions configure a bulk import.
type ImportOptions struct {
	// Format is csv or ndjson.
	Format string
	// Source names the file (a path, a checksum, a client's batch id). An import of the same
	// source by the same state resumes after the last committed line; empty: a new import.
	Source string
	// BatchSize is the number of rows committed per transaction (default 1000).
	BatchSize int
	// Progress, when set, is called after each committed batch.
	Progress func(BulkImportReport)
	// crashAfter makes the import fail after that many committed batches (tests of resume).
	crashAfter int
}

// RejectedRow is a row refused by an import, with its line number and why.
type RejectedRow struct {
	Line   int64             `json:"line"`
	Errors []errs.FieldError `json:"errors"`
}

// BulkImportReport is the progress or outcome of an import.
type BulkImportReport struct {
	ID        string        `json:"id"`
	Source    string        `json:"source"`
	Status    string        `json:"status" enum:"running,done,failed"`
	Lines     int64         `json:"lines"`
	Accepted  int64         `json:"accepted"`
	Rejected  int64         `json:"rejected"`
	Matches   int64         `json:"cross_state_hits"`
	ResumedAt int64         `json:"resumed_after_line,omitempty"`
	Rejects   []RejectedRow `json:"rejects"`
}

// maxRejectsReported bounds the rejects an BulkImportReport lists (all are stored).
const maxRejectsReported = 1000

// errCrash is the simulated crash of tests.
var errCrash = errors.New("tp: simulated crash")

// Import reads a state's registrations from r (CSV or NDJSON) and stores them: new external
// ids are registered, known ones updated when they changed, every row checked across states.
// Rows are committed in batches with the import's progress, so an import that stops half-way
// resumes after its last committed line when run again with the same Source; being
// idempotent on the external id, a repeated row never creates a second registration.
func (s *Service) Import(ctx context.Context, r io.Reader, opt ImportOptions) (BulkImportReport, error) {
	ctx = withPurpose(ctx, "bulk exchange")
	p, err := callerState(ctx, authz.PermTPImport)
	if err != nil {
		return BulkImportReport{}, err
	}
	if opt.BatchSize <= 0 {
		opt.BatchSize = 1000
	}
	rr, err := newRowReader(opt.Format, r)
	if err != nil {
		return BulkImportReport{}, err
	}
	rep, err := s.startImport(ctx, p.Org, opt.Source)
	if err != nil || rep.Status == "done" {
		return rep, err
	}
	err = s.runImport(ctx, p, rr, &rep, opt)
	status := "done"
	if err != nil {
		status = "failed"
	}
	if ferr := s.finishImport(ctx, &rep, status); ferr != nil && err == nil {
		err = ferr
	}
	if err != nil {
		return rep, fmt.Errorf("tp: import %s: %w", rep.Source, err)
	}
	return rep, s.loadRejects(ctx, &rep)
}

func (s *Service) startImport(ctx context.Context, org, source string) (BulkImportReport, error) {
	if source == "" {
		source = uuid.Must(uuid.NewV7()).String()
	}
	rep := BulkImportReport{Source: source, Rejects: []RejectedRow{}}
	err := s.db.Writer().QueryRowContext(ctx, `SELECT id, status, lines_done, accepted, rejected FROM tp_imports
		WHERE owner_org = $1 AND source = $2`, org, source).Scan(&rep.ID, &rep.Status, &rep.Lines, &rep.Accepted, &rep.Rejected)
	if err == nil {
		rep.ResumedAt = rep.Lines
		if rep.Status == "done" {
			return rep, s.loadRejects(ctx, &rep)
		}
		return rep, nil
	}
	if !sqldb.IsNoRows(err) {
		return rep, fmt.Errorf("tp: find import: %w", err)
	}
	rep.ID, rep.Status = uuid.Must(uuid.NewV7()).String(), "running"
	now := sqldb.UTC(s.clock.Now())
	_, err = s.db.Writer().ExecContext(ctx, `INSERT INTO tp_imports (id, owner_org, source, status, lines_done, accepted,
		rejected, created_at, updated_at) VALUES ($1, $2, $3, 'running', 0, 0, 0, $4, $4)`, rep.ID, org, source, now)
	if err != nil {
		return rep, fmt.Errorf("tp: start import: %w", err)
	}
	return rep, nil
}

// importBatch stores one batch of rows, the rejects and the progress in one transaction,
// then adds the stored registrations to the index. Validation and the index queries of new
// rows run first on every CPU (prepareBatch); the transaction then only writes.
// It returns the value of the write counter it left (see pipeline.go); prev is the value
// the import's previous batch left.
func (s *Service) importBatch(ctx context.Context, p authz.Principal, b *readyBatch, rep *BulkImportReport, prev int64) (gen int64, err error) {
	if err := s.lock(ctx); err != nil {
		return 0, err
	}
	defer func() {
		gen = s.gen.Add(1)
		s.mu.Unlock()
	}()
	batch, prepared := b.rows, b.pre
	if prepared != nil && !b.current(s.gen.Load(), prev) {
		s.requery(prepared) // another state's write changed the index since the batch was prepared
	}
	next := *rep
	var stored []Registration
	ids := externalIDs(batch)
	err = s.db.Tx(ctx, func(stx *sql.Tx) error {
		tx := newTxn(stx)
		tx.dialect, tx.shared = s.db.Dialect, s.stmts
		stored = stored[:0]
		next = *rep
		// One query tells which rows are new; only known ones are read back one by one. A
		// row repeated within the batch is found by that read once the first is stored.
		known, err := knownExternal(ctx, tx, p.Org, ids)
		if err != nil {
			return err
		}
		if prepared == nil { // a retried transaction keeps the work done outside it
			prepared = s.prepareBatch(batch, p.Org, known)
		}
		tx.nameKeys = map[string]string{}
		for i := range batch {
			row := batch[i]
			if row.err == nil {
				if tx.pendingExt[row.in.ExternalID] {
					if err := tx.flush(ctx); err != nil { // the row repeats one queued in this batch
						return err
					}
				}
				pre := &prepared[i]
				if known[row.in.ExternalID] {
					pre = nil
				}
				r, hits, err := s.importRow(ctx, tx, p, row.in, known[row.in.ExternalID], pre)
				known[row.in.ExternalID] = true
				if err == nil || errs.KindOf(err) == errs.KindInvalid {
					row.err = err
				} else {
					return fmt.Errorf("line %d: %w", row.line, err)
				}
				if err == nil {
					next.Accepted++
					next.Matches += int64(hits)
					if r.ID != "" {
						stored = append(stored, r)
					}
				}
			}
			if row.err != nil {
				next.Rejected++
				if err := insertReject(ctx, tx, rep.ID, row); err != nil {
					return err
				}
			}
			next.Lines = row.line
		}
		if err := tx.flush(ctx); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE tp_imports SET lines_done = $1, accepted = $2, rejected = $3, updated_at = $4
			WHERE id = $5`, next.Lines, next.Accepted, next.Rejected, sqldb.UTC(s.clock.Now()), rep.ID)
		if err != nil {
			return fmt.Errorf("tp: import progress: %w", err)
		}
		// One audit entry per batch names every registration it stored: who imported which
		// records stays answerable without an entry per row.
		regIDs := make([]string, len(stored))
		for i := range stored {
			regIDs[i] = stored[i].ID
		}
		return s.audit.Record(ctx, tx.Tx, audit.Event{Action: "tp.import.batch", ObjectType: "tp_import", ObjectID: rep.ID,
			OwnerOrg: p.Org, Detail: map[string]any{"to_line": next.Lines, "stored": len(stored), "accepted": next.Accepted,
				"rejected": next.Rejected, "registrations": regIDs}})
	})
	if err != nil {
		return 0, err
	}
	if s.stmts != nil {
		s.stmts.prepare(ctx)
	}
	*rep = next
	byID := make(map[string]*preparedRow, len(prepared))
	for i := range prepared {
		if prepared[i].ready {
			byID[prepared[i].id] = &prepared[i]
		}
	}
	ix, _ := s.index.(preparer)
	for i := range stored {
		if pre := byID[stored[i].ID]; pre != nil && ix != nil {
			ix.AddPrepared(pre.rec)
			continue
		}
		s.index.Add(toRecord(&stored[i]))
	}
	return 0, nil
}

// importRow registers or updates one row; it returns the stored registration (zero when
// nothing changed) and the number of cross-state hits. pre, when set, is the new row's
// check prepared before the transaction.
func (s *Service) importRow(ctx context.Context, tx *txn, p authz.Principal, in RegistrationInput, known bool, pre *preparedRow) (Registration, int, error) {
	old, found := Registration{}, false
	if known {
		var err error
		if old, found, err = getByExternal(ctx, tx, p.Org, in.ExternalID); err != nil {
			return Registration{}, 0, err
		}
	}
	if found {
		if old.Erased || reflect.DeepEqual(old.RegistrationInput, withDefaults(in, old)) {
			return Registration{}, 0, nil
		}
		res, err := s.apply(ctx, tx, p, old, in)
		return res.Registration, len(res.Check.Hits), err
	}
	if in.RegisteredOn == "" {
		in.RegisteredOn = s.today().String()
	}
	now := s.clock.Now().UTC()
	id := uuid.Must(uuid.NewV7()).String()
	if pre != nil && pre.ready {
		id = pre.id
	}
	r := Registration{ID: id, State: p.Org, Status: StatusRegistered, RegistrationInput: in,
		Version: 1, CreatedAt: now, UpdatedAt: now}
	if r.Permit.IssuedOn != "" {
		r.Status = StatusActive
	}
	if err := checkHousehold(ctx, tx, p, &r); err != nil {
		return r, 0, err
	}
	tx.queue(&r, s.eventRow(&r, EventRegistered, "", r.RegisteredOn, string(r.Ground), p.ID))
	if pre == nil || !pre.ready {
		check, err := s.crossCheck(ctx, tx, &r)
		return r, len(check.Hits), err
	}
	tx.nameKeys[r.ID] = pre.nameKeys
	check, err := s.checkMatches(ctx, tx, &r, pre.matches)
	return r, len(check.Hits), err
}

func withDefaults(in RegistrationInput, old Registration) RegistrationInput {
	if in.RegisteredOn == "" {
		in.RegisteredOn = old.RegisteredOn
	}
	return in
}

func insertReject(ctx context.Context, tx *txn, importID string, row fileRow) error {
	var fields []errs.FieldError
	if e, ok := errs.As(row.err); ok && len(e.Fields) > 0 {
		fields = e.Fields
	} else {
		fields = []errs.FieldError{{Field: "line", Rule: row.err.Error()}}
	}
	b, _ := json.Marshal(fields)
	_, err := tx.ExecContext(ctx, `INSERT INTO tp_import_rejects (import_id, line, errors) VALUES ($1, $2, $3)
		ON CONFLICT (import_id, line) DO UPDATE SET errors = excluded.errors`, importID, row.line, string(b))
	if err != nil {
		return fmt.Errorf("tp: store reject of line %d: %w", row.line, err)
	}
	return nil
}

func (s *Service) finishImport(ctx context.Context, rep *BulkImportReport, status string) error {
	rep.Status = status
	// Written outside the batch transactions (and after a cancelled context) so a failure
	// is recorded even when the request that ran the import has gone.
	_, err := s.db.Writer().ExecContext(context.WithoutCancel(ctx), `UPDATE tp_imports SET status = $1, updated_at = $2 WHERE id = $3`,
		status, sqldb.UTC(s.clock.Now()), rep.ID)
	if err != nil {
		return fmt.Errorf("tp: finish import: %w", err)
	}
	return nil
}

func (s *Service) loadRejects(ctx context.Context, rep *BulkImportReport) error {
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT line, errors FROM tp_import_rejects WHERE import_id = $1
		ORDER BY line LIMIT $2`, rep.ID, maxRejectsReported)
	if err != nil {
		return fmt.Errorf("tp: rejects of %s: %w", rep.ID, err)
	}
	defer rows.Close()
	rep.Rejects = []RejectedRow{}
	for rows.Next() {
		var rj RejectedRow
		var text string
		if err := rows.Scan(&rj.Line, &text); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(text), &rj.Errors); err != nil {
			return fmt.Errorf("tp: decode reject: %w", err)
		}
		rep.Rejects = append(rep.Rejects, rj)
	}
	return rows.Err()
}

// GetImport returns the report of one of the caller's state's imports.
func (s *Service) GetImport(ctx context.Context, id string) (BulkImportReport, error) {
	p, err := callerState(ctx, authz.PermTPImport)
	if err != nil {
		return BulkImportReport{}, err
	}
	var org string
	rep := BulkImportReport{ID: id}
	err = s.db.Reader().QueryRowContext(ctx, `SELECT owner_org, source, status, lines_done, accepted, rejected FROM tp_imports
		WHERE id = $1`, id).Scan(&org, &rep.Source, &rep.Status, &rep.Lines, &rep.Accepted, &rep.Rejected)
	if sqldb.IsNoRows(err) || (err == nil && org != p.Org) {
		return rep, errs.NotFound("import not found")
	}
	if err != nil {
		return rep, fmt.Errorf("tp: get import: %w", err)
	}
	return rep, s.loadRejects(ctx, &rep)
}
