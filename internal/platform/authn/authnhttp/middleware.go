package authnhttp

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

// Cookie names. The __Host- prefix makes the browser refuse the cookie unless it is Secure,
// has Path=/ and no Domain, so a sibling sub-domain cannot plant or overwrite a session.
const (
	CookieSecure   = "__Host-ceas_session"
	CookiePlain    = "ceas_session"
	oidcStateTTL   = 600 // seconds, as authn's login flow
	cookieOIDCName = "ceas_oidc_state"
)

// Config configures the HTTP side of authentication.
type Config struct {
	// SecureCookies marks cookies Secure (and uses the __Host- name) even when TLS ends at a
	// proxy in front of the server; with TLS in the server it applies anyway.
	SecureCookies bool
	// ClientCerts maps client certificates to organisations (see ParseClientCerts). The TLS
	// server must request client certificates (tls.RequestClientCert or stronger).
	ClientCerts map[string]CertIdentity
	// OIDC enables login through an OpenID Connect provider when its Issuer is set.
	OIDC OIDCConfig
	// Renderer draws the login page; nil uses the web package's built-in login page
	// without the module templates (WebLogin over web.NewTemplates(nil)).
	Renderer LoginRenderer
	// Clock checks client certificate validity; nil is the system clock.
	Clock clock.Clock
}

// Handler holds the authentication routes and middleware.
type Handler struct {
	svc  *authn.Service
	cfg  Config
	oidc *oidcClient
}

// New returns the handler. When cfg.OIDC is configured it contacts the provider's discovery
// document, so ctx should bound the start-up.
func New(ctx context.Context, svc *authn.Service, cfg Config) (*Handler, error) {
	if cfg.Renderer == nil {
		t, err := web.NewTemplates(nil)
		if err != nil {
			return nil, fmt.Errorf("authnhttp: login page: %w", err)
		}
		cfg.Renderer = WebLogin{Templates: t}
	}
	if cfg.Clock == nil {
		cfg.Clock = clock.System{}
	}
	h := &Handler{svc: svc, cfg: cfg}
	for fp, id := range cfg.ClientCerts {
		if err := svc.CheckGrant(ctx, "client_certs["+fp[:min(16, len(fp))]+"]", id.Org, id.Roles); err != nil {
			return nil, fmt.Errorf("authnhttp: client certificate table: %w", err)
		}
	}
	if cfg.OIDC.Issuer != "" {
		c, err := newOIDCClient(ctx, cfg.OIDC)
		if err != nil {
			return nil, err
		}
		h.oidc = c
	}
	return h, nil
}

type authErrKey struct{}

// AuthError returns why the credential presented with the request was refused (an
// Unauthenticated or RateLimited error), or nil when none was presented or it was accepted.
// The API uses it to answer 401 or 429 with a useful message.
func AuthError(ctx context.Context) error {
	err, _ := ctx.Value(authErrKey{}).(error)
	return err
}

// Middleware resolves the caller of each request, in order: an "Authorization: Bearer"
// API token, the session cookie, a mapped client certificate. It stores the principal with
// authz.WithPrincipal and passes every request on.
func (h *Handler) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := h.resolve(r)
		ctx := r.Context()
		if err != nil {
			ctx = context.WithValue(ctx, authErrKey{}, err)
		}
		if p.ID != "" {
			ctx = authz.WithPrincipal(ctx, p)
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func (h *Handler) resolve(r *http.Request) (authz.Principal, error) {
	ctx := r.Context()
	if bearer, ok := bearerToken(r); ok {
		return h.svc.AuthenticateToken(ctx, bearer, ClientAddr(r))
	}
	if c, err := r.Cookie(h.cookieName(r)); err == nil && c.Value != "" {
		p, err := h.svc.Session(ctx, c.Value)
		if err == nil || r.TLS == nil || len(r.TLS.PeerCertificates) == 0 {
			return p, err
		}
	}
	if r.TLS != nil && len(r.TLS.PeerCertificates) > 0 {
		return h.certPrincipal(r.TLS.PeerCertificates[0])
	}
	return authz.Principal{}, nil
}

// bearerToken returns the credential of an Authorization header with the Bearer scheme
// (case-insensitive, RFC 9110 11.1).
func bearerToken(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(token), true
}

// secure reports whether cookies of r must be Secure.
func (h *Handler) secure(r *http.Request) bool { return h.cfg.SecureCookies || r.TLS != nil }

func (h *Handler) cookieName(r *http.Request) string {
	if h.secure(r) {
		return CookieSecure
	}
	return CookiePlain
}

// ClientAddr returns the IP address of the client, without the port. The server must set
// RemoteAddr from a trusted proxy header before this middleware when it runs behind one.
func ClientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
