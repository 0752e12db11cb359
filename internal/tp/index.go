package tp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// indexRow is what the identity index needs of a stored registration.
type indexRow struct {
	id, state, person, address, locality, postcode string
}

// LoadIndexAsync starts LoadIndex on its own goroutine and returns at once, so a server
// answers while a large index is built. Until it is complete, every write that checks or
// changes the index (Register, Update, Import, the demo seed, erasure) waits for it, within
// its context; reads answer at once. The channel receives the outcome.
func (s *Service) LoadIndexAsync(ctx context.Context) <-chan error {
	done := s.beginLoad()
	out := make(chan error, 1)
	go func() {
		_, err := s.loadIndex(ctx)
		s.endLoad(done, err)
		out <- err
	}()
	return out
}

// Ready reports whether the identity index is complete (nil) or why it is not: still
// loading, or its load failed.
func (s *Service) Ready() error {
	s.readyMu.Lock()
	ch, err := s.loading, s.loadErr
	s.readyMu.Unlock()
	select {
	case <-ch:
		return err
	default:
		return errIndexLoading
	}
}

var errIndexLoading = errors.New("tp: the identity index is still loading")

// WaitReady waits until the identity index is complete or ctx ends.
func (s *Service) WaitReady(ctx context.Context) error {
	s.readyMu.Lock()
	ch := s.loading
	s.readyMu.Unlock()
	select {
	case <-ch:
	case <-ctx.Done():
		return fmt.Errorf("tp: waiting for the identity index: %w", ctx.Err())
	}
	s.readyMu.Lock()
	defer s.readyMu.Unlock()
	if s.loadErr != nil {
		return fmt.Errorf("tp: the identity index failed to load, restart the server: %w", s.loadErr)
	}
	return nil
}

// lock waits for the index, then takes s.mu (check-then-write).
func (s *Service) lock(ctx context.Context) error {
	if err := s.WaitReady(ctx); err != nil {
		return err
	}
	s.mu.Lock()
	return nil
}

// unlock releases s.mu taken by lock, counting the write (see Service.gen).
func (s *Service) unlock() {
	s.gen.Add(1)
	s.mu.Unlock()
}

func (s *Service) beginLoad() chan struct{} {
	s.readyMu.Lock()
	defer s.readyMu.Unlock()
	s.loading, s.loadErr = make(chan struct{}), nil
	return s.loading
}

func (s *Service) endLoad(done chan struct{}, err error) {
	s.readyMu.Lock()
	defer s.readyMu.Unlock()
	s.loadErr = err
	close(done)
}

// LoadIndex fills the identity index from the database: every registration not erased. The
// rows are read by one goroutine and decoded and indexed by one worker per CPU (the index
// prepares a record without its lock). It logs its progress and returns how many records it
// indexed.
func (s *Service) LoadIndex(ctx context.Context) (int, error) {
	done := s.beginLoad()
	n, err := s.loadIndex(ctx)
	s.endLoad(done, err)
	return n, err
}

func (s *Service) loadIndex(ctx context.Context) (int, error) {
	start := time.Now()
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT id, owner_org, person, address, locality, postcode
		FROM tp_registrations WHERE erased_at IS NULL`)
	if err != nil {
		return 0, fmt.Errorf("tp: load index: %w", err)
	}
	defer rows.Close()
	work := make(chan indexRow, 4096)
	var n atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for row := range work {
				if err := s.indexOne(row); err != nil {
					once.Do(func() { firstErr = err })
					continue
				}
				if done := n.Add(1); done%100000 == 0 {
					s.log.Info("tp: loading identity index", "records", done, "elapsed_ms", time.Since(start).Milliseconds())
				}
			}
		}()
	}
	for rows.Next() {
		var r indexRow
		if err := rows.Scan(&r.id, &r.state, &r.person, &r.address, &r.locality, &r.postcode); err != nil {
			once.Do(func() { firstErr = fmt.Errorf("tp: load index: %w", err) })
			break
		}
		work <- r
	}
	close(work)
	wg.Wait()
	if err := rows.Err(); err != nil && firstErr == nil {
		firstErr = err
	}
	s.log.Info("tp: identity index ready", "records", n.Load(), "took_ms", time.Since(start).Milliseconds())
	return int(n.Load()), firstErr
}

func (s *Service) indexOne(row indexRow) error {
	r := Registration{ID: row.id, State: row.state}
	r.Address, r.Locality, r.Postcode = row.address, row.locality, row.postcode
	if err := json.Unmarshal([]byte(row.person), &r.Person); err != nil {
		return fmt.Errorf("tp: load index: person of %s: %w", row.id, err)
	}
	s.index.Add(toRecord(&r))
	return nil
}
