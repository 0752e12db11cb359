package identity

import (
	"sort"
	"sync"
)

// Index answers "is this person already known?" for one record against every record
// added, in milliseconds, for the registers. It is safe for concurrent use: queries share
// a read lock, Add and Remove take the write lock only for the short update after the
// record has been prepared.
//
// Memory: equal strings are stored once (interned); postings are an int32 chain per
// blocking key (8 bytes per posting plus the key's map slot). Removed records leave
// tombstones in the postings, skipped on query; rebuild the index from the database to
// reclaim them (as at start).
type Index struct {
	cfg  Config
	prep *preparer

	mu        sync.RWMutex
	in        *interner
	recs      []*features      // slot -> record; nil once removed
	slots     map[string]int32 // record id -> slot
	heads     map[uint64]int32 // blocking key -> last posting + 1 (0: none)
	next      []int32          // posting chain: posting -> previous posting + 1
	postRec   []int32          // posting -> slot
	model     *Model
	w         [nFields][maxLevels]float64
	surnameTF map[string]int32
	givenTF   map[string]int32
	nameTF    map[string]int32
}

// NewIndex returns an empty index. cfg.Model, if nil, is DefaultModel: the index works for
// one-record queries before any data exists; SetModel installs an estimated model later.
func NewIndex(cfg Config) *Index {
	if cfg.MaxBlock <= 0 {
		cfg.MaxBlock = DefaultConfig().MaxBlock
	}
	ix := &Index{cfg: cfg, in: newInterner(), slots: map[string]int32{}, heads: map[uint64]int32{},
		surnameTF: map[string]int32{}, givenTF: map[string]int32{}, nameTF: map[string]int32{}}
	ix.prep = newPreparer(nil)
	ix.setModel(cfg.model())
	return ix
}

// SetModel replaces the m/u parameters, typically with one from Estimate.
func (ix *Index) SetModel(m *Model) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.setModel(m)
}

func (ix *Index) setModel(m *Model) {
	ix.model = m
	ix.w = m.weights()
}

// Len returns the number of records indexed.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.slots)
}

// Add indexes r, replacing any record with the same ID.
func (ix *Index) Add(r Record) { ix.AddPrepared(ix.Prepare(r)) }

// AddPrepared indexes a record prepared by Prepare, replacing any record with the same
// ID. The Prepared belongs to the index afterwards: add it once.
func (ix *Index) AddPrepared(p Prepared) {
	f, keys := p.f, p.keys
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if _, ok := ix.slots[f.id]; ok {
		ix.remove(f.id)
	}
	ix.in.features(f)
	f.id = ix.in.str(f.id)
	slot := int32(len(ix.recs))
	ix.recs = append(ix.recs, f)
	ix.slots[f.id] = slot
	seen := keys[:0]
	for _, k := range keys {
		if containsKey(seen, k) {
			continue
		}
		seen = append(seen, k)
		ix.postRec = append(ix.postRec, slot)
		ix.next = append(ix.next, ix.heads[k])
		ix.heads[k] = int32(len(ix.postRec))
	}
	ix.count(f, 1)
}

func containsKey(keys []uint64, k uint64) bool {
	for _, x := range keys {
		if x == k {
			return true
		}
	}
	return false
}

func (ix *Index) count(f *features, d int32) {
	if k := f.surname.key0(); k != "" {
		ix.surnameTF[k] += d
	}
	if k := f.givenTFKey(); k != "" {
		ix.givenTF[k] += d
	}
	if f.nameKey != "" {
		ix.nameTF[f.nameKey] += d
	}
}

// Remove drops the record with this id; unknown ids are ignored.
func (ix *Index) Remove(id string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.remove(id)
}

func (ix *Index) remove(id string) {
	slot, ok := ix.slots[id]
	if !ok {
		return
	}
	ix.count(ix.recs[slot], -1)
	ix.recs[slot] = nil
	delete(ix.slots, id)
}

// Query compares r with every indexed record that shares a blocking key and returns the
// matches and possible matches, best first, at most limit (all when limit <= 0). A record
// with r's own ID is not returned.
func (ix *Index) Query(r Record, limit int) []Match { return ix.QueryPrepared(ix.Prepare(r), limit) }

// QueryPrepared is Query of a record prepared by Prepare.
func (ix *Index) QueryPrepared(p Prepared, limit int) []Match {
	f, keys := p.f, p.keys
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	sc := ix.scorer()
	cands := ix.candidates(keys)
	var out []Match
	for _, slot := range cands {
		other := ix.recs[slot]
		if other == nil || other.id == f.id {
			continue
		}
		g := compare(f, other)
		v := sc.judge(g, f, other)
		d := ix.cfg.decision(v)
		if d == DecisionNonMatch {
			continue
		}
		out = append(out, Match{ID: other.id, Probability: v.prob, Decision: d, Explanation: sc.explain(g, f, other)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Probability != out[j].Probability {
			return out[i].Probability > out[j].Probability
		}
		return out[i].ID < out[j].ID
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// candidates collects the distinct slots sharing a key with the query, skipping keys
// whose posting chain is longer than MaxBlock (a common surname alone finds no one).
func (ix *Index) candidates(keys []uint64) []int32 {
	var cands []int32
	var chain []int32
	for _, k := range keys {
		chain = chain[:0]
		for p := ix.heads[k]; p != 0; p = ix.next[p-1] {
			chain = append(chain, ix.postRec[p-1])
			if len(chain) > ix.cfg.MaxBlock {
				break
			}
		}
		if len(chain) <= ix.cfg.MaxBlock {
			cands = append(cands, chain...)
		}
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i] < cands[j] })
	out := cands[:0]
	for i, c := range cands {
		if i == 0 || c != cands[i-1] {
			out = append(out, c)
		}
	}
	return out
}

// scorer returns a scorer for the index's current size and frequencies (under read lock).
func (ix *Index) scorer() *scorer {
	n := len(ix.slots) + 1 // the query is one more record of the population
	sc := newScorerWeights(ix.model, ix.w, n)
	sc.surnameTF, sc.givenTF, sc.nameTF, sc.total = ix.surnameTF, ix.givenTF, ix.nameTF, n
	return sc
}
