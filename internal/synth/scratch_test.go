package synth

import (
	"context"
	"testing"
	"os"
)

func TestScratch(t *testing.T) {
	if os.Getenv("SCRATCH") == "" { t.Skip() }
	err := WriteDir(context.Background(), Options{N: 20000, Seed: 1}, "/tmp/synthscratch/out", nil)
	if err != nil { t.Fatal(err) }
}
