package dublin

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Outbox topics of the Dublin module (webhook subscriptions use them).
const (
	TopicRequestReceived   = "dublin.request.received"
	TopicRequestReplied    = "dublin.request.replied"
	TopicReexamRequested   = "dublin.reexamination.requested"
	TopicReexamAnswered    = "dublin.reexamination.answered"
	TopicTransfer          = "dublin.transfer.updated"
	TopicCaseEvent         = "dublin.case.event"
	TopicDeadlinePassed    = "dublin.deadline.passed"
	TopicDeadlineReminder  = "dublin.deadline.reminder"
	requestObject          = "dublin_request"
	requestLinkPrefix      = "/dublin/requests/"
	caseLinkPrefix         = "/dublin/cases/"
	maxEvidenceSummaryAuto = 600
)

// SendRequest sends a take charge or take back request for one of the caller's cases to
// the requested state: a row both states read, a line in the requested state's inbox and
// the webhook event dublin.request.received.
func (s *Service) SendRequest(ctx context.Context, caseID string, n NewRequest) (Request, error) {
	if err := n.Validate(); err != nil {
		return Request{}, fmt.Errorf("dublin: send request: %w", err)
	}
	sent, err := s.dateOr("sent_on", n.SentOn)
	if err != nil {
		return Request{}, err
	}
	var out Request
	_, err = s.change(ctx, caseID, func(tx *sql.Tx, r *CaseRecord, _ *Request) error {
		if n.RequestedState == r.OwnerOrg {
			return errs.Field("requested_state", "a state does not send a request to itself")
		}
		if sent.Before(r.LodgedOn) {
			return errs.Field("sent_on", fmt.Sprintf("%s is before the application was lodged (%s)", sent, r.LodgedOn))
		}
		if _, err := Next(r.Stage, Event{Kind: EvRequestSent, On: sent}); err != nil {
			return err
		}
		r.Case.Procedure = &Procedure{Type: n.Type, RequestingState: r.OwnerOrg, RequestedState: n.RequestedState,
			BasedOnEurodacHit: n.BasedOnEurodacHit, Urgent: n.Urgent, RequestedReplyBy: n.RequestedReplyBy,
			RequestSentOn: sent, RequestReceivedOn: sent}
		derive(r, nil, s.Today())
		req := &Request{ID: uuid.Must(uuid.NewV7()).String(), CaseID: r.ID, Type: n.Type, RequestingState: r.OwnerOrg,
			RequestedState: n.RequestedState, ApplicantRef: r.ApplicantRef, Basis: n.Basis, EvidenceSummary: n.EvidenceSummary,
			Urgent: n.Urgent, BasedOnEurodacHit: n.BasedOnEurodacHit, SentOn: sent, ReceivedOn: sent, Status: RequestSent,
			Active: true, CreatedAt: s.clock.Now()}
		mirror(req, r.Case.Procedure, r.Determination, RequestSent, s.Today())
		if req.Basis == "" {
			req.Basis = r.Basis
		}
		if req.EvidenceSummary == "" {
			req.EvidenceSummary = EvidenceSummary(&r.Case)
		}
		if err := insertRequest(ctx, tx, req); err != nil {
			return err
		}
		r.Request = req
		out = *req
		if err := s.event(ctx, tx, r, string(EvRequestSent), sent, map[string]any{"request_id": req.ID,
			"type": n.Type, "requested_state": n.RequestedState}); err != nil {
			return err
		}
		title := fmt.Sprintf("Dublin %s request from %s (%s)", strings.ReplaceAll(n.Type, "_", " "), r.OwnerOrg, req.ApplicantRef)
		return s.outbox.Notify(ctx, tx, TopicRequestReceived, n.RequestedState, req.ID, title, requestLinkPrefix+req.ID, shared(req))
	}, "dublin.request.send")
	if err != nil {
		return Request{}, err
	}
	return s.GetRequest(ctx, out.ID)
}

// EvidenceSummary lists the facts behind a request in one line each: Eurodac hits,
// documents, entries and family members, without names.
func EvidenceSummary(c *Case) string {
	var b strings.Builder
	for _, h := range c.EurodacHits {
		fmt.Fprintf(&b, "Eurodac category %d hit, %s, fingerprinted %s\n", h.Category, h.State, h.FingerprintedOn)
	}
	for _, d := range c.Documents {
		fmt.Fprintf(&b, "%s issued by %s valid until %s\n", strings.ReplaceAll(d.Type, "_", " "), d.IssuingState, d.ValidUntil)
	}
	for _, e := range c.Entries {
		fmt.Fprintf(&b, "entry into %s on %s (%s)\n", e.State, e.Date, e.Mode)
	}
	for _, f := range c.Family {
		fmt.Fprintf(&b, "%s in %s (%s)\n", f.Relation, f.State, f.Status)
	}
	for _, a := range c.PreviousApplications {
		fmt.Fprintf(&b, "application in %s lodged %s (%s)\n", a.State, a.LodgedOn, a.Status)
	}
	out := strings.TrimSpace(b.String())
	if len(out) > maxEvidenceSummaryAuto {
		out = out[:maxEvidenceSummaryAuto]
	}
	return out
}

// sharedRequest is what the other state receives in an event: the request, never the case.
type sharedRequest struct {
	ID              string `json:"id"`
	Type            string `json:"type"`
	RequestingState string `json:"requesting_state"`
	RequestedState  string `json:"requested_state"`
	ApplicantRef    string `json:"applicant_ref"`
	Basis           string `json:"basis"`
	SentOn          Date   `json:"sent_on"`
	ReplyDeadline   Date   `json:"reply_deadline,omitzero"`
	Status          State  `json:"status"`
	TransferStatus  string `json:"transfer_status,omitempty"`
	TransferOn      Date   `json:"transfer_on,omitzero"`
}

func shared(r *Request) sharedRequest {
	return sharedRequest{ID: r.ID, Type: r.Type, RequestingState: r.RequestingState, RequestedState: r.RequestedState,
		ApplicantRef: r.ApplicantRef, Basis: r.Basis, SentOn: r.SentOn, ReplyDeadline: r.ReplyDeadline, Status: r.Status,
		TransferStatus: r.TransferStatus, TransferOn: r.TransferOn}
}

// GetRequest returns a request to either of its two states; the requested state does not
// see the requesting state's case id. Anyone else gets NotFound, audited.
func (s *Service) GetRequest(ctx context.Context, id string) (Request, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermDublinRead); err != nil {
		return Request{}, err
	}
	r, err := getRequest(ctx, s.db.Reader(), id)
	if err != nil {
		return r, err
	}
	if err := s.partyOf(ctx, p, &r); err != nil {
		return Request{}, err
	}
	fillDaysLeft(&r, s.Today())
	err = s.audit.RecordNow(ctx, audit.Event{Action: "dublin.request.read", ObjectType: requestObject, ObjectID: r.ID,
		OwnerOrg: r.RequestingState})
	return r, err
}

// partyOf checks that p belongs to one of the request's two states and hides the case id
// from the requested state.
func (s *Service) partyOf(ctx context.Context, p authz.Principal, r *Request) error {
	switch {
	case p.Kind == authz.KindSystem || p.Org == r.RequestingState:
		return nil
	case p.Org == r.RequestedState:
		r.CaseID = ""
		return nil
	}
	ev := audit.Event{Action: "dublin.request.read", ObjectType: requestObject, ObjectID: r.ID, OwnerOrg: r.RequestingState,
		Outcome: audit.OutcomeDenied, Detail: map[string]any{"reason": "not a party to the request"}}
	if err := s.audit.RecordNow(ctx, ev); err != nil {
		return err
	}
	return errs.NotFound("dublin request %s not found", r.ID)
}

// ListRequests pages through the requests the caller's state received (incoming) or sent
// (outgoing), with the time left to reply or to transfer.
func (s *Service) ListRequests(ctx context.Context, direction string, activeOnly bool, cursor string, limit int) ([]Request, string, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermDublinRead); err != nil {
		return nil, "", err
	}
	if direction != Incoming && direction != Outgoing {
		return nil, "", errs.Field("direction", `must be "incoming" or "outgoing"`)
	}
	out, next, err := listRequests(ctx, s.db.Reader(), p.Org, direction, activeOnly, cursor, clampLimit(limit))
	if err != nil {
		return nil, "", err
	}
	today := s.Today()
	for i := range out {
		if direction == Incoming {
			out[i].CaseID = ""
		}
		fillDaysLeft(&out[i], today)
	}
	err = s.audit.RecordNow(ctx, audit.Event{Action: "dublin.request.list", ObjectType: requestObject, ObjectID: direction,
		OwnerOrg: p.Org, Detail: map[string]any{"count": len(out)}})
	return out, next, err
}
