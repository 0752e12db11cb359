package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const matchInput = `id,last_name,given_name,sex,date_of_birth,place_of_birth,document_number,notes
b,Szewczenko,Aleksander,M,12.03.1985,Kijów,FA123456,x
a,Шевченко,Олександр,M,1985-03-12,Київ,FA123456,y
c,Kovalenko,Natalia,F,19900701,Kharkov,,
d,Коваленко,Наталія,F,01/07/1990,Харків,,
e,Bondarenko,Andrii,M,1979-11-30,Odesa,,
f,Bondarenko,Oleksii,M,1979-11-30,Odesa,,
g,Broken,Date,M,1985-13-45,,,
h,Short,Row
`

func runMatchCLI(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Main(context.Background(), append([]string{"match"}, args...), &Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }})
	return code, stderr.String()
}

func TestMatchCommand(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.csv")
	if err := os.WriteFile(in, []byte(matchInput), 0o600); err != nil {
		t.Fatal(err)
	}
	out, clusters := filepath.Join(dir, "pairs.csv"), filepath.Join(dir, "clusters.csv")
	code, stderr := runMatchCLI(t, "--in", in, "--out", out, "--id", "id", "--col", "surname=last_name", "--clusters", clusters, "--explain")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"line 8:", "line 9:", "read 6 records"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	got, _ := os.ReadFile(out)
	lines := strings.Split(strings.TrimSpace(string(got)), "\n")
	if lines[0] != "record_id_a,record_id_b,probability,explanation" {
		t.Fatalf("header %q", lines[0])
	}
	var pairs []string
	for _, l := range lines[1:] {
		f := strings.SplitN(l, ",", 3)
		pairs = append(pairs, f[0]+"-"+f[1])
	}
	if strings.Join(pairs, " ") != "a-b c-d" {
		t.Errorf("pairs %v, want a-b c-d (twins e, f apart)", pairs)
	}
	if !strings.Contains(string(got), `""field"":""surname""`) {
		t.Errorf("no explanation in %s", got)
	}
	cl, _ := os.ReadFile(clusters)
	if n := strings.Count(string(cl), "\n"); n != 7 {
		t.Errorf("clusters file has %d lines, want header + 6:\n%s", n, cl)
	}
}

func TestMatchCommandErrors(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.csv")
	if err := os.WriteFile(in, []byte(matchInput), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "o.csv")
	cases := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"strict fails on bad row", []string{"--in", in, "--out", out, "--id", "id", "--col", "surname=last_name", "--strict"}, 1, "line 8"},
		{"missing id column", []string{"--in", in, "--out", out}, 1, `no column "record_id"`},
		{"bad role", []string{"--in", in, "--out", out, "--id", "id", "--col", "height=x"}, 1, "unknown role"},
		{"bad threshold", []string{"--in", in, "--out", out, "--id", "id", "--threshold", "2"}, 1, "threshold"},
		{"no input", []string{"--in", filepath.Join(dir, "none.csv"), "--out", out}, 1, "open input"},
		{"usage", []string{"--out", out}, 2, "--in and --out are required"},
		{"bad col syntax", []string{"--in", in, "--out", out, "--col", "surname"}, 2, "ROLE=COLUMN"},
	}
	for _, c := range cases {
		code, stderr := runMatchCLI(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.msg) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", c.name, code, stderr, c.code, c.msg)
		}
	}
}
