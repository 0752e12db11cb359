package authnhttp

import (
	"net/http"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

type passwordPage struct {
	web.Frame
	Current web.Field
	New     web.Field
	Again   web.Field
	Error   string
}

// passwordForm serves GET /account/password: a signed-in person changes their password.
func (a *Admin) passwordForm(w http.ResponseWriter, r *http.Request) {
	if authz.FromContext(r.Context()).Kind != authz.KindUser {
		a.fail(w, r, errs.Unauthenticated("sign in to change your password"))
		return
	}
	a.renderPassword(w, r, http.StatusOK, nil)
}

func (a *Admin) renderPassword(w http.ResponseWriter, r *http.Request, status int, err error) {
	p := &passwordPage{Frame: a.pageFrame(r, "account.password.title", ""),
		Current: web.Field{Name: "current_password", Label: "account.current_password", Type: "password", Required: true, Autocomplete: "current-password"},
		New:     web.Field{Name: "new_password", Label: "account.new_password", Hint: "account.new_password_hint", Type: "password", Required: true, Autocomplete: "new-password"},
		Again:   web.Field{Name: "new_password_again", Label: "account.new_password_again", Type: "password", Required: true, Autocomplete: "new-password"}}
	if err != nil {
		p.Error = formErrors(err, map[string]*web.Field{"current_password": &p.Current, "new_password": &p.New, "new_password_again": &p.Again})
	}
	a.tmpl.Render(w, r, status, "account_password.html", p)
}

// changePassword serves POST /account/password. Every session of the person ends, so the
// browser is sent to sign in again with the new password.
func (a *Admin) changePassword(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "the form could not be read", http.StatusBadRequest)
		return
	}
	next := r.PostForm.Get("new_password")
	var err error
	if next != r.PostForm.Get("new_password_again") {
		err = errs.Field("new_password_again", "does not match the new password")
	} else {
		err = a.svc.ChangeOwnPassword(r.Context(), r.PostForm.Get("current_password"), next, ClientAddr(r))
	}
	switch {
	case err == nil:
		http.Redirect(w, r, "/login", http.StatusSeeOther)
	case errs.KindOf(err) == errs.KindInvalid:
		a.renderPassword(w, r, http.StatusBadRequest, err)
	default:
		a.fail(w, r, err)
	}
}
