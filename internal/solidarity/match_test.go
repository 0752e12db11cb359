package solidarity

import (
	"context"
	"os"
	"testing"
	"time"
)

const samplePath = "/work/shared/data/relocation/sample-small.json"

func loadSample(t *testing.T) *Instance {
	t.Helper()
	f, err := os.Open(samplePath)
	if err != nil {
		t.Skip("shared sample not available:", err)
	}
	defer f.Close()
	in, err := DecodeInstance(f)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func TestMatchSample(t *testing.T) {
	in := loadSample(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	res, err := Match(ctx, in, Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	obj, err := Evaluate(in, res.Assignment)
	if err != nil {
		t.Fatalf("assignment breaks a constraint: %v", err)
	}
	if float64(obj)/1e4 != res.Objective {
		t.Fatalf("objective %v, evaluated %v", res.Objective, float64(obj)/1e4)
	}
	cert, err := Evaluate(in, in.Certificate.Assignment)
	if err != nil {
		t.Fatalf("certificate: %v", err)
	}
	if res.Objective < float64(cert)/1e4 || res.Bound < res.Objective {
		t.Fatalf("objective %v below certificate %v or bound %v below it", res.Objective, float64(cert)/1e4, res.Bound)
	}
	t.Logf("objective %.4f bound %.4f gap %.4f%% certificate %.4f moves %d rounds %d", res.Objective, res.Bound, 100*res.Gap, float64(cert)/1e4, res.Moves, res.Rounds)
}

func TestMatchGenerated(t *testing.T) {
	for _, n := range []int{500} {
		in := Generate(GenOptions{Candidates: n, Seed: 1})
		if err := in.Validate(); err != nil {
			t.Fatalf("generated instance invalid: %v", err)
		}
		start := time.Now()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		res, err := Match(ctx, in, Overrides{})
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Evaluate(in, res.Assignment); err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		t.Logf("n=%d cases=%d places=%d objective %.4f bound %.4f gap %.4f%% moves %d rounds %d in %v", n, len(in.Cases), len(in.Places), res.Objective, res.Bound, 100*res.Gap, res.Moves, res.Rounds, time.Since(start))
	}
}
