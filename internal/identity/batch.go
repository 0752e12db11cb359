package identity

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// batch holds a prepared set of records for deduplication.
type batch struct {
	cfg   Config
	feats []*features
	sc    *scorer
}

func newBatch(ctx context.Context, records []Record, cfg Config) (*batch, error) {
	if cfg.MaxBlock <= 0 {
		cfg.MaxBlock = DefaultConfig().MaxBlock
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	b := &batch{cfg: cfg, feats: make([]*features, len(records))}
	in := newInterner()
	p := newPreparer(nil)
	err := parallel(ctx, cfg.Workers, len(records), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			b.feats[i] = p.prepare(&records[i])
		}
	})
	if err != nil {
		return nil, err
	}
	for _, f := range b.feats { // share equal strings between records
		in.features(f)
	}
	return b, nil
}

// parallel runs fn over [0,n) split into chunks on workers goroutines. A panic in a
// worker (a bug) is returned as an error rather than crashing the process.
func parallel(ctx context.Context, workers, n int, fn func(lo, hi int)) error {
	const chunk = 4096
	var next atomic.Int64
	var wg sync.WaitGroup
	var panicked atomic.Value
	for range workers {
		wg.Go(func() {
			defer func() {
				if p := recover(); p != nil {
					panicked.Store(fmt.Sprint(p))
				}
			}()
			for ctx.Err() == nil {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				fn(lo, min(lo+chunk, n))
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

type posting struct {
	key uint64
	rec int32
}

// candidates returns every pair (i<j, packed i<<32|j) that shares a blocking key in a
// block no larger than MaxBlock, sorted and distinct. It holds them all in memory, so it
// serves tests and diagnostics; Dedupe streams the same pairs (streamPairs).
func (b *batch) candidates() []uint64 {
	post := make([]posting, 0, len(b.feats)*12)
	var keys []uint64
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
	var pairs []uint64
	for lo := 0; lo < len(post); {
		hi := lo + 1
		for hi < len(post) && post[hi].key == post[lo].key {
			hi++
		}
		if n := hi - lo; n >= 2 && n <= b.cfg.MaxBlock {
			for x := lo; x < hi; x++ {
				for y := x + 1; y < hi; y++ {
					pairs = append(pairs, uint64(post[x].rec)<<32|uint64(post[y].rec))
				}
			}
		}
		lo = hi
	}
	slices.Sort(pairs)
	return slices.Compact(pairs)
}

// compareAll grades every candidate pair, in parallel; the result is packed gammas.
func (b *batch) compareAll(ctx context.Context, pairs []uint64, progress func(done, total int)) ([]uint64, error) {
	out := make([]uint64, len(pairs))
	var done atomic.Int64
	err := parallel(ctx, b.cfg.Workers, len(pairs), func(lo, hi int) {
		for k := lo; k < hi; k++ {
			i, j := pairs[k]>>32, pairs[k]&0xffffffff
			fa, fb := b.feats[i], b.feats[j]
			g := compare(fa, fb)
			out[k] = g.pack()
			if vetoed(g, fa, fb) {
				out[k] |= vetoBit
			}
		}
		d := done.Add(int64(hi - lo))
		if progress != nil {
			progress(int(d), len(pairs))
		}
	})
	return out, err
}

// estimate learns the model from the batch: u on random pairs, m and the prior by EM.
func (b *batch) estimate(gammas []uint64) *Model {
	start := *b.cfg.model()
	start.U = estimateU(b.feats, &start)
	counts := make(map[uint64]int, 4096)
	for _, g := range gammas {
		counts[g]++
	}
	return estimateM(counts, &start, len(b.feats), 1)
}

// newScorer builds the scorer with the batch's name frequencies.
func (b *batch) scorer(m *Model) *scorer {
	sc := newScorer(m, len(b.feats))
	sc.surnameTF = make(map[string]int32, len(b.feats)/4)
	sc.givenTF = make(map[string]int32, 1024)
	sc.nameTF = make(map[string]int32, len(b.feats)/2)
	for _, f := range b.feats {
		if k := f.surname.key0(); k != "" {
			sc.surnameTF[k]++
		}
		if k := f.givenTFKey(); k != "" {
			sc.givenTF[k]++
		}
		if f.nameKey != "" {
			sc.nameTF[f.nameKey]++
		}
	}
	sc.total = len(b.feats)
	return sc
}
