package strsim

import (
	"math"
	"testing"
	"unicode/utf8"
)

func TestJaroWinkler(t *testing.T) {
	cases := []struct {
		a, b string
		want float64
	}{
		{"", "", 1},
		{"a", "", 0},
		{"martha", "marhta", 0.9611},
		{"dwayne", "duane", 0.84},
		{"dixon", "dicksonx", 0.8133},
		{"shevchenko", "shevchenko", 1},
		{"abc", "xyz", 0},
		{"шевченко", "шевченка", 0.95},
		{"jones", "johnson", 0.8323},
	}
	for _, c := range cases {
		got := JaroWinkler(c.a, c.b)
		if math.Abs(got-c.want) > 0.001 {
			t.Errorf("JaroWinkler(%q,%q)=%.4f want %.4f", c.a, c.b, got, c.want)
		}
		if rev := JaroWinkler(c.b, c.a); math.Abs(rev-got) > 1e-12 {
			t.Errorf("JaroWinkler not symmetric on %q,%q: %v vs %v", c.a, c.b, got, rev)
		}
	}
}

func TestJaro(t *testing.T) {
	if got := Jaro("martha", "marhta"); math.Abs(got-0.9444) > 0.001 {
		t.Errorf("Jaro=%v", got)
	}
}

func TestDamerauLevenshtein(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"abc", "abc", 0},
		{"abc", "acb", 1},
		{"ca", "abc", 3}, // OSA, not full Damerau (which gives 2)
		{"kitten", "sitting", 3},
		{"AB123456", "AB123465", 1},
		{"AB123456", "AB12356", 1},
		{"олександр", "олександер", 1},
		{"19800312", "19801203", 4},
	}
	for _, c := range cases {
		if got := DamerauLevenshtein(c.a, c.b); got != c.want {
			t.Errorf("DL(%q,%q)=%d want %d", c.a, c.b, got, c.want)
		}
		if got := WithinOne(c.a, c.b); got != (c.want <= 1) {
			t.Errorf("WithinOne(%q,%q)=%v", c.a, c.b, got)
		}
	}
}

func TestLongInputs(t *testing.T) {
	a := string(make([]byte, 100)) + "x"
	b := string(make([]byte, 100)) + "y"
	if d := DamerauLevenshtein(a, b); d != 1 {
		t.Errorf("long DL=%d", d)
	}
	if j := JaroWinkler(a, b); j < 0.9 || j > 1 {
		t.Errorf("long JW=%v", j)
	}
}

func TestNoAllocations(t *testing.T) {
	n := testing.AllocsPerRun(100, func() {
		_ = JaroWinkler("oleksandr", "aleksandr")
		_ = DamerauLevenshtein("shevchenko", "szewczenko")
	})
	if n != 0 {
		t.Errorf("allocations per run = %v, want 0", n)
	}
}

func FuzzSimilarity(f *testing.F) {
	for _, s := range []string{"", "a", "martha", "шевченко", "\xff", "AB123456"} {
		f.Add(s, "marhta")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		j := JaroWinkler(a, b)
		if j < 0 || j > 1.0000001 || math.IsNaN(j) {
			t.Fatalf("JW out of range: %v", j)
		}
		if a == b && j != 1 {
			t.Fatalf("JW of equal strings = %v", j)
		}
		d := DamerauLevenshtein(a, b)
		la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
		if d < max(la, lb)-min(la, lb) || d > max(la, lb) {
			t.Fatalf("DL(%q,%q)=%d outside bounds", a, b, d)
		}
		if d != DamerauLevenshtein(b, a) {
			t.Fatalf("DL not symmetric")
		}
	})
}

func BenchmarkJaroWinkler(b *testing.B) {
	for b.Loop() {
		_ = JaroWinkler("oleksandr", "aleksandr")
	}
}

func BenchmarkDamerauLevenshtein(b *testing.B) {
	for b.Loop() {
		_ = DamerauLevenshtein("shevchenko", "szewczenko")
	}
}
