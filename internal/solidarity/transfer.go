package solidarity

import (
	"time"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Transfer statuses: a transfer is scheduled, then carried out (the persons are deducted
// from the receiving state's pledge), failed or cancelled.
const (
	TransferScheduled  = "scheduled"
	TransferCarriedOut = "carried_out"
	TransferFailed     = "failed"
	TransferCancelled  = "cancelled"
)

// Transfer moves an accepted household from its beneficiary to its receiving state. It
// holds only what travel organisers need: the reference, the states, persons and dates.
type Transfer struct {
	ID           string    `json:"id"`
	CycleID      string    `json:"cycle_id"`
	CandidateID  string    `json:"candidate_id"`
	CandidateRef string    `json:"candidate_ref"`
	FromState    string    `json:"from_state"`
	ToState      string    `json:"to_state"`
	Persons      int       `json:"persons"`
	Status       string    `json:"status"`
	ScheduledOn  string    `json:"scheduled_on"`
	CarriedOutOn string    `json:"carried_out_on,omitempty"`
	ClosedOn     string    `json:"closed_on,omitempty"`
	Reason       string    `json:"reason,omitempty"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// TransferAction is what happens to a scheduled transfer.
type TransferAction struct {
	Action string `json:"action" enum:"carry_out,fail,cancel,reschedule"`
	On     string `json:"on"`
	Reason string `json:"reason,omitempty"`
}

// Validate checks the action; a failure says why.
func (a *TransferAction) Validate() error {
	var v errs.Validation
	switch a.Action {
	case "carry_out", "cancel", "reschedule":
	case "fail":
		v.Check(a.Reason != "", "reason", "say why the transfer failed")
	default:
		v.Add("action", "must be carry_out, fail, cancel or reschedule")
	}
	checkDate(&v, "on", a.On)
	return v.Err()
}

// apply moves a scheduled transfer on; only a scheduled transfer can change.
func (t *Transfer) apply(a TransferAction) error {
	if t.Status != TransferScheduled {
		return errs.Conflict("solidarity: transfer %s is %s, only a scheduled transfer can change", t.ID, t.Status)
	}
	if a.Action == "carry_out" && a.On < t.ScheduledOn {
		return errs.Field("on", "a transfer cannot be carried out before it was scheduled ("+t.ScheduledOn+")")
	}
	switch a.Action {
	case "carry_out":
		t.Status, t.CarriedOutOn, t.ClosedOn = TransferCarriedOut, a.On, a.On
	case "fail":
		t.Status, t.ClosedOn, t.Reason = TransferFailed, a.On, a.Reason
	case "cancel":
		t.Status, t.ClosedOn, t.Reason = TransferCancelled, a.On, a.Reason
	case "reschedule":
		t.ScheduledOn = a.On
	}
	return nil
}
