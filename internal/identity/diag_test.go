package identity

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/synth"
)

// TestDiag prints the estimated weights, the true pairs missed by blocking or scored
// low, the false matches and F1 by threshold: set CEAS_DIAG to "synth" (CEAS_DIAGN
// records, seed CEAS_DIAGSEED) or to a FEBRL file. A tuning aid, skipped by default.
func TestDiag(t *testing.T) {
	path := os.Getenv("CEAS_DIAG")
	if path == "" {
		t.Skip()
	}
	var recs []Record
	ent := func(id string) string { s := strings.TrimPrefix(id, "rec-"); n, _, _ := strings.Cut(s, "-"); return n }
	if path == "synth" {
		truth := map[string]string{}
		_ = synth.Generate(context.Background(), synth.Options{N: diagN(), Seed: diagSeed()}, func(r synth.Record) error {
			rec := Record{ID: r.RecordID, MemberState: r.MemberState, Surname: r.Surname, GivenName: r.GivenName,
				Patronymic: r.Patronymic, Sex: r.Sex, PlaceOfBirth: r.PlaceOfBirth, Nationality: r.Nationality,
				Address: r.Address, Locality: r.Locality, Postcode: r.Postcode}
			rec.DateOfBirth, _ = ParseDate(r.DateOfBirth)
			if r.DocumentNumber != "" {
				rec.Documents = []Document{{Type: r.DocumentType, Number: r.DocumentNumber}}
			}
			recs = append(recs, rec)
			truth[r.RecordID] = r.PersonID + "|" + r.Hard
			return nil
		})
		ent = func(id string) string { p, _, _ := strings.Cut(truth[id], "|"); return p }
	}
	data, _ := os.ReadFile(path)
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
	b, _ := newBatch(context.Background(), recs, DefaultConfig())
	pairs := b.candidates()
	gam, _ := b.compareAll(context.Background(), pairs, nil)
	m := b.estimate(gam)
	if os.Getenv("CEAS_SKIPEM") != "" {
		m = DefaultModel()
	}
	b.sc = b.scorer(m)
	fmt.Printf("prior %.4f\n", m.MatchesPerRecord)
	for _, f := range []int{fSurname, fGiven, fDOB} {
		fmt.Printf("%s m=%.4f\n   u=%.4f\n", fieldNames[f], m.M[f][1:levels(f)], m.U[f][1:levels(f)])
	}
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
	fp := 0
	for k, p := range pairs {
		i, j := int(p>>32), int(p&0xffffffff)
		if ent(recs[i].ID) == ent(recs[j].ID) {
			continue
		}
		g := unpack(gam[k])
		v := b.sc.judge(g, b.feats[i], b.feats[j])
		if b.cfg.decision(v) == DecisionMatch {
			fp++
			if fp < 12 {
				fmt.Printf("FP p=%.3f %v\n   %v\n   %v\n", v.prob, b.sc.explain(g, b.feats[i], b.feats[j]), recs[i], recs[j])
			}
		}
	}
	fmt.Println("false matches", fp)
	for _, th := range []float64{0.5, 0.7, 0.8, 0.9, 0.95} {
		b.cfg.MatchThreshold = th
		outp := b.output(b.cluster(b.matches(pairs, gam)))
		truth := map[string]string{}
		for _, r := range recs {
			truth[r.ID] = ent(r.ID)
		}
		fmt.Printf("threshold %.2f: %+v\n", th, Evaluate(outp, truth))
	}
	b.cfg.MatchThreshold = 0.9
	edges := b.matches(pairs, gam)
	groups := b.cluster(edges)
	outp := b.output(groups)
	tp, big := 0, 0
	for _, p := range outp {
		if ent(p.A) == ent(p.B) {
			tp++
		} else if p.Decision != DecisionMatch {
			big++
		}
	}
	sizes := map[int]int{}
	for _, g := range groups {
		sizes[len(g)]++
	}
	fmt.Println("edges", len(edges), "output pairs", len(outp), "true", tp, "false via transitivity", big, "cluster sizes", sizes)
	fmt.Println("missed by blocking", missBlock, "scored low", lowScore, "candidates", len(pairs))
}

// TestDiagTime prints the time of each stage on a FEBRL file (set CEAS_DIAGT).
func TestDiagTime(t *testing.T) {
	path := os.Getenv("CEAS_DIAGT")
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
	ctx := context.Background()
	t0 := time.Now()
	b, _ := newBatch(ctx, recs, DefaultConfig())
	t1 := time.Now()
	pairs := b.candidates()
	t2 := time.Now()
	gam, _ := b.compareAll(ctx, pairs, nil)
	t3 := time.Now()
	m := b.estimate(gam)
	t4 := time.Now()
	b.sc = b.scorer(m)
	e := b.matches(pairs, gam)
	gr := b.cluster(e)
	_ = b.output(gr)
	t5 := time.Now()
	fmt.Println("prepare", t1.Sub(t0), "block", t2.Sub(t1), "compare", t3.Sub(t2), "em", t4.Sub(t3), "score+cluster", t5.Sub(t4))
}

func diagN() int {
	if n, err := strconv.Atoi(os.Getenv("CEAS_DIAGN")); err == nil {
		return n
	}
	return 5000
}

func diagSeed() int64 {
	if n, err := strconv.Atoi(os.Getenv("CEAS_DIAGSEED")); err == nil {
		return int64(n)
	}
	return 7
}
