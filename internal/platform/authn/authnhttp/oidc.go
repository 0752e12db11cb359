package authnhttp

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// OIDCConfig configures login through an OpenID Connect provider (authorisation code flow
// with state, nonce and PKCE S256). An empty Issuer disables it.
type OIDCConfig struct {
	Issuer       string
	ClientID     string
	ClientSecret string
	// RedirectURL is this server's callback, ending in /login/oidc/callback.
	RedirectURL string
	// OrgClaim names the claim holding the organisation code (default "ceas_org"); RolesClaim
	// the claim holding CEAS role names as a list or a space/comma-separated string (default
	// "ceas_roles"). Dotted names reach into nested claims ("realm_access.roles").
	OrgClaim   string
	RolesClaim string
	// Label names the provider on the login page (default "your organisation's login").
	Label string
	// HTTPClient reaches the provider; nil is http.DefaultClient.
	HTTPClient *http.Client
}

type oidcClient struct {
	oauth      oauth2.Config
	verifier   *oidc.IDTokenVerifier
	orgClaim   string
	rolesClaim string
	label      string
	httpClient *http.Client
}

func newOIDCClient(ctx context.Context, c OIDCConfig) (*oidcClient, error) {
	var v errs.Validation
	v.Check(c.ClientID != "", "oidc.client_id", "is required with oidc.issuer")
	v.Check(strings.HasSuffix(c.RedirectURL, "/login/oidc/callback"), "oidc.redirect_url", "must end in /login/oidc/callback")
	if err := v.Err(); err != nil {
		return nil, err
	}
	oc := &oidcClient{orgClaim: or(c.OrgClaim, "ceas_org"), rolesClaim: or(c.RolesClaim, "ceas_roles"),
		label: or(c.Label, "your organisation's login"), httpClient: c.HTTPClient}
	provider, err := oidc.NewProvider(oc.ctx(ctx), c.Issuer)
	if err != nil {
		return nil, fmt.Errorf("authnhttp: oidc discovery at %s: %w", c.Issuer, err)
	}
	oc.verifier = provider.Verifier(&oidc.Config{ClientID: c.ClientID})
	oc.oauth = oauth2.Config{ClientID: c.ClientID, ClientSecret: c.ClientSecret, RedirectURL: c.RedirectURL,
		Endpoint: provider.Endpoint(), Scopes: []string{oidc.ScopeOpenID, "profile", "email"}}
	return oc, nil
}

// ctx makes the oauth2 and oidc libraries use the configured HTTP client.
func (c *oidcClient) ctx(ctx context.Context) context.Context {
	if c.httpClient == nil {
		return ctx
	}
	return oidc.ClientContext(ctx, c.httpClient)
}

// OIDCStart serves GET /login/oidc: it records a login flow and sends the browser to the
// provider. The state also goes into a short-lived cookie, binding the flow to this browser
// so an attacker cannot complete a login they started in a victim's browser.
func (h *Handler) OIDCStart(w http.ResponseWriter, r *http.Request) {
	if h.oidc == nil {
		http.NotFound(w, r)
		return
	}
	state, nonce := randomString(), randomString()
	verifier := oauth2.GenerateVerifier()
	flow := authn.LoginFlow{Nonce: nonce, Verifier: verifier, Next: SafeNext(r.URL.Query().Get("next"))}
	if err := h.svc.BeginLoginFlow(r.Context(), state, flow); err != nil {
		h.cfg.Renderer.RenderLogin(w, r, http.StatusInternalServerError, h.loginPage(flow.Next, "", msgUnavailable))
		return
	}
	http.SetCookie(w, &http.Cookie{Name: cookieOIDCName, Value: state, Path: "/login/oidc", MaxAge: oidcStateTTL,
		HttpOnly: true, Secure: h.secure(r), SameSite: http.SameSiteLaxMode})
	url := h.oidc.oauth.AuthCodeURL(state, oidc.Nonce(nonce), oauth2.S256ChallengeOption(verifier))
	http.Redirect(w, r, url, http.StatusFound)
}

// OIDCCallback serves GET /login/oidc/callback: it checks the state, exchanges the code
// with the PKCE verifier, verifies the ID token and its nonce, and opens a session.
func (h *Handler) OIDCCallback(w http.ResponseWriter, r *http.Request) {
	if h.oidc == nil {
		http.NotFound(w, r)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: cookieOIDCName, Value: "", Path: "/login/oidc", MaxAge: -1,
		HttpOnly: true, Secure: h.secure(r), SameSite: http.SameSiteLaxMode})
	id, next, err := h.oidcIdentity(r)
	if err == nil {
		var login authn.Login
		if login, err = h.svc.LoginOIDC(r.Context(), id, ClientAddr(r)); err == nil {
			h.endOldSession(r)
			h.setSession(w, r, login)
			http.Redirect(w, r, next, http.StatusSeeOther)
			return
		}
	}
	status, msg := http.StatusInternalServerError, msgUnavailable
	if e, ok := errs.As(err); ok && e.Kind == errs.KindUnauthenticated {
		status, msg = http.StatusUnauthorized, e.Message
	}
	h.cfg.Renderer.RenderLogin(w, r, status, h.loginPage(next, "", msg))
}

// oidcIdentity checks the callback and returns the verified identity and the return path.
func (h *Handler) oidcIdentity(r *http.Request) (authn.OIDCIdentity, string, error) {
	q := r.URL.Query()
	if e := q.Get("error"); e != "" {
		return authn.OIDCIdentity{}, "/", errs.Unauthenticated("the identity provider refused the login (%s)", e)
	}
	state := q.Get("state")
	c, err := r.Cookie(cookieOIDCName)
	if err != nil || state == "" || subtle.ConstantTimeCompare([]byte(c.Value), []byte(state)) != 1 {
		return authn.OIDCIdentity{}, "/", errs.Unauthenticated("the login was not started in this browser; please start again")
	}
	flow, err := h.svc.ConsumeLoginFlow(r.Context(), state)
	if err != nil {
		return authn.OIDCIdentity{}, "/", err
	}
	ctx := h.oidc.ctx(r.Context())
	tok, err := h.oidc.oauth.Exchange(ctx, q.Get("code"), oauth2.VerifierOption(flow.Verifier))
	if err != nil {
		return authn.OIDCIdentity{}, flow.Next, errs.Unauthenticated("the identity provider did not accept the login code")
	}
	raw, _ := tok.Extra("id_token").(string)
	idt, err := h.oidc.verifier.Verify(ctx, raw)
	if err != nil || subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(flow.Nonce)) != 1 {
		return authn.OIDCIdentity{}, flow.Next, errs.Unauthenticated("the identity provider's ID token is not valid")
	}
	var claims map[string]any
	if err := idt.Claims(&claims); err != nil {
		return authn.OIDCIdentity{}, flow.Next, errs.Unauthenticated("the ID token's claims cannot be read")
	}
	return h.oidc.identity(idt.Issuer, idt.Subject, claims), flow.Next, nil
}

// identity reads the person's names, organisation and roles from verified claims.
func (c *oidcClient) identity(issuer, subject string, claims map[string]any) authn.OIDCIdentity {
	username, _ := claims["preferred_username"].(string)
	if username == "" {
		username, _ = claims["email"].(string)
	}
	name, _ := claims["name"].(string)
	org, _ := claimAt(claims, c.orgClaim).(string)
	return authn.OIDCIdentity{Issuer: issuer, Subject: subject, Username: username, DisplayName: name,
		Org: org, Roles: rolesClaim(claimAt(claims, c.rolesClaim))}
}

// claimAt follows a dotted path into nested claims.
func claimAt(claims map[string]any, path string) any {
	var cur any = claims
	for part := range strings.SplitSeq(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[part]
	}
	return cur
}

// rolesClaim accepts a JSON list of strings or one space- or comma-separated string; nil
// means the provider sent no roles, so the account keeps its own.
func rolesClaim(v any) []string {
	switch v := v.(type) {
	case []any:
		out := []string{}
		for _, r := range v {
			if s, ok := r.(string); ok {
				out = append(out, s)
			}
		}
		return out
	case string:
		return strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == ',' })
	}
	return nil
}

func randomString() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return base64.RawURLEncoding.EncodeToString(b)
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
