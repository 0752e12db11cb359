package authnhttp

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

type usersPage struct {
	web.Frame
	Table web.Table
}

// users serves GET /admin/users: the accounts of the caller's organisation, 50 a page.
func (a *Admin) users(w http.ResponseWriter, r *http.Request) {
	page, err := a.svc.ListUsers(r.Context(), "", r.URL.Query().Get(web.CursorParam), 50)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	t := web.Table{Caption: "admin.users.caption", Empty: "admin.users.empty",
		Columns: []web.Column{{Label: "admin.username"}, {Label: "admin.display_name"}, {Label: "admin.roles"}, {Label: "admin.status"}},
		Pages:   web.NewPageLinks(r.URL, "", page.Next)}
	for _, u := range page.Users {
		t.Rows = append(t.Rows, web.Row{Cells: []web.Cell{
			{Text: u.Username, Href: "/admin/users/" + url.PathEscape(u.Username)}, {Text: u.DisplayName},
			{Text: roleList(u.Roles)}, {Text: userStatus(u, a.svc)},
		}})
	}
	a.tmpl.Render(w, r, http.StatusOK, "admin_users.html", &usersPage{Frame: a.pageFrame(r, "admin.users.title", "/admin/users"), Table: t})
}

type userFormPage struct {
	web.Frame
	Username    web.Field
	DisplayName web.Field
	Roles       []roleChoice
	RolesError  string
	Error       string
}

// newUser serves GET /admin/users/new.
func (a *Admin) newUser(w http.ResponseWriter, r *http.Request) {
	if a.require(w, r, authz.PermAdminUsers) {
		a.userForm(w, r, http.StatusOK, authn.NewUser{}, nil)
	}
}

func (a *Admin) userForm(w http.ResponseWriter, r *http.Request, status int, n authn.NewUser, err error) {
	roles, rerr := a.roleChoices(r, n.Roles)
	if rerr != nil {
		a.fail(w, r, rerr)
		return
	}
	p := &userFormPage{Frame: a.pageFrame(r, "admin.user_new.title", "/admin/users"), Roles: roles,
		Username:    web.Field{Name: "username", Label: "admin.username", Hint: "admin.username_hint", Value: n.Username, Required: true, Autocomplete: "off"},
		DisplayName: web.Field{Name: "display_name", Label: "admin.display_name", Value: n.DisplayName, Required: true, Autocomplete: "off"}}
	if err != nil {
		roleErr := web.Field{}
		p.Error = formErrors(err, map[string]*web.Field{"username": &p.Username, "display_name": &p.DisplayName, "role": &roleErr})
		p.RolesError = roleErr.Error
	}
	a.tmpl.Render(w, r, status, "admin_user_new.html", p)
}

// createUser serves POST /admin/users: it creates the account in the caller's organisation
// with a generated password, shown once.
func (a *Admin) createUser(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "the form could not be read", http.StatusBadRequest)
		return
	}
	password, err := authn.GeneratePassword()
	if err != nil {
		a.fail(w, r, err)
		return
	}
	n := authn.NewUser{Org: authz.FromContext(r.Context()).Org, Username: r.PostForm.Get("username"),
		DisplayName: r.PostForm.Get("display_name"), Roles: r.PostForm["role"], Password: password}
	u, err := a.svc.CreateUser(r.Context(), n)
	if err != nil {
		if status := formStatus(err); status != 0 {
			a.userForm(w, r, status, n, err)
			return
		}
		a.fail(w, r, err)
		return
	}
	a.showSecret(w, r, http.StatusCreated, secretPage{Frame: a.pageFrame(r, "admin.user_created.title", "/admin/users"),
		Intro: "admin.password_once", Label: u.Username, Secret: password, Back: "/admin/users/" + url.PathEscape(u.Username)})
}

type userPage struct {
	web.Frame
	Account    authn.User
	Roles      string
	Status     string
	Choices    []roleChoice
	RolesError string
}

// user serves GET /admin/users/{username}: the account and its actions.
func (a *Admin) user(w http.ResponseWriter, r *http.Request) {
	a.renderUser(w, r, http.StatusOK, nil)
}

func (a *Admin) renderUser(w http.ResponseWriter, r *http.Request, status int, rolesErr error) {
	u, err := a.svc.UserByName(r.Context(), r.PathValue("username"))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	held := make([]string, len(u.Roles))
	for i, ro := range u.Roles {
		held[i] = string(ro)
	}
	if rolesErr != nil {
		held = r.PostForm["role"]
	}
	choices, err := a.roleChoices(r, held)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	p := &userPage{Frame: a.pageFrame(r, u.Username, "/admin/users"), Account: u, Roles: roleList(u.Roles),
		Status: userStatus(u, a.svc), Choices: choices}
	if rolesErr != nil {
		p.RolesError = formErrors(rolesErr, nil)
	}
	a.tmpl.Render(w, r, status, "admin_user.html", p)
}

// setRoles serves POST /admin/users/{username}/roles.
func (a *Admin) setRoles(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "the form could not be read", http.StatusBadRequest)
		return
	}
	username := r.PathValue("username")
	err := a.svc.SetRoles(r.Context(), username, r.PostForm["role"])
	switch {
	case err == nil:
		http.Redirect(w, r, "/admin/users/"+url.PathEscape(username), http.StatusSeeOther)
	case formStatus(err) != 0:
		a.renderUser(w, r, formStatus(err), err)
	default:
		a.fail(w, r, err)
	}
}

// enableUser serves POST /admin/users/{username}/enable.
func (a *Admin) enableUser(w http.ResponseWriter, r *http.Request) {
	username := r.PathValue("username")
	if err := a.svc.EnableUser(r.Context(), username); err != nil {
		a.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/users/"+url.PathEscape(username), http.StatusSeeOther)
}

// resetPassword serves POST /admin/users/{username}/password: a new generated password,
// shown once; the account is unlocked and its sessions end.
func (a *Admin) resetPassword(w http.ResponseWriter, r *http.Request) {
	username := r.PathValue("username")
	password, err := authn.GeneratePassword()
	if err == nil {
		err = a.svc.SetPassword(r.Context(), username, password)
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.showSecret(w, r, http.StatusOK, secretPage{Frame: a.pageFrame(r, "admin.password_reset.title", "/admin/users"),
		Intro: "admin.password_once", Label: username, Secret: password, Back: "/admin/users/" + url.PathEscape(username)})
}

// disableUser serves POST /admin/users/{username}/disable.
func (a *Admin) disableUser(w http.ResponseWriter, r *http.Request) {
	username := r.PathValue("username")
	if err := a.svc.DisableUser(r.Context(), username); err != nil {
		a.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/users/"+url.PathEscape(username), http.StatusSeeOther)
}

// formStatus is the status of re-showing a form after err, 0 when err is not the form's fault.
func formStatus(err error) int {
	switch errs.KindOf(err) {
	case errs.KindInvalid:
		return http.StatusBadRequest
	case errs.KindConflict:
		return http.StatusConflict
	}
	return 0
}

func roleList(roles []authz.Role) string {
	s := make([]string, len(roles))
	for i, r := range roles {
		s[i] = string(r)
	}
	return strings.Join(s, ", ")
}

// userStatus is the account's state as the list shows it.
func userStatus(u authn.User, svc *authn.Service) string {
	switch {
	case u.Disabled:
		return "disabled"
	case u.LockedUntil.After(svc.Clock().Now()):
		return "locked until " + u.LockedUntil.Format("2006-01-02 15:04") + " UTC"
	}
	return "active"
}
