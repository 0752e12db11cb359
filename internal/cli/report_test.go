package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportSituation(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "obs.csv")
	csv := "series,period_start,period_end,route,value,unit,source\n" +
		"arrivals,2022-01-01,2022-01-31,central_mediterranean,1000,persons,test\n" +
		"arrivals,2022-01-01,2022-01-31,arctic,5,persons,test\n"
	if err := os.WriteFile(csvPath, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		inFile   []string // fragments of the written file
		inStderr string
	}{
		{"demo data, section 3 period", []string{"-from", "2022-01-01", "-to", "2022-09-25", "-out", "{out}"}, 0,
			[]string{"116\u202f610", "&#43;39 %", "&#43;47 %", "19\u202f500", "Early-warning alerts"}, "key figures"},
		{"csv input reports rejected rows", []string{"-from", "2022-01-01", "-to", "2022-01-31", "-out", "{out}", "-in", csvPath}, 0,
			[]string{"1\u202f000"}, "obs.csv:3: rejected: unknown route"},
		{"period ending before it starts", []string{"-from", "2022-02-01", "-to", "2022-01-01", "-out", "{out}"}, 1, nil, "to: must not be before from"},
		{"missing out", []string{"-from", "2022-01-01", "-to", "2022-01-31"}, 1, nil, "out: is required"},
		{"bad date", []string{"-from", "1 Jan", "-to", "2022-01-31", "-out", "{out}"}, 1, nil, "from: must be a date"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, "r"+string(rune('a'+i))+".html")
			args := []string{"report", "situation"}
			for _, a := range tt.args {
				args = append(args, strings.ReplaceAll(a, "{out}", out))
			}
			var stdout, stderr bytes.Buffer
			code := Main(context.Background(), args, &Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }})
			if code != tt.code || !strings.Contains(stderr.String(), tt.inStderr) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr.String(), tt.code, tt.inStderr)
			}
			b, err := os.ReadFile(out)
			if tt.code != 0 {
				if err == nil {
					t.Error("a failed run wrote the file")
				}
				return
			}
			for _, want := range tt.inFile {
				if !bytes.Contains(b, []byte(want)) {
					t.Errorf("report lacks %q", want)
				}
			}
		})
	}
}
