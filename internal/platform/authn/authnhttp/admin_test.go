package authnhttp_test

import (
	"context"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authn/authnhttp"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

// adminFixture serves the admin pages to whoever p is.
type adminFixture struct {
	fixture
	admin http.Handler
}

func newAdminFixture(t *testing.T, db *sqldb.DB) adminFixture {
	t.Helper()
	f := setup(t, db, authnhttp.Config{}, authn.Config{})
	if _, err := db.Writer().ExecContext(context.Background(), `INSERT INTO organisations (code, name, kind) VALUES ('PL', 'Poland', 'member_state')`); err != nil {
		t.Fatal(err)
	}
	a, err := authnhttp.NewAdmin(f.svc, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m := a.Templates().MissingMessages(); len(m) != 0 {
		t.Fatalf("catalogue lacks %v", m)
	}
	mux := http.NewServeMux()
	a.Register(mux)
	return adminFixture{fixture: f, admin: mux}
}

// as serves req as p.
func (f adminFixture) as(p authz.Principal, method, target string, form url.Values) *httptest.ResponseRecorder {
	var req *http.Request
	if form != nil {
		req = httptest.NewRequest(method, target, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req = httptest.NewRequest(method, target, nil)
	}
	if p.ID != "" {
		req = req.WithContext(authz.WithPrincipal(req.Context(), p))
	}
	rec := httptest.NewRecorder()
	f.admin.ServeHTTP(rec, req)
	return rec
}

func (f adminFixture) user(t *testing.T, org, username string, roles ...string) authz.Principal {
	t.Helper()
	u, err := f.svc.CreateUser(authz.WithPrincipal(context.Background(), authz.System("test")),
		authn.NewUser{Org: org, Username: username, DisplayName: username, Roles: roles})
	if err != nil {
		t.Fatal(err)
	}
	return u.Principal()
}

var secretPattern = regexp.MustCompile(`<code class="secret" id="secret">([^<]+)</code>`)

// shownSecret returns the secret a page shows, as the browser displays it.
func shownSecret(body string) []string {
	m := secretPattern.FindStringSubmatch(body)
	if m != nil {
		m[1] = html.UnescapeString(m[1])
	}
	return m
}

func TestAdminPagesAccessMatrix(t *testing.T) {
	f := newAdminFixture(t, sqldbtest.SQLite(t))
	admin := f.user(t, "DE", "de.admin", "admin")
	officer := f.user(t, "DE", "de.officer", "registration_officer")
	f.user(t, "PL", "pl.officer", "border_guard")
	pages := []string{"/admin/users", "/admin/users/new", "/admin/users/de.officer", "/admin/tokens", "/admin/tokens/new"}
	tests := []struct {
		name string
		p    authz.Principal
		want int
	}{
		{"administrator", admin, http.StatusOK},
		{"officer", officer, http.StatusForbidden},
		{"anonymous", authz.Principal{}, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		for _, page := range pages {
			if rec := f.as(tt.p, http.MethodGet, page, nil); rec.Code != tt.want {
				t.Errorf("%s GET %s: %d, want %d", tt.name, page, rec.Code, tt.want)
			}
		}
	}
	if rec := f.as(admin, http.MethodGet, "/admin/users/pl.officer", nil); rec.Code != http.StatusNotFound {
		t.Errorf("DE admin sees a PL account: %d", rec.Code)
	}
	if rec := f.as(admin, http.MethodPost, "/admin/users/pl.officer/disable", url.Values{}); rec.Code != http.StatusNotFound {
		t.Errorf("DE admin disables a PL account: %d", rec.Code)
	}
	body := f.as(admin, http.MethodGet, "/admin/users", nil).Body.String()
	if !strings.Contains(body, "de.officer") || strings.Contains(body, "pl.officer") {
		t.Errorf("DE admin's user list:\n%s", body)
	}
	if body := f.as(admin, http.MethodGet, "/admin/users/new", nil).Body.String(); strings.Contains(body, `value="coordinator"`) ||
		!strings.Contains(body, `value="dublin_officer"`) {
		t.Errorf("a Member State's form offers the wrong roles:\n%s", body)
	}
}

func TestAdminCreatesUsersAndTokens(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newAdminFixture(t, db)
		admin := f.user(t, "DE", "de.admin", "admin")
		ctx := context.Background()

		rec := f.as(admin, http.MethodPost, "/admin/users", url.Values{"username": {"x"}, "display_name": {"X"}})
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "f-username-error") ||
			!strings.Contains(rec.Body.String(), "roles-error") {
			t.Fatalf("invalid form: %d\n%s", rec.Code, rec.Body.String())
		}
		rec = f.as(admin, http.MethodPost, "/admin/users", url.Values{"username": {"maria"}, "display_name": {"Maria"},
			"role": {"dublin_officer", "analyst"}})
		m := shownSecret(rec.Body.String())
		if rec.Code != http.StatusCreated || m == nil {
			t.Fatalf("create user: %d\n%s", rec.Code, rec.Body.String())
		}
		if _, err := f.svc.Authenticate(ctx, "maria", m[1], "10.0.0.1"); err != nil {
			t.Fatalf("the shown password does not work: %v", err)
		}
		rec = f.as(admin, http.MethodPost, "/admin/users/maria/password", url.Values{})
		if m2 := shownSecret(rec.Body.String()); rec.Code != http.StatusOK || m2 == nil || m2[1] == m[1] {
			t.Fatalf("reset password: %d", rec.Code)
		}
		if rec := f.as(admin, http.MethodPost, "/admin/users/maria/disable", url.Values{}); rec.Code != http.StatusSeeOther {
			t.Fatalf("disable: %d", rec.Code)
		}
		if u, err := f.svc.UserByName(authz.WithPrincipal(ctx, admin), "maria"); err != nil || !u.Disabled {
			t.Fatalf("after disable: %+v, %v", u, err)
		}

		rec = f.as(admin, http.MethodPost, "/admin/tokens", url.Values{"name": {"AFIS"}, "role": {"registration_officer"}, "days": {"30"}})
		m = shownSecret(rec.Body.String())
		if rec.Code != http.StatusCreated || m == nil || !strings.HasPrefix(m[1], "ceas_") {
			t.Fatalf("create token: %d\n%s", rec.Code, rec.Body.String())
		}
		if rec := f.as(admin, http.MethodPost, "/admin/tokens", url.Values{"role": {"analyst"}, "days": {"9999"}}); rec.Code != http.StatusBadRequest {
			t.Fatalf("token with an offered lifetime missing: %d", rec.Code)
		}
		list, err := f.svc.ListTokens(authz.WithPrincipal(ctx, admin), "")
		if err != nil || len(list) != 1 {
			t.Fatalf("tokens %+v, %v", list, err)
		}
		if rec := f.as(admin, http.MethodPost, "/admin/tokens/"+list[0].ID+"/revoke", url.Values{}); rec.Code != http.StatusSeeOther {
			t.Fatalf("revoke: %d", rec.Code)
		}
		if _, err := f.svc.AuthenticateToken(ctx, m[1], "10.0.0.1"); err == nil {
			t.Fatal("revoked token still accepted")
		}
		if body := f.as(admin, http.MethodGet, "/admin/tokens", nil).Body.String(); !strings.Contains(body, "revoked") || strings.Contains(body, m[1]) {
			t.Fatalf("token list:\n%s", body)
		}
	})
}

func TestAccountPasswordPage(t *testing.T) {
	f := newAdminFixture(t, sqldbtest.SQLite(t))
	ctx := context.Background()
	login, err := f.svc.Authenticate(ctx, "anna", password, "10.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	anna := login.User.Principal()
	if rec := f.as(authz.Principal{}, http.MethodGet, "/account/password", nil); rec.Code != http.StatusUnauthorized {
		t.Fatalf("anonymous: %d", rec.Code)
	}
	if rec := f.as(anna, http.MethodGet, "/account/password", nil); rec.Code != http.StatusOK {
		t.Fatalf("form: %d", rec.Code)
	}
	tests := []struct {
		name  string
		form  url.Values
		code  int
		field string
	}{
		{"confirmation differs", url.Values{"current_password": {password}, "new_password": {"new long password"}, "new_password_again": {"new long passwort"}}, 400, "f-new_password_again-error"},
		{"wrong current password", url.Values{"current_password": {"nope nope nope"}, "new_password": {"new long password"}, "new_password_again": {"new long password"}}, 400, "f-current_password-error"},
		{"too short", url.Values{"current_password": {password}, "new_password": {"short"}, "new_password_again": {"short"}}, 400, "f-new_password-error"},
		{"changed", url.Values{"current_password": {password}, "new_password": {"new long password"}, "new_password_again": {"new long password"}}, 303, ""},
	}
	for _, tt := range tests {
		rec := f.as(anna, http.MethodPost, "/account/password", tt.form)
		if rec.Code != tt.code || (tt.field != "" && !strings.Contains(rec.Body.String(), tt.field)) {
			t.Errorf("%s: %d, want %d and %s", tt.name, rec.Code, tt.code, tt.field)
		}
	}
	if _, err := f.svc.Session(ctx, login.Token); err == nil {
		t.Fatal("the session survived the password change")
	}
	if _, err := f.svc.Authenticate(ctx, "anna", "new long password", "10.0.0.1"); err != nil {
		t.Fatalf("new password refused: %v", err)
	}
}

func TestAdminChangesRolesAndEnables(t *testing.T) {
	f := newAdminFixture(t, sqldbtest.SQLite(t))
	admin := f.user(t, "DE", "de.admin", "admin")
	f.user(t, "DE", "ben", "analyst")
	if rec := f.as(admin, http.MethodPost, "/admin/users/ben/roles", url.Values{"role": {"coordinator"}}); rec.Code != http.StatusBadRequest ||
		!strings.Contains(rec.Body.String(), "roles-error") {
		t.Fatalf("ineligible role: %d", rec.Code)
	}
	if rec := f.as(admin, http.MethodPost, "/admin/users/de.admin/roles", url.Values{"role": {"auditor"}}); rec.Code != http.StatusConflict ||
		!strings.Contains(rec.Body.String(), "you cannot change your own roles") {
		t.Fatalf("own roles: %d\n%s", rec.Code, rec.Body.String())
	}
	if rec := f.as(admin, http.MethodPost, "/admin/users/ben/roles", url.Values{"role": {"dublin_officer", "analyst"}}); rec.Code != http.StatusSeeOther {
		t.Fatalf("set roles: %d", rec.Code)
	}
	f.as(admin, http.MethodPost, "/admin/users/ben/disable", url.Values{})
	body := f.as(admin, http.MethodGet, "/admin/users/ben", nil).Body.String()
	if !strings.Contains(body, "analyst, dublin_officer") || !strings.Contains(body, "/admin/users/ben/enable") {
		t.Fatalf("user page after changes:\n%s", body)
	}
	if rec := f.as(admin, http.MethodPost, "/admin/users/ben/enable", url.Values{}); rec.Code != http.StatusSeeOther {
		t.Fatalf("enable: %d", rec.Code)
	}
}
