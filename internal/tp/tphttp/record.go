package tphttp

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/ceas-eu/ceas/internal/identity"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/web"
	"github.com/ceas-eu/ceas/internal/tp"
)

type recordPageData struct {
	web.Frame
	Reg      tp.Registration
	History  web.Table
	Links    web.Table
	Trail    web.Table
	Dereg    []web.Field
	CanDereg bool
}

func (h *Handler) recordPage(w http.ResponseWriter, r *http.Request) {
	h.renderRecord(w, r, http.StatusOK, nil)
}

func (h *Handler) renderRecord(w http.ResponseWriter, r *http.Request, status int, formErr error) {
	id := r.PathValue("id")
	reg, err := h.deps.Service.Get(r.Context(), id)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	trail, err := h.deps.Service.Trail(r.Context(), id)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &recordPageData{Frame: h.deps.Frame(r, "tp.record.title", "/tp/registrations"), Reg: reg,
		CanDereg: reg.Status != tp.StatusDeregistered && !reg.Erased}
	data.History = web.Table{Caption: "tp.history.caption", Columns: []web.Column{{Label: "tp.col.on"}, {Label: "tp.col.event"},
		{Label: "tp.col.from"}, {Label: "tp.col.to"}, {Label: "tp.col.reason"}, {Label: "tp.col.actor"}, {Label: "tp.col.at"}}}
	for _, e := range reg.History {
		data.History.Rows = append(data.History.Rows, web.Row{Cells: []web.Cell{{Text: e.On}, {Text: e.Kind},
			{Text: string(e.FromStatus)}, {Text: string(e.ToStatus)}, {Text: e.Reason}, {Text: e.Actor}, {Text: e.At.Format("2006-01-02 15:04")}}})
	}
	data.Links = web.Table{Caption: "tp.links.caption", Empty: "tp.links.empty", Columns: []web.Column{{Label: "tp.col.state"},
		{Label: "tp.col.registered_on"}, {Label: "tp.col.status"}, {Label: "tp.col.review"}}}
	for _, l := range reg.Links {
		data.Links.Rows = append(data.Links.Rows, web.Row{Cells: []web.Cell{{Text: l.State}, {Text: l.RegisteredOn},
			{Text: string(l.Status)}, {Text: l.ReviewID, Href: "/tp/reviews/" + l.ReviewID}}})
	}
	data.Trail = web.Table{Caption: "tp.trail.caption", Columns: []web.Column{{Label: "tp.col.at"}, {Label: "tp.col.actor"},
		{Label: "tp.col.action"}, {Label: "tp.col.purpose"}, {Label: "tp.col.outcome"}}}
	for _, e := range trail {
		data.Trail.Rows = append(data.Trail.Rows, web.Row{Cells: []web.Cell{{Text: e.At.Format("2006-01-02 15:04:05")},
			{Text: e.Actor + " (" + e.ActorOrg + ")"}, {Text: e.Action}, {Text: e.Purpose}, {Text: e.Outcome}}})
	}
	data.Dereg = deregFields(r, formErr)
	h.pages.Render(w, r, status, "record.html", data)
}

func deregFields(r *http.Request, err error) []web.Field {
	reasons := []web.Option{}
	for _, x := range tp.Reasons() {
		reasons = append(reasons, web.Option{Value: string(x), Label: "tp.reason." + string(x)})
	}
	fields := []web.Field{{Name: "reason", Label: "tp.field.reason", Type: "select", Required: true, Options: reasons},
		{Name: "on", Label: "tp.field.on", Type: "date"}, {Name: "note", Label: "tp.field.note"}}
	if e, ok := errs.As(err); ok {
		for _, fe := range e.Fields {
			for i := range fields {
				if fields[i].Name == fe.Field {
					fields[i].Error = fe.Rule
				}
			}
		}
	}
	return fields
}

func (h *Handler) deregisterPage(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		h.deps.Fail(w, r, errs.Field("form", "cannot be read"))
		return
	}
	t := tp.StatusChange{On: r.PostFormValue("on"), Reason: tp.Reason(r.PostFormValue("reason")), Note: r.PostFormValue("note")}
	_, err := h.deps.Service.Deregister(r.Context(), r.PathValue("id"), t)
	if errs.KindOf(err) == errs.KindInvalid {
		h.renderRecord(w, r, http.StatusUnprocessableEntity, err)
		return
	}
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/tp/registrations/"+r.PathValue("id"), http.StatusSeeOther)
}

// explain writes a match explanation as "field: level (weight)" items.
func explain(ex []identity.FieldComparison) string {
	parts := make([]string, len(ex))
	for i, f := range ex {
		parts[i] = fmt.Sprintf("%s: %s (%+.1f)", f.Field, f.Level, f.Weight)
	}
	return strings.Join(parts, "; ")
}
