package authnhttp_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authn/authnhttp"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

func TestMiddlewareResolvesTheCaller(t *testing.T) {
	cert := selfSigned(t, "afis.de.example")
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db, authnhttp.Config{ClientCerts: map[string]authnhttp.CertIdentity{
			authnhttp.Fingerprint(cert): {Org: "DE", Roles: []authz.Role{authz.RoleBorderGuard}},
		}}, authn.Config{})
		cli := authz.WithPrincipal(context.Background(), authz.System("test"))
		_, secret, err := f.svc.CreateToken(cli, authn.NewToken{Org: "DE", Name: "afis", Roles: []string{"registration_officer"}})
		if err != nil {
			t.Fatal(err)
		}
		session := sessionCookie(f.login("anna", password, "/"))
		if session == nil {
			t.Fatal("login set no session cookie")
		}
		other := selfSigned(t, "unknown.example")
		tests := []struct {
			name string
			prep func(r *http.Request)
			want string
		}{
			{"nobody", func(r *http.Request) {}, "|||false"},
			{"bearer token", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+secret) }, "token|DE|afis|false"},
			{"bearer scheme is case-insensitive", func(r *http.Request) { r.Header.Set("Authorization", "bearer "+secret) }, "token|DE|afis|false"},
			{"wrong bearer token", func(r *http.Request) { r.Header.Set("Authorization", "Bearer ceas_nope") }, "|||true"},
			{"bearer wins over the cookie", func(r *http.Request) {
				r.Header.Set("Authorization", "Bearer ceas_nope")
				r.AddCookie(session)
			}, "|||true"},
			{"session cookie", func(r *http.Request) { r.AddCookie(session) }, "user|DE|anna|false"},
			{"unknown session", func(r *http.Request) {
				r.AddCookie(&http.Cookie{Name: authnhttp.CookiePlain, Value: "forged"})
			}, "|||true"},
			{"session cookie under the wrong name", func(r *http.Request) {
				r.AddCookie(&http.Cookie{Name: authnhttp.CookieSecure, Value: session.Value})
			}, "|||false"},
			{"mapped client certificate", func(r *http.Request) {
				r.TLS = &tls.ConnectionState{PeerCertificates: []*x509.Certificate{cert}}
			}, "token|DE|afis.de.example|false"},
			{"unmapped client certificate", func(r *http.Request) {
				r.TLS = &tls.ConnectionState{PeerCertificates: []*x509.Certificate{other}}
			}, "|||false"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				req := httptest.NewRequest(http.MethodGet, "/whoami", nil)
				tt.prep(req)
				rec := f.do(req)
				if rec.Code != http.StatusOK || rec.Body.String() != tt.want {
					t.Fatalf("got %d %q, want 200 %q", rec.Code, rec.Body.String(), tt.want)
				}
			})
		}
		f.clock.Advance(48 * time.Hour) // past the certificate's NotAfter
		req := httptest.NewRequest(http.MethodGet, "/whoami", nil)
		req.TLS = &tls.ConnectionState{PeerCertificates: []*x509.Certificate{cert}}
		if got := f.do(req).Body.String(); got != "|||true" {
			t.Fatalf("expired certificate: %q", got)
		}
	})
}

func TestClientCertificateTableIsCheckedAgainstTheOrganisation(t *testing.T) {
	db := sqldbtest.SQLite(t)
	f := setup(t, db, authnhttp.Config{}, authn.Config{})
	certs := map[string]authnhttp.CertIdentity{strings.Repeat("ab", 32): {Org: "EUAA", Roles: []authz.Role{authz.RoleBorderGuard}}}
	if _, err := authnhttp.New(context.Background(), f.svc, authnhttp.Config{ClientCerts: certs}); err == nil {
		t.Fatal("an EU body's certificate was given a border guard role")
	}
}

// selfSigned returns a certificate valid from an hour ago for a day.
func selfSigned(t *testing.T, cn string) *x509.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(23 * time.Hour),
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestParseClientCerts(t *testing.T) {
	fp := strings.Repeat("AB:", 31) + "AB"
	tests := []struct {
		name, spec string
		n          int
		ok         bool
	}{
		{"openssl fingerprint with name", fp + "=de:border_guard,registration_officer:AFIS Germany", 1, true},
		{"two entries", fp + "=DE:analyst;" + strings.Repeat("cd", 32) + "=PL:analyst\n", 2, true},
		{"empty", "", 0, true},
		{"short fingerprint", "abcd=DE:analyst", 0, false},
		{"no roles", fp + "=DE", 0, false},
		{"unknown role", fp + "=DE:superuser", 0, false},
		{"system role", fp + "=DE:system", 0, false},
		{"duplicate", fp + "=DE:analyst;" + fp + "=PL:analyst", 0, false},
		{"no organisation", fp + "=:analyst", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := authnhttp.ParseClientCerts(tt.spec)
			if tt.ok != (err == nil) || (tt.ok && len(m) != tt.n) {
				t.Fatalf("ParseClientCerts = %v, %v", m, err)
			}
			if tt.name == "openssl fingerprint with name" {
				id := m[strings.Repeat("ab", 32)]
				if id.Org != "DE" || len(id.Roles) != 2 || id.Name != "AFIS Germany" {
					t.Fatalf("entry %+v", id)
				}
			}
		})
	}
}

func FuzzParseClientCerts(f *testing.F) {
	f.Add(strings.Repeat("ab", 32) + "=DE:analyst:name")
	f.Add(strings.Repeat("AB:", 31) + "AB=pl:border_guard,analyst;")
	f.Add("=:;\n=")
	f.Fuzz(func(t *testing.T, spec string) {
		m, err := authnhttp.ParseClientCerts(spec)
		if err != nil {
			return
		}
		for fp, id := range m {
			if len(fp) != 64 || strings.ToLower(fp) != fp || id.Org == "" || len(id.Roles) == 0 {
				t.Fatalf("accepted entry %q -> %+v", fp, id)
			}
			for _, r := range id.Roles {
				if _, err := authz.ParseRole("role", string(r)); err != nil {
					t.Fatalf("accepted role %q", r)
				}
			}
		}
	})
}
