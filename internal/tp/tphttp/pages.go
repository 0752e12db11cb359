package tphttp

import (
	"fmt"
	"net/http"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/web"
	"github.com/ceas-eu/ceas/internal/tp"
)

type formPage struct {
	web.Frame
	Fields []web.Field
	Error  string
}

func (h *Handler) newPage(w http.ResponseWriter, r *http.Request) {
	data := &formPage{Frame: h.deps.Frame(r, "tp.new.title", "/tp/registrations/new"), Fields: buildFields(r, nil)}
	h.pages.Render(w, r, http.StatusOK, "new.html", data)
}

// validateField answers the htmx request of one control with the control re-rendered with
// its error, if any (the "field" component).
func (h *Handler) validateField(w http.ResponseWriter, r *http.Request) {
	name := r.Header.Get("HX-Trigger-Name")
	if err := r.ParseForm(); err != nil || name == "" {
		h.deps.Fail(w, r, errs.Field("HX-Trigger-Name", "names the control to validate"))
		return
	}
	err := h.deps.Service.Validate(r.Context(), formInput(r))
	if err != nil && errs.KindOf(err) != errs.KindInvalid {
		h.deps.Fail(w, r, err)
		return
	}
	for _, f := range buildFields(r, err) {
		if f.Name == name {
			h.pages.RenderFragment(w, r, http.StatusOK, "", "field", f)
			return
		}
	}
	h.deps.Fail(w, r, errs.Field("HX-Trigger-Name", "unknown control "+name))
}

type resultPage struct {
	web.Frame
	Result tp.RegistrationResult
	Hits   web.Table
}

func (h *Handler) createPage(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		h.deps.Fail(w, r, errs.Field("form", "cannot be read"))
		return
	}
	res, err := h.deps.Service.Register(r.Context(), formInput(r))
	if errs.KindOf(err) == errs.KindInvalid {
		data := &formPage{Frame: h.deps.Frame(r, "tp.new.title", "/tp/registrations/new"), Fields: buildFields(r, err),
			Error: "tp.new.invalid"}
		h.pages.Render(w, r, http.StatusUnprocessableEntity, "new.html", data)
		return
	}
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &resultPage{Frame: h.deps.Frame(r, "tp.result.title", "/tp/registrations/new"), Result: res, Hits: hitsTable(res.Check.Hits)}
	h.pages.Render(w, r, http.StatusCreated, "result.html", data)
}

func hitsTable(hits []tp.CrossStateHit) web.Table {
	t := web.Table{Caption: "tp.hits.caption", Empty: "tp.hits.empty", Columns: []web.Column{{Label: "tp.col.state"},
		{Label: "tp.col.registered_on"}, {Label: "tp.col.status"}, {Label: "tp.col.permit_until"},
		{Label: "tp.col.probability", Numeric: true}, {Label: "tp.col.decision"}, {Label: "tp.col.explanation"}}}
	for _, h := range hits {
		t.Rows = append(t.Rows, web.Row{Cells: []web.Cell{{Text: h.State}, {Text: h.RegisteredOn}, {Text: string(h.Status)},
			{Text: h.PermitValidUntil}, {Text: fmt.Sprintf("%.3f", h.Probability), Numeric: true},
			{Text: h.Decision, Href: "/tp/reviews/" + h.ReviewID}, {Text: explain(h.Explanation)}}})
	}
	return t
}

type searchPageData struct {
	web.Frame
	Fields []web.Field
	Table  web.Table
}

func (h *Handler) searchPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	query := tp.Query{Name: q.Get("name"), Document: q.Get("document"), DateOfBirth: q.Get("date_of_birth"),
		Status: tp.Status(q.Get("status")), Cursor: q.Get("cursor"), Limit: 50}
	items, next, err := h.deps.Service.Search(r.Context(), query)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &searchPageData{Frame: h.deps.Frame(r, "tp.search.title", "/tp/registrations"), Fields: []web.Field{
		{Name: "name", Label: "tp.search.name", Type: "search", Value: query.Name, Hint: "tp.search.name_hint"},
		{Name: "document", Label: "tp.field.document_number", Value: query.Document},
		{Name: "date_of_birth", Label: "tp.field.date_of_birth", Value: query.DateOfBirth, Hint: "tp.search.dob_hint"}}}
	data.Table = web.Table{Caption: "tp.search.caption", Empty: "tp.search.empty", Pages: web.NewPageLinks(r.URL, "", next),
		Columns: []web.Column{{Label: "tp.field.surname"}, {Label: "tp.field.given_name"}, {Label: "tp.field.date_of_birth"},
			{Label: "tp.field.nationality"}, {Label: "tp.col.status"}, {Label: "tp.col.registered_on"}}}
	for _, s := range items {
		name := s.Surname
		if s.SurnameCyr != "" && s.SurnameCyr != s.Surname {
			name += " (" + s.SurnameCyr + ")"
		}
		data.Table.Rows = append(data.Table.Rows, web.Row{Cells: []web.Cell{{Text: name, Href: "/tp/registrations/" + s.ID},
			{Text: s.GivenName}, {Text: s.DateOfBirth}, {Text: s.Nationality}, {Text: string(s.Status)}, {Text: s.RegisteredOn}}})
	}
	h.pages.Render(w, r, http.StatusOK, "search.html", data)
}
