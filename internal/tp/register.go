package tp

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"slices"

	"github.com/google/uuid"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// RegistrationResult is a stored registration with the answer of its cross-state check.
type RegistrationResult struct {
	Registration
	Check CrossStateCheck `json:"check"`
}

// Register records a person for the caller's state, checks the registration against every
// other state's registrations in real time, and returns both. Hits above the review
// threshold open reviews and notify both states.
func (s *Service) Register(ctx context.Context, in RegistrationInput) (RegistrationResult, error) {
	ctx = withPurpose(ctx, "temporary protection registration")
	p, err := callerState(ctx, authz.PermTPWrite)
	if err != nil {
		return RegistrationResult{}, err
	}
	in.Normalize()
	today := s.today()
	if err := in.Validate(p.Org, today); err != nil {
		return RegistrationResult{}, err
	}
	if in.RegisteredOn == "" {
		in.RegisteredOn = today.String()
	}
	now := s.clock.Now()
	r := Registration{ID: uuid.Must(uuid.NewV7()).String(), State: p.Org, Status: StatusRegistered, RegistrationInput: in,
		Version: 1, CreatedAt: now.UTC(), UpdatedAt: now.UTC(), Links: []CrossStateLink{}}
	if r.Permit.IssuedOn != "" {
		r.Status = StatusActive // a permit issued: rights open (Directive Art 8)
	}
	var res RegistrationResult
	if err := s.lock(ctx); err != nil {
		return RegistrationResult{}, err
	}
	defer s.unlock()
	err = s.db.Tx(ctx, func(stx *sql.Tx) error {
		tx := newTxn(stx)
		if err := checkHousehold(ctx, tx, p, &r); err != nil {
			return err
		}
		if err := insertRegistration(ctx, tx, &r); err != nil {
			return err
		}
		if err := s.addEvent(ctx, tx, &r, EventRegistered, "", r.RegisteredOn, string(r.Ground), p.ID); err != nil {
			return err
		}
		check, err := s.crossCheck(ctx, tx, &r)
		if err != nil {
			return err
		}
		res = RegistrationResult{Registration: r, Check: check}
		return s.audit.Record(ctx, tx.Tx, audit.Event{Action: "tp.registration.create", ObjectType: "tp_registration",
			ObjectID: r.ID, OwnerOrg: r.State, Detail: map[string]any{"check": check.Outcome, "hits": len(check.Hits)}})
	})
	if err != nil {
		return RegistrationResult{}, fmt.Errorf("tp: register: %w", err)
	}
	s.index.Add(toRecord(&r))
	return res, nil
}

// checkHousehold requires the accompanying adult's registration to exist in the same state.
func checkHousehold(ctx context.Context, tx *txn, p authz.Principal, r *Registration) error {
	if r.Household.HeadID == "" {
		return nil
	}
	if q := tx.pending[r.Household.HeadID]; q != nil && q.State == r.State {
		return nil // the adult is in the same batch of an import
	}
	head, err := getRegistration(ctx, tx, r.Household.HeadID)
	if err == nil && head.State != r.State {
		err = errs.NotFound("not found")
	}
	if err != nil || head.ID == r.ID {
		return errs.Field("household.head_id", "must be the id of another registration of "+p.Org)
	}
	return nil
}

// Update replaces the data of a registration. A change of the person's identity runs the
// cross-state check again, as ReviewDecision 2022/382 registrations must stay comparable.
func (s *Service) Update(ctx context.Context, id string, version int64, in RegistrationInput) (RegistrationResult, error) {
	ctx = withPurpose(ctx, "temporary protection registration")
	p, err := callerState(ctx, authz.PermTPWrite)
	if err != nil {
		return RegistrationResult{}, err
	}
	in.Normalize()
	if err := in.Validate(p.Org, s.today()); err != nil {
		return RegistrationResult{}, err
	}
	var res RegistrationResult
	if err := s.lock(ctx); err != nil {
		return RegistrationResult{}, err
	}
	defer s.unlock()
	err = s.db.Tx(ctx, func(stx *sql.Tx) error {
		tx := newTxn(stx)
		r, err := loadOwn(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if version != 0 && version != r.Version {
			return errs.Conflict("registration %s is at version %d, not %d; reload it", id, r.Version, version)
		}
		res, err = s.apply(ctx, tx, p, r, in)
		return err
	})
	if err != nil {
		return RegistrationResult{}, fmt.Errorf("tp: update %s: %w", id, err)
	}
	s.index.Add(toRecord(&res.Registration))
	return res, nil
}

// apply writes in over r inside tx, records the history and rechecks a changed identity.
func (s *Service) apply(ctx context.Context, tx *txn, p authz.Principal, r Registration, in RegistrationInput) (RegistrationResult, error) {
	if in.RegisteredOn == "" {
		in.RegisteredOn = r.RegisteredOn
	}
	if in.ExternalID == "" {
		in.ExternalID = r.ExternalID
	}
	identityChanged := !reflect.DeepEqual(r.Person, in.Person)
	changed := identityChanged || !reflect.DeepEqual(r.RegistrationInput, in)
	res := RegistrationResult{Registration: r, Check: CrossStateCheck{Outcome: OutcomeNoMatch, Hits: []CrossStateHit{}}}
	if !changed {
		return res, nil
	}
	r.RegistrationInput = in
	if err := checkHousehold(ctx, tx, p, &r); err != nil {
		return res, err
	}
	if err := updateRegistration(ctx, tx, &r, s.clock.Now()); err != nil {
		return res, err
	}
	kind := EventChanged
	if identityChanged {
		kind = EventIdentityChanged
	}
	if err := s.addEvent(ctx, tx, &r, kind, r.Status, s.today().String(), "", p.ID); err != nil {
		return res, err
	}
	res.Registration = r
	if identityChanged {
		check, err := s.crossCheck(ctx, tx, &r)
		if err != nil {
			return res, err
		}
		res.Check = check
	}
	return res, s.audit.Record(ctx, tx.Tx, audit.Event{Action: "tp.registration.update", ObjectType: "tp_registration",
		ObjectID: r.ID, OwnerOrg: r.State, Detail: map[string]any{"identity_changed": identityChanged, "check": res.Check.Outcome}})
}

// StatusChange is a lifecycle change requested by an officer.
type StatusChange struct {
	On     string `json:"on,omitempty" maxLength:"10" doc:"Date of the event; default today."`
	Reason Reason `json:"reason,omitempty" maxLength:"40" doc:"Deregistration reason."`
	Note   string `json:"note,omitempty" maxLength:"500"`
}

func (t *StatusChange) validate(today timelimit.Date, needReason bool) error {
	var v errs.Validation
	if t.On == "" {
		t.On = today.String()
	}
	checkDate(&v, "on", t.On, today)
	if needReason {
		v.Check(slices.Contains(Reasons(), t.Reason), "reason",
			"must be one of returned_to_ukraine, moved_to_other_state, protection_ended, obtained_other_status, deceased, duplicate")
	}
	return v.Err()
}

// Deregister ends a registration with a reason. People who return home can register again
// later and regain their rights (COM(2022) 740). A deregistration the state was asked to
// confirm after a "same person" decision completes that request.
func (s *Service) Deregister(ctx context.Context, id string, t StatusChange) (Registration, error) {
	return s.transition(ctx, id, t, true, func(r *Registration, t StatusChange) (string, error) {
		if r.Status == StatusDeregistered {
			return "", errs.Conflict("registration %s is already deregistered", id)
		}
		r.Status, r.DeregisteredOn, r.DeregReason = StatusDeregistered, t.On, t.Reason
		return EventDeregistered, nil
	})
}

// Activate marks a registration active: the residence permit is issued (Directive Art 8).
func (s *Service) Activate(ctx context.Context, id string, t StatusChange) (Registration, error) {
	return s.transition(ctx, id, t, false, func(r *Registration, t StatusChange) (string, error) {
		if r.Status != StatusRegistered {
			return "", errs.Conflict("only a registered (not yet active) registration can be activated; it is %s", r.Status)
		}
		r.Status = StatusActive
		return EventActivated, nil
	})
}

// Reregister opens a deregistered registration again: the person came back.
func (s *Service) Reregister(ctx context.Context, id string, t StatusChange) (Registration, error) {
	return s.transition(ctx, id, t, false, func(r *Registration, t StatusChange) (string, error) {
		if r.Status != StatusDeregistered {
			return "", errs.Conflict("only a deregistered registration can be registered again; it is %s", r.Status)
		}
		r.Status, r.DeregisteredOn, r.DeregReason = StatusRegistered, "", ""
		return EventReregistered, nil
	})
}

func (s *Service) transition(ctx context.Context, id string, t StatusChange, needReason bool,
	change func(r *Registration, t StatusChange) (string, error)) (Registration, error) {
	ctx = withPurpose(ctx, "temporary protection case handling")
	p, err := callerState(ctx, authz.PermTPWrite)
	if err != nil {
		return Registration{}, err
	}
	if err := t.validate(s.today(), needReason); err != nil {
		return Registration{}, err
	}
	var out Registration
	err = s.db.Tx(ctx, func(stx *sql.Tx) error {
		tx := newTxn(stx)
		r, err := loadOwn(ctx, tx, p, id)
		if err != nil {
			return err
		}
		from := r.Status
		kind, err := change(&r, t)
		if err != nil {
			return err
		}
		if err := updateRegistration(ctx, tx, &r, s.clock.Now()); err != nil {
			return err
		}
		reason := string(t.Reason)
		if t.Note != "" {
			reason = join(reason, t.Note)
		}
		if err := s.addEvent(ctx, tx, &r, kind, from, t.On, reason, p.ID); err != nil {
			return err
		}
		if kind == EventDeregistered {
			if err := s.confirmDeregistration(ctx, tx, &r); err != nil {
				return err
			}
		}
		out = r
		return s.audit.Record(ctx, tx.Tx, audit.Event{Action: "tp.registration." + kind, ObjectType: "tp_registration",
			ObjectID: r.ID, OwnerOrg: r.State, Detail: map[string]any{"from": from, "to": r.Status, "reason": t.Reason, "on": t.On}})
	})
	if err != nil {
		return Registration{}, fmt.Errorf("tp: %s: %w", id, err)
	}
	return out, nil
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + ": " + b
}

// Validate checks in as Register would for the caller's state today, without storing it:
// the registration form calls it as the officer types.
func (s *Service) Validate(ctx context.Context, in RegistrationInput) error {
	p, err := callerState(ctx, authz.PermTPWrite)
	if err != nil {
		return err
	}
	in.Normalize()
	return in.Validate(p.Org, s.today())
}
