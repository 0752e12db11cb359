// Package solidarityhttp is the transport of the solidarity module: the REST operations
// under /api/v1/solidarity (the matcher on an instance file, the ledger, candidates, runs,
// transfers, monitoring and simulation) and the pages under /solidarity (the coordinator's
// overview with the Sankey of relocations, each state's page, the progress report and its
// CSV export, the candidate list with steps, the matching run with its explanation and
// override form, and the transfer board). Every page works with plain HTML forms.
package solidarityhttp

import (
	"embed"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ceas-eu/ceas/internal/platform/web"
	"github.com/ceas-eu/ceas/internal/solidarity"
)

//go:embed templates/*.html messages/*.json
var files embed.FS

// Deps are the services the routes call.
type Deps struct {
	Service *solidarity.Service
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
		{Section: "nav.section.solidarity", Label: "solidarity.nav.overview", Href: "/solidarity", Permission: "solidarity.read"},
		{Section: "nav.section.solidarity", Label: "solidarity.nav.report", Href: "/solidarity/report", Permission: "solidarity.read"},
		{Section: "nav.section.solidarity", Label: "solidarity.nav.candidates", Href: "/solidarity/candidates", Permission: "solidarity.candidates"},
		{Section: "nav.section.solidarity", Label: "solidarity.nav.runs", Href: "/solidarity/runs", Permission: "solidarity.match"},
		{Section: "nav.section.solidarity", Label: "solidarity.nav.transfers", Href: "/solidarity/transfers", Permission: "solidarity.read"},
	}
}

// Register adds the API operations to a and the pages to mux.
func Register(a huma.API, mux *http.ServeMux, deps Deps) (*Handler, error) {
	pages, err := web.NewTemplates(files, "templates/*.html")
	if err != nil {
		return nil, err
	}
	h := &Handler{deps: deps, pages: pages}
	h.registerAPI(a)

	mux.HandleFunc("GET /solidarity", h.overviewPage)
	mux.HandleFunc("POST /solidarity/cycles", h.createCycleForm)
	mux.HandleFunc("POST /solidarity/cycles/{code}/participants", h.joinForm)
	mux.HandleFunc("GET /solidarity/states/{code}", h.statePage)
	mux.HandleFunc("POST /solidarity/states/{code}/needs", h.needForm)
	mux.HandleFunc("POST /solidarity/states/{code}/offsets", h.offsetForm)
	mux.HandleFunc("POST /solidarity/states/{code}/pledges", h.pledgeForm)
	mux.HandleFunc("POST /solidarity/pledges/{id}/payments", h.paymentForm)
	mux.HandleFunc("GET /solidarity/report", h.reportPage)
	mux.HandleFunc("GET /solidarity/report.csv", h.reportCSV)
	mux.HandleFunc("GET /solidarity/candidates", h.candidatesPage)
	mux.HandleFunc("POST /solidarity/candidates", h.proposeForm)
	mux.HandleFunc("GET /solidarity/candidates/{id}", h.candidatePage)
	mux.HandleFunc("POST /solidarity/candidates/{id}/step", h.stepForm)
	mux.HandleFunc("POST /solidarity/candidates/{id}/transfer", h.scheduleForm)
	mux.HandleFunc("GET /solidarity/runs", h.runsPage)
	mux.HandleFunc("POST /solidarity/runs", h.startRunForm)
	mux.HandleFunc("POST /solidarity/simulate", h.simulateForm)
	mux.HandleFunc("GET /solidarity/runs/{id}", h.runPage)
	mux.HandleFunc("GET /solidarity/runs/{id}/instance.json", h.runInstance)
	mux.HandleFunc("POST /solidarity/runs/{id}/accept", h.acceptForm)
	mux.HandleFunc("GET /solidarity/transfers", h.transfersPage)
	mux.HandleFunc("POST /solidarity/transfers/{id}", h.transferForm)
	return h, nil
}

// Pages returns the parsed templates, for the render tests.
func (h *Handler) Pages() *web.Templates { return h.pages }
