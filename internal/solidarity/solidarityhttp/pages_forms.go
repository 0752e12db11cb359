package solidarityhttp

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/web"
	"github.com/ceas-eu/ceas/internal/solidarity"
)

// pledgeFields is the form a state (or a coordinator for it) pledges with.
func pledgeFields() []web.Field {
	return []web.Field{
		{Name: "form", Label: "solidarity.col.form", Type: "select", Required: true, Options: []web.Option{
			{Value: solidarity.FormRelocation, Label: "solidarity.form.relocation"}, {Value: solidarity.FormFinancial, Label: "solidarity.form.financial"},
			{Value: solidarity.FormOperational, Label: "solidarity.form.operational"}}},
		{Name: "relocations", Label: "solidarity.col.pledged", Type: "number"},
		{Name: "amount_eur", Label: "solidarity.form.amount_eur", Type: "number"},
		{Name: "description", Label: "solidarity.form.description", Type: "textarea"},
		{Name: "pledged_on", Label: "solidarity.form.on", Type: "date", Required: true},
	}
}

func int64Form(r *http.Request, name string) int64 {
	n, _ := strconv.ParseInt(strings.TrimSpace(r.FormValue(name)), 10, 64)
	return n
}

// pledgeForm records a pledge from the state page.
func (h *Handler) pledgeForm(w http.ResponseWriter, r *http.Request) {
	c, _, err := h.cycleOf(r)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	in := solidarity.PledgeInput{State: r.PathValue("code"), Form: r.FormValue("form"), Relocations: int64Form(r, "relocations"),
		AmountEUR: int64Form(r, "amount_eur"), Description: r.FormValue("description"), PledgedOn: r.FormValue("pledged_on")}
	if _, err := h.deps.Service.RecordPledge(r.Context(), c.ID, in); err != nil {
		h.stateFormFailed(w, r, err)
		return
	}
	http.Redirect(w, r, "/solidarity/states/"+in.State+"?cycle="+c.Code, http.StatusSeeOther)
}

// paymentForm records money paid on a financial pledge.
func (h *Handler) paymentForm(w http.ResponseWriter, r *http.Request) {
	c, _, err := h.cycleOf(r)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	p, err := h.deps.Service.RecordPayment(r.Context(), r.PathValue("id"), solidarity.PaymentInput{PaidEUR: int64Form(r, "paid_eur")})
	if err != nil {
		h.stateFormFailed(w, r, err)
		return
	}
	http.Redirect(w, r, "/solidarity/states/"+p.State+"?cycle="+c.Code, http.StatusSeeOther)
}

func (h *Handler) stateFormFailed(w http.ResponseWriter, r *http.Request, err error) {
	status, lines, ok := formError(err)
	if !ok {
		h.deps.Fail(w, r, err)
		return
	}
	h.renderState(w, r, status, lines)
}

// candidateFields is the proposal form: a household described by its adults and children.
func candidateFields() []web.Field {
	return []web.Field{
		{Name: "cycle", Label: "solidarity.form.cycle", Required: true},
		{Name: "ref", Label: "solidarity.col.ref", Required: true},
		{Name: "nationality", Label: "solidarity.col.nationality", Hint: "solidarity.form.nationality_hint", Required: true},
		{Name: "adults", Label: "solidarity.form.adults", Type: "number", Value: "1"},
		{Name: "children", Label: "solidarity.form.children", Type: "number", Value: "0"},
		{Name: "education", Label: "solidarity.col.education", Type: "select", Options: []web.Option{{Value: "none", Label: "none"},
			{Value: "primary", Label: "primary"}, {Value: "secondary", Label: "secondary"}, {Value: "tertiary", Label: "tertiary"}}},
		{Name: "languages", Label: "solidarity.col.languages", Hint: "solidarity.form.languages_hint"},
		{Name: "unaccompanied", Label: "solidarity.form.unaccompanied", Type: "checkbox"},
		{Name: "medical", Label: "solidarity.form.medical", Type: "checkbox"},
		{Name: "family_link_state", Label: "solidarity.col.family_link"},
		{Name: "identified_on", Label: "solidarity.form.on", Type: "date", Required: true},
	}
}

// candidateFromForm builds the household: adults of working age with the education and
// languages given, children, an unaccompanied minor alone, medical needs on the first member.
func candidateFromForm(r *http.Request) solidarity.CandidateInput {
	langs := strings.Fields(strings.ReplaceAll(r.FormValue("languages"), ",", " "))
	edu := r.FormValue("education")
	var members []solidarity.Member
	if r.FormValue("unaccompanied") != "" {
		members = []solidarity.Member{{AgeGroup: "0-17", Sex: "X", Languages: langs, UnaccompaniedMinor: true}}
	} else {
		for i := int64(0); i < int64Form(r, "adults"); i++ {
			e := edu
			members = append(members, solidarity.Member{AgeGroup: "26-45", Sex: "X", Languages: langs, Education: &e})
		}
		for i := int64(0); i < int64Form(r, "children"); i++ {
			members = append(members, solidarity.Member{AgeGroup: "0-17", Sex: "X", Languages: langs})
		}
	}
	if len(members) > 0 && r.FormValue("medical") != "" {
		members[0].MedicalNeeds = true
	}
	return solidarity.CandidateInput{CycleID: r.FormValue("cycle"), Ref: r.FormValue("ref"), Nationality: strings.ToUpper(r.FormValue("nationality")),
		IdentifiedOn: r.FormValue("identified_on"), Profile: solidarity.Profile{Members: members, FamilyLinkState: strings.ToUpper(r.FormValue("family_link_state"))}}
}

func (h *Handler) proposeForm(w http.ResponseWriter, r *http.Request) {
	in := candidateFromForm(r)
	if c, err := h.deps.Service.Cycle(r.Context(), in.CycleID); err == nil {
		in.CycleID = c.ID
	}
	c, err := h.deps.Service.ProposeCandidate(r.Context(), in)
	if err != nil {
		status, lines, ok := formError(err)
		if !ok {
			h.deps.Fail(w, r, err)
			return
		}
		h.renderCandidates(w, r, status, lines)
		return
	}
	http.Redirect(w, r, "/solidarity/candidates/"+c.ID, http.StatusSeeOther)
}

// mayPledge reports whether the page should offer the pledge form for state.
func mayPledge(r *http.Request, state string) bool {
	p := authz.FromContext(r.Context())
	return p.Can(authz.PermSolidarityPledge) && (p.Org == state || p.Can(authz.PermSolidarityMatch))
}
