// Package authnhttp adapts package authn to HTTP: a middleware that finds the caller of each
// request (API token, session cookie or client certificate), the login and logout handlers,
// and the optional OpenID Connect login.
//
// The middleware never rejects a request: it puts the caller, or nobody, in the context, and
// each route decides with authz.Require. Cross-origin form posts (login CSRF included) are
// refused by http.CrossOriginProtection, which the server wraps around every route.
//
// Wiring, in the server:
//
//	h, _ := authnhttp.New(ctx, svc, authnhttp.Config{SecureCookies: tls, ClientCerts: certs,
//		OIDC: oidcCfg, Renderer: authnhttp.WebLogin{Templates: tmpl}})
//	h.Register(mux)                       // GET/POST /login, POST /logout, /login/oidc[/callback]
//	admin, _ := authnhttp.NewAdmin(svc, frameFunc)
//	admin.Register(mux)                   // /admin/users..., /admin/tokens..., /account/password
//	handler := http.NewCrossOriginProtection().Handler(h.Middleware(mux))
//
// Routes then call authz.FromContext(r.Context()) and answer 401 (with AuthError for the
// reason) or 403 themselves.
package authnhttp
