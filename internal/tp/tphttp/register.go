// Package tphttp is the transport of the temporary protection registration platform: the
// REST operations under /api/v1/tp and the pages under /tp (registration form with
// validation as you type, search, record, review queue, dashboards).
package tphttp

import (
	"embed"
	"log/slog"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ceas-eu/ceas/internal/platform/web"
	"github.com/ceas-eu/ceas/internal/tp"
)

//go:embed templates/*.html messages/*.json
var files embed.FS

// Deps are the services the routes call.
type Deps struct {
	Service *tp.Service
	Log     *slog.Logger
	// MaxImportBytes bounds one uploaded import file; a larger one answers 413.
	MaxImportBytes int64
	// Frame builds the layout data of a page for the request's user.
	Frame func(r *http.Request, title, active string) web.Frame
	// Fail renders an error as the error page of its kind.
	Fail func(w http.ResponseWriter, r *http.Request, err error)
}

// Handler holds the parsed templates and the services.
type Handler struct {
	deps  Deps
	pages *web.Templates
}

// NavItems are the links this package adds to the navigation.
func NavItems() []web.NavItem {
	return []web.NavItem{
		{Section: "nav.section.tp", Label: "tp.nav.dashboard", Href: "/tp", Permission: "tp.stats.read"},
		{Section: "nav.section.tp", Label: "tp.nav.register", Href: "/tp/registrations/new", Permission: "tp.registration.write"},
		{Section: "nav.section.tp", Label: "tp.nav.search", Href: "/tp/registrations", Permission: "tp.registration.read"},
		{Section: "nav.section.tp", Label: "tp.nav.reviews", Href: "/tp/reviews", Permission: "tp.registration.read"},
	}
}

// Register adds the API operations to a and the pages to mux.
func Register(a huma.API, mux *http.ServeMux, deps Deps) (*Handler, error) {
	pages, err := web.NewTemplates(files, "templates/*.html")
	if err != nil {
		return nil, err
	}
	if deps.Log == nil {
		deps.Log = slog.New(slog.DiscardHandler)
	}
	h := &Handler{deps: deps, pages: pages}
	h.registerAPI(a)

	mux.HandleFunc("GET /tp", h.dashboardPage)
	mux.HandleFunc("GET /tp/registrations", h.searchPage)
	mux.HandleFunc("GET /tp/registrations/new", h.newPage)
	mux.HandleFunc("POST /tp/registrations/new", h.createPage)
	mux.HandleFunc("POST /tp/validate", h.validateField)
	mux.HandleFunc("GET /tp/registrations/{id}", h.recordPage)
	mux.HandleFunc("POST /tp/registrations/{id}/deregister", h.deregisterPage)
	mux.HandleFunc("GET /tp/reviews", h.reviewsPage)
	mux.HandleFunc("GET /tp/reviews/{id}", h.reviewPage)
	mux.HandleFunc("POST /tp/reviews/{id}/decision", h.decidePage)
	return h, nil
}

// Pages returns the parsed templates, for the render tests.
func (h *Handler) Pages() *web.Templates { return h.pages }
