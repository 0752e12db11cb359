package synth

import (
	"context"
	"encoding/csv"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

func collect(t *testing.T, opts Options) []Record {
	t.Helper()
	var out []Record
	if err := Generate(context.Background(), opts, func(r Record) error { out = append(out, r); return nil }); err != nil {
		t.Fatalf("Generate(%+v): %v", opts, err)
	}
	return out
}

func TestGenerateDeterministic(t *testing.T) {
	a := collect(t, Options{N: 3000, Seed: 42})
	b := collect(t, Options{N: 3000, Seed: 42})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs with seed 42 differ")
	}
	c := collect(t, Options{N: 3000, Seed: 43})
	if reflect.DeepEqual(a, c) {
		t.Fatal("seeds 42 and 43 gave the same records")
	}
}

func TestWriteDirDeterministic(t *testing.T) {
	d1, d2 := t.TempDir(), t.TempDir()
	for _, d := range []string{d1, d2} {
		if err := WriteDir(context.Background(), Options{N: 2000, Seed: 5}, d, nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{RecordsFile, TruthPairsFile, PersonsFile, HardPairsFile} {
		b1, _ := os.ReadFile(filepath.Join(d1, f))
		b2, _ := os.ReadFile(filepath.Join(d2, f))
		if len(b1) == 0 || string(b1) != string(b2) {
			t.Errorf("%s differs between runs with one seed (or is empty)", f)
		}
	}
}

func TestGenerateExactCount(t *testing.T) {
	for _, n := range []int{1, 2, 3, 7, 100, 4321} {
		for _, hard := range []float64{-1, 0.5} {
			recs := collect(t, Options{N: n, Seed: int64(n), HardNegativeRate: hard, DuplicateRate: 0.5})
			if len(recs) != n {
				t.Errorf("N=%d hard=%v: got %d records", n, hard, len(recs))
			}
			ids := map[string]bool{}
			for _, r := range recs {
				if ids[r.RecordID] {
					t.Fatalf("N=%d: duplicate record id %s", n, r.RecordID)
				}
				ids[r.RecordID] = true
			}
		}
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// truthSet is the ground truth read back from a WriteDir directory.
type truthSet struct {
	dir     string
	person  map[string]string // record -> person
	hard    map[string]string // record -> kind
	records map[string]Record
}

func writeAndRead(t *testing.T, opts Options) truthSet {
	t.Helper()
	dir := t.TempDir()
	if err := WriteDir(context.Background(), opts, dir, nil); err != nil {
		t.Fatal(err)
	}
	ts := truthSet{dir: dir, person: map[string]string{}, hard: map[string]string{}, records: map[string]Record{}}
	recs := readCSV(t, filepath.Join(dir, RecordsFile))
	if !slices.Equal(recs[0], recordsHeader()) {
		t.Fatalf("records.csv header = %v", recs[0])
	}
	for _, r := range recs[1:] {
		ts.records[r[0]] = Record{RecordID: r[0], MemberState: r[1], Surname: r[2], GivenName: r[3], DateOfBirth: r[6], DocumentNumber: r[10]}
	}
	for _, r := range readCSV(t, filepath.Join(dir, PersonsFile))[1:] {
		ts.person[r[0]], ts.hard[r[0]] = r[1], r[2]
	}
	if len(ts.records) != opts.N || len(ts.person) != opts.N {
		t.Fatalf("records %d, persons.csv %d, want %d", len(ts.records), len(ts.person), opts.N)
	}
	return ts
}

// TestTruthConsistency: every pair in truth_pairs.csv is one person, every pair of records of
// one person is in it, and every hard pair is two different persons of the stated kind.
func TestTruthConsistency(t *testing.T) {
	opts := Options{N: 20000, Seed: 11}
	ts := writeAndRead(t, opts)
	dir := ts.dir
	pairs := map[[2]string]bool{}
	for _, p := range readCSV(t, filepath.Join(dir, TruthPairsFile))[1:] {
		a, b := p[0], p[1]
		if !(a < b) {
			t.Fatalf("pair %s,%s not ordered", a, b)
		}
		if ts.person[a] == "" || ts.person[a] != ts.person[b] {
			t.Fatalf("truth pair %s,%s: persons %q and %q", a, b, ts.person[a], ts.person[b])
		}
		if pairs[[2]string{a, b}] {
			t.Fatalf("pair %s,%s listed twice", a, b)
		}
		pairs[[2]string{a, b}] = true
	}
	byPerson := map[string][]string{}
	for r, p := range ts.person {
		byPerson[p] = append(byPerson[p], r)
	}
	want := 0
	for _, rs := range byPerson {
		want += len(rs) * (len(rs) - 1) / 2
		for i := range rs {
			for j := i + 1; j < len(rs); j++ {
				if !pairs[[2]string(ordered(rs[i], rs[j]))] {
					t.Fatalf("records %s and %s of one person are missing from truth_pairs", rs[i], rs[j])
				}
			}
		}
	}
	if len(pairs) != want || want == 0 {
		t.Fatalf("truth_pairs has %d pairs, persons imply %d", len(pairs), want)
	}
	for _, h := range readCSV(t, filepath.Join(dir, HardPairsFile))[1:] {
		if ts.person[h[0]] == ts.person[h[1]] || ts.hard[h[0]] != h[2] || ts.hard[h[1]] != h[2] {
			t.Fatalf("hard pair %v: persons %s/%s, kinds %q/%q", h, ts.person[h[0]], ts.person[h[1]], ts.hard[h[0]], ts.hard[h[1]])
		}
	}
}

// personShares returns the share of persons in hard pairs, with 2+ records, and the kinds seen.
func personShares(ts truthSet) (hard, dup float64, kinds map[string]int) {
	count := map[string]int{}
	kind := map[string]string{}
	for r, p := range ts.person {
		count[p]++
		kind[p] = ts.hard[r]
	}
	kinds = map[string]int{}
	var h, d int
	for p, c := range count {
		if kind[p] != "" {
			h++
			kinds[kind[p]]++
		}
		if c > 1 {
			d++
		}
	}
	return float64(h) / float64(len(count)), float64(d) / float64(len(count)), kinds
}

func TestHardNegativeRate(t *testing.T) {
	tests := []struct {
		rate, want float64
	}{{0, DefaultHardNegativeRate}, {0.02, 0.02}, {0.2, 0.2}, {-1, 0}}
	for _, tt := range tests {
		hard, _, kinds := personShares(writeAndRead(t, Options{N: 15000, Seed: 3, HardNegativeRate: tt.rate}))
		if math.Abs(hard-tt.want) > 0.003 {
			t.Errorf("rate %v: %.4f of persons in hard pairs, want %.3f", tt.rate, hard, tt.want)
		}
		if tt.want >= 0.05 {
			for _, k := range []string{HardTwin, HardNamesake, HardParentChild} {
				if kinds[k] == 0 {
					t.Errorf("rate %v: no %s pairs", tt.rate, k)
				}
			}
		}
	}
}

func TestDuplicateRate(t *testing.T) {
	tests := []struct{ rate, want float64 }{{0, DefaultDuplicateRate}, {0.05, 0.05}, {0.4, 0.4}, {-1, 0}}
	for _, tt := range tests {
		ts := writeAndRead(t, Options{N: 20000, Seed: 9, DuplicateRate: tt.rate})
		_, dup, _ := personShares(ts)
		if math.Abs(dup-tt.want) > 0.015 {
			t.Errorf("rate %v: %.4f of persons registered twice or more, want %.2f", tt.rate, dup, tt.want)
		}
		states := map[string]map[string]bool{}
		for r, p := range ts.person {
			if states[p] == nil {
				states[p] = map[string]bool{}
			}
			st := ts.records[r].MemberState
			if states[p][st] {
				t.Fatalf("rate %v: person %s registered twice in %s", tt.rate, p, st)
			}
			states[p][st] = true
		}
	}
}

// TestStreamSpreadsPersons: the records of one person are not next to each other in the
// output, so file order does not leak the truth.
func TestStreamSpreadsPersons(t *testing.T) {
	recs := collect(t, Options{N: 30000, Seed: 2, DuplicateRate: 0.3})
	last := map[string]int{}
	var gaps []int
	for i, r := range recs {
		if j, ok := last[r.PersonID]; ok {
			gaps = append(gaps, i-j)
		}
		last[r.PersonID] = i
	}
	slices.Sort(gaps)
	if len(gaps) == 0 || gaps[len(gaps)/2] < 1000 {
		t.Fatalf("median distance between records of one person = %v, want >= 1000", gaps[len(gaps)/2])
	}
}

func TestOptionsInvalid(t *testing.T) {
	tests := []struct {
		opts  Options
		field string
	}{
		{Options{N: 0}, "n"},
		{Options{N: 10, DuplicateRate: 0.95}, "duplicate_rate"},
		{Options{N: 10, HardNegativeRate: 0.6}, "hard_negative_rate"},
		{Options{N: 10, States: []string{"PL", "XX"}}, "states"},
		{Options{N: 10, States: []string{"PL"}}, "states"},
		{Options{N: 10, States: []string{"PL", "EL"}}, "states"},
	}
	for _, tt := range tests {
		err := Generate(context.Background(), tt.opts, func(Record) error { return nil })
		e, ok := errs.As(err)
		if !ok || e.Kind != errs.KindInvalid || len(e.Fields) == 0 || e.Fields[0].Field != tt.field {
			t.Errorf("%+v: error %v, want invalid %s", tt.opts, err, tt.field)
		}
	}
	if err := Generate(context.Background(), Options{N: 10, States: []string{"PL"}, DuplicateRate: -1}, func(Record) error { return nil }); err != nil {
		t.Errorf("one state without duplicates: %v", err)
	}
}

func TestStatesRestricted(t *testing.T) {
	for _, r := range collect(t, Options{N: 2000, Seed: 1, States: []string{"LV", "LT"}}) {
		if r.MemberState != "LV" && r.MemberState != "LT" {
			t.Fatalf("record in %s, want only LV and LT", r.MemberState)
		}
	}
}

func TestEmitErrorStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Generate(context.Background(), Options{N: 1000, Seed: 1}, func(Record) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Fatalf("err %v after %d records, want stop after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Generate(ctx, Options{N: 10000, Seed: 1}, func(Record) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled context: %v", err)
	}
}

func TestStateWeights(t *testing.T) {
	w := StateWeights()
	sum := 0.0
	for _, v := range w {
		sum += v
	}
	if len(w) != 27 || math.Abs(sum-1) > 1e-9 {
		t.Fatalf("%d states summing to %v, want 27 summing to 1", len(w), sum)
	}
	order := []string{"PL", "DE", "CZ"}
	for i := 1; i < len(order); i++ {
		if w[order[i-1]] <= w[order[i]] {
			t.Errorf("%s (%.3f) should exceed %s (%.3f)", order[i-1], w[order[i-1]], order[i], w[order[i]])
		}
	}
	for s, v := range w {
		if s != "PL" && s != "DE" && s != "CZ" && v >= w["CZ"] {
			t.Errorf("%s (%.3f) should be below CZ", s, v)
		}
	}
}

// TestStreamIsRegistrationOrder: a person's first registration is always emitted before the
// registrations in further states, so a seeder may date records increasingly along the stream.
func TestStreamIsRegistrationOrder(t *testing.T) {
	opts, _ := Options{N: 20000, Seed: 8, DuplicateRate: 0.5}.withDefaults()
	pos := map[string]int{}
	var groups []group
	i := 0
	err := newGenerator(opts).run(context.Background(), func(r Record) error { pos[r.RecordID] = i; i++; return nil },
		func(g group) error { groups = append(groups, g); return nil })
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, g := range groups {
		for _, ids := range g.records {
			for k := 1; k < len(ids); k++ {
				if pos[ids[k]] <= pos[ids[k-1]] {
					t.Fatalf("registration %d of a person (%s) emitted at %d, before the previous one at %d", k, ids[k], pos[ids[k]], pos[ids[k-1]])
				}
				checked++
			}
		}
	}
	if checked < 3000 {
		t.Fatalf("only %d later registrations checked", checked)
	}
}

// TestBoundedPending: the records held back for shuffling stay a few thousand, however
// large N is (the delay window stops growing at 180,000 records).
func TestBoundedPending(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 200,000 records")
	}
	opts, _ := Options{N: 200_000, Seed: 1}.withDefaults()
	g := newGenerator(opts)
	if err := g.run(context.Background(), func(Record) error { return nil }, nil); err != nil {
		t.Fatal(err)
	}
	if g.maxPending > 25000 {
		t.Errorf("%d records held at once, want at most 25000", g.maxPending)
	}
}
