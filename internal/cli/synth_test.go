package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSynthRegistrations(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name     string
		args     []string
		code     int
		inStderr string
		records  int
	}{
		{"writes records and truth", []string{"--n", "25000", "--seed", "3", "--out", "{dir}/a"}, 0, "synth registrations: 25000/25000 records (100%)", 25000},
		{"progress lines", []string{"--n", "25000", "--seed", "3", "--out", "{dir}/b"}, 0, "10000/25000 records (40%)", 25000},
		{"states and rates", []string{"--n", "300", "--seed", "1", "--out", "{dir}/c", "--states", "pl, de", "--duplicate-rate", "0.3", "--hard-rate", "0"}, 0, "300 records in", 300},
		{"missing out", []string{"--n", "10"}, 1, "out: is required", 0},
		{"zero records", []string{"--n", "0", "--out", "{dir}/d"}, 1, "n: must be between", 0},
		{"unknown state", []string{"--n", "10", "--out", "{dir}/e", "--states", "PL,XX"}, 1, `"XX" is not an EU Member State code`, 0},
		{"negative rate", []string{"--n", "10", "--out", "{dir}/f", "--duplicate-rate", "-0.1"}, 1, "duplicate-rate: must not be negative", 0},
		{"bad flag", []string{"--count", "10"}, 2, "flag provided but not defined", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"synth", "registrations"}
			for _, a := range tt.args {
				args = append(args, strings.ReplaceAll(a, "{dir}", dir))
			}
			var stdout, stderr bytes.Buffer
			code := Main(context.Background(), args, &Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }})
			if code != tt.code || !strings.Contains(stderr.String(), tt.inStderr) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr.String(), tt.code, tt.inStderr)
			}
			if tt.records == 0 {
				return
			}
			out := args[slicesIndex(args, "--out")+1]
			f, err := os.Open(filepath.Join(out, "records.csv"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := csv.NewReader(f).ReadAll()
			if err != nil || len(rows) != tt.records+1 || rows[0][0] != "record_id" || len(rows[0]) != 14 {
				t.Fatalf("records.csv: %d rows, header %v, err %v", len(rows), rows[0], err)
			}
			for _, name := range []string{"truth_pairs.csv", "persons.csv", "hard_pairs.csv"} {
				if _, err := os.Stat(filepath.Join(out, name)); err != nil {
					t.Errorf("%s: %v", name, err)
				}
			}
		})
	}
}

func slicesIndex(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// TestSynthRegistrationsBar draws the progress bar when stderr is a terminal.
func TestSynthRegistrationsBar(t *testing.T) {
	var stdout, stderr bytes.Buffer
	env := &Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }, StderrIsTTY: true}
	code := Main(context.Background(), []string{"synth", "registrations", "--n", "20000", "--out", t.TempDir()}, env)
	if code != 0 || !strings.Contains(stderr.String(), "20000/20000") || strings.Contains(stderr.String(), "(100%)\n") {
		t.Fatalf("exit %d, stderr %q; want a bar reaching 20000/20000", code, stderr.String())
	}
}
