package audit_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

func officer(org string) context.Context {
	p := authz.Principal{ID: "user-" + org, Name: "officer", Org: org, Roles: []authz.Role{authz.RoleRegistrationOfficer}, Kind: authz.KindUser}
	return audit.WithPurpose(authz.WithPrincipal(context.Background(), p), "registration")
}

func seed(t *testing.T, db *sqldb.DB, n int) *audit.Log {
	t.Helper()
	c := clock.NewFixed(time.Date(2026, 5, 1, 9, 0, 0, 123456789, time.UTC))
	log := audit.New(db, c)
	for i := 1; i <= n; i++ {
		org := []string{"DE", "PL"}[i%2]
		ev := audit.Event{Action: "tp.registration.read", ObjectType: "tp_registration", ObjectID: fmt.Sprint("r", i), OwnerOrg: org,
			Detail: map[string]any{"i": i}}
		if err := log.RecordNow(officer(org), ev); err != nil {
			t.Fatal(err)
		}
		c.Advance(time.Second)
	}
	return log
}

func TestVerifyFindsTamperingInTheDatabase(t *testing.T) {
	tests := []struct {
		name       string
		tamper     string
		wantBroken int64
	}{
		{"untouched chain verifies", "", 0},
		{"edited purpose", `UPDATE audit_log SET purpose = 'curiosity' WHERE seq = 4`, 4},
		{"edited actor", `UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2`, 2},
		{"deleted middle entry", `DELETE FROM audit_log WHERE seq = 3`, 3},
		{"deleted last entry", `DELETE FROM audit_log WHERE seq = 6`, 6},
		{"deleted first entry", `DELETE FROM audit_log WHERE seq = 1`, 1},
		{"rehashed edit without fixing the next link", `UPDATE audit_log SET hash = 'x' WHERE seq = 5`, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
				log := seed(t, db, 6)
				if tt.tamper != "" {
					if _, err := db.Raw().Exec(tt.tamper); err != nil {
						t.Fatal(err)
					}
				}
				res, err := log.Verify(context.Background(), nil)
				if err != nil {
					t.Fatal(err)
				}
				if tt.wantBroken == 0 {
					if !res.OK || res.Checked != 6 {
						t.Fatalf("clean chain: %+v", res)
					}
					return
				}
				if res.OK || res.FirstBroken != tt.wantBroken {
					t.Fatalf("got %+v, want first broken entry %d", res, tt.wantBroken)
				}
			})
		})
	}
}

func TestListScopesAuditorsToTheirOwnState(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		log := seed(t, db, 10)
		auditor := func(org string) context.Context {
			return authz.WithPrincipal(context.Background(), authz.Principal{ID: "aud", Org: org, Roles: []authz.Role{authz.RoleAuditor}, Kind: authz.KindUser})
		}
		page, err := log.List(auditor("DE"), audit.Filter{}, "", 3)
		if err != nil {
			t.Fatal(err)
		}
		var seen int
		for cursor := ""; ; {
			page, err = log.List(auditor("DE"), audit.Filter{}, cursor, 3)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range page.Entries {
				if e.OwnerOrg != "DE" || e.Purpose != "registration" {
					t.Fatalf("DE auditor saw %+v", e)
				}
				seen++
			}
			if page.Next == "" {
				break
			}
			cursor = page.Next
		}
		if seen != 5 {
			t.Fatalf("DE auditor saw %d entries, want 5", seen)
		}
		all, err := log.List(auditor("EUAA"), audit.Filter{Action: "tp."}, "", 100)
		if err != nil || len(all.Entries) != 10 {
			t.Fatalf("EU auditor saw %d entries, err %v", len(all.Entries), err)
		}
		if _, err := log.List(officer("DE"), audit.Filter{}, "", 10); err == nil {
			t.Fatal("a registration officer read the audit log")
		}
	})
}
