package solidarityhttp

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/web"
	"github.com/ceas-eu/ceas/internal/solidarity"
)

type candidatesData struct {
	web.Frame
	Incoming bool
	Table    web.Table
	Form     []web.Field
	Errors   []string
}

// candidatesPage lists the candidates the user may see with the step each has reached.
func (h *Handler) candidatesPage(w http.ResponseWriter, r *http.Request) {
	h.renderCandidates(w, r, http.StatusOK, nil)
}

func (h *Handler) renderCandidates(w http.ResponseWriter, r *http.Request, status int, errors []string) {
	q := r.URL.Query()
	incoming := q.Get("incoming") != ""
	items, err := h.deps.Service.Candidates(r.Context(), solidarity.CandidateList{CycleID: q.Get("cycle"),
		Step: solidarity.Step(q.Get("step")), Incoming: incoming, After: q.Get("cursor"), Limit: 101})
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	next := ""
	if len(items) > 100 {
		items, next = items[:100], items[99].ID
	}
	data := &candidatesData{Frame: h.deps.Frame(r, "solidarity.candidates.title", "/solidarity/candidates"), Incoming: incoming, Errors: errors}
	if authz.FromContext(r.Context()).Can(authz.PermSolidarityCandidates) {
		data.Form = candidateFields()
		if cs, err := h.deps.Service.Cycles(r.Context()); err == nil && len(cs) > 0 {
			data.Form[0].Value = cs[0].Code
		}
		if status != http.StatusOK {
			for i := range data.Form {
				if v := r.FormValue(data.Form[i].Name); v != "" {
					data.Form[i].Value, data.Form[i].Checked = v, true
				}
			}
		}
	}
	data.Table = web.Table{Caption: "solidarity.candidates.caption", Empty: "solidarity.candidates.empty",
		Columns: []web.Column{{Label: "solidarity.col.ref"}, {Label: "solidarity.col.owner"}, {Label: "solidarity.col.nationality"},
			{Label: "solidarity.col.size", Numeric: true}, {Label: "solidarity.col.vulnerable"}, {Label: "solidarity.col.step"},
			{Label: "solidarity.col.date"}, {Label: "solidarity.col.to"}},
		Pages: web.NewPageLinks(r.URL, "", next)}
	for _, c := range items {
		vul := ""
		if c.Vulnerable {
			vul = "yes"
		}
		data.Table.Rows = append(data.Table.Rows, web.Row{Cells: []web.Cell{{Text: c.Ref, Href: "/solidarity/candidates/" + c.ID},
			{Text: c.OwnerOrg}, {Text: c.Nationality}, {Text: strconv.Itoa(c.Size), Numeric: true}, {Text: vul},
			{Text: string(c.Step)}, {Text: c.StepOn}, {Text: c.MatchedState}}})
	}
	h.pages.Render(w, r, status, pageCandidates, data)
}

type candidateData struct {
	web.Frame
	Candidate solidarity.Candidate
	Details   []web.Detail
	Members   web.Table
	History   web.Table
	StepForm  []web.Field
	Schedule  []web.Field
	Errors    []string
}

func (h *Handler) candidatePage(w http.ResponseWriter, r *http.Request) {
	h.renderCandidate(w, r, http.StatusOK, nil)
}

func (h *Handler) renderCandidate(w http.ResponseWriter, r *http.Request, status int, errors []string) {
	c, err := h.deps.Service.Candidate(r.Context(), r.PathValue("id"))
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &candidateData{Frame: h.deps.Frame(r, "solidarity.candidate.title", "/solidarity/candidates"), Candidate: c, Errors: errors}
	data.Details = []web.Detail{{Label: "solidarity.col.ref", Value: c.Ref}, {Label: "solidarity.col.owner", Value: c.OwnerOrg},
		{Label: "solidarity.col.nationality", Value: c.Nationality}, {Label: "solidarity.col.size", Value: strconv.Itoa(c.Size)},
		{Label: "solidarity.col.vulnerable", Value: strings.Join(c.Profile.VulnerabilityFlags, ", ") + yes(c.Vulnerable)},
		{Label: "solidarity.col.family_link", Value: c.Profile.FamilyLinkState},
		{Label: "solidarity.col.preferences", Value: strings.Join(c.Profile.PreferredStates, ", ")},
		{Label: "solidarity.col.step", Value: string(c.Step) + " (" + c.StepOn + ")"},
		{Label: "solidarity.col.to", Value: c.MatchedState + " " + c.MatchedPlace}}
	if c.RunID != "" {
		data.Details = append(data.Details, web.Detail{Label: "solidarity.col.run", Value: c.RunID, Href: "/solidarity/runs/" + c.RunID})
	}
	data.Members = web.Table{Caption: "solidarity.candidate.members", Columns: []web.Column{{Label: "solidarity.col.age"},
		{Label: "solidarity.col.sex"}, {Label: "solidarity.col.education"}, {Label: "solidarity.col.languages"}, {Label: "solidarity.col.needs"}}}
	for _, m := range c.Profile.Members {
		edu, needs := "", []string{}
		if m.Education != nil {
			edu = *m.Education
		}
		if m.UnaccompaniedMinor {
			needs = append(needs, "unaccompanied minor")
		}
		if m.MedicalNeeds {
			needs = append(needs, "medical needs")
		}
		data.Members.Rows = append(data.Members.Rows, web.Row{Cells: []web.Cell{{Text: m.AgeGroup}, {Text: m.Sex}, {Text: edu},
			{Text: strings.Join(m.Languages, ", ")}, {Text: strings.Join(needs, ", ")}}})
	}
	data.History = web.Table{Caption: "solidarity.candidate.history", Columns: []web.Column{{Label: "solidarity.col.step"},
		{Label: "solidarity.col.date"}, {Label: "solidarity.col.actor"}, {Label: "solidarity.col.note"}}}
	for _, s := range c.History {
		data.History.Rows = append(data.History.Rows, web.Row{Cells: []web.Cell{{Text: string(s.Step)}, {Text: s.On},
			{Text: s.ActorOrg + " " + s.Actor}, {Text: s.Note}}})
	}
	data.StepForm = stepFields(c)
	if c.Step == solidarity.StepAccepted {
		data.Schedule = []web.Field{{Name: "on", Label: "solidarity.form.transfer_on", Type: "date", Required: true}}
	}
	h.pages.Render(w, r, status, pageCandidate, data)
}

func yes(b bool) string {
	if b {
		return " (vulnerable)"
	}
	return ""
}

// stepFields offers the steps a user may record next; matched and transferred come from
// a run and a transfer.
func stepFields(c solidarity.Candidate) []web.Field {
	var opts []web.Option
	for _, s := range solidarity.Steps() {
		if s != solidarity.StepMatched && s != solidarity.StepTransferred && solidarity.NextAllowed(c.Step, s) {
			opts = append(opts, web.Option{Value: string(s), Label: "solidarity.step." + string(s)})
		}
	}
	if len(opts) == 0 {
		return nil
	}
	return []web.Field{{Name: "step", Label: "solidarity.form.step", Type: "select", Options: opts, Required: true},
		{Name: "on", Label: "solidarity.form.on", Type: "date", Required: true},
		{Name: "note", Label: "solidarity.form.note", Type: "textarea"}}
}

func (h *Handler) stepForm(w http.ResponseWriter, r *http.Request) {
	in := solidarity.StepInput{Step: solidarity.Step(r.FormValue("step")), On: r.FormValue("on"), Note: r.FormValue("note")}
	if _, err := h.deps.Service.Advance(r.Context(), r.PathValue("id"), in); err != nil {
		h.formFailed(w, r, err)
		return
	}
	http.Redirect(w, r, "/solidarity/candidates/"+r.PathValue("id"), http.StatusSeeOther)
}

func (h *Handler) scheduleForm(w http.ResponseWriter, r *http.Request) {
	if _, err := h.deps.Service.ScheduleTransfer(r.Context(), r.PathValue("id"), r.FormValue("on")); err != nil {
		h.formFailed(w, r, err)
		return
	}
	http.Redirect(w, r, "/solidarity/transfers", http.StatusSeeOther)
}

func (h *Handler) formFailed(w http.ResponseWriter, r *http.Request, err error) {
	status, lines, ok := formError(err)
	if !ok {
		h.deps.Fail(w, r, err)
		return
	}
	h.renderCandidate(w, r, status, lines)
}
