package tp

import (
	"context"
	"io"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/authz"
)

// The import is a pipeline of two stages: while one batch is written in its transaction
// (one core: SQLite has one writer), the next is read, validated and checked against the
// identity index on the other cores. Checking a batch before the previous one is in the
// index is sound because all rows of an import belong to one state and a state's own
// registrations are never its cross-state hits. Another state's write in between is
// detected by the service's write counter, and the batch's queries are run again.

// readyBatch is a batch of rows prepared for its transaction.
type readyBatch struct {
	rows []fileRow
	pre  []preparedRow // nil: prepared inside the transaction
	gen  int64         // s.gen when the index was queried
}

// current reports whether the index is as it was when the batch was queried, apart from
// the previous batch of the same import, which left the counter at prev.
func (b *readyBatch) current(now, prev int64) bool {
	return now == b.gen || (now == b.gen+1 && prev == now)
}

// requery runs the index queries of prepared rows again.
func (s *Service) requery(pre []preparedRow) {
	ix, ok := s.index.(preparer)
	if !ok {
		return
	}
	parallelEach(len(pre), func(i int) {
		if pre[i].ready {
			pre[i].matches = ix.QueryPrepared(pre[i].rec, s.cfg.MaxHits)
		}
	})
}

func (s *Service) runImport(ctx context.Context, p authz.Principal, rr rowReader, rep *BulkImportReport, opt ImportOptions) error {
	if err := s.WaitReady(ctx); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan *readyBatch, 1)
	readErr := make(chan error, 1)
	go func() {
		defer close(batches)
		readErr <- s.readBatches(ctx, p.Org, rr, rep.Lines, opt.BatchSize, batches)
	}()
	n, prev := 0, int64(-1)
	for b := range batches {
		if len(b.rows) > 0 {
			var err error
			if prev, err = s.importBatch(ctx, p, b, rep, prev); err != nil {
				return err
			}
			n++
			if opt.Progress != nil {
				opt.Progress(*rep)
			}
			if opt.crashAfter > 0 && n == opt.crashAfter {
				return errCrash
			}
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return <-readErr
}

// readBatches reads the rows after line skip in batches of size, prepares each and sends
// it on out, one batch ahead of the writer.
func (s *Service) readBatches(ctx context.Context, org string, rr rowReader, skip int64, size int, out chan<- *readyBatch) error {
	for {
		b := &readyBatch{rows: make([]fileRow, 0, size)}
		var err error
		for len(b.rows) < size {
			var row fileRow
			if row, err = rr.next(); err != nil {
				break
			}
			if row.line > skip {
				b.rows = append(b.rows, row)
			}
		}
		if err != nil && err != io.EOF {
			return err
		}
		if len(b.rows) > 0 {
			b.gen = s.gen.Load()
			known, kerr := knownExternal(ctx, s.db.Reader(), org, externalIDs(b.rows))
			if kerr != nil {
				return kerr
			}
			b.pre = s.prepareBatch(b.rows, org, known)
		}
		select {
		case out <- b:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err == io.EOF {
			return nil
		}
	}
}

// externalIDs are the rows' external ids as the import stores them (spaces collapsed).
func externalIDs(rows []fileRow) []string {
	ids := make([]string, 0, len(rows))
	for i := range rows {
		if ext := strings.Join(strings.Fields(rows[i].in.ExternalID), " "); ext != "" {
			ids = append(ids, ext)
		}
	}
	return ids
}
