// Package platformhttp is the transport of the platform services every user meets: the audit
// browser and export for auditors, the organisation's inbox, webhook subscriptions for
// administrators, reference data, and the API documentation page.
package platformhttp

import (
	"embed"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/outbox"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

//go:embed templates/*.html messages/*.json
var files embed.FS

// Deps are the services the routes call.
type Deps struct {
	DB       *sqldb.DB
	Audit    *audit.Log
	Outbox   *outbox.Outbox
	Webhooks *outbox.Webhooks
	// Frame builds the layout data of a page for the request's user.
	Frame func(r *http.Request, title, active string) web.Frame
	// Fail renders an error as the error page of its kind.
	Fail func(w http.ResponseWriter, r *http.Request, err error)
}

// Handler holds the parsed templates and the services.
type Handler struct {
	deps  Deps
	pages *web.Templates
	api   huma.API
}

// NavItems are the links this package adds to the navigation.
func NavItems() []web.NavItem {
	return []web.NavItem{
		{Section: "nav.section.home", Label: "nav.inbox", Href: "/inbox", Permission: "inbox.read"},
		{Section: "nav.section.audit", Label: "nav.audit", Href: "/audit", Permission: "audit.read"},
		{Section: "nav.section.admin", Label: "nav.webhooks", Href: "/admin/webhooks", Permission: "admin.webhooks"},
	}
}

// Register adds the API operations to a and the pages to mux.
func Register(a huma.API, mux *http.ServeMux, deps Deps) (*Handler, error) {
	pages, err := web.NewTemplates(files, "templates/*.html")
	if err != nil {
		return nil, err
	}
	h := &Handler{deps: deps, pages: pages, api: a}
	h.registerAPI(a)

	mux.HandleFunc("GET /audit", h.auditPage)
	mux.HandleFunc("GET /audit/export", h.auditExport)
	mux.HandleFunc("GET /inbox", h.inboxPage)
	mux.HandleFunc("POST /inbox/{id}/read", h.inboxRead)
	mux.HandleFunc("GET /admin/webhooks", h.webhooksPage)
	mux.HandleFunc("POST /admin/webhooks", h.webhooksCreate)
	mux.HandleFunc("POST /admin/webhooks/{id}/delete", h.webhooksDelete)
	mux.HandleFunc("GET /api/docs", h.apiDocs)
	return h, nil
}

// Pages returns the parsed templates, for the render tests.
func (h *Handler) Pages() *web.Templates { return h.pages }
