package web

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
)

// Names of the built-in pages, for Templates.Render.
const (
	PageLogin = "login.html"
	PageHome  = "home.html"
	PageError = "error.html"
)

// LoginPage is the data of the built-in login page. The form posts "username", "password"
// and "next" to POST /login.
type LoginPage struct {
	Frame
	Username string // echoed back after a failed attempt; the password never is
	Error    string // catalogue key or text, e.g. "login.failed"; empty on first display
	Next     string // where to go after signing in; the handler must check it is a local path
	OIDCURL  string // when set, a "Sign in with ..." button links here (OIDC login enabled)
	OIDCName string // the identity provider's name for the button; optional
}

// UsernameField is the username control of the login form.
func (p *LoginPage) UsernameField() Field {
	return Field{Name: "username", Label: "login.username", Value: p.Username, Required: true, Autocomplete: "username"}
}

// PasswordField is the password control of the login form; it never carries a value.
func (p *LoginPage) PasswordField() Field {
	return Field{Name: "password", Label: "login.password", Type: "password", Required: true, Autocomplete: "current-password"}
}

// HomePage is the data of the built-in home page: the start page of a role, whose cards and
// charts the caller chooses from the user's roles.
type HomePage struct {
	Frame
	Intro  string // catalogue key or text
	Cards  []Card
	Charts []Chart
}

// ErrorPage is the data of the built-in error page. Frame.Title and Detail are catalogue keys
// or text; empty ones get the catalogue's text for Status.
type ErrorPage struct {
	Frame
	Status int
	Detail string
}

// LoginHref is the sign-in link of a 401 page, returning to the page that was refused.
func (p *ErrorPage) LoginHref() string {
	if p.URL == nil || p.URL.Path == "/login" {
		return "/login"
	}
	return "/login?" + url.Values{"next": {p.URL.RequestURI()}}.Encode()
}

// errorTexts gives the catalogue keys of the default title and detail of a status.
func errorTexts(status int) (title, detail string) {
	switch status {
	case 400, 401, 403, 404, 405, 409, 413, 422, 429, 500, 503:
		return fmt.Sprintf("error.%d.title", status), fmt.Sprintf("error.%d.detail", status)
	}
	if status >= 500 {
		return "error.500.title", "error.500.detail"
	}
	return "error.400.title", "error.400.detail"
}

// RenderError writes an error page with frame f (nil for a bare frame without user or
// navigation). Title and detail are catalogue keys or text; empty ones take the defaults of
// status. For 5xx the detail should not reveal internals: log the cause, show the request id.
func (t *Templates) RenderError(w http.ResponseWriter, r *http.Request, status int, f *Frame, title, detail string) {
	p := &ErrorPage{Status: status, Detail: detail}
	if f != nil {
		p.Frame = *f
	}
	defTitle, defDetail := errorTexts(status)
	p.Title = title
	if p.Title == "" {
		p.Title = defTitle
	}
	if p.Detail == "" {
		p.Detail = defDetail
	}
	t.Render(w, r, status, PageError, p)
}

// builtin is the template set of the built-in pages alone, for RenderError. It is parsed
// once, from embedded files, and never changed.
var builtin = sync.OnceValues(func() (*Templates, error) { return NewTemplates(nil) })

// RenderError writes an error page (401, 403, 404, 500 ...) with a bare frame, for code that
// has no Templates at hand (middleware, the mux's fallbacks). Title and detail are catalogue
// keys or text; empty ones take the defaults of status.
func RenderError(w http.ResponseWriter, r *http.Request, status int, title, detail string) {
	t, err := builtin()
	if err != nil { // the embedded templates are broken: a build defect, caught by the tests
		slog.ErrorContext(r.Context(), "web: built-in templates", "err", err)
		http.Error(w, http.StatusText(status), status)
		return
	}
	t.RenderError(w, r, status, nil, title, detail)
}
