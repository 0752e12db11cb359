package synth

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden pins a small generated set, so that any change to what a seed produces shows
// in review (benchmarks on generated data stay comparable only while seeds are stable).
// Refresh with: go test ./internal/synth -run Golden -update
func TestGolden(t *testing.T) {
	dir := t.TempDir()
	if err := WriteDir(context.Background(), Options{N: 60, Seed: 1, DuplicateRate: 0.3, HardNegativeRate: 0.2}, dir, nil); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{RecordsFile, TruthPairsFile, PersonsFile, HardPairsFile} {
		got, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "n60_seed1_"+f)
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to create)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; if the change is intended, run with -update", f, golden)
		}
	}
}
