package authnhttp

import (
	"math"
	"net/http"
	"net/url"
	"strconv"
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
	// Error is the message of the failed attempt, a catalogue key of package web
	// ("login.failed") or plain text; "" on first display.
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

// Messages of the login page: keys of the web package's catalogue.
const (
	msgFailed      = "login.failed"
	msgThrottled   = "login.locked"
	msgUnavailable = "error.500.detail"
)

// LoginForm serves GET /login.
func (h *Handler) LoginForm(w http.ResponseWriter, r *http.Request) {
	h.cfg.Renderer.RenderLogin(w, r, http.StatusOK, h.loginPage(SafeNext(r.URL.Query().Get("next")), "", ""))
}

// Login serves POST /login: form fields username, password and optional next. On success
// it sets the session cookie and redirects (303) to next, a local path, or "/".
func (h *Handler) Login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxLoginForm)
	if err := r.ParseForm(); err != nil {
		h.cfg.Renderer.RenderLogin(w, r, http.StatusBadRequest, h.loginPage("/", "", "error.400.detail"))
		return
	}
	next := SafeNext(r.PostForm.Get("next"))
	username := r.PostForm.Get("username")
	login, err := h.svc.Authenticate(r.Context(), username, r.PostForm.Get("password"), ClientAddr(r))
	if err != nil {
		// One message for every failure (see authn.LoginFailedMessage): the page must not
		// tell which accounts exist or are locked.
		status, msg := http.StatusInternalServerError, msgUnavailable
		switch errs.KindOf(err) {
		case errs.KindUnauthenticated:
			status, msg = http.StatusUnauthorized, msgFailed
		case errs.KindRateLimited:
			status, msg = http.StatusTooManyRequests, msgThrottled
			// One more attempt is allowed per refill period (RFC 9110 10.2.3).
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(h.svc.Config().ThrottleRefill.Seconds()))))
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
