package dublin

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// party names which of a request's two states may take a step.
type party int

const (
	requestedParty party = iota
	requestingParty
)

// changeRequest runs fn on a request and its case inside one transaction, for a step the
// given party takes; the other party gets Forbidden, anyone else NotFound (audited).
func (s *Service) changeRequest(ctx context.Context, id string, who party, action string,
	fn func(tx *sql.Tx, r *CaseRecord, req *Request) error) (Request, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermDublinWrite); err != nil {
		return Request{}, err
	}
	// The party check runs before the transaction, so a denied attempt is audited in a
	// transaction of its own (SQLite has one writer).
	first, err := getRequest(ctx, s.db.Reader(), id)
	if err != nil {
		return Request{}, err
	}
	caseID := first.CaseID // partyOf hides it from the requested state
	if err := s.partyOf(ctx, p, &first); err != nil {
		return Request{}, err
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := lockCase(ctx, tx, caseID); err != nil {
			return err
		}
		req, err := getRequest(ctx, tx, id)
		if err != nil {
			return err
		}
		want := req.RequestedState
		if who == requestingParty {
			want = req.RequestingState
		}
		if p.Kind != authz.KindSystem && p.Org != want {
			return errs.Forbidden("only %s may take this step on request %s", want, id)
		}
		if !req.Active {
			return errs.Conflict("request %s was superseded by a later request", id)
		}
		r, err := getCase(ctx, tx, req.CaseID)
		if err != nil {
			return err
		}
		r.Request = &req
		derive(&r, &req, s.Today())
		if err := fn(tx, &r, &req); err != nil {
			return err
		}
		if _, err := s.save(ctx, tx, &r, &req); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: action, ObjectType: requestObject, ObjectID: req.ID,
			OwnerOrg: req.RequestingState, Detail: map[string]any{"case_id": r.ID, "status": req.Status}})
	})
	if err != nil {
		return Request{}, err
	}
	return s.GetRequest(ctx, id)
}

// notBeforeRequest refuses a step dated before the request was sent or received.
func notBeforeRequest(field string, on Date, req *Request) error {
	for _, ref := range []Date{req.SentOn, req.ReceivedOn} {
		if on.Before(ref) {
			return errs.Field(field, fmt.Sprintf("%s is before the request (%s)", on, ref))
		}
	}
	return nil
}

// Reply records the requested state's answer (Arts 22, 25). A reply dated before the
// request is refused naming the field "on"; once the reply period has run out the request
// is accepted by silence and a reply no longer changes it (Arts 22(7), 25(2)).
func (s *Service) Reply(ctx context.Context, id string, in ReplyInput) (Request, error) {
	if err := in.Validate(); err != nil {
		return Request{}, fmt.Errorf("dublin: reply: %w", err)
	}
	on, err := s.dateOr("on", in.On)
	if err != nil {
		return Request{}, err
	}
	return s.changeRequest(ctx, id, requestedParty, "dublin.request.reply", func(tx *sql.Tx, r *CaseRecord, req *Request) error {
		if err := notBeforeRequest("on", on, req); err != nil {
			return err
		}
		if _, err := Next(r.Stage, Event{Kind: EvReply, On: on, Decision: in.Decision}); err != nil {
			if r.Stage == AcceptedImplicit {
				return errs.Conflict("the reply period ended on %s: the request is accepted by silence (Arts 22(7), 25(2))", req.ReplyDeadline)
			}
			return err
		}
		r.Case.Procedure.Reply = &Reply{Decision: in.Decision, On: on, Reasons: in.Reasons}
		req.ReplyReasons = in.Reasons
		if err := s.event(ctx, tx, r, string(EvReply), on, map[string]any{"decision": in.Decision, "request_id": req.ID}); err != nil {
			return err
		}
		title := fmt.Sprintf("Dublin request %s: %s replied %s", req.ApplicantRef, req.RequestedState, in.Decision)
		return s.outbox.Notify(ctx, tx, TopicRequestReplied, req.RequestingState, req.ID, title, caseLinkPrefix+r.ID, shared(req))
	})
}

// RequestReexamination asks the requested state to re-examine its refusal, within 3 weeks
// of it (Reg 1560/2003 Art 5(2)).
func (s *Service) RequestReexamination(ctx context.Context, id string, on Date) (Request, error) {
	on, err := s.dateOr("on", on)
	if err != nil {
		return Request{}, err
	}
	return s.changeRequest(ctx, id, requestingParty, "dublin.request.reexamination", func(tx *sql.Tx, r *CaseRecord, req *Request) error {
		if _, err := Next(r.Stage, Event{Kind: EvReexamRequested, On: on}); err != nil {
			return err
		}
		if on.Before(req.ReplyOn) {
			return errs.Field("on", fmt.Sprintf("%s is before the refusal (%s)", on, req.ReplyOn))
		}
		r.Case.Procedure.ReExamination = &ReExamination{RequestedOn: on}
		if err := s.event(ctx, tx, r, string(EvReexamRequested), on, map[string]any{"request_id": req.ID}); err != nil {
			return err
		}
		title := fmt.Sprintf("Dublin re-examination requested by %s (%s)", req.RequestingState, req.ApplicantRef)
		return s.outbox.Notify(ctx, tx, TopicReexamRequested, req.RequestedState, req.ID, title, requestLinkPrefix+req.ID, shared(req))
	})
}

// AnswerReexamination records the requested state's answer to a re-examination request;
// silence is not acceptance (CJEU C-47/17).
func (s *Service) AnswerReexamination(ctx context.Context, id string, in ReplyInput) (Request, error) {
	if err := in.Validate(); err != nil {
		return Request{}, fmt.Errorf("dublin: re-examination answer: %w", err)
	}
	on, err := s.dateOr("on", in.On)
	if err != nil {
		return Request{}, err
	}
	return s.changeRequest(ctx, id, requestedParty, "dublin.request.reexamination_answer", func(tx *sql.Tx, r *CaseRecord, req *Request) error {
		if _, err := Next(r.Stage, Event{Kind: EvReexamAnswer, On: on, Decision: in.Decision}); err != nil {
			return err
		}
		if on.Before(req.ReexamRequestedOn) {
			return errs.Field("on", fmt.Sprintf("%s is before the re-examination request (%s)", on, req.ReexamRequestedOn))
		}
		r.Case.Procedure.ReExamination.Answer = &Answer{Decision: in.Decision, On: on, Reasons: in.Reasons}
		if err := s.event(ctx, tx, r, string(EvReexamAnswer), on, map[string]any{"decision": in.Decision, "request_id": req.ID}); err != nil {
			return err
		}
		title := fmt.Sprintf("Dublin re-examination %s: %s answered %s", req.ApplicantRef, req.RequestedState, in.Decision)
		return s.outbox.Notify(ctx, tx, TopicReexamAnswered, req.RequestingState, req.ID, title, caseLinkPrefix+r.ID, shared(req))
	})
}
