package tp

import (
	"context"
	"database/sql"

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
}

func newTxn(tx *sql.Tx) *txn { return &txn{Tx: tx, stmts: map[string]*sql.Stmt{}} }

func (t *txn) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
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
