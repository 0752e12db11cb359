package authnhttp

import (
	"net/http"

	"github.com/ceas-eu/ceas/internal/platform/web"
)

// WebLogin renders the login page with the platform's layout (web.PageLogin).
type WebLogin struct {
	Templates *web.Templates
}

// RenderLogin implements LoginRenderer.
func (l WebLogin) RenderLogin(w http.ResponseWriter, r *http.Request, status int, page LoginPage) {
	l.Templates.Render(w, r, status, web.PageLogin, &web.LoginPage{Username: page.Username, Error: page.Error,
		Next: page.Next, OIDCURL: page.OIDCURL, OIDCName: page.OIDCLabel})
}
