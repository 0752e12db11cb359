package awareness

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/outbox"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// Service keeps the situational picture in the database: every exported method is one
// transaction that checks the caller's permission, validates, writes the rows and the audit
// record together and raises its events through the outbox. HTTP, the CLI and jobs all call it.
type Service struct {
	db     *sqldb.DB
	audit  *audit.Log
	outbox *outbox.Outbox
	clock  clock.Clock
	small  float64
}

// Config tunes the service.
type Config struct {
	// SmallCount is the suppression threshold: counts of people below it are withheld
	// outside the owning state (GDPR Art 89(1) safeguards for statistics). 0 shows everything.
	SmallCount float64
}

// NewService returns the awareness service on db.
func NewService(db *sqldb.DB, a *audit.Log, o *outbox.Outbox, c clock.Clock, cfg Config) *Service {
	return &Service{db: db, audit: a, outbox: o, clock: c, small: cfg.SmallCount}
}

// SmallCount returns the configured suppression threshold.
func (s *Service) SmallCount() float64 { return s.small }

// Import formats.
const (
	FormatCSV  = "csv"
	FormatXLSX = "xlsx"
	FormatJSON = "json"
)

// ImportResult is the validation report of an import with what the store did: Accepted rows
// are Inserted (new keys or revisions) or Unchanged (already stored with the same value), so
// re-importing a file reports every row Unchanged and writes nothing.
type ImportResult struct {
	ImportReport
	Inserted  int `json:"inserted"`
	Unchanged int `json:"unchanged"`
	Revised   int `json:"revised,omitempty"` // Ingest only: changed counts stored as a new revision
}

// Import stores the observations of one file (CSV or XLSX in the layout of csv-layout.md, or
// JSON as ReadJSON reads it) in one transaction: bad rows are rejected with their line and
// reason and the rest stored; a new revision never overwrites an older one; a row whose key
// and revision are stored with another value is rejected (send a higher revision). A national
// system (an organisation of a state) may report only its own state's figures.
func (s *Service) Import(ctx context.Context, format, name string, data []byte) (ImportResult, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermAwarenessIngest); err != nil {
		return ImportResult{}, err
	}
	read, err := reader(format, data)
	if err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		w := s.newWriter(ctx, tx, p, false)
		rep, err := read(w.put)
		if err != nil {
			return err
		}
		res = w.result(rep)
		return s.finishImport(ctx, tx, w, "awareness.import", map[string]any{"format": format, "name": name,
			"accepted": res.Accepted, "rejected": res.Rejected, "inserted": res.Inserted, "unchanged": res.Unchanged})
	})
	if err != nil {
		return ImportResult{}, fmt.Errorf("awareness: import %s: %w", format, err)
	}
	return res, nil
}

// reader returns the parser of format over data; the transaction may run it more than once.
func reader(format string, data []byte) (func(func(Observation) error) (ImportReport, error), error) {
	switch format {
	case FormatCSV:
		return func(acc func(Observation) error) (ImportReport, error) { return ReadCSV(bytes.NewReader(data), acc) }, nil
	case FormatXLSX:
		return func(acc func(Observation) error) (ImportReport, error) {
			return ReadXLSX(bytes.NewReader(data), int64(len(data)), acc)
		}, nil
	case FormatJSON:
		return func(acc func(Observation) error) (ImportReport, error) { return ReadJSON(bytes.NewReader(data), acc) }, nil
	}
	return nil, errs.Field("format", "must be csv, xlsx or json")
}

// ImportObservations stores obs as Import stores a file's rows (the demo seed and the CLI).
func (s *Service) ImportObservations(ctx context.Context, obs []Observation) (ImportResult, error) {
	return s.store(ctx, obs, false, "awareness.import")
}

// Ingest stores the aggregates another module publishes (Publisher). Unlike a file import, a
// count that changed since the publisher last sent it is kept as the next revision, so the
// history stays and the publisher needs no revision bookkeeping.
func (s *Service) Ingest(ctx context.Context, obs []Observation) (ImportReport, error) {
	res, err := s.store(ctx, obs, true, "awareness.ingest")
	return res.ImportReport, err
}

// IngestResult is Ingest with the store's counts.
func (s *Service) IngestResult(ctx context.Context, obs []Observation) (ImportResult, error) {
	return s.store(ctx, obs, true, "awareness.ingest")
}

func (s *Service) store(ctx context.Context, obs []Observation, revise bool, action string) (ImportResult, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermAwarenessIngest); err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		w := s.newWriter(ctx, tx, p, revise)
		rep, err := readSlice(obs, w.put)
		if err != nil {
			return err
		}
		res = w.result(rep)
		return s.finishImport(ctx, tx, w, action, map[string]any{"observations": len(obs),
			"inserted": res.Inserted, "unchanged": res.Unchanged, "revised": res.Revised, "rejected": res.Rejected})
	})
	if err != nil {
		return ImportResult{}, fmt.Errorf("awareness: %s: %w", action, err)
	}
	return res, nil
}

// readSlice checks obs as ReadJSON checks items; the line of a rejected one is its index + 1.
func readSlice(obs []Observation, accept func(Observation) error) (ImportReport, error) {
	var rep ImportReport
	seen := map[[16]byte]int{}
	for i, o := range obs {
		if o.Qualifier == "" {
			o.Qualifier = Exact
		}
		why := ""
		if err := o.Validate(); err != nil {
			why = reason(err)
		} else {
			why = duplicate(seen, o, i+1)
		}
		if why == "" {
			if err := accept(o); err != nil {
				var rej *RejectError
				if !errors.As(err, &rej) {
					return rep, err
				}
				why = rej.Reason
			}
		}
		if why != "" {
			rep.reject(i+1, why)
			continue
		}
		rep.Accepted++
	}
	return rep, nil
}

// finishImport audits the import and marks the new data for the early-warning job.
func (s *Service) finishImport(ctx context.Context, tx *sql.Tx, w *writer, action string, detail map[string]any) error {
	if w.inserted+w.revised > 0 {
		if err := markDirty(ctx, tx, w.earliest); err != nil {
			return err
		}
	}
	return s.audit.Record(ctx, tx, audit.Event{Action: action, ObjectType: "awareness_observations",
		ObjectID: w.owner, OwnerOrg: w.owner, Detail: detail})
}
