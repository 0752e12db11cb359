package identity

import (
	"context"
	"fmt"
	"sort"
)

// Dedupe finds the records of one batch that describe the same person. It estimates the
// model from the batch (unless cfg.SkipEM), scores every candidate pair, clusters the
// matches into persons and returns, for every cluster, all its pairs (ids ordered within
// a pair, pairs sorted) and the clusters of two or more records. progress, if not nil, is
// called from several goroutines with the records whose pairs are compared so far and the
// total. Candidate pairs are generated and compared record by record on cfg.Workers
// goroutines, twice (a sample to learn the model, then all to decide), and never held in
// memory together.
func Dedupe(ctx context.Context, records []Record, cfg Config, progress func(done, total int)) ([]Pair, [][]string, error) {
	b, err := newBatch(ctx, records, cfg)
	if err != nil {
		return nil, nil, err
	}
	bl := b.buildBlocks()
	model := b.cfg.model()
	if !b.cfg.SkipEM {
		if model, err = b.learn(ctx, bl); err != nil {
			return nil, nil, err
		}
	}
	b.sc = b.scorer(model)
	edges, err := b.matchesStream(ctx, bl, progress)
	if err != nil {
		return nil, nil, err
	}
	groups := b.cluster(edges)
	return b.output(groups), b.clusterIDs(groups), nil
}

// Estimate learns a model from a batch of records, for an Index to use (Index.SetModel).
func Estimate(ctx context.Context, records []Record, cfg Config) (*Model, error) {
	b, err := newBatch(ctx, records, cfg)
	if err != nil {
		return nil, err
	}
	m, err := b.learn(ctx, b.buildBlocks())
	if err != nil {
		return nil, fmt.Errorf("identity: estimate: %w", err)
	}
	return m, nil
}

type edge struct {
	i, j int32
	prob float64
}

// matches returns the pairs decided as matches, best first.
func (b *batch) matches(pairs, gammas []uint64) []edge {
	var out []edge
	for k, p := range pairs {
		i, j := int32(p>>32), int32(p&0xffffffff)
		v := b.sc.judge(unpack(gammas[k]), b.feats[i], b.feats[j])
		if b.cfg.decision(v) == DecisionMatch {
			out = append(out, edge{i, j, v.prob})
		}
	}
	sortEdges(out)
	return out
}

// sortEdges orders edges best first, ties by record number, so clustering is deterministic.
func sortEdges(out []edge) {
	sort.Slice(out, func(x, y int) bool {
		if out[x].prob != out[y].prob {
			return out[x].prob > out[y].prob
		}
		return out[x].i < out[y].i || out[x].i == out[y].i && out[x].j < out[y].j
	})
}

// output lists every pair inside every cluster, with its own score.
func (b *batch) output(groups [][]int32) []Pair {
	var out []Pair
	for _, g := range groups {
		for x := 0; x < len(g); x++ {
			for y := x + 1; y < len(g); y++ {
				fa, fb := b.feats[g[x]], b.feats[g[y]]
				if fb.id < fa.id {
					fa, fb = fb, fa
				}
				gm := compare(fa, fb)
				v := b.sc.judge(gm, fa, fb)
				p := Pair{A: fa.id, B: fb.id, Probability: v.prob, Decision: b.cfg.decision(v)}
				if b.cfg.Explain {
					p.Explanation = b.sc.explain(gm, fa, fb)
				}
				out = append(out, p)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].A < out[j].A || out[i].A == out[j].A && out[i].B < out[j].B })
	return out
}

func (b *batch) clusterIDs(groups [][]int32) [][]string {
	out := make([][]string, len(groups))
	for k, g := range groups {
		ids := make([]string, len(g))
		for x, i := range g {
			ids[x] = b.feats[i].id
		}
		sort.Strings(ids)
		out[k] = ids
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}
