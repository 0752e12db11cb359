package tp

import (
	"context"
	"fmt"
	"math/bits"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// Bulk paths (import, demo seed) queue new registrations in the transaction and write them
// with multi-row INSERTs: on PostgreSQL every statement is a network round trip, and on
// both engines one statement per hundred rows costs less than one per row. While queued, a
// registration is visible to the cross-state check through the transaction (hit reads the
// queue first), so duplicates within one batch still find each other.

// bulkParams bounds the parameters of one multi-row INSERT. The SQLite driver looks each
// parameter's name up in a list, linear in the number of parameters, so a statement of n
// parameters costs O(n^2) to bind: 2,600 parameters made binding half the import's time;
// about 250 keep it negligible while still saving nine statements in ten.
const bulkParams = 250

var regInsertColumns = []string{"id", "owner_org", "external_id", "status", "ground", "person", "name_keys",
	"date_of_birth", "nationality", "registered_on", "address", "locality", "postcode", "region", "household_head",
	"relationship", "unaccompanied", "permit", "permit_until", "rights", "deregistered_on", "dereg_reason",
	"legal_hold", "version", "created_at", "updated_at"}

var eventInsertColumns = []string{"id", "registration_id", "owner_org", "at", "on_date", "kind", "from_status",
	"to_status", "reason", "actor", "detail"}

// queue adds a new registration and its history events to the transaction's pending rows.
func (t *txn) queue(r *Registration, events ...[]any) {
	if t.pending == nil {
		t.pending = map[string]*Registration{}
		t.pendingExt = map[string]bool{}
	}
	t.pending[r.ID] = r
	t.order = append(t.order, r)
	if r.ExternalID != "" {
		t.pendingExt[r.ExternalID] = true
	}
	t.events = append(t.events, events...)
}

// eventRow is the values of one history event for the bulk insert.
func (s *Service) eventRow(r *Registration, kind string, from Status, on, reason, actor string) []any {
	return []any{uuid.Must(uuid.NewV7()).String(), r.ID, r.State, sqldb.UTC(s.clock.Now()), on, kind, from, r.Status,
		reason, actor, "{}"}
}

// flush writes the pending registrations, their documents and events.
func (t *txn) flush(ctx context.Context) error {
	if len(t.order) == 0 && len(t.events) == 0 {
		return nil
	}
	var regs, docs, keyRows [][]any
	for _, r := range t.order {
		keys, ok := t.nameKeys[r.ID]
		if !ok {
			keys = nameKeys(&r.Person)
		}
		for _, k := range strings.Fields(keys) {
			keyRows = append(keyRows, []any{r.State, k, r.ID})
		}
		regs = append(regs, []any{r.ID, r.State, nullable(r.ExternalID), r.Status, r.Ground, jsonText(r.Person),
			keys, r.Person.DateOfBirth, r.Person.Nationality, r.RegisteredOn, r.Address, r.Locality,
			r.Postcode, r.Region, r.Household.HeadID, r.Household.Relationship, r.Unaccompanied, jsonText(r.Permit),
			permitUntil(r.Permit), rightsText(r.Rights), r.DeregisteredOn, r.DeregReason, false, int64(1),
			sqldb.UTC(r.CreatedAt), sqldb.UTC(r.CreatedAt)})
		seen := map[string]bool{}
		for _, d := range r.Person.Documents {
			if !seen[d.Number] {
				seen[d.Number] = true
				docs = append(docs, []any{r.ID, r.State, d.Number})
			}
		}
	}
	if err := t.insertMany(ctx, "tp_registrations", regInsertColumns, regs); err != nil {
		if sqldb.IsUniqueViolation(err) {
			return errs.Conflict("a registration of the batch repeats an external_id already stored")
		}
		return err
	}
	if err := t.insertMany(ctx, "tp_documents", []string{"registration_id", "owner_org", "number"}, docs); err != nil {
		return err
	}
	if err := t.insertMany(ctx, "tp_name_keys", []string{"owner_org", "key", "registration_id"}, keyRows); err != nil {
		return err
	}
	if err := t.insertMany(ctx, "tp_events", eventInsertColumns, t.events); err != nil {
		return err
	}
	clear(t.pending)
	clear(t.pendingExt)
	clear(t.nameKeys)
	t.order, t.events = t.order[:0], t.events[:0]
	return nil
}

// maxParams is the parameters of one multi-row INSERT. With the dialect known, SQLite gets
// anonymous ? placeholders, which the driver binds by position in linear time (its limit is
// 32,766), and PostgreSQL a large statement, one round trip per thousand rows (its limit is
// 65,535). Unknown: $n placeholders, bulkParams of them.
func (t *txn) maxParams() int {
	switch t.dialect {
	case sqldb.SQLite:
		return 16000
	case sqldb.Postgres:
		return 30000
	}
	return bulkParams
}

// insertMany inserts rows into table, up to bulkParams parameters per statement.
func (t *txn) insertMany(ctx context.Context, table string, cols []string, rows [][]any) error {
	per := max(1, t.maxParams()/len(cols))
	anon := t.dialect == sqldb.SQLite
	for len(rows) > 0 {
		n := min(len(rows), per)
		if t.shared != nil {
			n = 1 << (bits.Len(uint(n)) - 1) // a power of two: few distinct statements, each prepared once
		}
		chunk := rows[:n]
		rows = rows[len(chunk):]
		var b strings.Builder
		b.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
		args := make([]any, 0, len(chunk)*len(cols))
		for i, row := range chunk {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			for j := range row {
				if j > 0 {
					b.WriteString(", ")
				}
				if anon {
					b.WriteByte('?')
				} else {
					b.WriteString("$" + strconv.Itoa(len(args)+j+1))
				}
			}
			b.WriteByte(')')
			args = append(args, row...)
		}
		if _, err := t.ExecContext(ctx, b.String(), args...); err != nil {
			return fmt.Errorf("tp: insert into %s: %w", table, err)
		}
	}
	return nil
}
