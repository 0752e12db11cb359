package dublin

import (
	"time"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Origins of a case: what brought the application to the Dublin unit.
const (
	OriginEurodacHit = "eurodac_hit"
	OriginDocument   = "document"
	OriginFamilyLink = "family_link"
	OriginOther      = "other"
)

// Origins lists the accepted case origins.
func Origins() []string {
	return []string{OriginEurodacHit, OriginDocument, OriginFamilyLink, OriginOther}
}

// CaseRecord is a stored case of a Dublin unit: the case file facts and what the engine made
// of them on the day of the last change. The owner is the unit's Member State.
type CaseRecord struct {
	ID               string         `json:"id"`
	OwnerOrg         string         `json:"owner_org"`
	ApplicantRef     string         `json:"applicant_ref"`
	Origin           string         `json:"origin"`
	LodgedOn         Date           `json:"lodged_on"`
	Stage            State          `json:"stage"`
	ResponsibleState string         `json:"responsible_state,omitempty"`
	Basis            string         `json:"basis,omitempty"`
	NextDeadline     Date           `json:"next_deadline,omitzero"`
	NextDeadlineKind string         `json:"next_deadline_kind,omitempty"`
	Case             Case           `json:"case"`
	Determination    *Determination `json:"determination,omitempty"`
	Deadlines        []Deadline     `json:"deadlines"`
	Request          *Request       `json:"request,omitempty"` // the active request, if any
	EvaluatedAt      *time.Time     `json:"evaluated_at,omitempty"`
	CreatedAt        time.Time      `json:"created_at"`
	UpdatedAt        time.Time      `json:"updated_at"`

	closedStage State
}

// NewCase is what a unit gives to open a case.
type NewCase struct {
	ApplicantRef string `json:"applicant_ref"`
	Origin       string `json:"origin"`
	Case         Case   `json:"case"`
}

// Validate checks the opening data; an empty applicant_ref is given one from the case id. The case file itself was validated by Decode or is
// validated here; requests are sent through the service, so the facts carry no procedure.
func (n NewCase) Validate() error {
	var v errs.Validation
	v.Check(len(n.ApplicantRef) <= 100, "applicant_ref", "at most 100 characters")
	switch n.Origin {
	case OriginEurodacHit, OriginDocument, OriginFamilyLink, OriginOther:
	default:
		v.Addf("origin", "must be one of eurodac_hit, document, family_link, other; got %q", n.Origin)
	}
	v.Merge("case", validateFacts(n.Case))
	return v.Err()
}

// validateFacts validates a case file that a unit stores: the dublin-case/v1 rules, and no
// procedure (requests, replies and transfers are recorded through the service).
func validateFacts(c Case) error {
	var v errs.Validation
	if c.Procedure != nil {
		v.Add("procedure", "requests are sent and answered through the Dublin service, not written into the facts")
	}
	v.Merge("", c.Validate())
	return v.Err()
}

// Deadline is one time limit of a case that is still open on the day it was computed.
type Deadline struct {
	Kind    string `json:"kind"`
	Date    Date   `json:"date"`
	Article string `json:"article"`
	// Party is the Member State that must act by Date.
	Party    string `json:"party"`
	DaysLeft int    `json:"days_left"`
}

// Deadline kinds.
const (
	DeadlineRequest       = "request"
	DeadlineReply         = "reply"
	DeadlineReexamRequest = "re_examination_request"
	DeadlineReexamAnswer  = "re_examination_answer"
	DeadlineTransfer      = "transfer"
)

// Request is a take charge or take back request as both states see it: the request, its
// basis and an evidence summary, the reply and the transfer, never the whole case file.
type Request struct {
	ID                 string `json:"id"`
	CaseID             string `json:"case_id,omitempty"` // only for the requesting state
	Type               string `json:"type"`
	RequestingState    string `json:"requesting_state"`
	RequestedState     string `json:"requested_state"`
	ApplicantRef       string `json:"applicant_ref"`
	Basis              string `json:"basis,omitempty"`
	EvidenceSummary    string `json:"evidence_summary,omitempty"`
	Urgent             bool   `json:"urgent,omitempty"`
	BasedOnEurodacHit  bool   `json:"based_on_eurodac_hit,omitempty"`
	SentOn             Date   `json:"sent_on"`
	ReceivedOn         Date   `json:"received_on"`
	ReplyDeadline      Date   `json:"reply_deadline,omitzero"`
	ReplyDaysLeft      *int   `json:"reply_days_left,omitempty"`
	ReplyDecision      string `json:"reply_decision,omitempty"`
	ReplyOn            Date   `json:"reply_on,omitzero"`
	ReplyReasons       string `json:"reply_reasons,omitempty"`
	ImplicitAcceptance bool   `json:"implicit_acceptance"`
	AcceptanceDate     Date   `json:"acceptance_date,omitzero"`
	ReexamRequestedOn  Date   `json:"re_examination_requested_on,omitzero"`
	ReexamDecision     string `json:"re_examination_decision,omitempty"`
	ReexamOn           Date   `json:"re_examination_on,omitzero"`
	TransferDeadline   Date   `json:"transfer_deadline,omitzero"`
	TransferDaysLeft   *int   `json:"transfer_days_left,omitempty"`
	TransferStatus     string `json:"transfer_status,omitempty"`
	TransferOn         Date   `json:"transfer_on,omitzero"`
	Status             State  `json:"status"`
	Active             bool   `json:"active"`
	// CreatedAt and UpdatedAt are when the platform stored the request and its last change.
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// NewRequest is what the requesting unit gives to send a request for one of its cases.
type NewRequest struct {
	Type              string `json:"type"`
	RequestedState    string `json:"requested_state"`
	Urgent            bool   `json:"urgent,omitempty"`
	BasedOnEurodacHit bool   `json:"based_on_eurodac_hit,omitempty"`
	RequestedReplyBy  Date   `json:"requested_reply_by,omitzero"`
	SentOn            Date   `json:"sent_on,omitzero"` // default: today
	Basis             string `json:"basis,omitempty"`  // default: the determination's basis
	EvidenceSummary   string `json:"evidence_summary,omitempty"`
}

// Validate checks the request's own fields.
func (n NewRequest) Validate() error {
	var v errs.Validation
	switch n.Type {
	case TakeCharge, TakeBack, TakeBackNoNewApplication:
	default:
		v.Addf("type", "must be %q, %q or %q, got %q", TakeCharge, TakeBack, TakeBackNoNewApplication, n.Type)
	}
	reqState(&v, "requested_state", n.RequestedState)
	v.Check(len(n.EvidenceSummary) <= 4000, "evidence_summary", "at most 4000 characters")
	v.Check(len(n.Basis) <= 200, "basis", "at most 200 characters")
	return v.Err()
}

// ReplyInput is the requested state's answer to a request or to a re-examination.
type ReplyInput struct {
	Decision string `json:"decision"`
	On       Date   `json:"on,omitzero"` // default: today
	Reasons  string `json:"reasons,omitempty"`
}

// Validate checks the reply; a refusal states its reasons (Reg 1560/2003 Art 5(1)).
func (r ReplyInput) Validate() error {
	var v errs.Validation
	v.Check(r.Decision == Accept || r.Decision == Refuse, "decision", `must be "accept" or "refuse"`)
	if r.Decision == Refuse && r.Reasons == "" {
		v.Add("reasons", "required for a refusal: the full reasons (Reg 1560/2003 Art 5(1))")
	}
	v.Check(len(r.Reasons) <= 4000, "reasons", "at most 4000 characters")
	return v.Err()
}

// Transfer actions.
const (
	TransferSchedule   = "schedule"
	TransferCarriedOut = "carried_out"
	TransferCancel     = "cancelled"
	TransferFailed     = "failed"
)

// TransferInput is a step of the transfer of an accepted request (Art 29).
type TransferInput struct {
	Action string `json:"action"`
	// On is the planned day (schedule) or the day it happened; default today.
	On Date `json:"on,omitzero"`
	// Reason of a failure: "absconding" (default; 18 months) or "imprisonment" (12 months),
	// notified to the responsible state on On (Art 29(2)).
	Reason string `json:"reason,omitempty"`
}

// Validate checks the transfer step.
func (t TransferInput) Validate() error {
	var v errs.Validation
	switch t.Action {
	case TransferSchedule, TransferCarriedOut, TransferCancel, TransferFailed:
	default:
		v.Addf("action", "must be schedule, carried_out, cancelled or failed; got %q", t.Action)
	}
	if t.Reason != "" && t.Reason != Absconding && t.Reason != Imprisonment {
		v.Add("reason", `must be "absconding" or "imprisonment" (Art 29(2))`)
	}
	return v.Err()
}

// EventInput is a fact the owning unit records on a case: an appeal and its outcome, an
// extension, absconding, or an Art 19 event.
type EventInput struct {
	Kind       EventKind `json:"kind"`
	On         Date      `json:"on,omitzero"` // default: today
	Suspensive bool      `json:"suspensive_effect,omitempty"`
	Upheld     bool      `json:"transfer_upheld,omitempty"`
	Reason     string    `json:"reason,omitempty"`
	Note       string    `json:"note,omitempty"`
}

// CaseEvent is one line of a case's history.
type CaseEvent struct {
	ID        string         `json:"id"`
	CaseID    string         `json:"case_id"`
	Kind      string         `json:"kind"`
	On        Date           `json:"on"`
	Stage     State          `json:"stage"`
	Detail    map[string]any `json:"detail,omitempty"`
	Actor     string         `json:"actor"`
	ActorOrg  string         `json:"actor_org"`
	CreatedAt time.Time      `json:"created_at"`
}
