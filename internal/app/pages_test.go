package app_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/app/apptest"
	"github.com/ceas-eu/ceas/internal/platform/authz"
)

// TestPlatformPagesRender opens every platform page as the role that uses it and checks
// what a person would read there.
func TestPlatformPagesRender(t *testing.T) {
	env := apptest.Start(t, nil)
	auditor := env.Token("DE", authz.RoleAuditor)
	admin := env.Token("DE", authz.RoleAdmin)
	officer := env.Token("DE", authz.RoleRegistrationOfficer)
	env.Do(http.MethodPost, "/api/v1/webhooks", admin, `{"url": "https://de.example/hook", "topics": ["tp.*"]}`)
	tests := []struct {
		path, token string
		want        []string
	}{
		{"/", officer, []string{"Temporary protection", "Inbox"}},
		{"/audit", auditor, []string{"Audit log", "webhook.create", "Export as CSV"}},
		{"/audit/export", auditor, []string{"seq,at,actor", "webhook.create"}},
		{"/inbox", officer, []string{"Inbox", "Nothing new"}},
		{"/admin/webhooks", admin, []string{"Webhooks", "https://de.example/hook", "X-CEAS-Signature"}},
		{"/admin/users", admin, []string{"Users"}},
		{"/api/docs", officer, []string{"API documentation", "/api/v1/me", "tp.registration.write"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res := env.Do(http.MethodGet, tt.path, tt.token, nil)
			if res.Status != http.StatusOK {
				t.Fatalf("status %d", res.Status)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(res.Body), w) {
					t.Errorf("page lacks %q", w)
				}
			}
		})
	}
	if res := env.Do(http.MethodGet, "/audit", officer, nil); res.Status != http.StatusForbidden {
		t.Fatalf("an officer opened the audit browser: %d", res.Status)
	}
	if res := env.Do(http.MethodGet, "/no/such/page", officer, nil); res.Status != http.StatusNotFound {
		t.Fatalf("unknown page: %d", res.Status)
	}
}
