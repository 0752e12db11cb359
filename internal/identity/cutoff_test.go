package identity

import (
	"context"
	"testing"

	"github.com/ceas-eu/ceas/internal/synth"
)

// synthRecords generates n synthetic registrations as engine records.
func synthRecords(t *testing.T, n int) []Record {
	t.Helper()
	var recs []Record
	err := synth.Generate(context.Background(), synth.Options{N: n, Seed: 11}, func(r synth.Record) error {
		rec := Record{ID: r.RecordID, MemberState: r.MemberState, Surname: r.Surname, GivenName: r.GivenName,
			Patronymic: r.Patronymic, Sex: r.Sex, PlaceOfBirth: r.PlaceOfBirth, Nationality: r.Nationality,
			Address: r.Address, Locality: r.Locality, Postcode: r.Postcode}
		rec.DateOfBirth, _ = ParseDate(r.DateOfBirth)
		if r.DocumentNumber != "" {
			rec.Documents = []Document{{Type: r.DocumentType, Number: r.DocumentNumber}}
		}
		recs = append(recs, rec)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestCutoffKeepsEveryMatch checks the early exit against the full comparison on every
// candidate pair: it may drop only pairs that are not matches, and a pair it keeps has
// exactly the comparison vector of compare.
func TestCutoffKeepsEveryMatch(t *testing.T) {
	ctx := context.Background()
	for _, threshold := range []float64{0.5, 0.9, 0.99} {
		cfg := DefaultConfig()
		cfg.MatchThreshold = threshold
		b, err := newBatch(ctx, synthRecords(t, 4000), cfg)
		if err != nil {
			t.Fatal(err)
		}
		bl := b.buildBlocks()
		m, err := b.learn(ctx, bl)
		if err != nil {
			t.Fatal(err)
		}
		b.sc = b.scorer(m)
		cut := newCutoff(b.sc, threshold)
		matches, kept, dropped := 0, 0, 0
		for _, p := range b.candidates() {
			fa, fb := b.feats[p>>32], b.feats[p&0xffffffff]
			full := compare(fa, fb)
			match := b.cfg.decision(b.sc.judge(full, fa, fb)) == DecisionMatch
			g, ok := cut.compareForMatch(fa, fb)
			switch {
			case match && !ok:
				t.Fatalf("threshold %v: match %s~%s dropped by the cutoff", threshold, fa.id, fb.id)
			case ok && g != full:
				t.Fatalf("threshold %v: %s~%s graded %v, compare gives %v", threshold, fa.id, fb.id, g, full)
			}
			if match {
				matches++
			}
			if ok {
				kept++
			} else {
				dropped++
			}
		}
		if matches == 0 || dropped == 0 {
			t.Errorf("threshold %v: %d matches, %d dropped: the test exercises nothing", threshold, matches, dropped)
		}
		t.Logf("threshold %v: %d matches, %d pairs fully compared, %d stopped early", threshold, matches, kept, dropped)
	}
}

// TestStreamPairsMatchesCandidates checks that streaming visits exactly the candidate
// pairs, each once, whatever the number of workers.
func TestStreamPairsMatchesCandidates(t *testing.T) {
	ctx := context.Background()
	for _, workers := range []int{1, 3} {
		cfg := DefaultConfig()
		cfg.Workers = workers
		b, err := newBatch(ctx, synthRecords(t, 3000), cfg)
		if err != nil {
			t.Fatal(err)
		}
		want := map[uint64]bool{}
		for _, p := range b.candidates() {
			want[p] = true
		}
		got := make([]map[uint64]int, workers)
		err = b.streamPairs(ctx, b.buildBlocks(), nil, func(w int) pairVisitor {
			got[w] = map[uint64]int{}
			return func(i, j int32) { got[w][uint64(i)<<32|uint64(j)]++ }
		}, nil)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, m := range got {
			for p, c := range m {
				if c != 1 || !want[p] {
					t.Fatalf("workers %d: pair %d:%d visited %d times, candidate %v", workers, p>>32, p&0xffffffff, c, want[p])
				}
				n++
			}
		}
		if n != len(want) {
			t.Errorf("workers %d: %d pairs visited, %d candidates", workers, n, len(want))
		}
	}
}
