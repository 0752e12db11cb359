package dublinhttp

import (
	"encoding/json"
	"net/http"
	"sort"
	"strings"

	"github.com/ceas-eu/ceas/internal/dublin"
	"github.com/ceas-eu/ceas/internal/platform/timelimit"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

type casePageData struct {
	web.Frame
	Case      dublin.CaseRecord
	FactsJSON string
	Facts     []string
	FactsForm []web.Field
	Reasoning []string
	Deadlines web.Table
	Timeline  web.Chart
	Events    web.Table
	Errors    []string
	// Forms shown for the stage the case is in.
	SendForm     []web.Field
	ReexamForm   []web.Field
	TransferForm []web.Field
	EventForm    []web.Field
	RequestID    string
}

func (h *Handler) casePage(w http.ResponseWriter, r *http.Request) {
	h.renderCase(w, r, r.PathValue("id"), http.StatusOK, nil)
}

// renderCase shows the case with the forms its stage allows; lines are the errors of the
// form just posted.
func (h *Handler) renderCase(w http.ResponseWriter, r *http.Request, id string, status int, lines []string) {
	ctx := r.Context()
	c, err := h.deps.Service.GetCase(ctx, id)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	evs, err := h.deps.Service.Events(ctx, id)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &casePageData{Frame: h.deps.Frame(r, "dublin.case.title", "/dublin"), Case: c, Errors: lines}
	facts, _ := json.MarshalIndent(c.Case, "", "  ")
	data.FactsJSON = string(facts)
	editable := c.Case
	editable.Procedure = nil
	edit, _ := json.MarshalIndent(editable, "", "  ")
	data.FactsForm = []web.Field{{Name: "case_json", Label: "dublin.form.case_json", Type: "textarea",
		Value: valueOr(r.FormValue("case_json"), string(edit)), Hint: "dublin.case.facts_hint"}}
	if sum := dublin.EvidenceSummary(&c.Case); sum != "" {
		data.Facts = strings.Split(sum, "\n")
	}
	if c.Determination != nil {
		data.Reasoning = c.Determination.Reasoning
	}
	data.Deadlines = deadlineTable(c.Deadlines)
	data.Events = eventTable(evs)
	data.Timeline = timeline(c, evs)
	if c.Request != nil {
		data.RequestID = c.Request.ID
	}
	h.caseForms(data, r)
	h.pages.Render(w, r, status, pageCase, data)
}

func deadlineTable(ds []dublin.Deadline) web.Table {
	t := web.Table{Caption: "dublin.case.deadlines", Empty: "dublin.case.no_deadlines",
		Columns: []web.Column{{Label: "dublin.col.deadline"}, {Label: "dublin.col.kind"}, {Label: "dublin.col.article"},
			{Label: "dublin.col.party"}, {Label: "dublin.col.days_left", Numeric: true}}}
	for _, d := range ds {
		t.Rows = append(t.Rows, web.Row{Cells: []web.Cell{{Text: d.Date.String()}, {Text: strings.ReplaceAll(d.Kind, "_", " ")},
			{Text: d.Article}, {Text: d.Party}, {Text: itoa(d.DaysLeft), Numeric: true}}})
	}
	return t
}

func eventTable(evs []dublin.CaseEvent) web.Table {
	t := web.Table{Caption: "dublin.case.events", Empty: "dublin.case.no_events",
		Columns: []web.Column{{Label: "dublin.col.date"}, {Label: "dublin.col.event"}, {Label: "dublin.col.stage"}, {Label: "dublin.col.by"}}}
	for _, e := range evs {
		t.Rows = append(t.Rows, web.Row{Cells: []web.Cell{{Text: e.On.String()}, {Text: strings.ReplaceAll(e.Kind, "_", " ")},
			{Text: string(e.Stage)}, {Text: e.ActorOrg}}})
	}
	return t
}

// timeline is an ECharts option placing the case's events and its open deadlines on one
// time axis. The points come from a dataset, so the chart's table view (app.js) lists
// them as date, lane and what happened; the page also lists them in tables.
func timeline(c dublin.CaseRecord, evs []dublin.CaseEvent) web.Chart {
	rows := [][]string{{"date", "lane", "what"}, {c.LodgedOn.String(), "events", "application lodged"}}
	for _, e := range evs {
		rows = append(rows, []string{e.On.String(), "events", strings.ReplaceAll(e.Kind, "_", " ")})
	}
	for _, d := range c.Deadlines {
		rows = append(rows, []string{d.Date.String(), "deadlines", strings.ReplaceAll(d.Kind, "_", " ") + " (" + d.Article + ")"})
	}
	body := rows[1:]
	sort.SliceStable(body, func(i, j int) bool { return body[i][0] < body[j][0] })
	option := map[string]any{
		"dataset": map[string]any{"source": rows},
		"tooltip": map[string]any{"trigger": "item"},
		"xAxis":   map[string]any{"type": "time"},
		"yAxis":   map[string]any{"type": "category", "data": []string{"events", "deadlines"}},
		"series": []any{map[string]any{"name": "Timeline", "type": "scatter", "symbolSize": 14,
			"encode": map[string]any{"x": "date", "y": "lane", "tooltip": []string{"date", "what"}}}},
	}
	return web.Chart{Title: "dublin.case.timeline", Option: option}
}

// caseForms adds the forms the case's stage allows, following the section 5 diagram.
func (h *Handler) caseForms(data *casePageData, r *http.Request) {
	c := data.Case
	switch c.Stage {
	case dublin.Determining, dublin.RefusedFinal:
		data.SendForm = []web.Field{
			{Name: "type", Label: "dublin.form.request_type", Type: "select", Options: []web.Option{
				{Value: dublin.TakeCharge, Label: "dublin.type.take_charge"}, {Value: dublin.TakeBack, Label: "dublin.type.take_back"},
				{Value: dublin.TakeBackNoNewApplication, Label: "dublin.type.take_back_no_new_application"}}},
			{Name: "requested_state", Label: "dublin.form.requested_state", Required: true, Value: valueOr(r.FormValue("requested_state"), c.ResponsibleState)},
			{Name: "based_on_eurodac_hit", Label: "dublin.form.based_on_eurodac_hit", Type: "checkbox", Checked: len(c.Case.EurodacHits) > 0},
			{Name: "urgent", Label: "dublin.form.urgent", Type: "checkbox"},
			{Name: "sent_on", Label: "dublin.form.sent_on", Type: "date", Hint: "dublin.form.today_hint"},
			{Name: "evidence_summary", Label: "dublin.form.evidence_summary", Type: "textarea", Value: dublin.EvidenceSummary(&c.Case)},
		}
	case dublin.Refused:
		data.ReexamForm = []web.Field{{Name: "on", Label: "dublin.form.on", Type: "date", Hint: "dublin.form.today_hint"}}
	}
	switch c.Stage {
	case dublin.AcceptedExplicit, dublin.AcceptedImplicit, dublin.TransferPending:
		data.TransferForm = []web.Field{
			{Name: "action", Label: "dublin.form.transfer_action", Type: "select", Options: []web.Option{
				{Value: dublin.TransferSchedule, Label: "dublin.transfer.schedule"}, {Value: dublin.TransferCarriedOut, Label: "dublin.transfer.carried_out"},
				{Value: dublin.TransferCancel, Label: "dublin.transfer.cancelled"}, {Value: dublin.TransferFailed, Label: "dublin.transfer.failed"}}},
			{Name: "on", Label: "dublin.form.on", Type: "date", Hint: "dublin.form.transfer_on_hint"},
			{Name: "reason", Label: "dublin.form.failure_reason", Type: "select", Options: []web.Option{
				{Value: dublin.Absconding, Label: "dublin.reason.absconding"}, {Value: dublin.Imprisonment, Label: "dublin.reason.imprisonment"}}},
		}
	}
	if !c.Stage.Terminal() {
		data.EventForm = eventFields()
	}
}

func eventFields() []web.Field {
	kinds := []dublin.EventKind{dublin.EvAppeal, dublin.EvAppealFinal, dublin.EvAbsconded, dublin.EvImprisoned,
		dublin.EvExtensionNotified, dublin.EvDeterminedSelf, dublin.EvLeftTerritory, dublin.EvRemoved, dublin.EvResidenceDocument}
	var o []web.Option
	for _, k := range kinds {
		o = append(o, web.Option{Value: string(k), Label: "dublin.event." + string(k)})
	}
	return []web.Field{
		{Name: "kind", Label: "dublin.form.event_kind", Type: "select", Options: o},
		{Name: "on", Label: "dublin.form.on", Type: "date", Hint: "dublin.form.today_hint"},
		{Name: "suspensive_effect", Label: "dublin.form.suspensive", Type: "checkbox"},
		{Name: "transfer_upheld", Label: "dublin.form.upheld", Type: "checkbox"},
		{Name: "reason", Label: "dublin.form.extension_reason", Type: "select", Options: []web.Option{{Value: "", Label: "dublin.form.none"},
			{Value: dublin.Absconding, Label: "dublin.reason.absconding"}, {Value: dublin.Imprisonment, Label: "dublin.reason.imprisonment"}}},
		{Name: "note", Label: "dublin.form.note"},
	}
}

func valueOr(v, def string) string {
	if v != "" {
		return v
	}
	return def
}

// formDate reads a date field; an empty field is the zero date (the service takes today),
// a malformed one is reported under the field's name.
func formDate(r *http.Request, name string) (dublin.Date, []string) {
	s := strings.TrimSpace(r.FormValue(name))
	if s == "" {
		return dublin.Date{}, nil
	}
	d, err := timelimit.Parse(s)
	if err != nil {
		return d, []string{name + ": not a calendar date (YYYY-MM-DD)"}
	}
	return d, nil
}

func (h *Handler) evaluateCase(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if _, err := h.deps.Service.EvaluateCase(r.Context(), id); err != nil {
		h.caseFail(w, r, id, err)
		return
	}
	http.Redirect(w, r, "/dublin/cases/"+id, http.StatusSeeOther)
}

// caseFail shows a form's error on the case page, or the error page for anything else.
func (h *Handler) caseFail(w http.ResponseWriter, r *http.Request, id string, err error) {
	status, lines, ok := formError(err)
	if !ok {
		h.deps.Fail(w, r, err)
		return
	}
	h.renderCase(w, r, id, status, lines)
}

func (h *Handler) sendRequest(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	sent, bad := formDate(r, "sent_on")
	if bad != nil {
		h.renderCase(w, r, id, http.StatusUnprocessableEntity, bad)
		return
	}
	n := dublin.NewRequest{Type: r.FormValue("type"), RequestedState: strings.ToUpper(strings.TrimSpace(r.FormValue("requested_state"))),
		BasedOnEurodacHit: r.FormValue("based_on_eurodac_hit") != "", Urgent: r.FormValue("urgent") != "", SentOn: sent,
		EvidenceSummary: strings.TrimSpace(r.FormValue("evidence_summary"))}
	if _, err := h.deps.Service.SendRequest(r.Context(), id, n); err != nil {
		h.caseFail(w, r, id, err)
		return
	}
	http.Redirect(w, r, "/dublin/cases/"+id, http.StatusSeeOther)
}

func (h *Handler) updateFacts(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	c, err := dublin.Decode(strings.NewReader(r.FormValue("case_json")))
	if err == nil {
		_, err = h.deps.Service.UpdateFacts(r.Context(), id, c)
	}
	if err != nil {
		h.caseFail(w, r, id, err)
		return
	}
	http.Redirect(w, r, "/dublin/cases/"+id, http.StatusSeeOther)
}

func (h *Handler) recordEvent(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	on, bad := formDate(r, "on")
	if bad != nil {
		h.renderCase(w, r, id, http.StatusUnprocessableEntity, bad)
		return
	}
	in := dublin.EventInput{Kind: dublin.EventKind(r.FormValue("kind")), On: on, Suspensive: r.FormValue("suspensive_effect") != "",
		Upheld: r.FormValue("transfer_upheld") != "", Reason: r.FormValue("reason"), Note: r.FormValue("note")}
	if _, err := h.deps.Service.RecordEvent(r.Context(), id, in); err != nil {
		h.caseFail(w, r, id, err)
		return
	}
	http.Redirect(w, r, "/dublin/cases/"+id, http.StatusSeeOther)
}

func itoa(n int) string { return daysText(&n) }
