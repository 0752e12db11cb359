package tphttp

import (
	"fmt"
	"net/http"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/web"
	"github.com/ceas-eu/ceas/internal/tp"
)

type reviewsPageData struct {
	web.Frame
	Table web.Table
}

func (h *Handler) reviewsPage(w http.ResponseWriter, r *http.Request) {
	status := r.URL.Query().Get("status")
	items, next, err := h.deps.Service.ListReviews(r.Context(), status, r.URL.Query().Get("cursor"), 50)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &reviewsPageData{Frame: h.deps.Frame(r, "tp.reviews.title", "/tp/reviews")}
	data.Table = web.Table{Caption: "tp.reviews.caption", Empty: "tp.reviews.empty", Pages: web.NewPageLinks(r.URL, "", next),
		Columns: []web.Column{{Label: "tp.col.review"}, {Label: "tp.col.decision"}, {Label: "tp.col.probability", Numeric: true},
			{Label: "tp.col.state"}, {Label: "tp.col.registered_on"}, {Label: "tp.col.status"}, {Label: "tp.col.created"}}}
	for _, rv := range items {
		data.Table.Rows = append(data.Table.Rows, web.Row{Cells: []web.Cell{{Text: rv.ID, Href: "/tp/reviews/" + rv.ID},
			{Text: rv.Outcome}, {Text: fmt.Sprintf("%.3f", rv.Probability), Numeric: true}, {Text: rv.OtherState},
			{Text: rv.OtherRegisteredOn}, {Text: string(rv.OtherStatus)}, {Text: rv.CreatedAt.Format("2006-01-02")}}})
	}
	h.pages.Render(w, r, http.StatusOK, "reviews.html", data)
}

type reviewPageData struct {
	web.Frame
	Review      tp.MatchReview
	Mine        tp.Registration
	Explanation web.Table
	Fields      []web.Field
	Open        bool
}

func (h *Handler) reviewPage(w http.ResponseWriter, r *http.Request) {
	h.renderReview(w, r, http.StatusOK, nil)
}

// renderReview is the side-by-side adjudication: the caller's own registration in full,
// the other state's minimal hit data, and the explanation field by field.
func (h *Handler) renderReview(w http.ResponseWriter, r *http.Request, status int, formErr error) {
	rv, err := h.deps.Service.GetReview(r.Context(), r.PathValue("id"))
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	mine, err := h.deps.Service.Get(r.Context(), rv.Registration)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &reviewPageData{Frame: h.deps.Frame(r, "tp.review.title", "/tp/reviews"), Review: rv, Mine: mine,
		Open: rv.Status == tp.ReviewOpen}
	data.Explanation = web.Table{Caption: "tp.review.explanation", Columns: []web.Column{{Label: "tp.col.field"},
		{Label: "tp.col.level"}, {Label: "tp.col.weight", Numeric: true}}}
	for _, f := range rv.Explanation {
		data.Explanation.Rows = append(data.Explanation.Rows, web.Row{Cells: []web.Cell{{Text: f.Field}, {Text: f.Level},
			{Text: fmt.Sprintf("%+.2f", f.Weight), Numeric: true}}})
	}
	data.Fields = []web.Field{{Name: "decision", Label: "tp.field.decision", Type: "select", Required: true, Options: []web.Option{
		{Value: tp.ReviewSame, Label: "tp.decision.same_person"}, {Value: tp.ReviewDifferent, Label: "tp.decision.different_persons"}}},
		{Name: "reason", Label: "tp.field.decision_reason", Type: "textarea", Hint: "tp.field.decision_reason_hint"}}
	if e, ok := errs.As(formErr); ok {
		for _, fe := range e.Fields {
			for i := range data.Fields {
				if data.Fields[i].Name == fe.Field {
					data.Fields[i].Error = fe.Rule
				}
			}
		}
	}
	h.pages.Render(w, r, status, "review.html", data)
}

func (h *Handler) decidePage(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		h.deps.Fail(w, r, errs.Field("form", "cannot be read"))
		return
	}
	d := tp.ReviewDecision{Decision: r.PostFormValue("decision"), Reason: r.PostFormValue("reason")}
	_, err := h.deps.Service.Decide(r.Context(), r.PathValue("id"), d)
	if errs.KindOf(err) == errs.KindInvalid {
		h.renderReview(w, r, http.StatusUnprocessableEntity, err)
		return
	}
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/tp/reviews/"+r.PathValue("id"), http.StatusSeeOther)
}
