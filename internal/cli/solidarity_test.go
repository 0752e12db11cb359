package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/solidarity"
)

func writeInstance(t *testing.T, in *solidarity.Instance) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "instance.json")
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSolidarityMatchCLI(t *testing.T) {
	in := solidarity.Generate(solidarity.GenOptions{Candidates: 200, Seed: 3})
	inPath := writeInstance(t, in)
	out := filepath.Join(t.TempDir(), "assignment.json")
	explain := filepath.Join(t.TempDir(), "explain.json")
	pin := 0
	for k, c := range in.Cases {
		if c.AllowedStates == nil && c.FamilyLinkState == nil && c.UAMCount+c.MedicalCount == 0 {
			pin = k
			break
		}
	}
	var stdout, stderr bytes.Buffer
	code := Main(context.Background(), []string{"solidarity", "match", "--in", inPath, "--out", out,
		"--time-limit", "2", "--explain", explain, "--pin", in.Cases[pin].ID + "=" + in.Places[0].ID}, &Env{Stdout: &stdout, Stderr: &stderr})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var a map[string]any
	data, _ := os.ReadFile(out)
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	if a["schema"] != solidarity.SolutionSchema || a["instance"] != in.Name || len(a["assignment"].([]any)) != len(in.Cases) {
		t.Fatalf("unexpected assignment file: %.200s", data)
	}
	if a["assignment"].([]any)[pin].(float64) != 0 {
		t.Fatal("the pin was not honoured")
	}
	for _, k := range []string{"objective", "bound", "gap", "seconds"} {
		if _, ok := a[k]; !ok {
			t.Errorf("missing %q", k)
		}
	}
	if !strings.Contains(string(data), `"objective":`) || !strings.Contains(stderr.String(), "gap") {
		t.Errorf("stderr: %s", stderr.String())
	}
	if _, err := os.Stat(explain); err != nil {
		t.Error("no explanation file")
	}
}

func TestSolidarityMatchCLIBadInput(t *testing.T) {
	in := solidarity.Generate(solidarity.GenOptions{Candidates: 50, Seed: 3})
	in.Cases[2].Scores[1] = 1.5
	var stdout, stderr bytes.Buffer
	code := Main(context.Background(), []string{"solidarity", "match", "--in", writeInstance(t, in), "--out", filepath.Join(t.TempDir(), "a.json")},
		&Env{Stdout: &stdout, Stderr: &stderr})
	if code != 1 || !strings.Contains(stderr.String(), "cases[2].scores[1]") {
		t.Fatalf("exit %d, stderr %q: want exit 1 naming cases[2].scores[1]", code, stderr.String())
	}
	if code := Main(context.Background(), []string{"solidarity", "match"}, &Env{Stdout: &stdout, Stderr: &stderr}); code != 2 {
		t.Fatalf("missing flags: exit %d, want 2", code)
	}
}

func TestBenchMatchRelocationCLI(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := Main(context.Background(), []string{"bench", "match-relocation", "--sizes", "150", "--time-limit", "1", "--cbc-max", "0"},
		&Env{Stdout: &stdout, Stderr: &stderr})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "objective") || !strings.Contains(stdout.String(), "150") {
		t.Fatalf("unexpected output: %s", stdout.String())
	}
}
