package platformhttp

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ceas-eu/ceas/internal/platform/api"
	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

// auditPageData is the audit browser: a filter form, one page of entries and the export link.
type auditPageData struct {
	web.Frame
	Filter    auditFilterForm
	Table     web.Table
	ExportURL string
}

type auditFilterForm struct {
	Actor, Action, ObjectType, ObjectID, From, To string
}

func (f auditFilterForm) Fields() []web.Field {
	return []web.Field{
		{Name: "actor", Label: "audit.filter.actor", Value: f.Actor},
		{Name: "action", Label: "audit.filter.action", Value: f.Action, Hint: "audit.filter.action_hint"},
		{Name: "object_type", Label: "audit.filter.object_type", Value: f.ObjectType},
		{Name: "object_id", Label: "audit.filter.object_id", Value: f.ObjectID},
		{Name: "from", Label: "audit.filter.from", Type: "date", Value: f.From},
		{Name: "to", Label: "audit.filter.to", Type: "date", Value: f.To},
	}
}

func readAuditFilter(r *http.Request) (auditFilterForm, audit.Filter) {
	q := r.URL.Query()
	form := auditFilterForm{Actor: q.Get("actor"), Action: q.Get("action"), ObjectType: q.Get("object_type"),
		ObjectID: q.Get("object_id"), From: q.Get("from"), To: q.Get("to")}
	f := audit.Filter{Actor: form.Actor, Action: form.Action, ObjectType: form.ObjectType, ObjectID: form.ObjectID}
	if t, err := time.Parse(time.DateOnly, form.From); err == nil {
		f.From = t
	}
	if t, err := time.Parse(time.DateOnly, form.To); err == nil {
		f.To = t.AddDate(0, 0, 1) // the whole "to" day
	}
	return form, f
}

func (h *Handler) auditPage(w http.ResponseWriter, r *http.Request) {
	form, filter := readAuditFilter(r)
	page, err := h.deps.Audit.List(r.Context(), filter, r.URL.Query().Get("cursor"), 50)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &auditPageData{Frame: h.deps.Frame(r, "audit.title", "/audit"), Filter: form}
	data.Table = web.Table{Caption: "audit.table.caption", Empty: "audit.table.empty",
		Columns: []web.Column{{Label: "audit.col.seq", Numeric: true}, {Label: "audit.col.at"}, {Label: "audit.col.actor"},
			{Label: "audit.col.action"}, {Label: "audit.col.object"}, {Label: "audit.col.owner"}, {Label: "audit.col.purpose"},
			{Label: "audit.col.outcome"}},
		Pages: web.NewPageLinks(r.URL, "", page.Next)}
	for _, e := range page.Entries {
		data.Table.Rows = append(data.Table.Rows, web.Row{Cells: []web.Cell{
			{Text: fmt.Sprint(e.Seq), Numeric: true}, {Text: e.At.Format("2006-01-02 15:04:05")},
			{Text: e.Actor + " (" + e.ActorOrg + ")"}, {Text: e.Action}, {Text: e.ObjectType + " " + e.ObjectID},
			{Text: e.OwnerOrg}, {Text: e.Purpose}, {Text: e.Outcome}}})
	}
	q := r.URL.Query()
	q.Del("cursor")
	data.ExportURL = "/audit/export?" + q.Encode()
	h.pages.Render(w, r, http.StatusOK, "audit.html", data)
}

// auditExport streams every matching entry as CSV, page by page, and records the export.
func (h *Handler) auditExport(w http.ResponseWriter, r *http.Request) {
	_, filter := readAuditFilter(r)
	ctx := r.Context()
	if err := authz.Require(authz.FromContext(ctx), authz.PermAuditRead); err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="ceas-audit.csv"`)
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"seq", "at", "actor", "actor_org", "actor_kind", "action", "object_type", "object_id",
		"owner_org", "purpose", "outcome", "request_id", "hash"})
	n := 0
	for cursor := ""; ; {
		page, err := h.deps.Audit.List(ctx, filter, cursor, 500)
		if err != nil {
			return // headers are sent; the truncated file is the signal
		}
		for _, e := range page.Entries {
			_ = cw.Write([]string{fmt.Sprint(e.Seq), e.At.Format(time.RFC3339Nano), e.Actor, e.ActorOrg, e.ActorKind,
				e.Action, e.ObjectType, e.ObjectID, e.OwnerOrg, e.Purpose, e.Outcome, e.RequestID, e.Hash})
			n++
		}
		if page.Next == "" {
			break
		}
		cursor = page.Next
	}
	cw.Flush()
	_ = h.deps.Audit.RecordNow(ctx, audit.Event{Action: "audit.export", ObjectType: "audit_log", ObjectID: "export",
		OwnerOrg: authz.FromContext(ctx).Org, Detail: map[string]any{"entries": n}})
}

type inboxPageData struct {
	web.Frame
	Table web.Table
	Items []inboxItem
	Pages web.PageLinks
}

type inboxItem struct {
	ID, Title, Link, Topic, At string
	Unread                     bool
}

func (h *Handler) inboxPage(w http.ResponseWriter, r *http.Request) {
	items, next, err := h.deps.Outbox.Inbox(r.Context(), r.URL.Query().Get("cursor"), 50)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &inboxPageData{Frame: h.deps.Frame(r, "inbox.title", "/inbox"), Pages: web.NewPageLinks(r.URL, "", next)}
	for _, n := range items {
		data.Items = append(data.Items, inboxItem{ID: n.ID, Title: n.Title, Link: n.Link, Topic: n.Topic,
			At: n.CreatedAt.Format("2006-01-02 15:04"), Unread: n.ReadAt == nil})
	}
	h.pages.Render(w, r, http.StatusOK, "inbox.html", data)
}

func (h *Handler) inboxRead(w http.ResponseWriter, r *http.Request) {
	if err := h.deps.Outbox.MarkRead(r.Context(), r.PathValue("id")); err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/inbox", http.StatusSeeOther)
}

type webhooksPageData struct {
	web.Frame
	Hooks      web.Table
	Deliveries web.Table
	IDs        []string
	NewSecret  string
	Form       []web.Field
}

func (h *Handler) webhooksPage(w http.ResponseWriter, r *http.Request) {
	h.renderWebhooks(w, r, http.StatusOK, "", nil)
}

func (h *Handler) renderWebhooks(w http.ResponseWriter, r *http.Request, status int, secret string, formErr error) {
	ctx := r.Context()
	hooks, err := h.deps.Webhooks.List(ctx)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	ds, err := h.deps.Outbox.Deliveries(ctx, authz.FromContext(ctx).Org, 50)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &webhooksPageData{Frame: h.deps.Frame(r, "webhooks.title", "/admin/webhooks"), NewSecret: secret}
	data.Form = []web.Field{
		{Name: "url", Label: "webhooks.url", Type: "url", Required: true, Hint: "webhooks.url_hint", Value: r.FormValue("url")},
		{Name: "topics", Label: "webhooks.topics", Required: true, Hint: "webhooks.topics_hint", Value: r.FormValue("topics")},
	}
	if formErr != nil {
		data.Form[0].Error = formErr.Error()
	}
	data.Hooks = web.Table{Caption: "webhooks.list", Empty: "webhooks.none",
		Columns: []web.Column{{Label: "webhooks.url"}, {Label: "webhooks.topics"}, {Label: "webhooks.created"}}}
	for _, hk := range hooks {
		data.IDs = append(data.IDs, hk.ID)
		data.Hooks.Rows = append(data.Hooks.Rows, web.Row{Cells: []web.Cell{{Text: hk.URL}, {Text: strings.Join(hk.Topics, ", ")},
			{Text: hk.CreatedAt.Format("2006-01-02")}}})
	}
	data.Deliveries = web.Table{Caption: "webhooks.deliveries", Empty: "webhooks.no_deliveries",
		Columns: []web.Column{{Label: "webhooks.topic"}, {Label: "webhooks.url"}, {Label: "webhooks.status"},
			{Label: "webhooks.attempts", Numeric: true}, {Label: "webhooks.last_error"}}}
	for _, d := range ds {
		data.Deliveries.Rows = append(data.Deliveries.Rows, web.Row{Cells: []web.Cell{{Text: d.Topic}, {Text: d.WebhookURL},
			{Text: d.Status}, {Text: fmt.Sprint(d.Attempts), Numeric: true}, {Text: d.LastError}}})
	}
	h.pages.Render(w, r, status, "webhooks.html", data)
}

func (h *Handler) webhooksCreate(w http.ResponseWriter, r *http.Request) {
	topics := strings.FieldsFunc(r.FormValue("topics"), func(c rune) bool { return c == ',' || c == ' ' })
	hook, err := h.deps.Webhooks.Create(r.Context(), strings.TrimSpace(r.FormValue("url")), topics)
	if err != nil {
		h.renderWebhooks(w, r, http.StatusUnprocessableEntity, "", err)
		return
	}
	h.renderWebhooks(w, r, http.StatusCreated, hook.Secret, nil)
}

func (h *Handler) webhooksDelete(w http.ResponseWriter, r *http.Request) {
	if err := h.deps.Webhooks.Delete(r.Context(), r.PathValue("id")); err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/webhooks", http.StatusSeeOther)
}

// apiDocsData lists every operation of the OpenAPI document, grouped by tag.
type apiDocsData struct {
	web.Frame
	Groups []docGroup
}

type docGroup struct {
	Tag string
	Ops []docOp
}

type docOp struct {
	Method, Path, Summary, Description, Permission, ID string
}

func (h *Handler) apiDocs(w http.ResponseWriter, r *http.Request) {
	data := &apiDocsData{Frame: h.deps.Frame(r, "apidocs.title", "/api/docs")}
	groups := map[string][]docOp{}
	for path, item := range h.api.OpenAPI().Paths {
		for _, m := range []struct {
			method string
			op     *huma.Operation
		}{{"GET", item.Get}, {"POST", item.Post}, {"PUT", item.Put}, {"PATCH", item.Patch}, {"DELETE", item.Delete}} {
			if m.op == nil {
				continue
			}
			tag := "Other"
			if len(m.op.Tags) > 0 {
				tag = m.op.Tags[0]
			}
			perm, _ := m.op.Extensions[api.Extension].(string)
			groups[tag] = append(groups[tag], docOp{Method: m.method, Path: path, Summary: m.op.Summary,
				Description: m.op.Description, Permission: perm, ID: m.op.OperationID})
		}
	}
	for tag, ops := range groups {
		sort.Slice(ops, func(i, j int) bool { return ops[i].Path+ops[i].Method < ops[j].Path+ops[j].Method })
		data.Groups = append(data.Groups, docGroup{Tag: tag, Ops: ops})
	}
	sort.Slice(data.Groups, func(i, j int) bool { return data.Groups[i].Tag < data.Groups[j].Tag })
	h.pages.Render(w, r, http.StatusOK, "apidocs.html", data)
}
