package authn_test

import (
	"context"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

const goodPassword = "a long enough password"

func TestLoginFailuresLookAlikeAndAreAudited(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db)
		u := f.addUser(t, "DE", "anna", goodPassword, authz.RoleRegistrationOfficer)
		ctx := context.Background()
		_, errWrong := f.svc.Authenticate(ctx, "anna", "not the password", "10.0.0.1")
		_, errUnknown := f.svc.Authenticate(ctx, "nobody", goodPassword, "10.0.0.1")
		if errWrong == nil || errUnknown == nil || errWrong.Error() != errUnknown.Error() ||
			errs.KindOf(errWrong) != errs.KindUnauthenticated {
			t.Fatalf("wrong password %v, unknown user %v: want the same Unauthenticated error", errWrong, errUnknown)
		}
		login, err := f.svc.Authenticate(ctx, " Anna ", goodPassword, "10.0.0.1")
		if err != nil || login.Token == "" || login.User.ID != u.ID || !login.ExpiresAt.Equal(t0.Add(8*time.Hour)) {
			t.Fatalf("Authenticate = %+v, %v", login, err)
		}
		want := []auditRow{
			{"user.create", "success", u.ID, "system:cli"},
			{"auth.login", "failure", u.ID, "anonymous"},
			{"auth.login", "failure", "", "anonymous"},
			{"auth.login", "success", u.ID, u.ID},
		}
		got := auditRows(t, db)
		if len(got) != len(want) {
			t.Fatalf("audit %+v, want %+v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("audit[%d] = %+v, want %+v", i, got[i], want[i])
			}
		}
	})
}

func TestLockoutAfterMaxFailuresAndUnlockAfterTheDuration(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db) // MaxFailedLogins 3, LockoutDuration 10 minutes
		f.addUser(t, "DE", "anna", goodPassword, authz.RoleAnalyst)
		ctx := context.Background()
		for i := range 3 {
			if _, err := f.svc.Authenticate(ctx, "anna", "wrong password!", "10.0.0.2"); errs.KindOf(err) != errs.KindUnauthenticated {
				t.Fatalf("attempt %d: %v", i+1, err)
			}
		}
		_, err := f.svc.Authenticate(ctx, "anna", goodPassword, "10.0.0.3")
		wantKind(t, err, errs.KindUnauthenticated)
		f.clock.Advance(10*time.Minute - time.Second)
		_, err = f.svc.Authenticate(ctx, "anna", goodPassword, "10.0.0.3")
		wantKind(t, err, errs.KindUnauthenticated)
		f.clock.Advance(time.Second)
		if _, err := f.svc.Authenticate(ctx, "anna", goodPassword, "10.0.0.3"); err != nil {
			t.Fatalf("still locked after the lockout duration: %v", err)
		}
		var lockouts, failures int
		for _, r := range auditRows(t, db) {
			switch {
			case r.Action == "auth.lockout" && r.Outcome == "denied":
				lockouts++
			case r.Action == "auth.login" && r.Outcome == "failure":
				failures++
			}
		}
		if lockouts != 1 || failures != 5 {
			t.Fatalf("audited %d lockouts and %d failed logins, want 1 and 5", lockouts, failures)
		}
	})
}

func TestDisabledUserAndPasswordChangeEndSessions(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := setup(t, db)
		f.addUser(t, "DE", "anna", goodPassword, authz.RoleAnalyst)
		ctx := context.Background()
		login, err := f.svc.Authenticate(ctx, "anna", goodPassword, "10.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		if err := f.svc.SetPassword(f.cli, "anna", "a brand new password"); err != nil {
			t.Fatal(err)
		}
		_, err = f.svc.Session(ctx, login.Token)
		wantKind(t, err, errs.KindUnauthenticated)
		if _, err := f.svc.Authenticate(ctx, "anna", goodPassword, "10.0.0.1"); err == nil {
			t.Fatal("old password still works")
		}
		login, err = f.svc.Authenticate(ctx, "anna", "a brand new password", "10.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		if err := f.svc.DisableUser(f.cli, "anna"); err != nil {
			t.Fatal(err)
		}
		_, err = f.svc.Session(ctx, login.Token)
		wantKind(t, err, errs.KindUnauthenticated)
		_, err = f.svc.Authenticate(ctx, "anna", "a brand new password", "10.0.0.1")
		wantKind(t, err, errs.KindUnauthenticated)
	})
}

func TestFailuresFromOneAddressAreThrottled(t *testing.T) {
	db := sqldbtest.SQLite(t)
	f := setup(t, db)
	c := clock.NewFixed(t0)
	svc, err := authn.New(db, audit.New(db, c), c, authn.Config{ThrottleBurst: 2, ThrottleRefill: time.Minute,
		MaxFailedLogins: 100, Argon2: fastArgon()})
	if err != nil {
		t.Fatal(err)
	}
	f.addUser(t, "DE", "anna", goodPassword, authz.RoleAnalyst)
	ctx := context.Background()
	for range 2 {
		_, _ = svc.Authenticate(ctx, "anna", "wrong password!", "10.9.9.9")
	}
	_, err = svc.Authenticate(ctx, "anna", goodPassword, "10.9.9.9")
	wantKind(t, err, errs.KindRateLimited)
	if _, err := svc.Authenticate(ctx, "anna", goodPassword, "10.1.1.1"); err != nil {
		t.Fatalf("another address is throttled too: %v", err)
	}
	c.Advance(time.Minute)
	if _, err := svc.Authenticate(ctx, "anna", goodPassword, "10.9.9.9"); err != nil {
		t.Fatalf("the bucket did not refill: %v", err)
	}
}

func TestLoginUpgradesAWeakerHash(t *testing.T) {
	db := sqldbtest.SQLite(t)
	f := setup(t, db)
	f.addUser(t, "DE", "anna", goodPassword, authz.RoleAnalyst)
	stronger := fastArgon()
	stronger.Time = 2
	svc, err := authn.New(db, audit.New(db, f.clock), f.clock, authn.Config{Argon2: stronger})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Authenticate(context.Background(), "anna", goodPassword, "10.0.0.1"); err != nil {
		t.Fatal(err)
	}
	var stored string
	if err := db.Reader().QueryRowContext(context.Background(), `SELECT password_hash FROM users WHERE username = 'anna'`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if h, err := authn.ParsePasswordHash(stored); err != nil || h.Params.Time != 2 {
		t.Fatalf("stored hash %q not upgraded", stored)
	}
}
