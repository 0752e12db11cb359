package dublin

import (
	"fmt"
	"strings"
)

// Determination is the answer to a case file (dublin-case/v1 output): the responsible
// state with the deciding article, the reasoning trail, and every deadline and flag that
// applies on the as_of day.
type Determination struct {
	ResponsibleState               *string            `json:"responsible_state"`
	Basis                          string             `json:"basis,omitempty"`
	Reasoning                      []string           `json:"reasoning"`
	IndividualOutcomes             map[string]*string `json:"individual_outcomes,omitempty"`
	RequestDeadline                Date               `json:"request_deadline,omitzero"`
	RequestInTime                  *bool              `json:"request_in_time,omitempty"`
	RequestDeadlineAfterRelease    Date               `json:"request_deadline_after_release,omitzero"`
	ReplyDeadline                  Date               `json:"reply_deadline,omitzero"`
	ImplicitAcceptance             *bool              `json:"implicit_acceptance,omitempty"`
	AcceptanceDate                 Date               `json:"acceptance_date,omitzero"`
	ReExaminationRequestDeadline   Date               `json:"re_examination_request_deadline,omitzero"`
	ReExaminationAnswerDeadline    Date               `json:"re_examination_answer_deadline,omitzero"`
	TransferDeadline               Date               `json:"transfer_deadline,omitzero"`
	TransferDeadlineAfterRelease   Date               `json:"transfer_deadline_after_release,omitzero"`
	ResponsibilityShifted          *bool              `json:"responsibility_shifted,omitempty"`
	Transferred                    *bool              `json:"transferred,omitempty"`
	IrregularEntryCriterionEnds    Date               `json:"irregular_entry_criterion_ends,omitzero"`
	VisaExpiryPlus6Months          Date               `json:"visa_expiry_plus_6_months,omitzero"`
	PreviousStateObligationsCeased *bool              `json:"previous_state_obligations_ceased,omitempty"`
	Consequence                    string             `json:"consequence,omitempty"`
	FamilyEvidenceConsidered       *bool              `json:"family_evidence_considered,omitempty"`
	DiscretionaryClauses           string             `json:"discretionary_clauses"`
	// Stage places the case in the state machine of dublin.md section 5 on the as_of day.
	Stage State `json:"stage"`
}

// discretionNote is recorded on every determination: Arts 16 and 17 are decisions of an
// officer, never of the engine.
const discretionNote = "Arts 16 and 17 (dependent persons, sovereignty and humanitarian clauses) are discretionary decisions of an officer and were not exercised"

// Determine answers the case on its as_of day: the criteria of Chapter III at the decisive
// moment, then the procedure (Arts 21-25, 28, 29) and the cessation rules (Art 19). It
// never panics on a case that Decode accepted, and tolerates unvalidated ones.
func Determine(c Case) Determination {
	var d Determination
	d.DiscretionaryClauses = discretionNote
	if c.Application.LodgedOn.IsZero() && len(c.Applicants) > 0 && c.Applicants[0].Application != nil {
		c.Application = *c.Applicants[0].Application
	}
	fresh := art19Fresh(&c)
	if fresh.ceased {
		d.PreviousStateObligationsCeased, d.Consequence = boolp(true), fresh.consequence
		d.Reasoning = append(d.Reasoning, fresh.consequence)
	} else if len(c.PreviousApplications) > 0 {
		d.PreviousStateObligationsCeased = boolp(false)
	}
	var t *timers
	if p := c.Procedure; p != nil {
		tt := procedureTimers(&c, p, c.Application.LodgedOn, c.AsOf)
		t = &tt
	}
	acceptance := Date{}
	if t != nil && t.accepted {
		acceptance = t.acceptance
	}
	o, n := criteriaOutcome(&c, acceptance, fresh.ceased, &d)
	d.Reasoning = append(d.Reasoning, o.trail...)
	d.IrregularEntryCriterionEnds, d.VisaExpiryPlus6Months = n.irregularEnds, n.visaPlus6
	if len(c.Family) > 0 || n.evidenceConsidered != nil {
		d.FamilyEvidenceConsidered = boolp(n.evidenceConsidered == nil || *n.evidenceConsidered)
	}
	state, basis := o.state, o.basis
	if t != nil {
		state, basis = applyProcedure(&c, t, o, &d)
	}
	if state != "" {
		decisive := caseFacts(&c, acceptance, fresh.ceased).decisive
		if r := art19Residence(&c, decisive, c.AsOf, state); r.ceased {
			d.Reasoning = append(d.Reasoning, r.consequence)
			d.PreviousStateObligationsCeased, d.Consequence = boolp(true), r.consequence
			state, basis = r.takenOverBy, r.article
		}
	}
	d.ResponsibleState, d.Basis = nilIfEmpty(state), basis
	d.Stage = stageOf(&c, t, state)
	d.Reasoning = append(d.Reasoning, discretionNote)
	return d
}

// criteriaOutcome runs the hierarchy for the single applicant or for the family.
func criteriaOutcome(c *Case, acceptance Date, fresh bool, d *Determination) (outcome, *notes) {
	if len(c.Applicants) > 0 {
		n := &notes{}
		o, ind := familyOutcome(c, acceptance, fresh, n)
		d.IndividualOutcomes = ind
		return o, n
	}
	f := caseFacts(c, acceptance, fresh)
	return applyCriteria(f), f.notes
}

// applyProcedure lets the procedure decide where the criteria alone cannot: a late request,
// a refusal, an acceptance, the lapse of the transfer period.
func applyProcedure(c *Case, t *timers, o outcome, d *Determination) (string, string) {
	p := c.Procedure
	d.Reasoning = append(d.Reasoning, t.trail...)
	d.RequestDeadline, d.RequestInTime, d.RequestDeadlineAfterRelease = t.requestDeadline, t.requestInTime, t.requestAfterRelease
	d.ReplyDeadline, d.ImplicitAcceptance, d.AcceptanceDate = t.replyDeadline, t.implicit, t.acceptance
	d.ReExaminationRequestDeadline, d.ReExaminationAnswerDeadline = t.reexamRequest, t.reexamAnswer
	d.TransferDeadline, d.TransferDeadlineAfterRelease, d.ResponsibilityShifted = t.transferDeadline, t.transferAfterRelease, t.shifted
	if t.transferred {
		d.Transferred = boolp(true)
	}
	requesting, requested := p.RequestingState, p.RequestedState
	if requesting == "" {
		requesting = c.Application.State
	}
	if requested == "" {
		requested = o.state
	}
	switch {
	case t.requestMissed:
		return missedRequest(c, p, requesting, d)
	case t.accepted && t.shifted != nil && *t.shifted:
		d.Reasoning = append(d.Reasoning, fmt.Sprintf("Art 29(2): responsibility has shifted to the requesting state %s", requesting))
		return requesting, "Art 29(2)"
	case t.accepted:
		return requested, acceptedBasis(c, p, t, o, requested)
	case t.refused:
		art := "Art 21(1)"
		if p.Type != TakeCharge {
			art = "Art 23(3)"
		}
		d.Reasoning = append(d.Reasoning, fmt.Sprintf("the request was refused: the requesting state %s remains responsible unless it can still send a new request in time (CJEU C-47/17); new request limit: %s", requesting, d.RequestDeadline))
		return requesting, art
	}
	return o.state, o.basis
}

// missedRequest applies Arts 21(1) third subparagraph, 23(3) and 24(3).
func missedRequest(c *Case, p *Procedure, requesting string, d *Determination) (string, string) {
	switch p.Type {
	case TakeBack:
		d.Reasoning = append(d.Reasoning, fmt.Sprintf("Art 23(3): the take back request was not made in time: %s, where the new application was lodged, is responsible (CJEU C-213/17)", c.Application.State))
		return c.Application.State, "Art 23(3)"
	case TakeBackNoNewApplication:
		d.Consequence = "Art 24(3): the take back request was not made in time: the person must be given the opportunity to lodge a new application in " + requesting
		d.Reasoning = append(d.Reasoning, d.Consequence)
		return "", "Art 24(3)"
	}
	d.Reasoning = append(d.Reasoning, fmt.Sprintf("Art 21(1) third subparagraph: the take charge request was not made in time: %s, where the application was lodged, is responsible", requesting))
	return requesting, "Art 21(1)"
}

// acceptedBasis names the articles behind an accepted request: for a take charge, the
// criterion when it designated the requested state; for a take back, the obligation of Art
// 18(1)(b)-(d) matching the earlier application there; and the implicit acceptance rule
// when silence accepted.
func acceptedBasis(c *Case, p *Procedure, t *timers, o outcome, requested string) string {
	var parts []string
	switch {
	case p.Type != TakeCharge:
		parts = append(parts, takeBackArticle(c, requested))
	case o.state == requested && o.basis != "":
		parts = append(parts, o.basis)
	default:
		parts = append(parts, "Art 18(1)(a)")
	}
	if t.implicit != nil && *t.implicit {
		parts = append(parts, t.implicitArticle)
	}
	return strings.Join(parts, ", ")
}

// takeBackArticle picks the point of Art 18(1) from the status of the earlier application
// in the requested state: under examination (b), withdrawn (c), rejected (d).
func takeBackArticle(c *Case, requested string) string {
	for _, a := range c.PreviousApplications {
		if a.State != requested {
			continue
		}
		switch {
		case a.Status == "withdrawn":
			return "Art 18(1)(c)"
		case strings.HasPrefix(a.Status, "rejected"):
			return "Art 18(1)(d)"
		}
		return "Art 18(1)(b)"
	}
	return "Art 18(1)"
}

// DetermineOn answers the case on day asOf instead of its own as_of, for the deadline jobs
// that re-evaluate stored cases every day with an injected clock.
func DetermineOn(c Case, asOf Date) Determination {
	c.AsOf = asOf
	return Determine(c)
}
