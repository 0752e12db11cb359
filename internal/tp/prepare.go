package tp

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/ceas-eu/ceas/internal/identity"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/google/uuid"
)

// preparedRow is the work of one new row of an import done before its transaction, on
// every CPU: the row normalised and validated, its new registration id, its identity
// features (computed once for the check and the index), the index's candidates and the
// name keys the search uses.
type preparedRow struct {
	id       string
	rec      identity.Prepared
	matches  []identity.Match
	nameKeys string
	ready    bool
}

// preparer is what the import needs of an index to check rows before their transaction:
// identity.Index has it. An index without it is checked row by row as before.
type preparer interface {
	Prepare(r identity.Record) identity.Prepared
	QueryPrepared(p identity.Prepared, limit int) []identity.Match
	AddPrepared(p identity.Prepared)
}

// parallelEach runs fn(i) for i in [0, n) on one goroutine per CPU.
func parallelEach(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// prepareBatch validates every row and, for the rows whose external id is not known yet,
// does the cross-state check's index query in parallel. The rows of one import batch all
// belong to the importing state, so none can be another's cross-state hit: querying the
// index as it stands before the batch (under s.mu) finds exactly what the row-by-row check
// found.
func (s *Service) prepareBatch(batch []fileRow, org string, known map[string]bool) []preparedRow {
	out := make([]preparedRow, len(batch))
	ix, canPrepare := s.index.(preparer)
	today := s.today()
	parallelEach(len(batch), func(i int) {
		row := &batch[i]
		prepareImported(row, org)
		if row.err == nil {
			row.err = row.in.Validate(org, today)
		}
		if row.err == nil && row.in.ExternalID == "" {
			row.err = errs.Field("external_id", "is required in a bulk import")
		}
		if row.err != nil || known[row.in.ExternalID] || !canPrepare {
			return
		}
		r := Registration{ID: uuid.Must(uuid.NewV7()).String(), State: org, RegistrationInput: row.in}
		p := ix.Prepare(toRecord(&r))
		out[i] = preparedRow{id: r.ID, rec: p, matches: ix.QueryPrepared(p, s.cfg.MaxHits),
			nameKeys: nameKeys(&r.Person), ready: true}
	})
	return out
}
