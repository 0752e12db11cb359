package solidarity

import (
	"fmt"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/refdata"
	"github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// Regimes of a solidarity cycle.
const (
	// RegimeVSM2022 is the one-year voluntary mechanism of the Solidarity Declaration of
	// 22 June 2022 (non-legislative; pledges run for one year).
	RegimeVSM2022 = "vsm2022"
	// RegimePact2024 is the Annual Solidarity Pool of Reg. (EU) 2024/1351 (Arts 12, 13, 57).
	RegimePact2024 = "pact2024"
)

// Pact2024 minimum pool (Art 12(2) of Reg. (EU) 2024/1351): at least 30,000 relocations and
// EUR 600 million a year; the reported equivalence of EUR 20,000 per relocation is used to
// value financial contributions in relocations for the Pact only (solidarity.md §3: its
// article is unverified, and no such figure exists for 2022, so none is applied there).
const (
	PactMinRelocations   = 30000
	PactMinFinancialEUR  = 600_000_000
	PactEURPerRelocation = 20000
	DefaultVSM2022Target = 10000 // Solidarity Platform, 27 June 2022
)

// Participant roles in a cycle.
const (
	RoleContributor = "contributor" // pledges relocations, money or support
	RoleBeneficiary = "beneficiary" // first-entry state whose needs are declared
)

// Pledge forms: relocation is preferred; financial and operational support are the
// alternatives (2022 declaration; Art 56(2) Reg. 2024/1351: measures of equal value).
const (
	FormRelocation  = "relocation"
	FormFinancial   = "financial"
	FormOperational = "operational"
)

// Pledge statuses; a financial pledge goes pledged -> committed -> paid (solidarity.md §1).
const (
	PledgePledged   = "pledged"
	PledgeCommitted = "committed"
	PledgePaid      = "paid"
	PledgeWithdrawn = "withdrawn"
)

// Offset kinds: an offset credits a state with what it already does; a deduction reduces
// the contribution of a state under migratory pressure (Reg. 2024/1351, deductions).
const (
	OffsetOffset    = "offset"
	OffsetDeduction = "deduction"
)

// Cycle is one round of solidarity: the 2022 one-year mechanism or one annual pool.
type Cycle struct {
	ID                string    `json:"id"`
	Code              string    `json:"code"`
	Name              string    `json:"name"`
	Regime            string    `json:"regime"`
	StartsOn          string    `json:"starts_on"`
	EndsOn            string    `json:"ends_on"`
	RelocationTarget  int64     `json:"relocation_target"`
	FinancialFloorEUR int64     `json:"financial_floor_eur"`
	EURPerRelocation  int64     `json:"eur_per_relocation"`
	CreatedAt         time.Time `json:"created_at"`
}

// Validate checks the cycle; the Pact pool may not be below its Art 12(2) minimum.
func (c *Cycle) Validate() error {
	var v errs.Validation
	v.Check(validCode(c.Code), "code", "1 to 40 letters, digits, '-', '_' or '.'")
	v.Check(c.Name != "", "name", "required")
	v.Check(c.Regime == RegimeVSM2022 || c.Regime == RegimePact2024, "regime", "must be vsm2022 or pact2024")
	s, e := checkDate(&v, "starts_on", c.StartsOn), checkDate(&v, "ends_on", c.EndsOn)
	if !s.IsZero() && !e.IsZero() && !s.Before(e) {
		v.Add("ends_on", "must be after starts_on")
	}
	v.Check(c.RelocationTarget > 0, "relocation_target", "must be positive")
	v.Check(c.FinancialFloorEUR >= 0 && c.EURPerRelocation >= 0, "financial_floor_eur", "amounts must not be negative")
	if c.Regime == RegimePact2024 {
		v.Check(c.RelocationTarget >= PactMinRelocations, "relocation_target", "the annual pool holds at least 30,000 relocations (Art 12(2) Reg. 2024/1351)")
		v.Check(c.FinancialFloorEUR >= PactMinFinancialEUR, "financial_floor_eur", "the annual pool holds at least EUR 600 million (Art 12(2) Reg. 2024/1351)")
	}
	return v.Err()
}

// ParticipantInput adds a state to a cycle.
type ParticipantInput struct {
	State    string `json:"state"`
	Role     string `json:"role" enum:"contributor,beneficiary"`
	JoinedOn string `json:"joined_on,omitempty"`
}

// Validate checks the state and role.
func (p *ParticipantInput) Validate() error {
	var v errs.Validation
	v.Check(refdata.IsStateCode(p.State), "state", "unknown state "+quoted(p.State))
	v.Check(p.Role == RoleContributor || p.Role == RoleBeneficiary, "role", "must be contributor or beneficiary")
	checkDate(&v, "joined_on", p.JoinedOn)
	return v.Err()
}

// RelocationPlace is a region a state offers places in, with its special capacity
// (unaccompanied minors, medical needs) and context for the score.
type RelocationPlace struct {
	Region           string  `json:"region"`
	Capacity         int     `json:"capacity"`
	UAMCapacity      int     `json:"uam_capacity,omitempty"`
	MedicalCapacity  int     `json:"medical_capacity,omitempty"`
	Urban            bool    `json:"urban,omitempty"`
	UnemploymentRate float64 `json:"unemployment_rate,omitempty"`
}

// Preferences a contributor may state (2022 declaration, common criterion 5): nationality,
// vulnerability, beneficiary state. Empty lists mean no restriction.
type Preferences struct {
	Nationalities     []string `json:"nationalities,omitempty"`
	BeneficiaryStates []string `json:"beneficiary_states,omitempty"`
	VulnerableOnly    bool     `json:"vulnerable_only,omitempty"`
}

// PledgeDetail is the structured part of a relocation pledge.
type PledgeDetail struct {
	Places      []RelocationPlace `json:"places,omitempty"`
	Preferences Preferences       `json:"preferences,omitempty"`
}

// Pledge is a state's commitment in one form.
type Pledge struct {
	ID          string       `json:"id"`
	CycleID     string       `json:"cycle_id"`
	State       string       `json:"state"`
	Form        string       `json:"form"`
	Relocations int64        `json:"relocations"`
	AmountEUR   int64        `json:"amount_eur"`
	PaidEUR     int64        `json:"paid_eur"`
	Status      string       `json:"status"`
	Description string       `json:"description"`
	Detail      PledgeDetail `json:"detail"`
	// Synthetic marks an amount that was not published (the demo's stand-in figures).
	Synthetic bool      `json:"synthetic"`
	PledgedOn string    `json:"pledged_on"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// PledgeInput records a pledge.
type PledgeInput struct {
	State       string       `json:"state"`
	Form        string       `json:"form" enum:"relocation,financial,operational"`
	Relocations int64        `json:"relocations,omitempty"`
	AmountEUR   int64        `json:"amount_eur,omitempty"`
	Committed   bool         `json:"committed,omitempty"`
	Description string       `json:"description,omitempty"`
	Detail      PledgeDetail `json:"detail,omitempty"`
	Synthetic   bool         `json:"synthetic,omitempty"`
	PledgedOn   string       `json:"pledged_on,omitempty"`
}

// Validate checks the pledge: a relocation pledge has persons and places that add up to it
// (when regions are given), a financial pledge an amount.
func (p *PledgeInput) Validate() error {
	var v errs.Validation
	v.Check(refdata.IsStateCode(p.State), "state", "unknown state "+quoted(p.State))
	checkDate(&v, "pledged_on", p.PledgedOn)
	v.Check(p.Relocations >= 0 && p.AmountEUR >= 0, "relocations", "figures must not be negative")
	switch p.Form {
	case FormRelocation:
		v.Check(p.Relocations > 0, "relocations", "a relocation pledge names at least one person")
		validatePlaces(&v, p.Detail.Places, p.Relocations)
	case FormFinancial:
		v.Check(p.AmountEUR > 0, "amount_eur", "a financial pledge names an amount")
	case FormOperational:
		v.Check(p.Description != "", "description", "say what support is offered")
	default:
		v.Add("form", "must be relocation, financial or operational")
	}
	for i, s := range p.Detail.Preferences.BeneficiaryStates {
		v.Check(refdata.IsStateCode(s), fmt.Sprintf("detail.preferences.beneficiary_states[%d]", i), "unknown state "+quoted(s))
	}
	return v.Err()
}

func validatePlaces(v *errs.Validation, ps []RelocationPlace, total int64) {
	var sum int64
	seen := map[string]bool{}
	for i, p := range ps {
		f := fmt.Sprintf("detail.places[%d]", i)
		v.Check(p.Region != "" && !seen[p.Region], f+".region", "required and unique")
		seen[p.Region] = true
		v.Check(p.Capacity > 0, f+".capacity", "must be positive")
		v.Check(p.UAMCapacity >= 0 && p.UAMCapacity <= p.Capacity, f+".uam_capacity", "within [0,capacity]")
		v.Check(p.MedicalCapacity >= 0 && p.MedicalCapacity <= p.Capacity, f+".medical_capacity", "within [0,capacity]")
		v.Check(p.UnemploymentRate >= 0 && p.UnemploymentRate <= 1, f+".unemployment_rate", "within [0,1]")
		sum += int64(p.Capacity)
	}
	if len(ps) > 0 && sum != total {
		v.Addf("detail.places", "capacities add up to %d, the pledge is %d", sum, total)
	}
}

// PaymentInput records money committed or paid on a financial pledge.
type PaymentInput struct {
	CommittedEUR int64 `json:"committed_eur,omitempty"`
	PaidEUR      int64 `json:"paid_eur,omitempty"`
}

// Need is the relocations a beneficiary state asks for (the Commission assesses the needs
// of first-entry states: COM(2022) 740).
type Need struct {
	ID          string `json:"id"`
	CycleID     string `json:"cycle_id"`
	State       string `json:"state"`
	Relocations int64  `json:"relocations"`
	DeclaredOn  string `json:"declared_on"`
	Note        string `json:"note"`
}

// Validate checks the need.
func (n *Need) Validate() error {
	var v errs.Validation
	v.Check(refdata.IsStateCode(n.State), "state", "unknown state "+quoted(n.State))
	v.Check(n.Relocations > 0, "relocations", "must be positive")
	checkDate(&v, "declared_on", n.DeclaredOn)
	return v.Err()
}

// Offset credits or deducts part of a state's contribution.
type Offset struct {
	ID          string `json:"id"`
	CycleID     string `json:"cycle_id"`
	State       string `json:"state"`
	Kind        string `json:"kind" enum:"offset,deduction"`
	Relocations int64  `json:"relocations"`
	AmountEUR   int64  `json:"amount_eur"`
	Reason      string `json:"reason"`
	GrantedOn   string `json:"granted_on"`
}

// Validate checks the offset.
func (o *Offset) Validate() error {
	var v errs.Validation
	v.Check(refdata.IsStateCode(o.State), "state", "unknown state "+quoted(o.State))
	v.Check(o.Kind == OffsetOffset || o.Kind == OffsetDeduction, "kind", "must be offset or deduction")
	v.Check(o.Relocations >= 0 && o.AmountEUR >= 0 && o.Relocations+o.AmountEUR > 0, "relocations", "give a positive number of relocations or an amount")
	v.Check(o.Reason != "", "reason", "required")
	checkDate(&v, "granted_on", o.GrantedOn)
	return v.Err()
}

func checkDate(v *errs.Validation, field, s string) timelimit.Date {
	d, err := timelimit.Parse(s)
	if err != nil {
		v.Add(field, "must be a date YYYY-MM-DD")
	}
	return d
}

// validCode keeps cycle codes safe in URLs and file names (the CSV export is named by it).
func validCode(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

func quoted(s string) string { return fmt.Sprintf("%q", s) }
