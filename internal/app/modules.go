package app

import (
	"context"
	"net/http"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/jobs"
	"github.com/ceas-eu/ceas/internal/platform/platformhttp"
	"github.com/ceas-eu/ceas/internal/platform/refdata"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

// buildModules creates the domain services and registers their jobs.
func (a *App) buildModules(ctx context.Context) error {
	orgs, err := refdata.StoredOrganisations(ctx, a.DB.Reader())
	if err != nil {
		return err
	}
	a.orgs = map[string]string{}
	for _, o := range orgs {
		a.orgs[o.Code] = o.Name
	}
	if err := a.buildAuthn(); err != nil {
		return err
	}
	client := &http.Client{Timeout: 15 * time.Second}
	return a.Jobs.HandleRecurring(ctx, jobs.Recurring{Kind: "outbox.deliver", Every: a.Config.WorkerInterval},
		func(ctx context.Context, _ jobs.Job) error {
			if _, err := a.Outbox.Dispatch(ctx); err != nil {
				return err
			}
			_, err := a.Outbox.Deliver(ctx, client)
			return err
		})
}

// mountModules adds every module's API operations, pages and navigation.
func (a *App) mountModules() error {
	a.nav = append(a.nav, platformhttp.NavItems()...)
	deps := platformhttp.Deps{DB: a.DB, Audit: a.Audit, Outbox: a.Outbox, Webhooks: a.Webhooks, Frame: a.Frame, Fail: a.Fail}
	if _, err := platformhttp.Register(a.API, a.mux, deps); err != nil {
		return err
	}
	return a.mountAuthn()
}

func (a *App) orgName(code string) string {
	if n, ok := a.orgs[code]; ok {
		return n
	}
	return code
}

// home is the start page: cards for what the user's roles allow.
func (a *App) home(w http.ResponseWriter, r *http.Request) {
	f := a.Frame(r, "home.title", "/")
	if f.User == nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	page := &web.HomePage{Frame: f}
	for _, sec := range f.Nav {
		for _, it := range sec.Items {
			if it.Href == "/" {
				continue
			}
			page.Cards = append(page.Cards, web.Card{Title: it.Label, Body: sec.Label, Href: it.Href})
		}
	}
	a.Pages.Render(w, r, http.StatusOK, web.PageHome, page)
}
