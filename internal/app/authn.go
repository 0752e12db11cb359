package app

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authn/authnhttp"
	"github.com/ceas-eu/ceas/internal/platform/jobs"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

func (a *App) buildAuthn(ctx context.Context) error {
	cfg := authn.DefaultConfig()
	cfg.SessionTTL, cfg.IdleTimeout = a.Config.SessionTTL, a.Config.SessionIdle
	svc, err := authn.New(a.DB, a.Audit, a.Clock, cfg)
	if err != nil {
		return err
	}
	a.Authn = svc
	hcfg := authnhttp.Config{SecureCookies: a.Config.TLS() || strings.HasPrefix(a.Config.BaseURL, "https://"), Clock: a.Clock}
	if a.Config.ClientCerts != "" {
		spec, err := os.ReadFile(a.Config.ClientCerts)
		if err != nil {
			return fmt.Errorf("client-certs: %w", err)
		}
		if hcfg.ClientCerts, err = authnhttp.ParseClientCerts(string(spec)); err != nil {
			return fmt.Errorf("client-certs: %w", err)
		}
	}
	if a.Config.OIDC() {
		hcfg.OIDC = authnhttp.OIDCConfig{Issuer: a.Config.OIDCIssuer, ClientID: a.Config.OIDCClientID,
			ClientSecret: a.Config.OIDCClientSecret, RedirectURL: strings.TrimSuffix(a.Config.BaseURL, "/") + "/login/oidc/callback",
			OrgClaim: a.Config.OIDCOrgClaim, RolesClaim: a.Config.OIDCRolesClaim}
	}
	start, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if a.authnHTTP, err = authnhttp.New(start, svc, hcfg); err != nil {
		return err
	}
	// Expired sessions are purged hourly so the table does not grow without bound.
	return a.Jobs.HandleRecurring(ctx, jobs.Recurring{Kind: "authn.purge_sessions", Every: time.Hour},
		func(ctx context.Context, _ jobs.Job) error {
			_, err := svc.PurgeExpired(ctx)
			return err
		})
}

// authenticate resolves the caller (bearer token, session cookie or client certificate)
// into the request context; routes decide whether they need one.
func (a *App) authenticate(next http.Handler) http.Handler { return a.authnHTTP.Middleware(next) }

// mountAuthn adds the login routes and the account administration pages.
func (a *App) mountAuthn() error {
	a.authnHTTP.Register(a.mux)
	admin, err := authnhttp.NewAdmin(a.Authn, func(r *http.Request) web.Frame { return a.Frame(r, "", r.URL.Path) })
	if err != nil {
		return err
	}
	admin.Register(a.mux)
	a.nav = append(a.nav, authnhttp.NavItems()...)
	return nil
}
