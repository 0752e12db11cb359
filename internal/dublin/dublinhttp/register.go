// Package dublinhttp is the transport of the Dublin module: the REST operations under
// /api/v1/dublin and the pages of a Dublin unit under /dublin (cases, the inbox of
// requests received with the time left to reply, the requests sent with the time left to
// transfer, the deadline calendar and the statistics per state pair). Every page works
// with plain HTML forms.
package dublinhttp

import (
	"embed"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ceas-eu/ceas/internal/dublin"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

//go:embed templates/*.html messages/*.json
var files embed.FS

// Deps are the services the routes call.
type Deps struct {
	Service *dublin.Service
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
		{Section: "nav.section.dublin", Label: "dublin.nav.cases", Href: "/dublin", Permission: "dublin.case.read"},
		{Section: "nav.section.dublin", Label: "dublin.nav.new", Href: "/dublin/cases/new", Permission: "dublin.case.write"},
		{Section: "nav.section.dublin", Label: "dublin.nav.incoming", Href: "/dublin/requests", Permission: "dublin.case.read"},
		{Section: "nav.section.dublin", Label: "dublin.nav.outgoing", Href: "/dublin/requests/outgoing", Permission: "dublin.case.read"},
		{Section: "nav.section.dublin", Label: "dublin.nav.calendar", Href: "/dublin/calendar", Permission: "dublin.case.read"},
		{Section: "nav.section.dublin", Label: "dublin.nav.stats", Href: "/dublin/stats", Permission: "dublin.stats.read"},
		{Section: "nav.section.dublin", Label: "dublin.nav.evaluate", Href: "/dublin/evaluate", Permission: "dublin.evaluate"},
	}
}

// Register adds the API operations to a and the pages to mux.
func Register(a huma.API, mux *http.ServeMux, deps Deps) (*Handler, error) {
	pages, err := web.NewTemplates(files, "templates/*.html")
	if err != nil {
		return nil, err
	}
	registerSchemas(a)
	h := &Handler{deps: deps, pages: pages}
	h.registerAPI(a)

	mux.HandleFunc("GET /dublin", h.casesPage)
	mux.HandleFunc("GET /dublin/cases/new", h.newCasePage)
	mux.HandleFunc("POST /dublin/cases", h.createCase)
	mux.HandleFunc("GET /dublin/cases/{id}", h.casePage)
	mux.HandleFunc("POST /dublin/cases/{id}/evaluate", h.evaluateCase)
	mux.HandleFunc("POST /dublin/cases/{id}/requests", h.sendRequest)
	mux.HandleFunc("POST /dublin/cases/{id}/events", h.recordEvent)
	mux.HandleFunc("POST /dublin/cases/{id}/facts", h.updateFacts)
	mux.HandleFunc("GET /dublin/requests", h.incomingPage)
	mux.HandleFunc("GET /dublin/requests/outgoing", h.outgoingPage)
	mux.HandleFunc("GET /dublin/requests/{id}", h.requestPage)
	mux.HandleFunc("POST /dublin/requests/{id}/reply", h.replyForm)
	mux.HandleFunc("POST /dublin/requests/{id}/re-examination", h.reexamForm)
	mux.HandleFunc("POST /dublin/requests/{id}/re-examination/answer", h.reexamAnswerForm)
	mux.HandleFunc("POST /dublin/requests/{id}/transfer", h.transferForm)
	mux.HandleFunc("GET /dublin/calendar", h.calendarPage)
	mux.HandleFunc("GET /dublin/stats", h.statsPage)
	mux.HandleFunc("GET /dublin/evaluate", h.evaluatePage)
	mux.HandleFunc("POST /dublin/evaluate", h.evaluateForm)
	return h, nil
}

// Pages returns the parsed templates, for the render tests.
func (h *Handler) Pages() *web.Templates { return h.pages }
