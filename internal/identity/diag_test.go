package identity

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDiag is a temporary diagnostic (set CEAS_DIAG to a FEBRL file).
func TestDiag(t *testing.T) {
	path := os.Getenv("CEAS_DIAG")
	if path == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(path)
	var recs []Record
	for i, line := range strings.Split(string(data), "\n") {
		if i == 0 || line == "" {
			continue
		}
		c := strings.Split(line, ", ")
		dob, _ := ParseDate(c[9])
		r := Record{ID: c[0], GivenName: c[1], Surname: c[2], Address: strings.TrimSpace(c[3] + " " + c[4] + " " + c[5]), Locality: c[6], Postcode: c[7], DateOfBirth: dob}
		if c[10] != "" {
			r.Documents = []Document{{Number: c[10]}}
		}
		recs = append(recs, r)
	}
	ent := func(id string) string { s := strings.TrimPrefix(id, "rec-"); n, _, _ := strings.Cut(s, "-"); return n }
	b, _ := newBatch(context.Background(), recs, DefaultConfig())
	pairs := b.candidates()
	gam, _ := b.compareAll(context.Background(), pairs, nil)
	m := b.estimate(gam)
	b.sc = b.scorer(m)
	fmt.Printf("prior %.4f\n", m.Prior)
	for f := range nFields {
		fmt.Printf("%-15s", fieldNames[f])
		for l := 1; l < levels(f); l++ {
			fmt.Printf(" %s=%.1f", levelNames[f][l], b.sc.w[f][l])
		}
		fmt.Println()
	}
	cand := map[[2]int]bool{}
	for _, p := range pairs {
		cand[[2]int{int(p >> 32), int(p & 0xffffffff)}] = true
	}
	byEnt := map[string][]int{}
	for i, r := range recs {
		byEnt[ent(r.ID)] = append(byEnt[ent(r.ID)], i)
	}
	missBlock, lowScore := 0, 0
	for _, idx := range byEnt {
		for x := 0; x < len(idx); x++ {
			for y := x + 1; y < len(idx); y++ {
				i, j := idx[x], idx[y]
				if !cand[[2]int{i, j}] {
					missBlock++
					if missBlock < 8 {
						fmt.Printf("NOBLOCK %v\n        %v\n", recs[i], recs[j])
					}
					continue
				}
				g := compare(b.feats[i], b.feats[j])
				v := b.sc.judge(g, b.feats[i], b.feats[j])
				if b.cfg.decision(v) != DecisionMatch {
					lowScore++
					if lowScore < 15 {
						fmt.Printf("LOW p=%.3f veto=%v %v\n   %v\n   %v\n", v.prob, v.veto, b.sc.explain(g, b.feats[i], b.feats[j]), recs[i], recs[j])
					}
				}
			}
		}
	}
	fmt.Println("missed by blocking", missBlock, "scored low", lowScore, "candidates", len(pairs))
}
