// Package api sets up the CEAS REST API: huma on the standard ServeMux, OpenAPI 3.1 generated
// from the operations, problem+json errors that name the field and the rule, the permission
// each operation requires, cursor pagination and Idempotency-Key on writes.
//
// Every operation is registered through Register, which records the permission in the
// OpenAPI document (x-ceas-permission) and checks it before the handler runs. Services check
// again, so a handler that forgets cannot leak data; the route x role matrix test in
// internal/app walks every operation in the document.
package api

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Prefix is the path every API operation lives under.
const Prefix = "/api/v1"

// Extension names the OpenAPI extension holding an operation's required permission.
const Extension = "x-ceas-permission"

// Special permission values for operations that need no role.
const (
	Public        authz.Permission = "public"        // no authentication (health, OpenAPI)
	Authenticated authz.Permission = "authenticated" // any authenticated caller
)

// New returns the huma API on mux, serving the OpenAPI document at /api/openapi.json.
func New(mux *http.ServeMux, version string) huma.API {
	cfg := huma.DefaultConfig("CEAS API", version)
	cfg.Info.Description = "Common European Asylum System platform: temporary protection, Eurodac, Dublin, " +
		"solidarity, returns, border systems, resettlement, talent pool, reception and situational awareness."
	cfg.Info.License = &huma.License{Name: "EUPL-1.2", URL: "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12"}
	cfg.OpenAPIPath = "/api/openapi"
	cfg.DocsPath = "" // served by our own page: huma's loads scripts from a CDN
	cfg.SchemasPath = ""
	cfg.Transformers = []huma.Transformer{nameRequiredFields}
	cfg.CreateHooks = nil
	cfg.Components.SecuritySchemes = map[string]*huma.SecurityScheme{
		"bearer":  {Type: "http", Scheme: "bearer", Description: "API token created with `ceas token create`"},
		"session": {Type: "apiKey", In: "cookie", Name: "ceas_session", Description: "web UI login session"},
	}
	a := humago.New(mux, cfg)
	a.UseMiddleware(requirePermission(a))
	return a
}

// Register adds an operation that requires perm. The handler still calls a service, which
// checks the permission again against the record's owner.
func Register[I, O any](a huma.API, op huma.Operation, perm authz.Permission, handler func(context.Context, *I) (*O, error)) {
	if op.Extensions == nil {
		op.Extensions = map[string]any{}
	}
	op.Extensions[Extension] = string(perm)
	if perm != Public {
		op.Security = []map[string][]string{{"bearer": {}}, {"session": {}}}
		op.Errors = append(op.Errors, http.StatusUnauthorized, http.StatusForbidden)
	}
	wrapped := func(ctx context.Context, in *I) (*O, error) {
		out, err := handler(ctx, in)
		if err != nil {
			return nil, Err(err)
		}
		return out, nil
	}
	huma.Register(a, op, wrapped)
}

// requirePermission refuses a call before its handler when the caller is anonymous or lacks
// the operation's permission.
func requirePermission(a huma.API) func(huma.Context, func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		op := ctx.Operation()
		perm, _ := op.Extensions[Extension].(string)
		if perm == "" || authz.Permission(perm) == Public {
			next(ctx)
			return
		}
		p := authz.FromContext(ctx.Context())
		if p.ID == "" {
			ctx.SetHeader("WWW-Authenticate", `Bearer realm="ceas"`)
			_ = huma.WriteErr(a, ctx, http.StatusUnauthorized, "authentication required: send an API token as Authorization: Bearer or log in")
			return
		}
		if authz.Permission(perm) != Authenticated && !p.Can(authz.Permission(perm)) {
			_ = huma.WriteErr(a, ctx, http.StatusForbidden, "your roles do not include the permission "+perm)
			return
		}
		next(ctx)
	}
}

// Err turns a classified error into the problem+json response of its kind. Internal errors
// are reported without their text, which may hold details an attacker could use.
func Err(err error) error {
	if err == nil {
		return nil
	}
	var se huma.StatusError
	if errors.As(err, &se) {
		return err
	}
	e, ok := errs.As(err)
	if !ok {
		return huma.Error500InternalServerError("internal error")
	}
	switch e.Kind {
	case errs.KindInvalid:
		details := make([]error, len(e.Fields))
		for i, f := range e.Fields {
			loc := f.Field
			if loc != "" && loc[0] != '/' && !hasPrefix(loc, "body.") && !hasPrefix(loc, "query.") && !hasPrefix(loc, "path.") {
				loc = "body." + loc
			}
			details[i] = &huma.ErrorDetail{Location: loc, Message: f.Rule, Value: f.Value}
		}
		return huma.Error422UnprocessableEntity(e.Message, details...)
	case errs.KindNotFound:
		return huma.Error404NotFound(e.Message)
	case errs.KindConflict:
		return huma.Error409Conflict(e.Message)
	case errs.KindForbidden:
		return huma.Error403Forbidden(e.Message)
	case errs.KindUnauthenticated:
		return huma.Error401Unauthorized(e.Message)
	case errs.KindTooLarge:
		return huma.Error413RequestEntityTooLarge(e.Message)
	case errs.KindRateLimited:
		return huma.Error429TooManyRequests(e.Message)
	}
	return huma.Error500InternalServerError("internal error")
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// nameRequiredFields moves huma's "expected required property x to be present" error from the
// parent object to the missing field itself, so every error names its field.
func nameRequiredFields(_ huma.Context, _ string, v any) (any, error) {
	em, ok := v.(*huma.ErrorModel)
	if !ok {
		return v, nil
	}
	for _, d := range em.Errors {
		name, found := strings.CutPrefix(d.Message, "expected required property ")
		if !found {
			continue
		}
		if name, found = strings.CutSuffix(name, " to be present"); found {
			d.Location = d.Location + "." + name
			d.Message = "is required"
			d.Value = nil
		}
	}
	return em, nil
}
