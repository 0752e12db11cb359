package synth

import (
	"container/heap"
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
)

// generator holds the reference tables and the running state of one generation.
type generator struct {
	opts     Options
	rng      *rand.Rand
	r        *renderer
	names    *nameBook
	surnames *surnameBook
	places   *placeBook
	tcn      *tcnBook
	states   []stateInfo
	stateCum []float64

	passSeries, oldSeries, intSeries, certSeries []string

	personSeq, recordSeq uint64
	persons, hardPersons int
	maxPending           int // the most records held at once, for the bounded-memory test
}

func newGenerator(opts Options) *generator {
	g := &generator{
		opts:       opts,
		rng:        rand.New(rand.NewPCG(uint64(opts.Seed), 0x6365617373796e74)),
		r:          newRenderer(),
		names:      newNameBook(),
		surnames:   newSurnameBook(),
		places:     newPlaceBook(),
		tcn:        newTCNBook(),
		passSeries: strings.Fields(passportSeries),
		oldSeries:  strings.Fields(oldSeries),
		intSeries:  strings.Fields(internalSeries),
		certSeries: strings.Fields(birthCertSeries),
	}
	want := map[string]bool{}
	for _, s := range opts.States {
		want[s] = true
	}
	for _, s := range parseStates() {
		if len(want) == 0 || want[s.code] {
			g.states = append(g.states, s)
			g.stateCum = appendCum(g.stateCum, int(s.weight))
		}
	}
	return g
}

// group is the ground truth of one unit: the record ids of each person and the hard kind.
type group struct {
	personIDs []string
	records   [][]string
	hard      string
}

// pending is a generated record waiting for its turn in the output.
type pending struct {
	due uint64 // position in the output stream at or after which it is written
	seq uint64
	rec *Record
}

type pendingHeap []pending

func (h pendingHeap) Len() int { return len(h) }
func (h pendingHeap) Less(i, j int) bool {
	return h[i].due < h[j].due || h[i].due == h[j].due && h[i].seq < h[j].seq
}
func (h pendingHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *pendingHeap) Push(x any)   { *h = append(*h, x.(pending)) }
func (h *pendingHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// run generates opts.N records. Each record waits a random delay before it is emitted, so
// the output is not grouped by person: a registration in a further state comes much later,
// as it does in reality, and always after the person's earlier ones (stream order is
// registration order). Memory stays bounded by the longest delay, not by N.
func (g *generator) run(ctx context.Context, emit func(Record) error, truth func(group) error) error {
	var h pendingHeap
	var made uint64
	n := uint64(g.opts.N)
	near, far := min(n/8+1, 2048), min(n/3+1, 60000)
	for units := 0; made < n; units++ {
		if units%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("synth: generate: %w", err)
			}
		}
		u := g.nextUnit()
		g.fit(u, int(n-made))
		grp := group{hard: u.hard}
		for i, p := range u.members {
			ids := make([]string, 0, len(u.routes[i]))
			due := made + g.rng.Uint64N(near)
			for k, si := range u.routes[i] {
				rec := g.render(g.rng, p, &g.states[si])
				rec.RecordID = g.nextRecordID()
				ids = append(ids, rec.RecordID)
				if k > 0 {
					due += 1 + g.rng.Uint64N(far) // a later registration elsewhere
				}
				heap.Push(&h, pending{due: due, seq: g.recordSeq, rec: &rec})
			}
			grp.personIDs = append(grp.personIDs, p.id)
			grp.records = append(grp.records, ids)
			made += uint64(len(ids))
		}
		if truth != nil {
			if err := truth(grp); err != nil {
				return err
			}
		}
		g.maxPending = max(g.maxPending, h.Len())
		for h.Len() > 0 && h[0].due <= made {
			if err := emit(*heap.Pop(&h).(pending).rec); err != nil {
				return err
			}
		}
	}
	for h.Len() > 0 {
		if err := emit(*heap.Pop(&h).(pending).rec); err != nil {
			return err
		}
	}
	return nil
}

// fit trims a unit so that the total stays exactly N: further registrations go first, then
// members. A hard pair cut to one person is no longer a hard pair.
func (g *generator) fit(u *unit, room int) {
	total := 0
	for _, r := range u.routes {
		total += len(r)
	}
	for total > room {
		last := len(u.members) - 1
		if len(u.routes[last]) > 1 {
			u.routes[last] = u.routes[last][:len(u.routes[last])-1]
		} else {
			u.members, u.routes = u.members[:last], u.routes[:last]
		}
		total--
	}
	if u.hard != "" && len(u.members) < 2 {
		u.hard = ""
		for _, m := range u.members {
			m.hard = ""
		}
	}
	g.persons += len(u.members)
	if u.hard != "" {
		g.hardPersons += len(u.members)
	}
}

// nextRecordID returns an opaque, unique record id: a keyed permutation of a counter, so
// ids reveal neither the order of generation nor which records belong together.
func (g *generator) nextRecordID() string {
	g.recordSeq++
	return fmt.Sprintf("R%010x", permute40(g.recordSeq, uint64(g.opts.Seed)^0x27d4eb2f165667c5))
}

// Generate streams opts.N synthetic registrations to emit, deterministically for opts.Seed.
// Records of one person are spread through the stream; memory does not grow with N.
func Generate(ctx context.Context, opts Options, emit func(Record) error) error {
	opts, err := opts.withDefaults()
	if err != nil {
		return fmt.Errorf("synth: options: %w", err)
	}
	return newGenerator(opts).run(ctx, emit, nil)
}
