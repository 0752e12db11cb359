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

// module is one domain system wired into the app. Each lives in its own file of this
// package (tp.go, dublin.go, ...) so the wiring of one module never touches another's.
type module interface {
	// build creates the module's services and registers its jobs.
	build(ctx context.Context, a *App) error
	// mount adds its API operations and pages, and returns its navigation links.
	mount(a *App) ([]web.NavItem, error)
	// seedDemo adds its demo data; it must be idempotent.
	seedDemo(ctx context.Context, a *App, progress Progress) error
}

// modules lists the domain modules in dependency order (registers before procedures,
// awareness last), one line each.
func modules() []module {
	return []module{
		&tpModule{},
		&dublinModule{},
		&solidarityModule{},
		&awarenessModule{},
	}
}

// buildModules creates the platform and domain services and registers their jobs.
func (a *App) buildModules(ctx context.Context) error {
	orgs, err := refdata.StoredOrganisations(ctx, a.DB.Reader())
	if err != nil {
		return err
	}
	a.orgs = map[string]string{}
	for _, o := range orgs {
		a.orgs[o.Code] = o.Name
	}
	if err := a.buildAuthn(ctx); err != nil {
		return err
	}
	client := &http.Client{Timeout: 15 * time.Second}
	err = a.Jobs.HandleRecurring(ctx, jobs.Recurring{Kind: "outbox.deliver", Every: a.Config.WorkerInterval},
		func(ctx context.Context, _ jobs.Job) error {
			if _, err := a.Outbox.Dispatch(ctx); err != nil {
				return err
			}
			_, err := a.Outbox.Deliver(ctx, client)
			return err
		})
	if err != nil {
		return err
	}
	a.modules = modules()
	for _, m := range a.modules {
		if err := m.build(ctx, a); err != nil {
			return err
		}
	}
	return nil
}

// mountModules adds every module's API operations, pages and navigation.
func (a *App) mountModules() error {
	deps := platformhttp.Deps{DB: a.DB, Audit: a.Audit, Outbox: a.Outbox, Webhooks: a.Webhooks, Frame: a.Frame, Fail: a.Fail}
	if _, err := platformhttp.Register(a.API, a.mux, deps); err != nil {
		return err
	}
	if err := a.mountAuthn(); err != nil {
		return err
	}
	for _, m := range a.modules {
		nav, err := m.mount(a)
		if err != nil {
			return err
		}
		a.nav = append(a.nav, nav...)
	}
	a.nav = append(a.nav, platformhttp.NavItems()...)
	return nil
}

// seedModules runs each module's demo seeding.
func (a *App) seedModules(ctx context.Context, progress Progress) error {
	for _, m := range a.modules {
		if err := m.seedDemo(ctx, a, progress); err != nil {
			return err
		}
	}
	return nil
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
