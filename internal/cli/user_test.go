package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// authnDataDir returns a migrated data directory holding organisations DE and EUAA.
func authnDataDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	ctx := context.Background()
	db, err := sqldb.Open(ctx, sqldb.Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for _, o := range [][3]string{{"DE", "Germany", "member_state"}, {"EUAA", "EU Agency for Asylum", "eu_body"}} {
		if _, err := db.Writer().ExecContext(ctx, `INSERT INTO organisations (code, name, kind) VALUES ($1, $2, $3)
			ON CONFLICT (code) DO NOTHING`, o[0], o[1], o[2]); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// run calls Main in-process and returns the exit code, standard output and standard error.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	code := Main(context.Background(), args, env)
	return code, out.String(), errOut.String()
}

func TestUserCommands(t *testing.T) {
	dir := authnDataDir(t)
	code, out, stderr := runCLI(t, "", "user", "add", "--data-dir", dir, "--org", "DE", "--username", "anna",
		"--name", "Anna Schmidt", "--role", "registration_officer", "--role", "dublin_officer")
	if code != 0 || len(strings.TrimSpace(out)) != 20 || !strings.Contains(stderr, "created user anna") {
		t.Fatalf("user add: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	code, out, _ = runCLI(t, "my chosen password\n", "user", "add", "--data-dir", dir, "--org", "DE",
		"--username", "ben", "--role", "analyst", "--password-stdin")
	if code != 0 || out != "" {
		t.Fatalf("user add --password-stdin: exit %d, stdout %q (nothing to print)", code, out)
	}
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stderr string
	}{
		{"EU body gets no officer role", "", []string{"user", "add", "--org", "EUAA", "--username", "eu", "--role", "border_guard"}, 1, "cannot be held"},
		{"short password refused", "short\n", []string{"user", "add", "--org", "DE", "--username", "carl", "--role", "analyst", "--password-stdin"}, 1, "at least 12"},
		{"duplicate username", "", []string{"user", "add", "--org", "DE", "--username", "anna", "--role", "analyst"}, 1, "already taken"},
		{"unknown flag", "", []string{"user", "add", "--colour", "red"}, 2, "usage"},
		{"passwd", "another good password\n", []string{"user", "passwd", "--username", "ben", "--password-stdin"}, 0, "password of ben changed"},
		{"passwd of an unknown user", "", []string{"user", "passwd", "--username", "nobody"}, 1, "not found"},
		{"roles", "", []string{"user", "roles", "--username", "ben", "--role", "auditor"}, 0, "ben now holds auditor"},
		{"ineligible roles", "", []string{"user", "roles", "--username", "ben", "--role", "coordinator"}, 1, "cannot be held"},
		{"disable then enable", "", []string{"user", "disable", "--username", "anna"}, 0, "anna disabled"},
		{"enable", "", []string{"user", "enable", "--username", "anna"}, 0, "anna enabled"},
		{"disable", "", []string{"user", "disable", "--username", "ben"}, 0, "ben disabled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tt.stdin, append(tt.args, "--data-dir", dir)...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.stderr)
			}
		})
	}
	code, out, _ = runCLI(t, "", "user", "list", "--data-dir", dir, "--org", "DE")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 3 || !strings.Contains(lines[1], "dublin_officer,registration_officer") ||
		!strings.Contains(lines[2], "disabled") {
		t.Fatalf("user list: exit %d\n%s", code, out)
	}
}

func TestTokenCommands(t *testing.T) {
	dir := authnDataDir(t)
	code, out, stderr := runCLI(t, "", "token", "create", "--data-dir", dir, "--org", "DE", "--role", "registration_officer",
		"--name", "afis", "--expires", "720h")
	secret := strings.TrimSpace(out)
	if code != 0 || !strings.HasPrefix(secret, "ceas_") || !strings.Contains(stderr, "shown once") {
		t.Fatalf("token create: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	id := strings.Fields(strings.TrimPrefix(stderr, "created token "))[0]
	code, out, _ = runCLI(t, "", "token", "list", "--data-dir", dir)
	if code != 0 || !strings.Contains(out, id) || !strings.Contains(out, "active") || strings.Contains(out, secret) {
		t.Fatalf("token list: exit %d\n%s", code, out)
	}
	if code, _, stderr = runCLI(t, "", "token", "revoke", "--data-dir", dir, id); code != 0 {
		t.Fatalf("token revoke: exit %d, %s", code, stderr)
	}
	_, out, _ = runCLI(t, "", "token", "list", "--data-dir", dir, "--org", "DE")
	if !strings.Contains(out, "revoked") {
		t.Fatalf("revoked token listed as\n%s", out)
	}
	for _, args := range [][]string{
		{"token", "create", "--org", "DE", "--role", "coordinator"},
		{"token", "create", "--org", "DE", "--role", "analyst", "--expires", "-1h"},
		{"token", "revoke", "no-such-id"},
	} {
		if code, _, stderr := runCLI(t, "", append(args[:2:2], append([]string{"--data-dir", dir}, args[2:]...)...)...); code != 1 {
			t.Errorf("%v: exit %d (%s), want 1", args, code, stderr)
		}
	}
	if code, _, _ := runCLI(t, "", "token", "revoke", "--data-dir", dir); code != 2 {
		t.Errorf("token revoke without an id: exit %d, want 2", code)
	}
}
