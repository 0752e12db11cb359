package authnhttp

import "net/http"

// Register mounts the login routes on mux. The OIDC routes answer 404 when OIDC is not
// configured.
func (h *Handler) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /login", h.LoginForm)
	mux.HandleFunc("POST /login", h.Login)
	mux.HandleFunc("POST /logout", h.Logout)
	mux.HandleFunc("GET /login/oidc", h.OIDCStart)
	mux.HandleFunc("GET /login/oidc/callback", h.OIDCCallback)
}
