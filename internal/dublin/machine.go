package dublin

import (
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// State is the stage of a Dublin case in the requesting state's unit (dublin.md section 5).
type State string

// The states of a case. CEASED is an addition to the section 5 diagram: the end of the
// obligations under Art 19(2)-(3), reached on left_territory or removed.
const (
	Lodged            State = "LODGED"
	Determining       State = "DETERMINING"
	ResponsibleSelf   State = "RESPONSIBLE_SELF"
	RequestSent       State = "REQUEST_SENT"
	AcceptedExplicit  State = "ACCEPTED_EXPLICIT"
	AcceptedImplicit  State = "ACCEPTED_IMPLICIT"
	Refused           State = "REFUSED"
	ReexamRequested   State = "REEXAM_REQUESTED"
	RefusedFinal      State = "REFUSED_FINAL"
	TransferPending   State = "TRANSFER_PENDING"
	SuspendedByAppeal State = "SUSPENDED_BY_APPEAL"
	Transferred       State = "TRANSFERRED"
	Expired           State = "EXPIRED"
	Ceased            State = "CEASED"
)

// EventKind names what happened to a case.
type EventKind string

// The events of section 5, with those the timers raise (deadline_passed for implicit
// acceptance, re-examination and transfer periods) and the unit's own steps.
const (
	EvDeterminationStarted EventKind = "determination_started"
	EvDeterminedSelf       EventKind = "determined_self"
	EvRequestSent          EventKind = "request_sent"
	EvRequestReceived      EventKind = "request_received"
	EvReply                EventKind = "reply"
	EvReplyDeadlinePassed  EventKind = "reply_deadline_passed"
	EvReexamRequested      EventKind = "re_examination_requested"
	EvReexamAnswer         EventKind = "re_examination_answer"
	EvReexamClosed         EventKind = "re_examination_closed"
	EvTransferScheduled    EventKind = "transfer_scheduled"
	EvAppeal               EventKind = "appeal"
	EvAppealFinal          EventKind = "appeal_final"
	EvAbsconded            EventKind = "absconded"
	EvImprisoned           EventKind = "imprisoned"
	EvExtensionNotified    EventKind = "extension_notified"
	EvTransferred          EventKind = "transferred"
	EvTransferPeriodLapsed EventKind = "transfer_period_lapsed"
	EvLeftTerritory        EventKind = "left_territory"
	EvRemoved              EventKind = "removed"
	EvResidenceDocument    EventKind = "residence_document_issued"
)

// Event is one thing that happened to a case, on a civil date.
type Event struct {
	Kind       EventKind `json:"kind"`
	On         Date      `json:"on"`
	Decision   string    `json:"decision,omitempty"`          // reply, re_examination_answer: accept or refuse
	Suspensive bool      `json:"suspensive_effect,omitempty"` // appeal (Art 27(3))
	Reason     string    `json:"reason,omitempty"`            // extension_notified: imprisonment or absconding
	Upheld     bool      `json:"transfer_upheld,omitempty"`   // appeal_final: the transfer decision stands
}

// Validate checks the event's own fields.
func (e Event) Validate() error {
	var v errs.Validation
	if e.On.IsZero() {
		v.Add("on", "required: the date of the event")
	}
	switch e.Kind {
	case EvReply, EvReexamAnswer:
		v.Check(e.Decision == Accept || e.Decision == Refuse, "decision", `must be "accept" or "refuse"`)
	case EvExtensionNotified:
		v.Check(e.Reason == Imprisonment || e.Reason == Absconding, "reason", `must be "imprisonment" or "absconding" (Art 29(2))`)
	case "":
		v.Add("kind", "required")
	}
	return v.Err()
}

// transition is one arrow of the diagram; decision narrows reply events.
type transition struct {
	from     State
	event    EventKind
	decision string
	to       State
}

// transitions is the state machine of section 5. Art 19(2)-(3) (left_territory, removed)
// and Art 19(1) (residence_document_issued) may end any open case; they are added by Next.
func transitions() []transition {
	return []transition{
		{Lodged, EvDeterminationStarted, "", Determining},
		{Determining, EvDeterminedSelf, "", ResponsibleSelf},
		{Determining, EvRequestSent, "", RequestSent},
		{RequestSent, EvRequestReceived, "", RequestSent},
		{RequestSent, EvReply, Accept, AcceptedExplicit},
		{RequestSent, EvReply, Refuse, Refused},
		{RequestSent, EvReplyDeadlinePassed, "", AcceptedImplicit}, // Arts 22(7), 25(2), 28(3)
		{Refused, EvReexamRequested, "", ReexamRequested},          // Reg 1560/2003 Art 5(2)
		{Refused, EvReexamClosed, "", RefusedFinal},
		{ReexamRequested, EvReexamAnswer, Accept, AcceptedExplicit},
		{ReexamRequested, EvReexamAnswer, Refuse, RefusedFinal},
		{ReexamRequested, EvReexamClosed, "", RefusedFinal}, // silence is no acceptance (C-47/17)
		{RefusedFinal, EvDeterminedSelf, "", ResponsibleSelf},
		{RefusedFinal, EvRequestSent, "", RequestSent}, // a new request still in time (C-47/17)
		{AcceptedExplicit, EvTransferScheduled, "", TransferPending},
		{AcceptedImplicit, EvTransferScheduled, "", TransferPending},
		{TransferPending, EvAppeal, "suspensive", SuspendedByAppeal}, // Art 27(3)
		{TransferPending, EvAppeal, "", TransferPending},
		{SuspendedByAppeal, EvAppealFinal, "upheld", TransferPending}, // Art 29(1): the period restarts
		{SuspendedByAppeal, EvAppealFinal, "", ResponsibleSelf},       // transfer decision annulled
		{TransferPending, EvAbsconded, "", TransferPending},
		{TransferPending, EvImprisoned, "", TransferPending},
		{TransferPending, EvExtensionNotified, "", TransferPending}, // Art 29(2)
		{TransferPending, EvTransferred, "", Transferred},
		{TransferPending, EvTransferPeriodLapsed, "", Expired}, // Art 29(2)
		{Expired, EvDeterminedSelf, "", ResponsibleSelf},
	}
}

// Terminal reports whether the Dublin procedure is over in s; only the Art 19 events
// (left_territory, removed, residence_document_issued) still apply to RESPONSIBLE_SELF.
func (s State) Terminal() bool { return s == ResponsibleSelf || s == Transferred || s == Ceased }

// Next returns the state a case in state s reaches on event e, or a Conflict error when
// the event is not allowed there (an Invalid error when the event itself is malformed).
func Next(s State, e Event) (State, error) {
	if err := e.Validate(); err != nil {
		return s, fmt.Errorf("dublin: event %s: %w", e.Kind, err)
	}
	if s != Transferred && s != Ceased {
		switch e.Kind {
		case EvLeftTerritory, EvRemoved:
			return Ceased, nil // Art 19(2)-(3)
		case EvResidenceDocument:
			return ResponsibleSelf, nil // Art 19(1): the issuing state takes over
		}
	}
	narrow := e.Decision
	switch {
	case e.Kind == EvAppeal && e.Suspensive:
		narrow = "suspensive"
	case e.Kind == EvAppealFinal && e.Upheld:
		narrow = "upheld"
	}
	for _, t := range transitions() {
		if t.from == s && t.event == e.Kind && t.decision == narrow {
			return t.to, nil
		}
	}
	return s, errs.Conflict("dublin: event %s is not allowed in state %s", e.Kind, s)
}

// Replay applies events in order from LODGED and returns the final state, stopping at the
// first event that is not allowed or is dated before the previous one.
func Replay(events []Event) (State, error) {
	s := Lodged
	var last Date
	for i, e := range events {
		if !e.On.IsZero() && e.On.Before(last) {
			return s, errs.Field(fmt.Sprintf("events[%d].on", i), fmt.Sprintf("%s is before the previous event (%s)", e.On, last))
		}
		next, err := Next(s, e)
		if err != nil {
			return s, fmt.Errorf("events[%d]: %w", i, err)
		}
		s, last = next, e.On
	}
	return s, nil
}
