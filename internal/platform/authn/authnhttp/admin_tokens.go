package authnhttp

import (
	"net/http"
	"strconv"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

type tokenRow struct {
	authn.Token
	Roles  string
	Status string
	Active bool
}

type tokensPage struct {
	web.Frame
	Tokens []tokenRow
}

// tokens serves GET /admin/tokens: the API tokens of the caller's organisation, each active
// one with a revoke button.
func (a *Admin) tokens(w http.ResponseWriter, r *http.Request) {
	list, err := a.svc.ListTokens(r.Context(), "")
	if err != nil {
		a.fail(w, r, err)
		return
	}
	now := a.svc.Clock().Now()
	p := &tokensPage{Frame: a.pageFrame(r, "admin.tokens.title", "/admin/tokens")}
	for _, t := range list {
		row := tokenRow{Token: t, Roles: roleList(t.Roles), Status: "admin.token.active", Active: true}
		switch {
		case !t.RevokedAt.IsZero():
			row.Status, row.Active = "admin.token.revoked", false
		case !now.Before(t.ExpiresAt):
			row.Status, row.Active = "admin.token.expired", false
		}
		p.Tokens = append(p.Tokens, row)
	}
	a.tmpl.Render(w, r, http.StatusOK, "admin_tokens.html", p)
}

type tokenFormPage struct {
	web.Frame
	Name       web.Field
	Expires    web.Field
	Roles      []roleChoice
	RolesError string
	Error      string
}

type lifetime struct {
	Days  int
	Label string
}

// tokenLifetimes are the choices of the expiry field, in days; two years is the service's
// longest (authn.Config.MaxTokenTTL by default).
func tokenLifetimes() []lifetime {
	return []lifetime{{30, "admin.token.days_30"}, {90, "admin.token.days_90"}, {365, "admin.token.days_365"},
		{730, "admin.token.days_730"}}
}

// newToken serves GET /admin/tokens/new.
func (a *Admin) newToken(w http.ResponseWriter, r *http.Request) {
	if a.require(w, r, authz.PermAdminTokens) {
		a.tokenForm(w, r, http.StatusOK, "", "90", nil, nil)
	}
}

func (a *Admin) tokenForm(w http.ResponseWriter, r *http.Request, status int, name, days string, roles []string, err error) {
	choices, rerr := a.roleChoices(r, roles)
	if rerr != nil {
		a.fail(w, r, rerr)
		return
	}
	p := &tokenFormPage{Frame: a.pageFrame(r, "admin.token_new.title", "/admin/tokens"), Roles: choices,
		Name:    web.Field{Name: "name", Label: "admin.token.name", Hint: "admin.token.name_hint", Value: name, Autocomplete: "off"},
		Expires: web.Field{Name: "days", Label: "admin.token.expires", Type: "select", Required: true}}
	for _, l := range tokenLifetimes() {
		v := strconv.Itoa(l.Days)
		p.Expires.Options = append(p.Expires.Options, web.Option{Value: v, Label: l.Label, Selected: v == days})
	}
	if err != nil {
		roleErr := web.Field{}
		p.Error = formErrors(err, map[string]*web.Field{"name": &p.Name, "expires": &p.Expires, "role": &roleErr})
		p.RolesError = roleErr.Error
	}
	a.tmpl.Render(w, r, status, "admin_token_new.html", p)
}

// createToken serves POST /admin/tokens: the token is shown once.
func (a *Admin) createToken(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "the form could not be read", http.StatusBadRequest)
		return
	}
	days := r.PostForm.Get("days")
	n := authn.NewToken{Org: authz.FromContext(r.Context()).Org, Name: r.PostForm.Get("name"), Roles: r.PostForm["role"]}
	for _, l := range tokenLifetimes() {
		if strconv.Itoa(l.Days) == days {
			n.TTL = time.Duration(l.Days) * 24 * time.Hour
		}
	}
	var err error
	if n.TTL == 0 {
		err = errs.Field("expires", "choose one of the offered lifetimes")
	}
	var t authn.Token
	var secret string
	if err == nil {
		t, secret, err = a.svc.CreateToken(r.Context(), n)
	}
	if err != nil {
		if status := formStatus(err); status != 0 {
			a.tokenForm(w, r, status, n.Name, days, n.Roles, err)
			return
		}
		a.fail(w, r, err)
		return
	}
	a.showSecret(w, r, http.StatusCreated, secretPage{Frame: a.pageFrame(r, "admin.token_created.title", "/admin/tokens"),
		Intro: "admin.token_once", Label: t.Name, Secret: secret, Back: "/admin/tokens"})
}

// revokeToken serves POST /admin/tokens/{id}/revoke.
func (a *Admin) revokeToken(w http.ResponseWriter, r *http.Request) {
	if err := a.svc.RevokeToken(r.Context(), r.PathValue("id")); err != nil {
		a.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/tokens", http.StatusSeeOther)
}
