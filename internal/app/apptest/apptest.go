// Package apptest starts the whole platform in-process for API and browser tests: a real
// App on a test database (SQLite, or PostgreSQL under sqldbtest), served by httptest, with
// helpers to mint API tokens for any organisation and role.
package apptest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/app"
	"github.com/ceas-eu/ceas/internal/config"
	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// Env is a running platform.
type Env struct {
	App    *app.App
	Server *httptest.Server
	Clock  *clock.Fixed
	t      testing.TB
}

// Start builds the app on a migrated database. With db nil it uses a fresh SQLite directory.
// The clock starts at 2026-03-02 09:00 UTC and moves only when the test moves it.
func Start(t testing.TB, db *sqldb.DB) *Env {
	t.Helper()
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	cfg.NoWorkers = true
	c := clock.NewFixed(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	a, err := app.NewOn(context.Background(), cfg, db, log, app.Options{Clock: c, Version: "test"})
	if err != nil {
		t.Fatalf("start app: %v", err)
	}
	srv := httptest.NewServer(a.Handler())
	t.Cleanup(func() { srv.Close(); a.Close() })
	return &Env{App: a, Server: srv, Clock: c, t: t}
}

// With returns the environment reporting failures to t, for subtests and fuzz targets.
func (e *Env) With(t testing.TB) *Env {
	c := *e
	c.t = t
	return &c
}

// Token returns a new API token of org with roles.
func (e *Env) Token(org string, roles ...authz.Role) string {
	e.t.Helper()
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = string(r)
	}
	ctx := authz.WithPrincipal(context.Background(), authz.System("test"))
	_, secret, err := e.App.Authn.CreateToken(ctx, authn.NewToken{Org: org, Name: "test " + org, Roles: names})
	if err != nil {
		e.t.Fatalf("create token %s %v: %v", org, roles, err)
	}
	return secret
}

// Response is a finished API call.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into v, failing the test when it is not JSON.
func (r Response) JSON(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("decode %s: %v", r.Body, err)
	}
}

// Do sends a request with an optional bearer token and body (a string is sent as is, any
// other value as JSON) and extra headers as "Name: value" strings.
func (e *Env) Do(method, path, token string, body any, headers ...string) Response {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, e.Server.URL+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ":")
		req.Header.Set(strings.TrimSpace(k), strings.TrimSpace(v))
	}
	resp, err := e.Server.Client().Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return Response{Status: resp.StatusCode, Header: resp.Header, Body: raw}
}
