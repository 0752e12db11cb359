package authnhttp_test

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authn/authnhttp"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

func TestLoginSetsAHardenedCookieAndRedirectsLocally(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db, authnhttp.Config{}, authn.Config{ThrottleBurst: 3})
		rec := f.login("anna", password, "/tp/registrations?page=2")
		c := sessionCookie(rec)
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/tp/registrations?page=2" || c == nil {
			t.Fatalf("login: %d to %q, cookie %v", rec.Code, rec.Header().Get("Location"), c)
		}
		if c.Name != "ceas_session" || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/" || c.Secure {
			t.Fatalf("cookie without TLS: %+v", c)
		}
		if rec := f.login("anna", password, "https://evil.example/"); rec.Header().Get("Location") != "/" {
			t.Fatalf("open redirect to %q", rec.Header().Get("Location"))
		}
		rec = f.login("anna", "wrong password!!", "/")
		if rec.Code != http.StatusUnauthorized || sessionCookie(rec) != nil ||
			!strings.Contains(rec.Body.String(), "The username or password is not correct.") || !strings.Contains(rec.Body.String(), `value="anna"`) {
			t.Fatalf("failed login: %d %s", rec.Code, rec.Body.String())
		}
		for range 3 {
			rec = f.login("nobody", "wrong password!!", "/")
		}
		if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "3" {
			t.Fatalf("throttled login answered %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
		}
	})
}

func TestLoginUnderTLSUsesTheHostPrefixedSecureCookie(t *testing.T) {
	f := setup(t, sqldbtest.SQLite(t), authnhttp.Config{}, authn.Config{})
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader("username=anna&password="+strings.ReplaceAll(password, " ", "+")))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.TLS = &tls.ConnectionState{}
	c := sessionCookie(f.do(req))
	if c == nil || c.Name != "__Host-ceas_session" || !c.Secure || !c.HttpOnly || c.Path != "/" || c.Domain != "" {
		t.Fatalf("cookie under TLS: %+v", c)
	}
}

func TestLogoutEndsTheSession(t *testing.T) {
	f := setup(t, sqldbtest.SQLite(t), authnhttp.Config{}, authn.Config{})
	session := sessionCookie(f.login("anna", password, "/"))
	req := httptest.NewRequest(http.MethodPost, "/logout", nil)
	req.AddCookie(session)
	rec := f.do(req)
	cleared := sessionCookie(rec)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/login" || cleared == nil || cleared.MaxAge >= 0 {
		t.Fatalf("logout: %d to %q, cookie %+v", rec.Code, rec.Header().Get("Location"), cleared)
	}
	req = httptest.NewRequest(http.MethodGet, "/whoami", nil)
	req.AddCookie(session)
	if got := f.do(req).Body.String(); got != "|||true" {
		t.Fatalf("session still valid after logout: %q", got)
	}
}

func TestLoginFormRendersThroughTheRenderer(t *testing.T) {
	r := &recordingRenderer{}
	f := setup(t, sqldbtest.SQLite(t), authnhttp.Config{Renderer: r}, authn.Config{})
	f.do(httptest.NewRequest(http.MethodGet, "/login?next=//evil.example", nil))
	if r.status != http.StatusOK || r.page.Next != "/" || r.page.OIDCURL != "" {
		t.Fatalf("rendered %d %+v", r.status, r.page)
	}
}

type recordingRenderer struct {
	status int
	page   authnhttp.LoginPage
}

func (r *recordingRenderer) RenderLogin(w http.ResponseWriter, _ *http.Request, status int, page authnhttp.LoginPage) {
	r.status, r.page = status, page
	w.WriteHeader(status)
}

func TestSafeNext(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/tp", "/tp"},
		{"/tp?x=1#y", "/tp?x=1#y"},
		{"", "/"},
		{"tp", "/"},
		{"//evil.example/x", "/"},
		{"/\\evil.example", "/"},
		{"https://evil.example", "/"},
		{"javascript:alert(1)", "/"},
		{"/a\r\nLocation: x", "/"},
	}
	for _, tt := range tests {
		if got := authnhttp.SafeNext(tt.in); got != tt.want {
			t.Errorf("SafeNext(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLoginPageRendersWithThePlatformLayout(t *testing.T) {
	f := setup(t, sqldbtest.SQLite(t), authnhttp.Config{}, authn.Config{})
	rec := f.do(httptest.NewRequest(http.MethodGet, "/login?next=/dublin", nil))
	body := rec.Body.String()
	if rec.Code != http.StatusOK || !strings.Contains(body, `action="/login"`) || !strings.Contains(body, `name="next" value="/dublin"`) ||
		!strings.Contains(body, `autocomplete="current-password"`) {
		t.Fatalf("GET /login: %d\n%s", rec.Code, body)
	}
}

func FuzzSafeNext(f *testing.F) {
	for _, s := range []string{"/tp", "//evil", "/\\evil", "https://x", "/a?b=//c", "/%2F%2Fevil", "\t/x", "/a\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, next string) {
		got := authnhttp.SafeNext(next)
		if got != "/" && got != next {
			t.Fatalf("SafeNext(%q) = %q: neither the input nor /", next, got)
		}
		u, err := url.Parse(got)
		if err != nil || u.Host != "" || u.Scheme != "" || !strings.HasPrefix(got, "/") || strings.HasPrefix(got, "//") ||
			strings.ContainsAny(got, "\\\r\n\t") {
			t.Fatalf("SafeNext(%q) = %q leaves the site", next, got)
		}
	})
}
