package solidarity

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// EUAA is the organisation code of the EU Agency for Asylum, which identifies, informs,
// interviews and matches candidates under the 2022 mechanism (solidarity.md §1, Governance).
const EUAA = "EUAA"

// isEUAA reports an EUAA coordinator: they see candidate details for interviews and
// matching, as the 2022 mechanism tasks them, and may record the informed and interviewed
// steps. Commission coordinators run matching but see no candidate record.
func isEUAA(p authz.Principal) bool { return p.Org == EUAA && p.Can(authz.PermSolidarityMatch) }

// canSee reports whether p may read candidate c: the owning (beneficiary) state, EUAA, and,
// once matched, the receiving state, which needs the file to accept and receive the household.
func canSee(p authz.Principal, c *Candidate) bool {
	switch {
	case p.Kind == authz.KindSystem, isEUAA(p):
		return true
	case !p.Can(authz.PermSolidarityCandidates):
		return false
	case p.Org == c.OwnerOrg:
		return true
	}
	return c.MatchedState != "" && p.Org == c.MatchedState
}

// ProposeCandidate records a household the caller's state proposes for relocation, at the
// step identified.
func (s *Service) ProposeCandidate(ctx context.Context, in CandidateInput) (Candidate, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermSolidarityCandidates); err != nil {
		return Candidate{}, err
	}
	if in.IdentifiedOn == "" {
		in.IdentifiedOn = s.Today()
	}
	if err := in.Validate(); err != nil {
		return Candidate{}, fmt.Errorf("solidarity: candidate: %w", err)
	}
	now := sqldb.UTC(s.clock.Now())
	c := Candidate{ID: newID(), OwnerOrg: p.Org, Ref: in.Ref, Nationality: in.Nationality, Size: len(in.Profile.Members),
		Vulnerable: in.Profile.vulnerable(), Eligible: in.Eligible == nil || *in.Eligible, Step: StepIdentified,
		StepOn: in.IdentifiedOn, Profile: in.Profile, CreatedAt: now, UpdatedAt: now}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		cy, err := s.participantCycle(ctx, tx, in.CycleID, p.Org)
		if err != nil {
			return err
		}
		c.CycleID = cy.ID
		if err := insertCandidate(ctx, tx, &c); err != nil {
			return err
		}
		r := StepRecord{Step: StepIdentified, On: c.StepOn, Actor: p.ID, ActorOrg: p.Org, At: now}
		if err := insertStep(ctx, tx, newID(), c.ID, r); err != nil {
			return err
		}
		c.History = []StepRecord{r}
		return s.audit.Record(ctx, tx, candidateEvent("solidarity.candidate.create", &c, map[string]any{"size": c.Size}))
	})
	return c, err
}

func candidateEvent(action string, c *Candidate, detail map[string]any) audit.Event {
	return audit.Event{Action: action, ObjectType: "solidarity_candidate", ObjectID: c.ID, OwnerOrg: c.OwnerOrg, Detail: detail}
}

// Candidate returns a candidate with its steps, to those canSee allows; any other caller
// gets NotFound and the attempt is audited for the owner's auditors.
func (s *Service) Candidate(ctx context.Context, id string) (Candidate, error) {
	c, err := s.visibleCandidate(ctx, s.db.Reader(), id)
	if err != nil {
		return c, err
	}
	if c.History, err = listSteps(ctx, s.db.Reader(), c.ID); err != nil {
		return c, err
	}
	return c, s.audit.RecordNow(ctx, candidateEvent("solidarity.candidate.read", &c, nil))
}

func (s *Service) visibleCandidate(ctx context.Context, q sqldb.Querier, id string) (Candidate, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermSolidarityRead); err != nil {
		return Candidate{}, err
	}
	c, err := getCandidate(ctx, q, id)
	if err != nil {
		return c, err
	}
	if !canSee(p, &c) {
		ev := candidateEvent("solidarity.candidate.read", &c, map[string]any{"reason": "not the owner, receiving state or EUAA"})
		ev.Outcome = audit.OutcomeDenied
		if aerr := s.audit.RecordNow(ctx, ev); aerr != nil {
			return Candidate{}, aerr
		}
		return Candidate{}, errs.NotFound("solidarity candidate %s not found", id)
	}
	return c, nil
}

// candidateIn reloads a candidate inside a transaction after visibleCandidate checked (and
// audited) access outside it: SQLite has one writer, so the denial cannot be audited here.
func candidateIn(ctx context.Context, tx *sql.Tx, id string) (Candidate, error) {
	c, err := getCandidate(ctx, tx, id)
	if err != nil {
		return c, err
	}
	if !canSee(authz.FromContext(ctx), &c) {
		return Candidate{}, errs.NotFound("solidarity candidate %s not found", id)
	}
	return c, nil
}

// CandidateList selects candidates: a state sees its own (or, with Incoming, those matched
// to it), EUAA sees all; anyone else sees none (aggregates are in Monitoring).
type CandidateList struct {
	CycleID  string
	Step     Step
	Incoming bool
	After    string
	Limit    int
}

// Candidates lists the candidates the caller may see, in id order after After; the
// listing is audited as one read.
func (s *Service) Candidates(ctx context.Context, l CandidateList) ([]Candidate, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermSolidarityRead); err != nil {
		return nil, err
	}
	f := CandidateFilter{CycleID: l.CycleID, Step: l.Step}
	switch {
	case p.Kind == authz.KindSystem || isEUAA(p):
	case !p.Can(authz.PermSolidarityCandidates):
		return nil, nil
	case l.Incoming:
		f.receiving = p.Org
	default:
		f.owner = p.Org
	}
	out, err := listCandidates(ctx, s.db.Reader(), f, l.After, l.Limit)
	if err != nil || len(out) == 0 {
		return out, err
	}
	// One entry per owning state, so each state's auditors see who listed its candidates.
	per := map[string]int{}
	for _, c := range out {
		per[c.OwnerOrg]++
	}
	for owner, n := range per {
		err := s.audit.RecordNow(ctx, audit.Event{Action: "solidarity.candidate.list", ObjectType: "solidarity_candidate",
			OwnerOrg: owner, Detail: map[string]any{"count": n, "cycle": l.CycleID, "incoming": l.Incoming}})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Advance moves a candidate to the next step (or withdrawn) with its date and actor.
// matched and transferred are set by accepting a run and carrying out the transfer; the
// receiving state records accepted; EUAA may record informed and interviewed.
func (s *Service) Advance(ctx context.Context, id string, in StepInput) (Candidate, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermSolidarityRead); err != nil {
		return Candidate{}, err
	}
	if err := in.Validate(); err != nil {
		return Candidate{}, fmt.Errorf("solidarity: step: %w", err)
	}
	if _, err := s.visibleCandidate(ctx, s.db.Reader(), id); err != nil {
		return Candidate{}, err
	}
	var c Candidate
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if c, err = candidateIn(ctx, tx, id); err != nil {
			return err
		}
		if err := mayRecord(p, &c, in.Step); err != nil {
			return err
		}
		if err := s.step(ctx, tx, &c, in); err != nil {
			return err
		}
		if in.Step == StepAccepted {
			title := fmt.Sprintf("Relocation candidate %s accepted by %s", c.Ref, c.MatchedState)
			return s.outbox.Notify(ctx, tx, TopicAccepted, c.OwnerOrg, c.ID, title, "/solidarity/candidates/"+c.ID,
				map[string]any{"candidate": c.ID, "ref": c.Ref, "receiving_state": c.MatchedState, "persons": c.Size})
		}
		return nil
	})
	return c, err
}

// mayRecord says who records which step.
func mayRecord(p authz.Principal, c *Candidate, to Step) error {
	switch to {
	case StepMatched:
		return errs.Conflict("solidarity: matched is recorded by accepting a matching run")
	case StepTransferred:
		return errs.Conflict("solidarity: transferred is recorded by carrying out the transfer")
	case StepAccepted:
		if p.Org != c.MatchedState && p.Kind != authz.KindSystem {
			return errs.Forbidden("solidarity: only the receiving state %s accepts the candidate", c.MatchedState)
		}
		return nil
	case StepInformed, StepInterviewed:
		if isEUAA(p) {
			return nil
		}
	}
	if p.Org != c.OwnerOrg && p.Kind != authz.KindSystem {
		return errs.Forbidden("solidarity: only the beneficiary state %s records %s", c.OwnerOrg, to)
	}
	return nil
}

// step applies a transition and writes its row and audit entry.
func (s *Service) step(ctx context.Context, tx *sql.Tx, c *Candidate, in StepInput) error {
	if !NextAllowed(c.Step, in.Step) {
		return errs.Conflict("solidarity: candidate %s cannot go from %s to %s", c.Ref, c.Step, in.Step)
	}
	if in.On < c.StepOn {
		return errs.Field("on", fmt.Sprintf("%s is before the previous step's date %s", in.On, c.StepOn))
	}
	if in.Step == StepConsented && !c.Eligible {
		return errs.Conflict("solidarity: candidate %s is not eligible for relocation", c.Ref)
	}
	p := authz.FromContext(ctx)
	now := sqldb.UTC(s.clock.Now())
	prev := c.Step
	c.Step, c.StepOn, c.UpdatedAt = in.Step, in.On, now
	if in.Step == StepWithdrawn && prev != StepAccepted {
		c.MatchedState, c.MatchedPlace = "", ""
	}
	if err := updateCandidateStep(ctx, tx, c); err != nil {
		return err
	}
	r := StepRecord{Step: in.Step, On: in.On, Actor: p.ID, ActorOrg: p.Org, Note: in.Note, At: now}
	if err := insertStep(ctx, tx, newID(), c.ID, r); err != nil {
		return err
	}
	c.History = append(c.History, r)
	return s.audit.Record(ctx, tx, candidateEvent("solidarity.candidate.step", c, map[string]any{"from": prev, "to": in.Step, "on": in.On}))
}
