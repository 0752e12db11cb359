package solidarity

import (
	"encoding/json"
	"time"
)

// Run statuses: a run is proposed; a coordinator accepts one, which supersedes the others of
// the cycle still proposed.
const (
	RunProposed   = "proposed"
	RunAccepted   = "accepted"
	RunSuperseded = "superseded"
)

// RunInput asks for a matching run on a cycle's ledger and ready candidates.
type RunInput struct {
	// FloorFraction is each state's floor over its open places (0 = no floor).
	FloorFraction float64   `json:"floor_fraction,omitempty" minimum:"0" maximum:"1"`
	Overrides     Overrides `json:"overrides,omitempty"`
	// VulnerableOptional runs the round without making vulnerable households mandatory: the
	// coordinator's choice when they outnumber the special capacity and the round is
	// infeasible (the run then says which constraint binds).
	VulnerableOptional bool `json:"vulnerable_optional,omitempty"`
	// TimeLimit is the seconds the optimiser may use (default 10, at most 60).
	TimeLimit float64 `json:"time_limit,omitempty" minimum:"0" maximum:"60"`
}

// Run is a stored matching run: its inputs (the instance and the overrides) and its
// result, so the decision can be replayed.
type Run struct {
	ID         string          `json:"id"`
	CycleID    string          `json:"cycle_id"`
	Status     string          `json:"status"`
	CreatedBy  string          `json:"created_by"`
	CreatedOrg string          `json:"created_org"`
	Instance   json.RawMessage `json:"instance,omitempty"`
	Overrides  Overrides       `json:"overrides"`
	Result     RunResult       `json:"result"`
	Cases      int             `json:"cases"`
	Placed     int             `json:"placed"`
	AcceptedBy string          `json:"accepted_by,omitempty"`
	AcceptedAt *time.Time      `json:"accepted_at,omitempty"`
	CreatedAt  time.Time       `json:"created_at"`
}

// RunResult is what Match answered: the assignment in the exchange format, the status and
// the explanation of each case.
type RunResult struct {
	Status       string        `json:"status"`
	Solution     Assignment    `json:"solution"`
	Explanations []Explanation `json:"explanations"`
	// Excluded are the ready households the round left out, with the reason.
	Excluded []Excluded `json:"excluded,omitempty"`
}
