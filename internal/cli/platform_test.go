package cli

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/ceas-eu/ceas/internal/awareness"
	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/outbox"
)

func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	code = Main(context.Background(), args, env)
	return out.String(), errb.String(), code
}

// TestAuditVerifyCatchesARowEditedInTheDatabase runs the commands an operator would: migrate,
// create a user (audited), verify, then edits the audit table behind CEAS's back.
func TestAuditVerifyCatchesARowEditedInTheDatabase(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, code := run(t, "migrate", "--data-dir", dir); code != 0 {
		t.Fatalf("migrate: %s", errOut)
	}
	for _, u := range []string{"anna", "piotr", "marie"} {
		if _, errOut, code := run(t, "user", "add", "--data-dir", dir, "--org", "DE", "--username", u, "--name", u, "--role", "registration_officer"); code != 0 {
			t.Fatalf("user add: %s", errOut)
		}
	}
	out, errOut, code := run(t, "audit", "verify", "--data-dir", dir)
	if code != 0 || !strings.Contains(out, "intact") {
		t.Fatalf("clean log: code %d, %s %s", code, out, errOut)
	}
	db, err := sql.Open("sqlite", filepath.Join(dir, "ceas.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE audit_log SET actor = 'nobody' WHERE seq = 2`); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = run(t, "audit", "verify", "--data-dir", dir)
	if code == 0 || !strings.Contains(errOut, "entry 2") {
		t.Fatalf("edited row not caught: code %d, stderr %q", code, errOut)
	}
}

func TestMigrateStatusAndUnknownCommand(t *testing.T) {
	dir := t.TempDir()
	if _, _, code := run(t, "migrate", "--data-dir", dir); code != 0 {
		t.Fatal("migrate failed")
	}
	out, _, code := run(t, "migrate", "--data-dir", dir, "--status")
	if code != 0 || !strings.Contains(out, "schema version") {
		t.Fatalf("status: %d %q", code, out)
	}
	if _, errOut, code := run(t, "frobnicate"); code != 2 || !strings.Contains(errOut, "unknown command") {
		t.Fatalf("unknown command: %d %q", code, errOut)
	}
	if _, errOut, code := run(t, "serve", "--addr", "nonsense"); code != 1 || !strings.Contains(errOut, "addr") {
		t.Fatalf("bad config: %d %q", code, errOut)
	}
}

// TestReportSituationReadsTheStore writes the report from a database's awareness store.
func TestReportSituationReadsTheStore(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	conn, err := (&dbFlags{dataDir: dir}).open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c := clock.System{}
	svc := awareness.NewService(conn, audit.New(conn, c), outbox.New(conn, c), c, awareness.Config{})
	if _, err := svc.ImportObservations(authz.WithPrincipal(ctx, authz.System("test")), awareness.Demo2022()); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	out := filepath.Join(dir, "report.html")
	if _, errOut, code := run(t, "report", "situation", "--data-dir", dir, "-from", "2022-01-01", "-to", "2022-09-25", "-out", out); code != 0 {
		t.Fatalf("report: %s", errOut)
	}
	html, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// Irregular arrivals on the Mediterranean and Atlantic routes, 1 Jan - 25 Sep 2022 (report, fn 45).
	if !strings.Contains(string(html), "116") || !strings.Contains(string(html), "610") {
		t.Fatal("the stored data's report lacks the 116,610 arrivals")
	}
}

func TestUserDisableAndEnableShowInTheList(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, code := run(t, "user", "add", "--data-dir", dir, "--org", "PL", "--username", "ola", "--name", "Ola", "--role", "dublin_officer"); code != 0 {
		t.Fatalf("user add: %s", errOut)
	}
	steps := []struct {
		cmd          string
		wantDisabled bool
	}{{"disable", true}, {"enable", false}}
	for _, s := range steps {
		if _, errOut, code := run(t, "user", s.cmd, "--data-dir", dir, "--username", "ola"); code != 0 {
			t.Fatalf("user %s: %s", s.cmd, errOut)
		}
		out, _, _ := run(t, "user", "list", "--data-dir", dir, "--org", "PL")
		if got := strings.Contains(out, "disabled"); got != s.wantDisabled {
			t.Fatalf("after user %s the list says %q", s.cmd, out)
		}
	}
	if _, errOut, code := run(t, "user", "disable", "--data-dir", dir, "--username", "nobody"); code == 0 {
		t.Fatalf("disabling an unknown user succeeded: %s", errOut)
	}
}
