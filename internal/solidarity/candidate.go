package solidarity

import (
	"fmt"
	"slices"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/refdata"
)

// Step is where a relocation candidate stands. The order follows the 2022 mechanism's
// lifecycle (solidarity.md §1): EUAA identifies, informs and interviews candidates, the
// beneficiary state runs the security check, the matching proposes a receiving state, which
// accepts, and the transfer is carried out; a candidate may withdraw before transfer.
type Step string

// The steps.
const (
	StepIdentified      Step = "identified"
	StepInformed        Step = "informed"
	StepConsented       Step = "consented"
	StepInterviewed     Step = "interviewed"
	StepSecurityChecked Step = "security_checked"
	StepMatched         Step = "matched"
	StepAccepted        Step = "accepted"
	StepTransferred     Step = "transferred"
	StepWithdrawn       Step = "withdrawn"
)

// Steps lists the steps in order, withdrawn last.
func Steps() []Step {
	return []Step{StepIdentified, StepInformed, StepConsented, StepInterviewed, StepSecurityChecked,
		StepMatched, StepAccepted, StepTransferred, StepWithdrawn}
}

// stepIndex is the position of s in the forward order, -1 for withdrawn or unknown.
func stepIndex(s Step) int {
	i := slices.Index(Steps(), s)
	if s == StepWithdrawn {
		return -1
	}
	return i
}

// NextAllowed reports whether a candidate at from may move to to: one step forward, or
// withdrawn from any step before transferred. A candidate who withdrew or was transferred
// stays there.
func NextAllowed(from, to Step) bool {
	if from == StepWithdrawn || from == StepTransferred {
		return false
	}
	if to == StepWithdrawn {
		return true
	}
	f, t := stepIndex(from), stepIndex(to)
	return f >= 0 && t == f+1
}

// Ready reports whether a candidate may enter a matching run: eligible, consented,
// interviewed and security-checked, not yet matched.
func (c *Candidate) Ready() bool { return c.Eligible && c.Step == StepSecurityChecked }

// Profile is the personal part of a candidate record: the household, which moves together
// (the 2022 declaration; relocation keeps families together), its vulnerabilities,
// languages, education, a family link in a pledging state and the candidate's own wishes.
type Profile struct {
	Members            []Member `json:"members"`
	VulnerabilityFlags []string `json:"vulnerability_flags,omitempty"`
	FamilyLinkState    string   `json:"family_link_state,omitempty"`
	// PreferredStates are the candidate's own wishes; honoured as a hard constraint only
	// when HardPreference is set (the instance's hard_preference_states).
	PreferredStates []string `json:"preferred_states,omitempty"`
	HardPreference  bool     `json:"hard_preference,omitempty"`
	Notes           string   `json:"notes,omitempty"`
}

// Candidate is a household proposed for relocation, owned by its beneficiary state.
type Candidate struct {
	ID           string       `json:"id"`
	OwnerOrg     string       `json:"owner_org"`
	CycleID      string       `json:"cycle_id"`
	Ref          string       `json:"ref"`
	Nationality  string       `json:"nationality"`
	Size         int          `json:"size"`
	Vulnerable   bool         `json:"vulnerable"`
	Eligible     bool         `json:"eligible"`
	Step         Step         `json:"step"`
	StepOn       string       `json:"step_on"`
	MatchedState string       `json:"matched_state,omitempty"`
	MatchedPlace string       `json:"matched_place,omitempty"`
	RunID        string       `json:"run_id,omitempty"`
	Profile      Profile      `json:"profile"`
	History      []StepRecord `json:"history,omitempty"`
	CreatedAt    time.Time    `json:"created_at"`
	UpdatedAt    time.Time    `json:"updated_at"`
}

// StepRecord is one step taken, with its date and actor.
type StepRecord struct {
	Step     Step      `json:"step"`
	On       string    `json:"on"`
	Actor    string    `json:"actor"`
	ActorOrg string    `json:"actor_org"`
	Note     string    `json:"note,omitempty"`
	At       time.Time `json:"at"`
}

// CandidateInput proposes a household for relocation.
type CandidateInput struct {
	CycleID     string  `json:"cycle_id"`
	Ref         string  `json:"ref"`
	Nationality string  `json:"nationality"`
	Eligible    *bool   `json:"eligible,omitempty"`
	Profile     Profile `json:"profile"`
	// IdentifiedOn is the date of the first step.
	IdentifiedOn string `json:"identified_on"`
}

// Validate checks the household: at least one member, known codes, and the family link in a
// state.
func (in *CandidateInput) Validate() error {
	var v errs.Validation
	v.Check(in.CycleID != "", "cycle_id", "required")
	v.Check(in.Ref != "" && len(in.Ref) <= 64, "ref", "required, at most 64 characters")
	if _, ok := refdata.CountryByCode(in.Nationality); !ok {
		v.Add("nationality", "unknown ISO 3166-1 alpha-2 code "+quoted(in.Nationality))
	}
	checkDate(&v, "identified_on", in.IdentifiedOn)
	p := &in.Profile
	v.Check(len(p.Members) >= 1 && len(p.Members) <= 20, "profile.members", "a household has 1 to 20 members")
	for i, m := range p.Members {
		f := fmt.Sprintf("profile.members[%d]", i)
		v.Check(slices.Contains(ageGroups, m.AgeGroup), f+".age_group", "one of 0-17, 18-25, 26-45, 46-64, 65+")
		v.Check(m.Sex == "F" || m.Sex == "M" || m.Sex == "X", f+".sex", "F, M or X")
		if m.Education != nil {
			v.Check(slices.Contains(educations, *m.Education), f+".education", "none, primary, secondary or tertiary")
		}
		v.Check(!m.UnaccompaniedMinor || m.AgeGroup == "0-17", f+".unaccompanied_minor", "only a member aged 0-17")
	}
	if p.FamilyLinkState != "" {
		v.Check(refdata.IsStateCode(p.FamilyLinkState), "profile.family_link_state", "unknown state "+quoted(p.FamilyLinkState))
	}
	for i, s := range p.PreferredStates {
		v.Check(refdata.IsStateCode(s), fmt.Sprintf("profile.preferred_states[%d]", i), "unknown state "+quoted(s))
	}
	return v.Err()
}

// Employable counts the members aged 18-64, the ones the integration score is about.
func (p *Profile) Employable() int {
	n := 0
	for _, m := range p.Members {
		if m.AgeGroup != "0-17" && m.AgeGroup != "65+" {
			n++
		}
	}
	return n
}

// vulnerable reports the vulnerable households placed first (2022 declaration, criterion
// 1): an unaccompanied minor, medical needs, a single parent, an older person, or a flag.
func (p *Profile) vulnerable() bool {
	if len(p.VulnerabilityFlags) > 0 {
		return true
	}
	adults := 0
	for _, m := range p.Members {
		if m.UnaccompaniedMinor || m.MedicalNeeds || m.AgeGroup == "65+" {
			return true
		}
		if m.AgeGroup != "0-17" {
			adults++
		}
	}
	return adults == 1 && len(p.Members) > 1
}

// StepInput moves a candidate to a step.
type StepInput struct {
	Step Step   `json:"step"`
	On   string `json:"on"`
	Note string `json:"note,omitempty"`
}

// Validate checks the step and date.
func (s *StepInput) Validate() error {
	var v errs.Validation
	v.Check(slices.Contains(Steps(), s.Step), "step", "unknown step "+quoted(string(s.Step)))
	checkDate(&v, "on", s.On)
	v.Check(len(s.Note) <= 2000, "note", "at most 2000 characters")
	return v.Err()
}
