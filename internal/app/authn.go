package app

import (
	"net/http"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authz"
)

func (a *App) buildAuthn() error {
	cfg := authn.DefaultConfig()
	cfg.SessionTTL, cfg.IdleTimeout = a.Config.SessionTTL, a.Config.SessionIdle
	svc, err := authn.New(a.DB, a.Audit, a.Clock, cfg)
	if err != nil {
		return err
	}
	a.Authn = svc
	return nil
}

// authenticate resolves the caller (bearer token or session cookie) into the context.
func (a *App) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		if bearer, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
			if p, err := a.Authn.AuthenticateToken(ctx, strings.TrimSpace(bearer), r.RemoteAddr); err == nil {
				ctx = authz.WithPrincipal(ctx, p)
			}
		} else if c, err := r.Cookie("ceas_session"); err == nil {
			if p, err := a.Authn.Session(ctx, c.Value); err == nil {
				ctx = authz.WithPrincipal(ctx, p)
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func (a *App) mountAuthn() error { return nil }
