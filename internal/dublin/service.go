package dublin

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/jobs"
	"github.com/ceas-eu/ceas/internal/platform/outbox"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	tl "github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// Service is the Dublin unit's tool: cases, requests between states, transfers and their
// deadlines. Each exported method is one transaction: access check, validation, rows,
// audit, outbox.
type Service struct {
	db     *sqldb.DB
	audit  *audit.Log
	outbox *outbox.Outbox
	jobs   *jobs.Queue
	clock  clock.Clock
	// smallCount is the threshold of small-count suppression in aggregates.
	smallCount int
}

// NewService returns the service on the platform services.
func NewService(db *sqldb.DB, a *audit.Log, o *outbox.Outbox, q *jobs.Queue, c clock.Clock) *Service {
	return &Service{db: db, audit: a, outbox: o, jobs: q, clock: c, smallCount: SmallCount}
}

// WithSmallCount sets the threshold below which aggregates are suppressed outside the
// states concerned (the platform's small-count setting) and returns s.
func (s *Service) WithSmallCount(n int) *Service {
	if n > 0 {
		s.smallCount = n
	}
	return s
}

// Today is the civil date (UTC) on which the service answers procedural questions.
func (s *Service) Today() Date { return tl.FromTime(s.clock.Now()) }

// Evaluate answers a case file without storing anything: the same function as
// `ceas dublin decide`.
func (s *Service) Evaluate(ctx context.Context, c Case) (Determination, error) {
	if err := authz.Require(authz.FromContext(ctx), authz.PermDublinRules); err != nil {
		return Determination{}, err
	}
	return Determine(c), nil
}

// OpenCase opens a case for the caller's state with the facts known so far and evaluates it.
func (s *Service) OpenCase(ctx context.Context, n NewCase) (CaseRecord, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermDublinWrite); err != nil {
		return CaseRecord{}, err
	}
	if err := n.Validate(); err != nil {
		return CaseRecord{}, fmt.Errorf("dublin: open case: %w", err)
	}
	now := s.clock.Now()
	r := CaseRecord{ID: uuid.Must(uuid.NewV7()).String(), OwnerOrg: p.Org, ApplicantRef: n.ApplicantRef,
		Origin: n.Origin, Case: n.Case, Stage: Determining, CreatedAt: now, UpdatedAt: now}
	if r.ApplicantRef == "" {
		r.ApplicantRef = "REF-" + strings.ToUpper(r.ID[len(r.ID)-12:])
	}
	r.Case.AsOf = Date{}
	r.LodgedOn = lodgedOn(&r.Case)
	r.EvaluatedAt = &now
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := insertCase(ctx, tx, &r); err != nil {
			return err
		}
		if _, err := s.save(ctx, tx, &r, nil); err != nil {
			return err
		}
		if err := s.event(ctx, tx, &r, "opened", s.Today(), map[string]any{"origin": n.Origin}); err != nil {
			return err
		}
		return s.record(ctx, tx, "dublin.case.create", &r, map[string]any{"stage": r.Stage, "responsible_state": r.ResponsibleState})
	})
	return r, err
}

func lodgedOn(c *Case) Date {
	if c.Application.LodgedOn.IsZero() && len(c.Applicants) > 0 && c.Applicants[0].Application != nil {
		return c.Applicants[0].Application.LodgedOn
	}
	return c.Application.LodgedOn
}

// GetCase returns one of the caller's cases with its active request and the deadlines open
// today. Another state's case answers NotFound, and the attempt is audited.
func (s *Service) GetCase(ctx context.Context, id string) (CaseRecord, error) {
	r, err := s.ownCase(ctx, s.db.Reader(), id, authz.PermDublinRead)
	if err != nil {
		return r, err
	}
	req, ok, err := activeRequest(ctx, s.db.Reader(), id)
	if err != nil {
		return r, err
	}
	stored := r.Determination
	if ok {
		r.Request = &req
	}
	derive(&r, r.Request, s.Today())
	r.Determination = stored
	if err := s.audit.RecordNow(ctx, auditEvent("dublin.case.read", &r, nil)); err != nil {
		return r, err
	}
	return r, nil
}

// ownCase loads a case and checks that the caller's state owns it; a denied attempt is
// audited with the real owner so that state's auditors see it.
func (s *Service) ownCase(ctx context.Context, q sqldb.Querier, id string, perm authz.Permission) (CaseRecord, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, perm); err != nil {
		return CaseRecord{}, err
	}
	r, err := getCase(ctx, q, id)
	if err != nil {
		return r, err
	}
	if err := authz.RequireOwner(p, perm, r.OwnerOrg); err != nil {
		ev := auditEvent(string(perm), &r, map[string]any{"reason": "another state's case"})
		ev.Outcome = audit.OutcomeDenied
		if aerr := s.audit.RecordNow(ctx, ev); aerr != nil {
			return CaseRecord{}, aerr
		}
		return CaseRecord{}, err
	}
	return r, nil
}

// ListCases pages through the caller's cases, newest first.
func (s *Service) ListCases(ctx context.Context, f CaseFilter, cursor string, limit int) ([]CaseRecord, string, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermDublinRead); err != nil {
		return nil, "", err
	}
	out, next, err := listCases(ctx, s.db.Reader(), p.Org, f, cursor, clampLimit(limit))
	if err != nil {
		return nil, "", err
	}
	err = s.audit.RecordNow(ctx, audit.Event{Action: "dublin.case.list", ObjectType: "dublin_case", ObjectID: "list",
		OwnerOrg: p.Org, Detail: map[string]any{"count": len(out), "stage": string(f.Stage)}})
	return out, next, err
}

func clampLimit(n int) int {
	switch {
	case n <= 0:
		return 50
	case n > 500:
		return 500
	}
	return n
}

// UpdateFacts replaces the case file facts (the procedure stays as the service recorded
// it) and re-evaluates the case.
func (s *Service) UpdateFacts(ctx context.Context, id string, c Case) (CaseRecord, error) {
	if err := validateFacts(c); err != nil {
		return CaseRecord{}, fmt.Errorf("dublin: update facts: %w", err)
	}
	return s.change(ctx, id, func(tx *sql.Tx, r *CaseRecord, req *Request) error {
		c.Procedure, c.AsOf = r.Case.Procedure, Date{}
		r.Case = c
		r.LodgedOn = lodgedOn(&r.Case)
		return s.event(ctx, tx, r, "facts_updated", s.Today(), nil)
	}, "dublin.case.update")
}

// EvaluateCase runs the engine on the stored facts today and stores the determination and
// its reasoning.
func (s *Service) EvaluateCase(ctx context.Context, id string) (CaseRecord, error) {
	return s.change(ctx, id, func(tx *sql.Tx, r *CaseRecord, req *Request) error {
		now := s.clock.Now()
		r.EvaluatedAt = &now
		return nil
	}, "dublin.case.evaluate")
}

// Events returns the history of one of the caller's cases.
func (s *Service) Events(ctx context.Context, id string) ([]CaseEvent, error) {
	r, err := s.ownCase(ctx, s.db.Reader(), id, authz.PermDublinRead)
	if err != nil {
		return nil, err
	}
	evs, err := listEvents(ctx, s.db.Reader(), id)
	if err != nil {
		return nil, err
	}
	return evs, s.audit.RecordNow(ctx, auditEvent("dublin.case.events.read", &r, nil))
}

// change runs fn on one of the caller's cases inside a transaction, then re-derives and
// stores the case, and audits action.
func (s *Service) change(ctx context.Context, id string, fn func(tx *sql.Tx, r *CaseRecord, req *Request) error, action string) (CaseRecord, error) {
	// The access check runs before the transaction, so a denied attempt is audited in a
	// transaction of its own (SQLite has one writer).
	if _, err := s.ownCase(ctx, s.db.Reader(), id, authz.PermDublinWrite); err != nil {
		return CaseRecord{}, err
	}
	var r CaseRecord
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if r, err = lockedCase(ctx, tx, id); err != nil {
			return err
		}
		req, err := s.loadActive(ctx, tx, &r)
		if err != nil {
			return err
		}
		derive(&r, req, s.Today())
		if err := fn(tx, &r, req); err != nil {
			return err
		}
		if _, err := s.save(ctx, tx, &r, r.Request); err != nil {
			return err
		}
		return s.record(ctx, tx, action, &r, map[string]any{"stage": r.Stage, "responsible_state": r.ResponsibleState})
	})
	return r, err
}

func (s *Service) loadActive(ctx context.Context, q sqldb.Querier, r *CaseRecord) (*Request, error) {
	req, ok, err := activeRequest(ctx, q, r.ID)
	if err != nil || !ok {
		return nil, err
	}
	r.Request = &req
	return &req, nil
}

// save re-derives the case on today, writes it and its request, and (re)schedules the
// deadline jobs. It returns the stage before the change.
func (s *Service) save(ctx context.Context, tx *sql.Tx, r *CaseRecord, req *Request) (State, error) {
	before := r.Stage
	now := s.clock.Now()
	r.UpdatedAt = now
	if err := r.Case.Validate(); err != nil {
		return before, fmt.Errorf("dublin: case %s: %w", r.ID, err)
	}
	derive(r, req, s.Today())
	if err := updateCase(ctx, tx, r); err != nil {
		return before, err
	}
	if req != nil {
		req.UpdatedAt = now
		if err := updateRequest(ctx, tx, req); err != nil {
			return before, err
		}
		r.Request = req
	}
	return before, s.schedule(ctx, tx, r)
}

// event appends a line to the case history, stamped with the caller.
func (s *Service) event(ctx context.Context, tx *sql.Tx, r *CaseRecord, kind string, on Date, detail map[string]any) error {
	p := authz.FromContext(ctx)
	e := CaseEvent{CaseID: r.ID, Kind: kind, On: on, Stage: r.Stage, Detail: detail, Actor: p.ID, ActorOrg: p.Org}
	return insertEvent(ctx, tx, uuid.Must(uuid.NewV7()).String(), e, s.clock.Now())
}

// record audits a change of the case inside its transaction.
func (s *Service) record(ctx context.Context, tx *sql.Tx, action string, r *CaseRecord, detail map[string]any) error {
	return s.audit.Record(ctx, tx, auditEvent(action, r, detail))
}

func auditEvent(action string, r *CaseRecord, detail map[string]any) audit.Event {
	return audit.Event{Action: action, ObjectType: "dublin_case", ObjectID: r.ID, OwnerOrg: r.OwnerOrg, Detail: detail}
}

// dateOr returns d, or today when d is zero; a day after today is refused, since facts are
// recorded once they happened.
func (s *Service) dateOr(field string, d Date) (Date, error) {
	today := s.Today()
	if d.IsZero() {
		return today, nil
	}
	if d.After(today) {
		return d, errs.Field(field, fmt.Sprintf("%s is in the future (today is %s)", d, today))
	}
	return d, nil
}
