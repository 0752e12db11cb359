// Package awarenesshttp is the transport of the situational-awareness module: the REST
// operations under /api/v1/awareness (imports, observations, rules, backtests, alerts, the
// report as data) and the pages under /awareness (overview with the map of Europe, alerts,
// rules and their backtest, the upload form, the printable situational report).
//
// Routes (API, permission):
//
//	POST   /api/v1/awareness/observations            awareness.ingest  CSV, XLSX or JSON; validation report
//	GET    /api/v1/awareness/observations            awareness.read    every revision, small counts suppressed
//	GET    /api/v1/awareness/situation               awareness.read    the dashboards' figures for a period
//	GET    /api/v1/awareness/report                  awareness.read    the situational report as data
//	GET    /api/v1/awareness/rules                   awareness.read
//	POST   /api/v1/awareness/rules                   awareness.manage
//	GET    /api/v1/awareness/rules/{id}              awareness.read
//	PUT    /api/v1/awareness/rules/{id}              awareness.manage
//	DELETE /api/v1/awareness/rules/{id}              awareness.manage
//	GET    /api/v1/awareness/rules/{id}/backtest     awareness.read    when the rule would have fired
//	GET    /api/v1/awareness/alerts                  awareness.read
//	POST   /api/v1/awareness/alerts/{id}/acknowledge awareness.manage  audited
//	POST   /api/v1/awareness/evaluate                awareness.manage  run the early-warning evaluation now
package awarenesshttp

import (
	"embed"
	"log/slog"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ceas-eu/ceas/internal/awareness"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

//go:embed templates/*.html messages/*.json
var files embed.FS

// Deps are the services the routes call.
type Deps struct {
	Service *awareness.Service
	Log     *slog.Logger
	// MaxImportBytes bounds an uploaded file (the app's import-max-bytes).
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

// NavItems are the links this package adds to the navigation. Labels are plain text until
// the platform catalogue holds nav.awareness.* keys (the navigation is drawn by every
// module's templates, which fall back to the label's own text).
func NavItems() []web.NavItem {
	return []web.NavItem{
		{Section: "nav.section.awareness", Label: "awareness.nav.overview", Href: "/awareness", Permission: "awareness.read"},
		{Section: "nav.section.awareness", Label: "awareness.nav.alerts", Href: "/awareness/alerts", Permission: "awareness.read"},
		{Section: "nav.section.awareness", Label: "awareness.nav.rules", Href: "/awareness/rules", Permission: "awareness.read"},
		{Section: "nav.section.awareness", Label: "awareness.nav.backtest", Href: "/awareness/backtest", Permission: "awareness.read"},
		{Section: "nav.section.awareness", Label: "awareness.nav.report", Href: "/awareness/report", Permission: "awareness.read"},
		{Section: "nav.section.awareness", Label: "awareness.nav.import", Href: "/awareness/import", Permission: "awareness.ingest"},
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
	if deps.MaxImportBytes <= 0 {
		deps.MaxImportBytes = 256 << 20
	}
	h := &Handler{deps: deps, pages: pages}
	h.registerAPI(a)

	mux.HandleFunc("GET /awareness", h.overviewPage)
	mux.HandleFunc("GET /awareness/alerts", h.alertsPage)
	mux.HandleFunc("POST /awareness/alerts/{id}/acknowledge", h.acknowledgePage)
	mux.HandleFunc("GET /awareness/rules", h.rulesPage)
	mux.HandleFunc("GET /awareness/rules/new", h.newRulePage)
	mux.HandleFunc("POST /awareness/rules", h.createRulePage)
	mux.HandleFunc("GET /awareness/rules/{id}", h.editRulePage)
	mux.HandleFunc("POST /awareness/rules/{id}", h.updateRulePage)
	mux.HandleFunc("POST /awareness/rules/{id}/delete", h.deleteRulePage)
	mux.HandleFunc("GET /awareness/backtest", h.backtestPage)
	mux.HandleFunc("GET /awareness/import", h.importPage)
	mux.HandleFunc("POST /awareness/import", h.importUpload)
	mux.HandleFunc("GET /awareness/report", h.reportPage)
	mux.HandleFunc("GET /awareness/report/print", h.reportPrint)
	mux.HandleFunc("GET /awareness/observations.csv", h.observationsCSV)
	return h, nil
}

// Pages returns the parsed templates, for the render tests.
func (h *Handler) Pages() *web.Templates { return h.pages }
