package authn_test

import (
	"context"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

func TestSessionIdleAndAbsoluteExpiry(t *testing.T) {
	// setup: SessionTTL 8 hours, IdleTimeout 30 minutes.
	tests := []struct {
		name  string
		steps []time.Duration // clock advances, the session used after each
		ok    bool
	}{
		{"used within the idle window", []time.Duration{29 * time.Minute}, true},
		{"idle for 30 minutes", []time.Duration{30 * time.Minute}, false},
		{"use slides the idle window", []time.Duration{20 * time.Minute, 20 * time.Minute, 20 * time.Minute}, true},
		{"absolute expiry ends an active session", repeat(25*time.Minute, 20), false},
		{"active until just before the absolute expiry", append(repeat(25*time.Minute, 19), 4*time.Minute), true},
	}
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db)
		u := f.addUser(t, "DE", "anna", goodPassword, authz.RoleRegistrationOfficer)
		ctx := context.Background()
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				f.clock.Set(t0)
				login, err := f.svc.Authenticate(ctx, "anna", goodPassword, "10.0.0.1")
				if err != nil {
					t.Fatal(err)
				}
				var p authz.Principal
				for _, d := range tt.steps {
					f.clock.Advance(d)
					if p, err = f.svc.Session(ctx, login.Token); err != nil {
						break
					}
				}
				if tt.ok != (err == nil) {
					t.Fatalf("session after %v: %v, want ok=%v", tt.steps, err, tt.ok)
				}
				if tt.ok && (p.ID != u.ID || p.Org != "DE" || p.Kind != authz.KindUser || !p.HasRole(authz.RoleRegistrationOfficer)) {
					t.Fatalf("principal %+v", p)
				}
				if !tt.ok {
					wantKind(t, err, errs.KindUnauthenticated)
				}
			})
		}
	})
}

func repeat(d time.Duration, n int) []time.Duration {
	out := make([]time.Duration, n)
	for i := range out {
		out[i] = d
	}
	return out
}

func TestSessionLastSeenIsWrittenAtMostOnceAMinute(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db)
		f.addUser(t, "DE", "anna", goodPassword, authz.RoleAnalyst)
		ctx := context.Background()
		login, err := f.svc.Authenticate(ctx, "anna", goodPassword, "10.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		lastSeen := func() time.Time {
			var at time.Time
			if err := db.Reader().QueryRowContext(ctx, `SELECT last_seen_at FROM sessions`).Scan(&at); err != nil {
				t.Fatal(err)
			}
			return at.UTC()
		}
		for _, step := range []struct {
			advance time.Duration
			want    time.Time
		}{
			{30 * time.Second, t0},
			{30 * time.Second, t0.Add(time.Minute)},
			{59 * time.Second, t0.Add(time.Minute)},
		} {
			f.clock.Advance(step.advance)
			if _, err := f.svc.Session(ctx, login.Token); err != nil {
				t.Fatal(err)
			}
			if got := lastSeen(); !got.Equal(step.want) {
				t.Fatalf("at %v last_seen_at = %v, want %v", f.clock.Now(), got, step.want)
			}
		}
	})
}

func TestLogoutEndsTheSessionAndIsAudited(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db)
		u := f.addUser(t, "DE", "anna", goodPassword, authz.RoleAnalyst)
		ctx := context.Background()
		login, err := f.svc.Authenticate(ctx, "anna", goodPassword, "10.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		if err := f.svc.Logout(ctx, login.Token); err != nil {
			t.Fatal(err)
		}
		_, err = f.svc.Session(ctx, login.Token)
		wantKind(t, err, errs.KindUnauthenticated)
		if err := f.svc.Logout(ctx, login.Token); err != nil {
			t.Fatalf("second logout: %v", err)
		}
		rows := auditRows(t, db)
		if last := rows[len(rows)-1]; last != (auditRow{"auth.logout", "success", u.ID, u.ID}) {
			t.Fatalf("last audit row %+v", last)
		}
		var stored string
		if err := db.Reader().QueryRowContext(ctx, `SELECT COUNT(*) FROM sessions`).Scan(&stored); err != nil || stored != "0" {
			t.Fatalf("sessions left: %s %v", stored, err)
		}
	})
}

func TestPurgeExpiredRemovesOnlyEndedSessionsAndFlows(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db) // SessionTTL 8 hours; login flows live 10 minutes
		f.addUser(t, "DE", "anna", goodPassword, authz.RoleAnalyst)
		ctx := context.Background()
		if _, err := f.svc.Authenticate(ctx, "anna", goodPassword, "10.0.0.1"); err != nil {
			t.Fatal(err)
		}
		if err := f.svc.BeginLoginFlow(ctx, "s1", authn.LoginFlow{Nonce: "n", Verifier: "v", Next: "/"}); err != nil {
			t.Fatal(err)
		}
		f.clock.Advance(7*time.Hour + 40*time.Minute)
		late, err := f.svc.Authenticate(ctx, "anna", goodPassword, "10.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		f.clock.Advance(20 * time.Minute)
		n, err := f.svc.PurgeExpired(ctx)
		if err != nil || n != 2 {
			t.Fatalf("purged %d, %v; want the first session and the flow", n, err)
		}
		if _, err := f.svc.Session(ctx, late.Token); err != nil {
			t.Fatalf("the later session was purged: %v", err)
		}
	})
}
