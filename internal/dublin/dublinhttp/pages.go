package dublinhttp

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/ceas-eu/ceas/internal/dublin"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

// Template names.
const (
	pageCases    = "dublin_cases.html"
	pageNewCase  = "dublin_new.html"
	pageCase     = "dublin_case.html"
	pageRequests = "dublin_requests.html"
	pageRequest  = "dublin_request.html"
	pageCalendar = "dublin_calendar.html"
	pageStats    = "dublin_stats.html"
	pageEvaluate = "dublin_evaluate.html"
)

// formError turns a service error into the lines a form shows, or reports false when the
// error is not the user's to fix (it then goes to the error page).
func formError(err error) (int, []string, bool) {
	e, ok := errs.As(err)
	if !ok {
		return 0, nil, false
	}
	switch e.Kind {
	case errs.KindInvalid:
		var lines []string
		for _, f := range e.Fields {
			lines = append(lines, f.Field+": "+f.Rule)
		}
		return http.StatusUnprocessableEntity, lines, true
	case errs.KindConflict:
		return http.StatusConflict, []string{e.Message}, true
	case errs.KindForbidden:
		return http.StatusForbidden, []string{e.Message}, true
	}
	return 0, nil, false
}

type casesPageData struct {
	web.Frame
	Table  web.Table
	Stage  string
	Stages []web.Option
}

func (h *Handler) casesPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	stage := q.Get("stage")
	items, next, err := h.deps.Service.ListCases(r.Context(), dublin.CaseFilter{Stage: dublin.State(stage)}, q.Get("cursor"), 50)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &casesPageData{Frame: h.deps.Frame(r, "dublin.cases.title", "/dublin"), Stage: stage}
	data.Stages = append(data.Stages, web.Option{Value: "", Label: "dublin.stage.all"})
	for _, s := range allStages() {
		data.Stages = append(data.Stages, web.Option{Value: string(s), Label: "dublin.stage." + string(s), Selected: string(s) == stage})
	}
	data.Table = web.Table{Caption: "dublin.cases.caption", Empty: "dublin.cases.empty",
		Columns: []web.Column{{Label: "dublin.col.ref"}, {Label: "dublin.col.origin"}, {Label: "dublin.col.lodged"},
			{Label: "dublin.col.stage"}, {Label: "dublin.col.responsible"}, {Label: "dublin.col.next_deadline"}},
		Pages: web.NewPageLinks(r.URL, "", next)}
	for _, c := range items {
		data.Table.Rows = append(data.Table.Rows, web.Row{Cells: []web.Cell{
			{Text: c.ApplicantRef, Href: "/dublin/cases/" + c.ID}, {Text: c.Origin}, {Text: c.LodgedOn.String()},
			{Text: string(c.Stage)}, {Text: c.ResponsibleState + " " + c.Basis}, {Text: deadlineText(c.NextDeadline, c.NextDeadlineKind)}}})
	}
	h.pages.Render(w, r, http.StatusOK, pageCases, data)
}

func allStages() []dublin.State {
	return []dublin.State{dublin.Determining, dublin.ResponsibleSelf, dublin.RequestSent, dublin.AcceptedExplicit,
		dublin.AcceptedImplicit, dublin.Refused, dublin.ReexamRequested, dublin.RefusedFinal, dublin.TransferPending,
		dublin.SuspendedByAppeal, dublin.Transferred, dublin.Expired, dublin.Ceased}
}

func deadlineText(d dublin.Date, kind string) string {
	if d.IsZero() {
		return ""
	}
	return d.String() + " (" + strings.ReplaceAll(kind, "_", " ") + ")"
}

func daysText(n *int) string {
	if n == nil {
		return ""
	}
	return fmt.Sprintf("%d", *n)
}

// caller is the signed-in principal's state.
func caller(r *http.Request) string { return authz.FromContext(r.Context()).Org }
