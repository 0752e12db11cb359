package dublin

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden determinations in testdata")

// TestGolden determines every case file in testdata and compares the whole output with its
// .golden file (refresh with -update after a reviewed change). The cases are the format
// example and edge cases of dublin.md section 9; the HTTP endpoint can reuse them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no case files: %v", err)
	}
	for _, in := range files {
		t.Run(filepath.Base(in), func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			c, err := Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(Determine(c), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(in, ".json") + ".golden"
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if string(bytes.TrimSpace(want)) != string(got) {
				t.Errorf("determination differs from %s:\n%s", golden, got)
			}
		})
	}
}
