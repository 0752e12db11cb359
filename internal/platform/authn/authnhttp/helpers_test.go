package authnhttp_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authn/authnhttp"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

const password = "a long enough password"

type fixture struct {
	db    *sqldb.DB
	svc   *authn.Service
	clock *clock.Fixed
	h     *authnhttp.Handler
	mux   *http.ServeMux
}

// setup builds the service and handler on db, with organisations DE and EUAA and a DE
// registration officer "anna".
func setup(t *testing.T, db *sqldb.DB, cfg authnhttp.Config, acfg authn.Config) fixture {
	t.Helper()
	ctx := context.Background()
	for _, o := range [][3]string{{"DE", "Germany", "member_state"}, {"EUAA", "EU Agency for Asylum", "eu_body"}} {
		if _, err := db.Writer().ExecContext(ctx, `INSERT INTO organisations (code, name, kind) VALUES ($1, $2, $3)`,
			o[0], o[1], o[2]); err != nil {
			t.Fatal(err)
		}
	}
	c := clock.NewFixed(time.Now())
	acfg.Argon2 = authn.Argon2Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
	svc, err := authn.New(db, audit.New(db, c), c, acfg)
	if err != nil {
		t.Fatal(err)
	}
	cli := authz.WithPrincipal(ctx, authz.System("test"))
	if _, err := svc.CreateUser(cli, authn.NewUser{Org: "DE", Username: "anna", DisplayName: "Anna",
		Roles: []string{"registration_officer"}, Password: password}); err != nil {
		t.Fatal(err)
	}
	cfg.Clock = c
	h, err := authnhttp.New(ctx, svc, cfg)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	h.Register(mux)
	mux.Handle("GET /whoami", h.Middleware(http.HandlerFunc(whoami)))
	return fixture{db: db, svc: svc, clock: c, h: h, mux: mux}
}

// whoami answers the caller the middleware found, and the refused credential's error.
func whoami(w http.ResponseWriter, r *http.Request) {
	p := authz.FromContext(r.Context())
	fmt.Fprintf(w, "%s|%s|%s|%v", p.Kind, p.Org, p.Name, authnhttp.AuthError(r.Context()) != nil)
}

// do serves req and returns the recorder.
func (f fixture) do(req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	f.mux.ServeHTTP(rec, req)
	return rec
}

// login posts the login form and returns the response.
func (f fixture) login(username, pw, next string) *httptest.ResponseRecorder {
	form := url.Values{"username": {username}, "password": {pw}, "next": {next}}
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return f.do(req)
}

// sessionCookie returns the session cookie a response set, or nil.
func sessionCookie(rec *httptest.ResponseRecorder) *http.Cookie {
	for _, c := range rec.Result().Cookies() {
		if c.Name == authnhttp.CookiePlain || c.Name == authnhttp.CookieSecure {
			return c
		}
	}
	return nil
}
