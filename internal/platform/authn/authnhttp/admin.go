package authnhttp

import (
	"embed"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

//go:embed templates messages
var adminFiles embed.FS

// FrameFunc builds the layout frame (user, navigation) of a page for a request; the server
// supplies it, since it knows every module's navigation.
type FrameFunc func(r *http.Request) web.Frame

// Admin serves the pages where administrators manage the user accounts and API tokens of
// their own organisation, and the page where a person changes their own password. Every action goes through authn.Service, which checks the caller
// and audits; the pages only translate forms. The POST forms rely on the server's
// http.CrossOriginProtection against cross-site requests.
type Admin struct {
	svc   *authn.Service
	tmpl  *web.Templates
	frame FrameFunc
}

// NewAdmin parses the administration pages. frame may be nil: the pages then show the user
// without navigation.
func NewAdmin(svc *authn.Service, frame FrameFunc) (*Admin, error) {
	t, err := web.NewTemplates(adminFiles, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("authnhttp: admin pages: %w", err)
	}
	if frame == nil {
		frame = principalFrame
	}
	return &Admin{svc: svc, tmpl: t, frame: frame}, nil
}

// Templates returns the parsed pages, for tests of the catalogue.
func (a *Admin) Templates() *web.Templates { return a.tmpl }

// NavItems are the administration links for the navigation.
func NavItems() []web.NavItem {
	return []web.NavItem{
		{Section: "nav.section.admin", Label: "nav.users", Href: "/admin/users", Permission: string(authz.PermAdminUsers)},
		{Section: "nav.section.admin", Label: "nav.tokens", Href: "/admin/tokens", Permission: string(authz.PermAdminTokens)},
	}
}

// Register mounts the administration and account pages on mux.
func (a *Admin) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /admin/users", a.users)
	mux.HandleFunc("GET /admin/users/new", a.newUser)
	mux.HandleFunc("POST /admin/users", a.createUser)
	mux.HandleFunc("GET /admin/users/{username}", a.user)
	mux.HandleFunc("POST /admin/users/{username}/password", a.resetPassword)
	mux.HandleFunc("POST /admin/users/{username}/disable", a.disableUser)
	mux.HandleFunc("POST /admin/users/{username}/enable", a.enableUser)
	mux.HandleFunc("POST /admin/users/{username}/roles", a.setRoles)
	mux.HandleFunc("GET /admin/tokens", a.tokens)
	mux.HandleFunc("GET /admin/tokens/new", a.newToken)
	mux.HandleFunc("POST /admin/tokens", a.createToken)
	mux.HandleFunc("POST /admin/tokens/{id}/revoke", a.revokeToken)
	mux.HandleFunc("GET /account/password", a.passwordForm)
	mux.HandleFunc("POST /account/password", a.changePassword)
}

// principalFrame shows the caller in the header, without navigation.
func principalFrame(r *http.Request) web.Frame {
	p := authz.FromContext(r.Context())
	if p.ID == "" {
		return web.Frame{}
	}
	roles := make([]string, len(p.Roles))
	for i, ro := range p.Roles {
		roles[i] = string(ro)
	}
	return web.Frame{User: &web.User{Name: p.Name, Org: p.Org, Roles: roles}}
}

// pageFrame returns the frame of a page titled title, the navigation marking active.
func (a *Admin) pageFrame(r *http.Request, title, active string) web.Frame {
	f := a.frame(r)
	f.Title, f.Active = title, active
	for i := range f.Nav {
		for j := range f.Nav[i].Items {
			if f.Nav[i].Items[j].Href == active {
				f.Nav[i].Items[j].Current, f.Nav[i].Current = true, true
			}
		}
	}
	return f
}

// fail renders the error page of err: its message for the caller's mistakes, a generic one
// (and a log line) for ours.
func (a *Admin) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusInternalServerError
	switch errs.KindOf(err) {
	case errs.KindUnauthenticated:
		status = http.StatusUnauthorized
	case errs.KindForbidden:
		status = http.StatusForbidden
	case errs.KindNotFound:
		status = http.StatusNotFound
	case errs.KindInvalid:
		status = http.StatusBadRequest
	case errs.KindConflict:
		status = http.StatusConflict
	case errs.KindRateLimited:
		status = http.StatusTooManyRequests
	}
	detail := ""
	if e, ok := errs.As(err); ok && status != http.StatusInternalServerError && status != http.StatusUnauthorized {
		detail = e.Error()
	}
	if status == http.StatusInternalServerError {
		slog.ErrorContext(r.Context(), "authnhttp: admin page", "path", r.URL.Path, "err", err)
	}
	f := a.pageFrame(r, "", "")
	a.tmpl.RenderError(w, r, status, &f, "", detail)
}

// require answers the error page unless the caller holds perm; it reports whether to go on.
func (a *Admin) require(w http.ResponseWriter, r *http.Request, perm authz.Permission) bool {
	if err := authz.Require(authz.FromContext(r.Context()), perm); err != nil {
		a.fail(w, r, err)
		return false
	}
	return true
}

// roleChoice is one checkbox of the roles fieldset.
type roleChoice struct {
	Value   string
	Label   string
	Checked bool
}

// roleChoices lists the roles the caller's organisation may grant, checking those in picked.
func (a *Admin) roleChoices(r *http.Request, picked []string) ([]roleChoice, error) {
	roles, err := a.svc.OrgRoles(r.Context(), authz.FromContext(r.Context()).Org)
	if err != nil {
		return nil, err
	}
	out := make([]roleChoice, len(roles))
	for i, ro := range roles {
		out[i] = roleChoice{Value: string(ro), Label: "admin.role." + string(ro)}
		for _, p := range picked {
			out[i].Checked = out[i].Checked || p == string(ro)
		}
	}
	return out, nil
}

// formErrors spreads an Invalid error over the named fields; the rest becomes the page's
// alert.
func formErrors(err error, fields map[string]*web.Field) string {
	e, ok := errs.As(err)
	if !ok {
		return err.Error()
	}
	if e.Kind != errs.KindInvalid {
		return e.Error() // the classified message, without the wrapping context
	}
	alert := ""
	for _, fe := range e.Fields {
		if f, ok := fields[fe.Field]; ok && f.Error == "" {
			f.Error = fe.Rule
			continue
		}
		if alert != "" {
			alert += "; "
		}
		alert += fe.Field + ": " + fe.Rule
	}
	return alert
}

// secretPage shows a secret once (a generated password, a new API token).
type secretPage struct {
	web.Frame
	Intro  string
	Label  string
	Secret string
	Back   string
}

// showSecret renders a secret with no-store caching (Render sets it) so the browser keeps
// no copy.
func (a *Admin) showSecret(w http.ResponseWriter, r *http.Request, status int, p secretPage) {
	a.tmpl.Render(w, r, status, "admin_secret.html", &p)
}

// maxAdminForm bounds the bodies of the administration forms.
const maxAdminForm = 64 << 10
