package solidarity

import (
	"context"
	"os"
	"runtime/pprof"
	"testing"
	"time"
)

func TestDebugProfile(t *testing.T) {
	if os.Getenv("PROF") == "" {
		t.Skip()
	}
	in := Generate(GenOptions{Candidates: 10000, Seed: 1})
	f, _ := os.Create("/tmp/cpu.prof")
	pprof.StartCPUProfile(f)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	res, err := Match(ctx, in, Overrides{})
	cancel()
	pprof.StopCPUProfile()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("objective %.4f bound %.4f gap %.4f%%", res.Objective, res.Bound, 100*res.Gap)
}

func TestDebugNoSide(t *testing.T) {
	if os.Getenv("PROF") == "" {
		t.Skip()
	}
	in := Generate(GenOptions{Candidates: 10000, Seed: 1})
	for k := range in.Places {
		in.Places[k].UAMCapacity = in.Places[k].Capacity
		in.Places[k].MedicalCapacity = in.Places[k].Capacity
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	res, err := Match(ctx, in, Overrides{})
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("objective %.4f bound %.4f gap %.4f%%", res.Objective, res.Bound, 100*res.Gap)
}
