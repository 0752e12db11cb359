package app

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/api"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/observe"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

// routes builds the mux and the middleware around it. Order matters: the request id and
// logging see everything; security headers apply to every answer; authentication runs
// before cross-origin protection (which only concerns cookie-authenticated browsers) and
// before the idempotency layer, which keys stored answers by caller.
func (a *App) routes() error {
	a.mux = http.NewServeMux()
	a.API = api.New(a.mux, a.versionString())
	api.RegisterMe(a.API)

	pages, err := web.NewTemplates(nil)
	if err != nil {
		return err
	}
	a.Pages = pages
	a.mux.Handle("GET "+web.StaticPrefix, web.Static())
	a.mux.HandleFunc("GET /healthz", a.healthz)
	a.mux.HandleFunc("GET /readyz", a.readyz)
	a.mux.Handle("GET /metrics", a.Metrics.Handler())
	a.mux.HandleFunc("GET /{$}", a.home)
	if err := a.mountModules(); err != nil {
		return err
	}
	a.mux.HandleFunc("/", a.notFound)

	var h http.Handler = a.mux
	h = api.Idempotency(a.DB, a.Clock, h)
	h = http.NewCrossOriginProtection().Handler(h)
	h = a.authenticate(h)
	h = limitBody(a.Config.ImportMaxBytes, h)
	h = securityHeaders(a.Config.TLS(), h)
	a.handler = observe.Middleware(a.Log, a.Metrics, h)
	return nil
}

func (a *App) versionString() string {
	if a.Version == "" {
		return "dev"
	}
	return a.Version
}

// healthz answers while the process runs.
func (a *App) healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok\n"))
}

// readyz answers 200 when the database answers, its schema is current and the identity
// index is loaded, so a load balancer sends no traffic to a replica that cannot serve it.
func (a *App) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := a.DB.Ping(ctx); err != nil {
		http.Error(w, "database unreachable", http.StatusServiceUnavailable)
		return
	}
	st, err := a.DB.Status(ctx)
	if err != nil || st.Pending() {
		http.Error(w, "migrations pending", http.StatusServiceUnavailable)
		return
	}
	if err := a.TPReady(); err != nil {
		http.Error(w, "identity index loading", http.StatusServiceUnavailable)
		return
	}
	_, _ = w.Write([]byte("ready\n"))
}

// notFound answers unknown paths: problem+json under /api, the error page elsewhere.
func (a *App) notFound(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		api.WriteProblem(w, http.StatusNotFound, "no such API operation: "+r.Method+" "+r.URL.Path, "", "")
		return
	}
	a.Fail(w, r, errs.NotFound("page not found"))
}

// Fail renders err as the error page of its kind; an anonymous visitor of a protected page
// is sent to the login page instead.
func (a *App) Fail(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusInternalServerError
	switch errs.KindOf(err) {
	case errs.KindInvalid:
		status = http.StatusUnprocessableEntity
	case errs.KindNotFound:
		status = http.StatusNotFound
	case errs.KindForbidden:
		status = http.StatusForbidden
	case errs.KindUnauthenticated:
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	case errs.KindConflict:
		status = http.StatusConflict
	case errs.KindTooLarge:
		status = http.StatusRequestEntityTooLarge
	case errs.KindRateLimited:
		status = http.StatusTooManyRequests
	}
	if status == http.StatusInternalServerError {
		a.Log.Error("page failed", "path", r.URL.Path, "err", err)
	}
	f := a.Frame(r, "", "")
	detail := ""
	if e, ok := errs.As(err); ok && status != http.StatusInternalServerError {
		detail = e.Error()
	}
	a.Pages.RenderError(w, r, status, &f, "", detail)
}

// Frame returns the layout data of a page for the request's user: name, organisation and
// the navigation their roles allow.
func (a *App) Frame(r *http.Request, title, active string) web.Frame {
	p := authz.FromContext(r.Context())
	f := web.Frame{Title: title, Active: active}
	if p.ID == "" {
		return f
	}
	roles := make([]string, len(p.Roles))
	for i, role := range p.Roles {
		roles[i] = string(role)
	}
	f.User = &web.User{Name: p.Name, Org: p.Org, OrgName: a.orgName(p.Org), Roles: roles}
	f.Nav = web.BuildNav(a.nav, func(perm string) bool { return perm == "" || p.Can(authz.Permission(perm)) }, active)
	return f
}
