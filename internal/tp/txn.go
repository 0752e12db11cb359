package tp

import (
	"context"
	"database/sql"
	"sync"

	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// txn is a transaction that prepares each statement once and reuses it: a bulk import or
// the demo seed runs the same few statements thousands of times per transaction, and
// parsing them again each time cost a sixth of the time.
type txn struct {
	*sql.Tx
	stmts map[string]*sql.Stmt
	// new registrations queued by the bulk paths (see bulk.go)
	pending    map[string]*Registration
	pendingExt map[string]bool
	order      []*Registration
	events     [][]any
	// nameKeys of queued registrations computed before the transaction (by id)
	nameKeys map[string]string
	// dialect lets the bulk INSERTs use the engine's cheapest placeholders (see bulk.go)
	dialect sqldb.Dialect
	// shared, when set, supplies statements prepared once for the service
	shared *stmtCache
}

func newTxn(tx *sql.Tx) *txn { return &txn{Tx: tx, stmts: map[string]*sql.Stmt{}} }

// stmtCache holds statements prepared once on the database for the life of the service:
// the bulk paths run the same statements in every transaction, and the SQLite driver
// keeps no cache of its own (a thousand-row INSERT took as long to prepare as to run).
type stmtCache struct {
	db     *sql.DB
	mu     sync.Mutex
	m      map[string]*sql.Stmt
	wanted map[string]bool
}

// get returns the statement prepared for query, or nil and notes the query for prepare:
// inside a transaction the database's only writing connection is taken, so statements are
// prepared between transactions.
func (c *stmtCache) get(query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	st, ok := c.m[query]
	if !ok {
		if c.wanted == nil {
			c.wanted = map[string]bool{}
		}
		c.wanted[query] = true
	}
	return st
}

// prepare prepares the statements asked for since the last call; call it outside any
// transaction. A statement that fails to prepare is left to the transactions.
func (c *stmtCache) prepare(ctx context.Context) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for q := range c.wanted {
		if st, err := c.db.PrepareContext(ctx, q); err == nil {
			if c.m == nil {
				c.m = map[string]*sql.Stmt{}
			}
			c.m[q] = st
		}
	}
	clear(c.wanted)
}

func (t *txn) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	if t.shared != nil {
		if st := t.shared.get(query); st != nil {
			ts := t.Tx.StmtContext(ctx, st)
			t.stmts[query] = ts
			return ts, nil
		}
	}
	st, err := t.Tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	t.stmts[query] = st
	return st, nil
}

// ExecContext runs query as a prepared statement of the transaction.
func (t *txn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// QueryRowContext runs query as a prepared statement of the transaction.
func (t *txn) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return t.Tx.QueryRowContext(ctx, query, args...) // reports the same error on Scan
	}
	return st.QueryRowContext(ctx, args...)
}
