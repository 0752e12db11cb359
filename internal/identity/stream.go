package identity

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
)

// blocks is the blocking structure of a batch in compressed form: the members of every
// usable block (2..MaxBlock records, sorted) and, for every record, the blocks it is in.
// Candidate pairs are generated from it record by record and never held all at once: at a
// million records there are tens of millions of them.
type blocks struct {
	start     []int32 // block k holds members[start[k]:start[k+1]]
	members   []int32
	recStart  []int32 // record i is in blocks recBlocks[recStart[i]:recStart[i+1]]
	recBlocks []int32
	upper     int64 // pairs summed over blocks, before removing those shared by two keys
}

// buildBlocks groups the records by blocking key, dropping single records and blocks
// larger than MaxBlock.
func (b *batch) buildBlocks() *blocks {
	// size the postings from the first records: growing a slice of tens of millions by
	// doubling would hold two copies at once
	var keys []uint64
	sampled := 0
	for _, f := range b.feats[:min(len(b.feats), 1000)] {
		sampled += len(blockKeys(f, keys[:0]))
	}
	post := make([]posting, 0, len(b.feats)*(sampled/max(min(len(b.feats), 1000), 1)+2))
	for i, f := range b.feats {
		keys = blockKeys(f, keys[:0])
		slices.Sort(keys)
		keys = slices.Compact(keys)
		for _, k := range keys {
			post = append(post, posting{k, int32(i)})
		}
	}
	slices.SortFunc(post, func(a, b posting) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(a.rec, b.rec)
	})
	bl := &blocks{start: []int32{0}, recStart: make([]int32, len(b.feats)+1)}
	for lo := 0; lo < len(post); {
		hi := lo + 1
		for hi < len(post) && post[hi].key == post[lo].key {
			hi++
		}
		if n := hi - lo; n >= 2 && n <= b.cfg.MaxBlock {
			for _, p := range post[lo:hi] {
				bl.members = append(bl.members, p.rec)
				bl.recStart[p.rec+1]++
			}
			bl.start = append(bl.start, int32(len(bl.members)))
			bl.upper += int64(n) * int64(n-1) / 2
		}
		lo = hi
	}
	post = nil
	for i := range len(b.feats) {
		bl.recStart[i+1] += bl.recStart[i]
	}
	bl.recBlocks = make([]int32, len(bl.members))
	fill := slices.Clone(bl.recStart[:len(b.feats)])
	for k := range len(bl.start) - 1 {
		for _, r := range bl.members[bl.start[k]:bl.start[k+1]] {
			bl.recBlocks[fill[r]] = int32(k)
			fill[r]++
		}
	}
	return bl
}

// pairVisitor receives the candidate pairs of one worker (i < j, each pair once).
type pairVisitor func(i, j int32)

// streamPairs calls a visitor for every distinct candidate pair (i<j) whose lower record
// passes keep (nil: all). Records are shared out among cfg.Workers goroutines in small
// chunks; newVisitor is called once per worker (numbered from 0) so that each accumulates
// in its own slot without locks. A
// pair produced by several keys is visited once: each worker stamps the partners already
// seen for the current record. progress, if not nil, gets records done and the total.
func (b *batch) streamPairs(ctx context.Context, bl *blocks, keep func(i int) bool,
	newVisitor func(worker int) pairVisitor, progress func(done, total int)) error {
	const chunk = 256
	n := len(b.feats)
	var next, done atomic.Int64
	var wg sync.WaitGroup
	var panicked atomic.Value
	for w := range b.cfg.Workers {
		visit := newVisitor(w)
		wg.Go(func() {
			defer func() {
				if p := recover(); p != nil {
					panicked.Store(fmt.Sprint(p))
				}
			}()
			seen := make([]int32, n)
			for i := range seen {
				seen[i] = -1
			}
			for ctx.Err() == nil {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				hi := min(lo+chunk, n)
				for i := lo; i < hi; i++ {
					if keep != nil && !keep(i) {
						continue
					}
					for _, k := range bl.recBlocks[bl.recStart[i]:bl.recStart[i+1]] {
						mem := bl.members[bl.start[k]:bl.start[k+1]]
						// members are sorted: start after i
						x, _ := slices.BinarySearch(mem, int32(i))
						for _, j := range mem[x+1:] {
							if seen[j] == int32(i) {
								continue
							}
							seen[j] = int32(i)
							visit(int32(i), j)
						}
					}
				}
				d := done.Add(int64(hi - lo))
				if progress != nil {
					progress(int(d), n)
				}
			}
		})
	}
	wg.Wait()
	if p := panicked.Load(); p != nil {
		return fmt.Errorf("identity: internal error: %v", p)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("identity: %w", err)
	}
	return nil
}

// emSamplePairs is about how many candidate pairs EM learns from: the comparison patterns
// of a few million pairs are as informative as those of all of them, and the batch is then
// compared once more to decide, so a sample keeps the learning pass short.
const emSamplePairs = 3_000_000

// sampleRecords returns the fraction of records whose pairs EM learns from and the filter
// choosing them (a hash of the record number, so the sample is spread over the input and
// the same batch gives the same model).
func sampleRecords(bl *blocks) (float64, func(i int) bool) {
	if bl.upper <= emSamplePairs {
		return 1, nil
	}
	frac := float64(emSamplePairs) / float64(bl.upper)
	limit := uint32(frac * (1 << 32))
	return frac, func(i int) bool { return uint32(uint64(i)*0x9E3779B97F4A7C15>>32) < limit }
}

// learn estimates the model from a sample of the candidate pairs: u on random pairs, m
// and the prior by EM over the comparison patterns of the sampled pairs.
func (b *batch) learn(ctx context.Context, bl *blocks) (*Model, error) {
	frac, keep := sampleRecords(bl)
	local := make([]map[uint64]int, b.cfg.Workers)
	err := b.streamPairs(ctx, bl, keep, func(w int) pairVisitor {
		c := make(map[uint64]int, 4096)
		local[w] = c
		return func(i, j int32) {
			fa, fb := b.feats[i], b.feats[j]
			g := compare(fa, fb)
			p := g.pack()
			if vetoed(g, fa, fb) {
				p |= vetoBit
			}
			c[p]++
		}
	}, nil)
	if err != nil {
		return nil, err
	}
	counts := make(map[uint64]int, 4096)
	for _, c := range local {
		for p, k := range c {
			counts[p] += k
		}
	}
	start := *b.cfg.model()
	if len(counts) == 0 {
		return &start, nil
	}
	start.U = estimateU(b.feats, &start)
	// EM counts matches among the sampled pairs; as a share of all records that is
	// matches over the sampled fraction.
	return estimateM(counts, &start, len(b.feats), frac), nil
}

// matchesStream compares every candidate pair once more with the model and keeps the
// matches, best first. A pair stops being compared as soon as it cannot reach the match
// threshold (see cutoff).
func (b *batch) matchesStream(ctx context.Context, bl *blocks, progress func(done, total int)) ([]edge, error) {
	parts := make([][]edge, b.cfg.Workers)
	cut := newCutoff(b.sc, b.cfg.MatchThreshold)
	err := b.streamPairs(ctx, bl, nil, func(w int) pairVisitor {
		return func(i, j int32) {
			fa, fb := b.feats[i], b.feats[j]
			g, ok := cut.compareForMatch(fa, fb)
			if !ok {
				return
			}
			v := b.sc.judge(g, fa, fb)
			if b.cfg.decision(v) == DecisionMatch {
				parts[w] = append(parts[w], edge{i, j, v.prob})
			}
		}
	}, progress)
	if err != nil {
		return nil, err
	}
	out := slices.Concat(parts...)
	sortEdges(out)
	return out, nil
}
