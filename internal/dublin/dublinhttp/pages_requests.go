package dublinhttp

import (
	"net/http"
	"strings"

	"github.com/ceas-eu/ceas/internal/dublin"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

type requestsPageData struct {
	web.Frame
	Heading string
	Intro   string
	Table   web.Table
}

func (h *Handler) incomingPage(w http.ResponseWriter, r *http.Request) {
	h.requestsPage(w, r, dublin.Incoming)
}

func (h *Handler) outgoingPage(w http.ResponseWriter, r *http.Request) {
	h.requestsPage(w, r, dublin.Outgoing)
}

// requestsPage is the unit's inbox of requests received (time left to reply) or its list
// of requests sent (time left to transfer).
func (h *Handler) requestsPage(w http.ResponseWriter, r *http.Request, direction string) {
	items, next, err := h.deps.Service.ListRequests(r.Context(), direction, false, r.URL.Query().Get("cursor"), 50)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	active := "/dublin/requests"
	if direction == dublin.Outgoing {
		active += "/outgoing"
	}
	data := &requestsPageData{Frame: h.deps.Frame(r, "dublin.requests."+direction+".title", active),
		Heading: "dublin.requests." + direction + ".title", Intro: "dublin.requests." + direction + ".intro"}
	data.Table = web.Table{Caption: "dublin.requests." + direction + ".caption", Empty: "dublin.requests.empty",
		Pages: web.NewPageLinks(r.URL, "", next)}
	if direction == dublin.Incoming {
		data.Table.Columns = []web.Column{{Label: "dublin.col.ref"}, {Label: "dublin.col.from"}, {Label: "dublin.col.type"},
			{Label: "dublin.col.sent"}, {Label: "dublin.col.status"}, {Label: "dublin.col.reply_or_deadline"},
			{Label: "dublin.col.days_to_reply", Numeric: true}}
		for _, q := range items {
			data.Table.Rows = append(data.Table.Rows, web.Row{Cells: []web.Cell{{Text: q.ApplicantRef, Href: "/dublin/requests/" + q.ID},
				{Text: q.RequestingState}, {Text: typeText(q.Type)}, {Text: q.SentOn.String()}, {Text: string(q.Status)},
				{Text: replyText(q)}, {Text: daysText(q.ReplyDaysLeft), Numeric: true}}})
		}
	} else {
		data.Table.Columns = []web.Column{{Label: "dublin.col.ref"}, {Label: "dublin.col.to"}, {Label: "dublin.col.type"},
			{Label: "dublin.col.sent"}, {Label: "dublin.col.status"}, {Label: "dublin.col.transfer_deadline"},
			{Label: "dublin.col.days_to_transfer", Numeric: true}, {Label: "dublin.col.transfer"}}
		for _, q := range items {
			data.Table.Rows = append(data.Table.Rows, web.Row{Cells: []web.Cell{{Text: q.ApplicantRef, Href: "/dublin/requests/" + q.ID},
				{Text: q.RequestedState}, {Text: typeText(q.Type)}, {Text: q.SentOn.String()}, {Text: string(q.Status)},
				{Text: dateText(q.TransferDeadline)}, {Text: daysText(q.TransferDaysLeft), Numeric: true},
				{Text: strings.TrimSpace(q.TransferStatus + " " + dateText(q.TransferOn))}}})
		}
	}
	h.pages.Render(w, r, http.StatusOK, pageRequests, data)
}

// replyText is the reply deadline while the request waits for an answer, then the answer.
func replyText(q dublin.Request) string {
	switch {
	case q.Status == dublin.RequestSent:
		return dateText(q.ReplyDeadline)
	case q.ImplicitAcceptance:
		return "accepted by silence " + dateText(q.AcceptanceDate)
	case q.ReplyDecision != "":
		return q.ReplyDecision + " " + dateText(q.ReplyOn)
	}
	return ""
}

func typeText(t string) string { return strings.ReplaceAll(t, "_", " ") }

func dateText(d dublin.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

type requestPageData struct {
	web.Frame
	Request     dublin.Request
	Requested   bool // the caller's state is the requested state
	Errors      []string
	ReplyForm   []web.Field
	AnswerForm  []web.Field
	CaseLink    string
	Transferred bool
}

func (h *Handler) requestPage(w http.ResponseWriter, r *http.Request) {
	h.renderRequest(w, r, r.PathValue("id"), http.StatusOK, nil)
}

func (h *Handler) renderRequest(w http.ResponseWriter, r *http.Request, id string, status int, lines []string) {
	q, err := h.deps.Service.GetRequest(r.Context(), id)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &requestPageData{Frame: h.deps.Frame(r, "dublin.request.title", "/dublin/requests"), Request: q,
		Requested: caller(r) == q.RequestedState, Errors: lines}
	if q.CaseID != "" {
		data.CaseLink = "/dublin/cases/" + q.CaseID
	}
	decision := []web.Option{{Value: dublin.Accept, Label: "dublin.decision.accept"}, {Value: dublin.Refuse, Label: "dublin.decision.refuse"}}
	answer := []web.Field{
		{Name: "decision", Label: "dublin.form.decision", Type: "select", Options: decision},
		{Name: "on", Label: "dublin.form.on", Type: "date", Hint: "dublin.form.today_hint"},
		{Name: "reasons", Label: "dublin.form.reasons", Type: "textarea", Hint: "dublin.form.reasons_hint"},
	}
	if data.Requested && q.Active && q.Status == dublin.RequestSent {
		data.ReplyForm = answer
	}
	if data.Requested && q.Active && q.Status == dublin.ReexamRequested {
		data.AnswerForm = answer
	}
	h.pages.Render(w, r, status, pageRequest, data)
}

// requestStep runs a step on a request from a form and goes back to the page of the state
// that took it: the case for the requesting state, the request for the requested state.
func (h *Handler) requestStep(w http.ResponseWriter, r *http.Request, step func(id string, on dublin.Date) (dublin.Request, error)) {
	id := r.PathValue("id")
	on, bad := formDate(r, "on")
	if bad != nil {
		h.renderRequest(w, r, id, http.StatusUnprocessableEntity, bad)
		return
	}
	q, err := step(id, on)
	if err != nil {
		status, lines, ok := formError(err)
		if !ok {
			h.deps.Fail(w, r, err)
			return
		}
		h.renderRequest(w, r, id, status, lines)
		return
	}
	if q.CaseID != "" {
		http.Redirect(w, r, "/dublin/cases/"+q.CaseID, http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/dublin/requests/"+id, http.StatusSeeOther)
}

func (h *Handler) replyForm(w http.ResponseWriter, r *http.Request) {
	h.requestStep(w, r, func(id string, on dublin.Date) (dublin.Request, error) {
		return h.deps.Service.Reply(r.Context(), id, dublin.ReplyInput{Decision: r.FormValue("decision"), On: on,
			Reasons: strings.TrimSpace(r.FormValue("reasons"))})
	})
}

func (h *Handler) reexamForm(w http.ResponseWriter, r *http.Request) {
	h.requestStep(w, r, func(id string, on dublin.Date) (dublin.Request, error) {
		return h.deps.Service.RequestReexamination(r.Context(), id, on)
	})
}

func (h *Handler) reexamAnswerForm(w http.ResponseWriter, r *http.Request) {
	h.requestStep(w, r, func(id string, on dublin.Date) (dublin.Request, error) {
		return h.deps.Service.AnswerReexamination(r.Context(), id, dublin.ReplyInput{Decision: r.FormValue("decision"), On: on,
			Reasons: strings.TrimSpace(r.FormValue("reasons"))})
	})
}

func (h *Handler) transferForm(w http.ResponseWriter, r *http.Request) {
	h.requestStep(w, r, func(id string, on dublin.Date) (dublin.Request, error) {
		return h.deps.Service.Transfer(r.Context(), id, dublin.TransferInput{Action: r.FormValue("action"), On: on,
			Reason: r.FormValue("reason")})
	})
}
