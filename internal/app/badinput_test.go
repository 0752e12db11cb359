package app_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/app/apptest"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

type problem struct {
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
	Errors []struct {
		Location string `json:"location"`
		Message  string `json:"message"`
	} `json:"errors"`
}

func countWebhooks(t *testing.T, db *sqldb.DB) int {
	t.Helper()
	var n int
	if err := db.Reader().QueryRowContext(t.Context(), `SELECT COUNT(*) FROM webhooks`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestBadInputIsRefusedWithProblemJSONAndWritesNothing sends broken writes and checks the
// answer names the offending field and nothing reached the database.
func TestBadInputIsRefusedWithProblemJSONAndWritesNothing(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		env := apptest.Start(t, db)
		admin := env.Token("DE", authz.RoleAdmin)
		tests := []struct {
			name     string
			body     string
			headers  []string
			status   int
			location string
		}{
			{"malformed JSON", `{"url": "https://x.example/hook", "topics": [`, nil, 400, "body"},
			{"unknown field", `{"url": "https://x.example/hook", "topics": ["tp.*"], "colour": "red"}`, nil, 422, "body.colour"},
			{"wrong type", `{"url": "https://x.example/hook", "topics": "tp.*"}`, nil, 422, "body.topics"},
			{"missing field", `{"topics": ["tp.*"]}`, nil, 422, "body.url"},
			{"rule broken in the service", `{"url": "ftp://x.example/hook", "topics": ["tp.*"]}`, nil, 422, "body.url"},
			{"oversized body", `{"url": "https://x.example/` + strings.Repeat("a", 2<<20) + `", "topics": ["tp.*"]}`, nil, 413, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res := env.Do(http.MethodPost, "/api/v1/webhooks", admin, tt.body, tt.headers...)
				if res.Status != tt.status {
					t.Fatalf("status %d, want %d: %s", res.Status, tt.status, res.Body)
				}
				if ct := res.Header.Get("Content-Type"); ct != "application/problem+json" {
					t.Fatalf("content type %q", ct)
				}
				var p problem
				res.JSON(t, &p)
				if tt.location != "" {
					found := false
					for _, e := range p.Errors {
						found = found || strings.HasPrefix(e.Location, tt.location)
					}
					if !found {
						t.Fatalf("no error at %s: %s", tt.location, res.Body)
					}
				}
				if n := countWebhooks(t, db); n != 0 {
					t.Fatalf("%d webhooks stored after a refused request", n)
				}
			})
		}
	})
}

func TestIdempotencyKeyReplaysAndRefusesADifferentBody(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		env := apptest.Start(t, db)
		admin := env.Token("DE", authz.RoleAdmin)
		body := `{"url": "https://de.example/hook", "topics": ["tp.*"]}`
		first := env.Do(http.MethodPost, "/api/v1/webhooks", admin, body, "Idempotency-Key: k-1")
		again := env.Do(http.MethodPost, "/api/v1/webhooks", admin, body, "Idempotency-Key: k-1")
		if first.Status != 201 || again.Status != 201 || string(first.Body) != string(again.Body) {
			t.Fatalf("replay: %d %s / %d %s", first.Status, first.Body, again.Status, again.Body)
		}
		if again.Header.Get("Idempotent-Replayed") != "true" {
			t.Fatal("second answer was not a replay")
		}
		other := env.Do(http.MethodPost, "/api/v1/webhooks", admin, `{"url": "https://other.example/hook", "topics": ["*"]}`, "Idempotency-Key: k-1")
		if other.Status != http.StatusUnprocessableEntity || !strings.Contains(string(other.Body), "Idempotency-Key") {
			t.Fatalf("reused key with another body: %d %s", other.Status, other.Body)
		}
		if n := countWebhooks(t, db); n != 1 {
			t.Fatalf("%d webhooks stored, want exactly 1", n)
		}
	})
}

// TestOneStateCannotSeeAnothersRecords shows the organisation scoping through the API: a
// German administrator neither lists nor deletes a Polish webhook, and a German officer does
// not see Polish notifications.
func TestOneStateCannotSeeAnothersRecords(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		env := apptest.Start(t, db)
		pl, de := env.Token("PL", authz.RoleAdmin), env.Token("DE", authz.RoleAdmin)
		var created struct {
			ID string `json:"id"`
		}
		res := env.Do(http.MethodPost, "/api/v1/webhooks", pl, `{"url": "https://pl.example/hook", "topics": ["*"]}`)
		res.JSON(t, &created)
		list := env.Do(http.MethodGet, "/api/v1/webhooks", de, nil)
		if list.Status != 200 || strings.Contains(string(list.Body), "pl.example") {
			t.Fatalf("DE listed PL's webhook: %s", list.Body)
		}
		if del := env.Do(http.MethodDelete, "/api/v1/webhooks/"+created.ID, de, nil); del.Status != http.StatusNotFound {
			t.Fatalf("DE deleting PL's webhook: %d, want 404", del.Status)
		}
		if n := countWebhooks(t, db); n != 1 {
			t.Fatalf("webhook count %d after a refused delete", n)
		}
	})
}

// FuzzWebhookRequestDecoding feeds arbitrary bodies to a write operation: the answer is a
// 2xx or a 4xx, never a 5xx.
func FuzzWebhookRequestDecoding(f *testing.F) {
	f.Add(`{"url": "https://x.example/h", "topics": ["tp.*"]}`)
	f.Add(`{"url": 1}`)
	f.Add(`[]`)
	f.Add(`{"url": "https://x.example/h", "topics": [""]}`)
	f.Add("\x00\xff")
	env := apptest.Start(f, nil)
	admin := env.Token("DE", authz.RoleAdmin)
	f.Fuzz(func(t *testing.T, body string) {
		res := env.With(t).Do(http.MethodPost, "/api/v1/webhooks", admin, body)
		if res.Status >= 500 {
			t.Fatalf("body %q: status %d %s", body, res.Status, res.Body)
		}
	})
}
