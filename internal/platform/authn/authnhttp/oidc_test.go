package authnhttp_test

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authn/authnhttp"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

// fakeIdP is a minimal OpenID provider: discovery, keys, and a token endpoint that checks
// the PKCE verifier against the challenge of the authorisation request.
type fakeIdP struct {
	*httptest.Server
	key       *rsa.PrivateKey
	mu        sync.Mutex
	challenge string
	nonce     string
	claims    map[string]any
}

func newFakeIdP(t *testing.T) *fakeIdP {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p := &fakeIdP{key: key}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, map[string]any{"issuer": p.URL, "authorization_endpoint": p.URL + "/auth",
			"token_endpoint": p.URL + "/token", "jwks_uri": p.URL + "/jwks",
			"id_token_signing_alg_values_supported": []string{"RS256"}})
	})
	mux.HandleFunc("GET /jwks", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, map[string]any{"keys": []map[string]any{{"kty": "RSA", "kid": "k1", "alg": "RS256", "use": "sig",
			"n": b64(key.N.Bytes()), "e": b64(big.NewInt(int64(key.E)).Bytes())}}})
	})
	mux.HandleFunc("POST /token", func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		defer p.mu.Unlock()
		sum := sha256.Sum256([]byte(r.FormValue("code_verifier")))
		if r.FormValue("code") != "good-code" || b64(sum[:]) != p.challenge {
			w.WriteHeader(http.StatusBadRequest)
			writeJSON(w, map[string]any{"error": "invalid_grant"})
			return
		}
		claims := map[string]any{"iss": p.URL, "aud": "ceas", "exp": time.Now().Add(time.Hour).Unix(),
			"iat": time.Now().Unix(), "nonce": p.nonce}
		for k, v := range p.claims {
			claims[k] = v
		}
		writeJSON(w, map[string]any{"access_token": "at", "token_type": "Bearer", "id_token": p.sign(t, claims)})
	})
	p.Server = httptest.NewServer(mux)
	t.Cleanup(p.Close)
	return p
}

func (p *fakeIdP) sign(t *testing.T, claims map[string]any) string {
	header, _ := json.Marshal(map[string]string{"alg": "RS256", "kid": "k1", "typ": "JWT"})
	body, _ := json.Marshal(claims)
	input := b64(header) + "." + b64(body)
	sum := sha256.Sum256([]byte(input))
	sig, err := rsa.SignPKCS1v15(rand.Reader, p.key, crypto.SHA256, sum[:])
	if err != nil {
		t.Fatal(err)
	}
	return input + "." + b64(sig)
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func TestOIDCLoginEndToEnd(t *testing.T) {
	idp := newFakeIdP(t)
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db, authnhttp.Config{OIDC: authnhttp.OIDCConfig{Issuer: idp.URL, ClientID: "ceas",
			ClientSecret: "s", RedirectURL: "http://ceas.test/login/oidc/callback", RolesClaim: "access.roles"}},
			authn.Config{OIDCAutoProvision: true})
		idp.claims = map[string]any{"sub": "u-77", "preferred_username": "jan.kowalski", "name": "Jan",
			"ceas_org": "DE", "access": map[string]any{"roles": []string{"dublin_officer"}}}

		start := f.do(httptest.NewRequest(http.MethodGet, "/login/oidc?next=/dublin", nil))
		loc, err := url.Parse(start.Header().Get("Location"))
		if start.Code != http.StatusFound || err != nil || !strings.HasPrefix(loc.String(), idp.URL+"/auth") {
			t.Fatalf("start: %d %q", start.Code, start.Header().Get("Location"))
		}
		q := loc.Query()
		if q.Get("code_challenge_method") != "S256" || q.Get("nonce") == "" || q.Get("state") == "" {
			t.Fatalf("authorisation request lacks PKCE, nonce or state: %v", q)
		}
		idp.challenge, idp.nonce = q.Get("code_challenge"), q.Get("nonce")
		var stateCookie *http.Cookie
		for _, c := range start.Result().Cookies() {
			if c.Name == "ceas_oidc_state" {
				stateCookie = c
			}
		}
		callback := func(code, state string, withCookie bool) *httptest.ResponseRecorder {
			req := httptest.NewRequest(http.MethodGet, "/login/oidc/callback?code="+code+"&state="+url.QueryEscape(state), nil)
			if withCookie {
				req.AddCookie(stateCookie)
			}
			return f.do(req)
		}
		if rec := callback("good-code", q.Get("state"), false); rec.Code != http.StatusUnauthorized {
			t.Fatalf("callback in another browser: %d", rec.Code)
		}
		rec := callback("good-code", q.Get("state"), true)
		session := sessionCookie(rec)
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/dublin" || session == nil {
			t.Fatalf("callback: %d to %q: %s", rec.Code, rec.Header().Get("Location"), rec.Body.String())
		}
		req := httptest.NewRequest(http.MethodGet, "/whoami", nil)
		req.AddCookie(session)
		if got := f.do(req).Body.String(); got != "user|DE|jan.kowalski|false" {
			t.Fatalf("whoami after OIDC login: %q", got)
		}
		if rec := callback("good-code", q.Get("state"), true); rec.Code != http.StatusUnauthorized {
			t.Fatalf("state replayed: %d", rec.Code)
		}
	})
}

func TestOIDCRoutesAreAbsentWhenNotConfigured(t *testing.T) {
	f := setup(t, sqldbtest.SQLite(t), authnhttp.Config{}, authn.Config{})
	if rec := f.do(httptest.NewRequest(http.MethodGet, "/login/oidc", nil)); rec.Code != http.StatusNotFound {
		t.Fatalf("GET /login/oidc without OIDC: %d", rec.Code)
	}
}
