package app_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ceas-eu/ceas/internal/app/apptest"
	"github.com/ceas-eu/ceas/internal/platform/api"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// operation is one method and path of the OpenAPI document with its declared permission.
type operation struct {
	method, path, permission string
}

func operations(env *apptest.Env) []operation {
	var ops []operation
	for path, item := range env.App.API.OpenAPI().Paths {
		for _, m := range []struct {
			method string
			op     *huma.Operation
		}{{"GET", item.Get}, {"POST", item.Post}, {"PUT", item.Put}, {"PATCH", item.Patch}, {"DELETE", item.Delete}} {
			if m.op == nil {
				continue
			}
			perm, _ := m.op.Extensions[api.Extension].(string)
			ops = append(ops, operation{m.method, path, perm})
		}
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].path+ops[i].method < ops[j].path+ops[j].method })
	return ops
}

// concretePath fills path parameters with a value no record has.
func concretePath(p string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(p, '{')
		if i < 0 {
			b.WriteString(p)
			return b.String()
		}
		j := strings.IndexByte(p[i:], '}')
		b.WriteString(p[:i] + "00000000-0000-7000-8000-000000000000")
		p = p[i+j+1:]
	}
}

// roleOrg is the organisation a role's test token belongs to.
func roleOrg(r authz.Role) string {
	switch r {
	case authz.RoleCoordinator, authz.RoleAnalyst:
		return "EC"
	}
	return "DE"
}

// TestEveryRouteEnforcesThePolicyForEveryRole walks every API operation with no credential
// and with a token of each role: an operation without a policy entry fails the test; an
// anonymous call answers 401; a role without the permission answers 403; a role with it is
// let through to the operation (any answer but 401 and 403).
func TestEveryRouteEnforcesThePolicyForEveryRole(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		env := apptest.Start(t, db)
		tokens := map[authz.Role]string{}
		for _, r := range authz.Roles() {
			tokens[r] = env.Token(roleOrg(r), r)
		}
		ops := operations(env)
		if len(ops) < 10 {
			t.Fatalf("only %d operations found", len(ops))
		}
		for _, op := range ops {
			t.Run(op.method+" "+op.path, func(t *testing.T) {
				if op.permission == "" {
					t.Fatalf("no %s: every operation needs a policy entry", api.Extension)
				}
				path := concretePath(op.path)
				body := any(nil)
				if op.method != http.MethodGet && op.method != http.MethodDelete {
					body = "{}"
				}
				anon := env.Do(op.method, path, "", body)
				if op.permission != string(api.Public) && anon.Status != http.StatusUnauthorized {
					t.Errorf("anonymous: %d, want 401", anon.Status)
				}
				for _, r := range authz.Roles() {
					p := authz.Principal{ID: "x", Roles: []authz.Role{r}}
					allowed := op.permission == string(api.Public) || op.permission == string(api.Authenticated) || p.Can(authz.Permission(op.permission))
					got := env.Do(op.method, path, tokens[r], body).Status
					switch {
					case allowed && (got == http.StatusUnauthorized || got == http.StatusForbidden):
						t.Errorf("%s holds %s but got %d", r, op.permission, got)
					case !allowed && got != http.StatusForbidden:
						t.Errorf("%s lacks %s but got %d, want 403", r, op.permission, got)
					}
				}
			})
		}
	})
}

// TestOpenAPIDocumentIsStable compares the generated document with the golden file; run
// `go test ./internal/app -run OpenAPI -update` after an intended API change and review the diff.
func TestOpenAPIDocumentIsStable(t *testing.T) {
	env := apptest.Start(t, nil)
	got := env.Do(http.MethodGet, "/api/openapi.json", "", nil)
	if got.Status != http.StatusOK {
		t.Fatalf("GET /api/openapi.json: %d", got.Status)
	}
	var doc map[string]any
	got.JSON(t, &doc)
	if doc["openapi"] != "3.1.0" {
		t.Fatalf("openapi version %v, want 3.1.0", doc["openapi"])
	}
	pretty, _ := json.MarshalIndent(doc, "", "  ")
	golden := filepath.Join("testdata", "openapi.golden.json")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, append(pretty, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if !bytes.Equal(bytes.TrimSpace(want), bytes.TrimSpace(pretty)) {
		t.Fatalf("the OpenAPI document changed; if intended, run go test ./internal/app -run OpenAPI -update and commit testdata/openapi.golden.json")
	}
}
