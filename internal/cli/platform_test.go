package cli

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
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
