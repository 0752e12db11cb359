package dublin

import (
	"fmt"
	"strconv"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Validate checks the case file against dublin-case/v1 and returns an errs.Validation
// error naming each field and the rule it breaks, or nil.
func (c *Case) Validate() error {
	var v errs.Validation
	if c.Format != "" && c.Format != FormatVersion {
		v.Addf("format", "unsupported format %q: want %q", c.Format, FormatVersion)
	}
	if c.Application != (Application{}) || !allHaveApplication(c.Applicants) {
		validateApplication(&v, "application", c.Application, true)
	}
	if c.Applicant != nil && len(c.Applicants) > 0 {
		v.Add("applicants", "give either applicant or applicants[], not both")
	}
	validateLists(&v, "", c.Family, c.Documents, c.Entries, c.Exits, c.Stays, c.EurodacHits, c.PreviousApplications)
	validateApplicants(&v, c.Applicants)
	for i, r := range c.Removals {
		optState(&v, fmt.Sprintf("removals[%d].state", i), r.State)
	}
	optState(&v, "found_irregularly_staying_in", c.FoundIrregularlyStayingIn)
	optState(&v, "present_in", c.PresentIn)
	optState(&v, "best_interests_preferred", c.BestInterestsPreferred)
	for i, s := range c.SystemicFlawsIn {
		reqState(&v, fmt.Sprintf("systemic_flaws_in[%d]", i), s)
	}
	for s := range c.BestInterests {
		reqState(&v, "best_interests."+s, s)
	}
	if c.Procedure != nil {
		validateProcedure(&v, c.Procedure)
	}
	return v.Err()
}

// allHaveApplication reports whether a family case gives every member's own application,
// so the top-level application may be left out.
func allHaveApplication(as []FamilyApplicant) bool {
	for _, a := range as {
		if a.Application == nil {
			return false
		}
	}
	return len(as) > 0
}

func validateApplication(v *errs.Validation, p string, a Application, required bool) {
	if required || a.State != "" {
		reqState(v, p+".state", a.State)
	}
	if a.LodgedOn.IsZero() {
		v.Add(p+".lodged_on", "required: the date the application was lodged (Art 20(2))")
	}
	if !a.RegisteredOn.IsZero() && !a.LodgedOn.IsZero() && a.RegisteredOn.Before(a.LodgedOn) {
		v.Add(p+".registered_on", "before lodged_on")
	}
}

func validateApplicants(v *errs.Validation, as []FamilyApplicant) {
	refs := map[string]bool{}
	for i, a := range as {
		p := fmt.Sprintf("applicants[%d]", i)
		if a.Ref == "" {
			v.Add(p+".ref", "required")
		} else if refs[a.Ref] {
			v.Addf(p+".ref", "duplicate ref %q", a.Ref)
		}
		refs[a.Ref] = true
		if a.Application != nil {
			validateApplication(v, p+".application", *a.Application, true)
		}
		validateLists(v, p+".", a.Family, a.Documents, a.Entries, a.Exits, a.Stays, a.EurodacHits, a.PreviousApplications)
	}
	for i, a := range as {
		if a.Accompanies != "" && (!refs[a.Accompanies] || a.Accompanies == a.Ref) {
			v.Addf(fmt.Sprintf("applicants[%d].accompanies", i), "no other applicant has ref %q", a.Accompanies)
		}
	}
}

func validateLists(v *errs.Validation, p string, fam []FamilyMember, docs []Document, ents []Entry,
	exits []Exit, stays []Stay, hits []EurodacHit, prev []PreviousApplication) {
	for i, f := range fam {
		validateFamily(v, p+"family["+strconv.Itoa(i)+"]", f)
	}
	for i, d := range docs {
		validateDocument(v, p+"documents["+strconv.Itoa(i)+"]", d)
	}
	for i, e := range ents {
		q := p + "entries[" + strconv.Itoa(i) + "]"
		reqState(v, q+".state", e.State)
		v.Check(!e.Date.IsZero(), q+".date", "required")
	}
	for i, e := range exits {
		q := p + "exits[" + strconv.Itoa(i) + "]"
		optState(v, q+".from_state", e.FromState)
		v.Check(!e.Date.IsZero(), q+".date", "required")
	}
	for i, s := range stays {
		validateStay(v, p+"stays["+strconv.Itoa(i)+"]", s)
	}
	for i, h := range hits {
		validateHit(v, p+"eurodac_hits["+strconv.Itoa(i)+"]", h)
	}
	for i, a := range prev {
		reqState(v, p+"previous_applications["+strconv.Itoa(i)+"].state", a.State)
	}
}

func validateFamily(v *errs.Validation, q string, f FamilyMember) {
	v.Check(f.Relation != "", q+".relation", "required")
	if f.Status != StatusOutsideStates {
		optState(v, q+".state", f.State) // a member outside the Member States may live anywhere
	}
}

func validateStay(v *errs.Validation, q string, s Stay) {
	reqState(v, q+".state", s.State)
	v.Check(!s.From.IsZero(), q+".from", "required")
	if !s.To.IsZero() && s.To.Before(s.From) {
		v.Add(q+".to", "before from")
	}
}

func validateHit(v *errs.Validation, q string, h EurodacHit) {
	reqState(v, q+".state", h.State)
	if h.Category < 1 || h.Category > 3 {
		v.Addf(q+".category", "must be 1, 2 or 3, got %d", h.Category)
	}
	notBefore(v, q+".hit_received_on", h.HitReceivedOn, h.FingerprintedOn, "fingerprinted_on")
}

func validateDocument(v *errs.Validation, q string, d Document) {
	if d.Type != DocResidence && d.Type != DocVisa {
		v.Addf(q+".type", "must be %q or %q, got %q", DocResidence, DocVisa, d.Type)
	}
	reqState(v, q+".issuing_state", d.IssuingState)
	optState(v, q+".issued_on_behalf_of", d.IssuedOnBehalfOf)
	if !d.ValidFrom.IsZero() && !d.ValidUntil.IsZero() && d.ValidUntil.Before(d.ValidFrom) {
		v.Add(q+".valid_until", "before valid_from")
	}
}

func validateProcedure(v *errs.Validation, p *Procedure) {
	switch p.Type {
	case TakeCharge, TakeBack, TakeBackNoNewApplication:
	default:
		v.Addf("procedure.type", "must be %q, %q or %q, got %q", TakeCharge, TakeBack, TakeBackNoNewApplication, p.Type)
	}
	optState(v, "procedure.requesting_state", p.RequestingState)
	optState(v, "procedure.requested_state", p.RequestedState)
	if p.RequestingState != "" && p.RequestingState == p.RequestedState {
		v.Add("procedure.requested_state", "same as requesting_state")
	}
	sent := p.RequestSentOn
	notBefore(v, "procedure.request_received_on", p.RequestReceivedOn, sent, "request_sent_on")
	if p.Reply != nil {
		if p.Reply.Decision != Accept && p.Reply.Decision != Refuse {
			v.Addf("procedure.reply.decision", "must be %q or %q, got %q", Accept, Refuse, p.Reply.Decision)
		}
		notBefore(v, "procedure.reply.on", p.Reply.On, sent, "the request (request_sent_on)")
		notBefore(v, "procedure.reply.on", p.Reply.On, p.RequestReceivedOn, "the request (request_received_on)")
	}
	if r := p.ReExamination; r != nil {
		if p.Reply == nil || p.Reply.Decision != Refuse {
			v.Add("procedure.re_examination", "only a refusal can be re-examined (Reg 1560/2003 Art 5(2))")
		} else {
			notBefore(v, "procedure.re_examination.requested_on", r.RequestedOn, p.Reply.On, "the refusal (reply.on)")
		}
		if r.Answer != nil && r.Answer.Decision != Accept && r.Answer.Decision != Refuse {
			v.Addf("procedure.re_examination.answer", "must be %q or %q", Accept, Refuse)
		}
		if r.Answer != nil {
			notBefore(v, "procedure.re_examination.answer.on", r.Answer.On, r.RequestedOn, "requested_on")
		}
	}
	if a := p.Appeal; a != nil {
		notBefore(v, "procedure.appeal.final_decision_on", a.FinalDecisionOn, a.LodgedOn, "lodged_on")
	}
	if e := p.Extension; e != nil && e.Reason != Imprisonment && e.Reason != Absconding {
		v.Addf("procedure.extension.reason", "must be %q or %q (Art 29(2)), got %q", Imprisonment, Absconding, e.Reason)
	}
	notBefore(v, "procedure.transfer_carried_out_on", p.TransferCarriedOutOn, sent, "request_sent_on")
}

// notBefore adds a rule when both dates are known and d lies before ref.
func notBefore(v *errs.Validation, field string, d, ref Date, refName string) {
	if !d.IsZero() && !ref.IsZero() && d.Before(ref) {
		v.Addf(field, "%s is before %s (%s)", d, refName, ref)
	}
}

func reqState(v *errs.Validation, field, code string) {
	if code == "" {
		v.Add(field, "required: a state code")
		return
	}
	optState(v, field, code)
}

func optState(v *errs.Validation, field, code string) {
	if code != "" && !IsMemberState(code) {
		v.Add(field, stateRule(code))
	}
}
