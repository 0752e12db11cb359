package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTPImportAndExport: `ceas tp import` reports rejected lines on stderr with their line
// numbers, is idempotent when run again on the same file, and `ceas tp export` gives the
// state's registrations back in the import layout.
func TestTPImportAndExport(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "de.csv")
	csv := "record_id,surname,given_name,sex,date_of_birth,nationality,document_type,document_number\n" +
		"DE-1,Bondar,Olha,F,12.03.1990,UKR,passport,FB123456\n" +
		"DE-2,Bondar,Petro,M,1990-02-30,UKR,passport,FB123457\n" +
		"DE-3,Melnyk,Iryna,F,1988,ZZ,passport,FB123458\n"
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"tp", "import", "--data-dir", dir, "--org", "DE", "--in", file}
	code, out, errOut := runCLI(t, "", args...)
	if code != 0 || !strings.Contains(errOut, "line 3 rejected: person.date_of_birth") ||
		!strings.Contains(errOut, "line 4 rejected:") || !strings.Contains(out, `"accepted": 1`) {
		t.Fatalf("import: %d\n%s\n%s", code, out, errOut)
	}
	if code, _, errOut = runCLI(t, "", args...); code != 0 || !strings.Contains(errOut, "1 accepted, 2 rejected") {
		t.Fatalf("repeat: %d %s", code, errOut)
	}
	code, out, _ = runCLI(t, "", "tp", "export", "--data-dir", dir, "--org", "DE", "--format", "csv")
	if code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(out, "DE-1,Bondar,Olha") {
		t.Fatalf("export: %d %s", code, out)
	}
	if code, _, errOut = runCLI(t, "", "tp", "import", "--data-dir", dir, "--org", "XX", "--in", file); code != 1 || !strings.Contains(errOut, "org") {
		t.Fatalf("unknown state: %d %s", code, errOut)
	}
}
