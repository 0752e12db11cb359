package solidarity

import (
	"github.com/ceas-eu/ceas/internal/mcmf/assign"
	"fmt"
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

func TestDebugWriteLP(t *testing.T) {
	if os.Getenv("LPOUT") == "" {
		t.Skip()
	}
	for _, n := range []int{500, 10000} {
		in := Generate(GenOptions{Candidates: n, Seed: 1})
		f, _ := os.Create(fmt.Sprintf("/tmp/reloc-%d.lp", n))
		if err := WriteLP(f, in); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	in := loadSample(t)
	f, _ := os.Create("/tmp/reloc-sample.lp")
	WriteLP(f, in)
	f.Close()
}

func TestDebugSampleNoSide(t *testing.T) {
	if os.Getenv("PROF") == "" {
		t.Skip()
	}
	in := loadSample(t)
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

func TestDebugSampleStats(t *testing.T) {
	if os.Getenv("PROF") == "" {
		t.Skip()
	}
	in := loadSample(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	res, err := Match(ctx, in, Overrides{})
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	load := make([]int, len(in.Places))
	unplacedBySize := map[int]int{}
	for i, b := range res.Assignment {
		if b >= 0 {
			load[b] += in.Cases[i].Size
		} else {
			unplacedBySize[in.Cases[i].Size]++
		}
	}
	free := 0
	for b, p := range in.Places {
		free += p.Capacity - load[b]
		t.Logf("%s cap %d load %d uam %d med %d", p.ID, p.Capacity, load[b], p.UAMCapacity, p.MedicalCapacity)
	}
	t.Logf("free %d unplaced by size %v objective %.4f", free, unplacedBySize, res.Objective)
}

func TestDebugBig(t *testing.T) {
	if os.Getenv("BIG") == "" {
		t.Skip()
	}
	t0 := time.Now()
	in := Generate(GenOptions{Candidates: 100000, Seed: 1})
	t.Logf("generated in %v", time.Since(t0))
	f, _ := os.Create("/tmp/cpu.prof")
	pprof.StartCPUProfile(f)
	t0 = time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	res, err := Match(ctx, in, Overrides{})
	cancel()
	pprof.StopCPUProfile()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("objective %.4f bound %.4f gap %.4f%% in %v", res.Objective, res.Bound, 100*res.Gap, time.Since(t0))
}

func TestDebugBigRelax(t *testing.T) {
	if os.Getenv("BIGR") == "" {
		t.Skip()
	}
	in := Generate(GenOptions{Candidates: 100000, Seed: 1})
	m, _ := buildModel(in, Overrides{})
	f, _ := os.Create("/tmp/cpu.prof")
	pprof.StartCPUProfile(f)
	t0 := time.Now()
	assign.DebugRelax(m.prob)
	pprof.StopCPUProfile()
	t.Logf("relax in %v", time.Since(t0))
}
