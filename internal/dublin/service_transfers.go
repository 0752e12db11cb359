package dublin

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// EvTransferCancelled is the unit's cancellation of a scheduled transfer; it is not an arrow
// of the section 5 diagram (the case goes back to waiting for a transfer date).
const EvTransferCancelled EventKind = "transfer_cancelled"

// Transfer records a step of the transfer of an accepted request (Art 29): scheduled,
// carried out, cancelled, or failed because the person absconded (the period is extended
// to 18 months) or is imprisoned (12 months), notified to the responsible state.
func (s *Service) Transfer(ctx context.Context, id string, in TransferInput) (Request, error) {
	if err := in.Validate(); err != nil {
		return Request{}, fmt.Errorf("dublin: transfer: %w", err)
	}
	on := in.On
	if in.Action != TransferSchedule || on.IsZero() {
		var err error
		if on, err = s.dateOr("on", in.On); err != nil {
			return Request{}, err
		}
	}
	return s.changeRequest(ctx, id, requestingParty, "dublin.transfer."+in.Action, func(tx *sql.Tx, r *CaseRecord, req *Request) error {
		if err := notBeforeRequest("on", on, req); err != nil {
			return err
		}
		if err := s.applyTransfer(ctx, tx, r, req, in, on); err != nil {
			return err
		}
		title := fmt.Sprintf("Dublin transfer %s: %s (%s, %s)", req.ApplicantRef, in.Action, req.RequestingState, on)
		return s.outbox.Notify(ctx, tx, TopicTransfer, req.RequestedState, req.ID, title, requestLinkPrefix+req.ID, shared(req))
	})
}

func (s *Service) applyTransfer(ctx context.Context, tx *sql.Tx, r *CaseRecord, req *Request, in TransferInput, on Date) error {
	p := r.Case.Procedure
	pending := r.Stage == TransferPending
	switch in.Action {
	case TransferSchedule:
		if !pending {
			if _, err := Next(r.Stage, Event{Kind: EvTransferScheduled, On: on}); err != nil {
				return err
			}
		}
		if !req.TransferDeadline.IsZero() && on.After(req.TransferDeadline) {
			return errs.Field("on", fmt.Sprintf("%s is after the transfer deadline %s (Art 29)", on, req.TransferDeadline))
		}
		req.TransferStatus, req.TransferOn = TransferSchedule, on
		return s.event(ctx, tx, r, string(EvTransferScheduled), on, map[string]any{"request_id": req.ID})
	case TransferCarriedOut:
		if !pending && r.Stage != AcceptedExplicit && r.Stage != AcceptedImplicit {
			return errs.Conflict("dublin: a transfer cannot be carried out in state %s", r.Stage)
		}
		p.TransferCarriedOutOn = on
		req.TransferStatus, req.TransferOn = TransferCarriedOut, on
		return s.event(ctx, tx, r, string(EvTransferred), on, map[string]any{"request_id": req.ID})
	}
	if !pending {
		return errs.Conflict("dublin: no transfer is pending in state %s", r.Stage)
	}
	if in.Action == TransferCancel {
		req.TransferStatus, req.TransferOn = TransferCancel, Date{}
		return s.event(ctx, tx, r, string(EvTransferCancelled), on, map[string]any{"request_id": req.ID})
	}
	reason := in.Reason
	if reason == "" {
		reason = Absconding
	}
	kind := EvImprisoned
	if reason == Absconding {
		p.AbscondedOn, kind = on, EvAbsconded
	}
	p.Extension = &Extension{Reason: reason, NotifiedOn: on} // Art 29(2); Reg 1560/2003 Art 9(2)
	req.TransferStatus = TransferFailed
	if err := s.event(ctx, tx, r, string(kind), on, map[string]any{"request_id": req.ID}); err != nil {
		return err
	}
	return s.event(ctx, tx, r, string(EvExtensionNotified), on, map[string]any{"reason": reason})
}

// RecordEvent records a fact on one of the caller's cases: an appeal against the transfer
// decision and its final outcome (Art 27, 29(1)), absconding or imprisonment and the
// notified extension (Art 29(2)), an officer's own determination, or an Art 19 event that
// ends the obligations. The state machine of section 5 decides whether it is allowed now.
func (s *Service) RecordEvent(ctx context.Context, id string, in EventInput) (CaseRecord, error) {
	on, err := s.dateOr("on", in.On)
	if err != nil {
		return CaseRecord{}, err
	}
	ev := Event{Kind: in.Kind, On: on, Suspensive: in.Suspensive, Upheld: in.Upheld, Reason: in.Reason}
	if err := ev.Validate(); err != nil {
		return CaseRecord{}, fmt.Errorf("dublin: record event: %w", err)
	}
	return s.change(ctx, id, func(tx *sql.Tx, r *CaseRecord, req *Request) error {
		if _, err := Next(r.Stage, ev); err != nil {
			return err
		}
		if err := applyEvent(r, ev); err != nil {
			return err
		}
		detail := map[string]any{"note": in.Note}
		if err := s.event(ctx, tx, r, string(in.Kind), on, detail); err != nil {
			return err
		}
		if req == nil {
			return nil
		}
		title := fmt.Sprintf("Dublin case %s: %s on %s (%s)", req.ApplicantRef, in.Kind, on, r.OwnerOrg)
		return s.outbox.Notify(ctx, tx, TopicCaseEvent, req.RequestedState, req.ID, title, requestLinkPrefix+req.ID, shared(req))
	}, "dublin.case.event")
}

// applyEvent writes an event into the facts the engine reads, or closes the case.
func applyEvent(r *CaseRecord, e Event) error {
	p := r.Case.Procedure
	needProcedure := func() error {
		if p == nil {
			return errs.Field("kind", "the case has no request")
		}
		return nil
	}
	switch e.Kind {
	case EvAppeal:
		if err := needProcedure(); err != nil {
			return err
		}
		p.Appeal = &Appeal{LodgedOn: e.On, SuspensiveEffect: e.Suspensive}
	case EvAppealFinal:
		if err := needProcedure(); err != nil {
			return err
		}
		if p.Appeal == nil {
			return errs.Field("kind", "no appeal was recorded")
		}
		p.Appeal.FinalDecisionOn = e.On
		if !e.Upheld {
			r.closedStage = ResponsibleSelf // the transfer decision was annulled
		}
	case EvAbsconded:
		if err := needProcedure(); err != nil {
			return err
		}
		p.AbscondedOn = e.On
	case EvExtensionNotified:
		if err := needProcedure(); err != nil {
			return err
		}
		p.Extension = &Extension{Reason: e.Reason, NotifiedOn: e.On}
	case EvImprisoned:
	case EvLeftTerritory, EvRemoved:
		r.closedStage = Ceased // Art 19(2)-(3)
	case EvResidenceDocument, EvDeterminedSelf:
		r.closedStage = ResponsibleSelf // Art 19(1); or the unit's own determination
	default:
		return errs.Field("kind", fmt.Sprintf("%s is recorded through the request and transfer operations", e.Kind))
	}
	return nil
}
