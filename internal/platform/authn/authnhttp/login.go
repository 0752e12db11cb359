package authnhttp

import (
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// LoginPage is what the login template shows.
type LoginPage struct {
	// Next is the local path to return to after login, carried in a hidden field.
	Next string
	// Username is kept after a failed attempt so only the password is typed again.
	Username string
	// Error is the message of the failed attempt, "" on first display.
	Error string
	// OIDCURL is the link to log in through the identity provider, "" when not configured.
	OIDCURL string
	// OIDCLabel names the provider on the button ("EU Login", "BundID", ...).
	OIDCLabel string
}

// LoginRenderer draws the login page with status (200, or 401/429 after a failed attempt).
// The web package implements it with the platform's layout.
type LoginRenderer interface {
	RenderLogin(w http.ResponseWriter, r *http.Request, status int, page LoginPage)
}

// maxLoginForm bounds the login form body.
const maxLoginForm = 16 << 10

// LoginForm serves GET /login.
func (h *Handler) LoginForm(w http.ResponseWriter, r *http.Request) {
	h.cfg.Renderer.RenderLogin(w, r, http.StatusOK, h.loginPage(SafeNext(r.URL.Query().Get("next")), "", ""))
}

// Login serves POST /login: form fields username, password and optional next. On success
// it sets the session cookie and redirects (303) to next, a local path, or "/".
func (h *Handler) Login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxLoginForm)
	if err := r.ParseForm(); err != nil {
		h.cfg.Renderer.RenderLogin(w, r, http.StatusBadRequest, h.loginPage("/", "", "the form could not be read"))
		return
	}
	next := SafeNext(r.PostForm.Get("next"))
	username := r.PostForm.Get("username")
	login, err := h.svc.Authenticate(r.Context(), username, r.PostForm.Get("password"), ClientAddr(r))
	if err != nil {
		status, msg := http.StatusInternalServerError, "login is unavailable; please try again later"
		switch errs.KindOf(err) {
		case errs.KindUnauthenticated:
			status, msg = http.StatusUnauthorized, authn.LoginFailedMessage
		case errs.KindRateLimited:
			status, msg = http.StatusTooManyRequests, "too many failed attempts; please wait a minute and try again"
		}
		h.cfg.Renderer.RenderLogin(w, r, status, h.loginPage(next, username, msg))
		return
	}
	h.endOldSession(r)
	h.setSession(w, r, login)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// Logout serves POST /logout: it ends the session, clears the cookie and redirects to the
// login page.
func (h *Handler) Logout(w http.ResponseWriter, r *http.Request) {
	h.endOldSession(r)
	http.SetCookie(w, &http.Cookie{Name: h.cookieName(r), Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: h.secure(r), SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// endOldSession ends the session the request carried, if any: logout, and a new login in a
// browser that still had one (no two live sessions per cookie jar).
func (h *Handler) endOldSession(r *http.Request) {
	if c, err := r.Cookie(h.cookieName(r)); err == nil && c.Value != "" {
		_ = h.svc.Logout(r.Context(), c.Value)
	}
}

// setSession sends the session cookie: HttpOnly (no script reads it), SameSite=Lax (not
// sent on cross-site posts), Secure and __Host- prefixed under TLS.
func (h *Handler) setSession(w http.ResponseWriter, r *http.Request, login authn.Login) {
	http.SetCookie(w, &http.Cookie{Name: h.cookieName(r), Value: login.Token, Path: "/",
		Expires: login.ExpiresAt, HttpOnly: true, Secure: h.secure(r), SameSite: http.SameSiteLaxMode})
}

func (h *Handler) loginPage(next, username, msg string) LoginPage {
	p := LoginPage{Next: next, Username: username, Error: msg}
	if h.oidc != nil {
		p.OIDCURL = "/login/oidc?next=" + url.QueryEscape(next)
		p.OIDCLabel = h.oidc.label
	}
	return p
}

// SafeNext returns next when it is a local absolute path, "/" otherwise, so a crafted link
// cannot send a user who just logged in to another site (open redirect).
func SafeNext(next string) string {
	if next == "" || next[0] != '/' || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n\t") {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return "/"
	}
	return next
}

// builtinLogin is the login page used until the web package supplies its own.
type builtinLogin struct{}

var builtinLoginTemplate = template.Must(template.New("login").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Log in - CEAS</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Log in to CEAS</h1>
{{if .Error}}<p role="alert">{{.Error}}</p>{{end}}
<form method="post" action="/login">
<input type="hidden" name="next" value="{{.Next}}">
<p><label for="username">Username</label><br><input id="username" name="username" autocomplete="username" value="{{.Username}}" required></p>
<p><label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Log in</button></p>
</form>
{{if .OIDCURL}}<p><a href="{{.OIDCURL}}">Log in with {{.OIDCLabel}}</a></p>{{end}}
</main></body></html>`))

// RenderLogin implements LoginRenderer.
func (builtinLogin) RenderLogin(w http.ResponseWriter, r *http.Request, status int, page LoginPage) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = builtinLoginTemplate.Execute(w, page)
}
