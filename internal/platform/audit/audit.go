// Package audit keeps the append-only, hash-chained log of every read and write of personal
// data and every security event. Each entry carries the hash of the one before it, and the
// head row holds the last sequence number and hash, so an edited, deleted or inserted row is
// found by Verify. Entries describing a change are written in the transaction of the change.
package audit

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/observe"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// Outcomes of an audited action.
const (
	OutcomeSuccess = "success"
	OutcomeDenied  = "denied"
	OutcomeFailure = "failure"
)

// Event is what a service reports; the log adds who, when, and the chain.
type Event struct {
	Action     string // e.g. "tp.registration.read", "auth.login"
	ObjectType string // e.g. "tp_registration", "user"
	ObjectID   string
	OwnerOrg   string // the organisation that owns the record, for the owner's auditors
	Outcome    string // success (default), denied, failure
	Detail     map[string]any
}

// Entry is one stored line of the log.
type Entry struct {
	Seq        int64          `json:"seq"`
	At         time.Time      `json:"at"`
	Actor      string         `json:"actor"`
	ActorOrg   string         `json:"actor_org"`
	ActorKind  string         `json:"actor_kind"`
	Action     string         `json:"action"`
	ObjectType string         `json:"object_type"`
	ObjectID   string         `json:"object_id"`
	OwnerOrg   string         `json:"owner_org"`
	Purpose    string         `json:"purpose"`
	Outcome    string         `json:"outcome"`
	Detail     map[string]any `json:"detail,omitempty"`
	RequestID  string         `json:"request_id"`
	PrevHash   string         `json:"prev_hash"`
	Hash       string         `json:"hash"`
	detailJSON string
}

// Log writes and reads the audit log.
type Log struct {
	db    *sqldb.DB
	clock clock.Clock
}

// New returns the audit log of db.
func New(db *sqldb.DB, c clock.Clock) *Log { return &Log{db: db, clock: c} }

type purposeKey struct{}

// WithPurpose returns a context stating why the caller accesses personal data; it is
// recorded with every entry written under that context.
func WithPurpose(ctx context.Context, purpose string) context.Context {
	return context.WithValue(ctx, purposeKey{}, purpose)
}

// Purpose returns the purpose carried by ctx, "unspecified" when none was given.
func Purpose(ctx context.Context) string {
	if p, _ := ctx.Value(purposeKey{}).(string); p != "" {
		return p
	}
	return "unspecified"
}

// Record appends ev inside tx, the transaction of the change it describes. The actor comes
// from the principal in ctx.
func (l *Log) Record(ctx context.Context, tx *sql.Tx, ev Event) error {
	e, err := l.entry(ctx, ev)
	if err != nil {
		return err
	}
	var seq int64
	var prev string
	// Locking the head row serialises appends, so the chain cannot fork under concurrency.
	if err := tx.QueryRowContext(ctx, `UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash`).Scan(&seq, &prev); err != nil {
		return fmt.Errorf("audit: advance head: %w", err)
	}
	e.Seq, e.PrevHash = seq, prev
	e.Hash = e.computeHash()
	if _, err := tx.ExecContext(ctx, `UPDATE audit_head SET hash = $1 WHERE id = 1`, e.Hash); err != nil {
		return fmt.Errorf("audit: update head: %w", err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO audit_log (seq, at, actor, actor_org, actor_kind, action, object_type,
		object_id, owner_org, purpose, outcome, detail, request_id, prev_hash, hash)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
		e.Seq, e.At, e.Actor, e.ActorOrg, e.ActorKind, e.Action, e.ObjectType, e.ObjectID, e.OwnerOrg,
		e.Purpose, e.Outcome, e.detailJSON, e.RequestID, e.PrevHash, e.Hash)
	if err != nil {
		return fmt.Errorf("audit: append %s: %w", e.Action, err)
	}
	return nil
}

// RecordNow appends ev in a transaction of its own: for reads and security events, which
// change nothing else.
func (l *Log) RecordNow(ctx context.Context, ev Event) error {
	return l.db.Tx(ctx, func(tx *sql.Tx) error { return l.Record(ctx, tx, ev) })
}

func (l *Log) entry(ctx context.Context, ev Event) (Entry, error) {
	p := authz.FromContext(ctx)
	actor, org, kind := p.ID, p.Org, string(p.Kind)
	if actor == "" {
		actor, org, kind = "anonymous", "", "anonymous"
	}
	if ev.Outcome == "" {
		ev.Outcome = OutcomeSuccess
	}
	detail := "{}"
	if len(ev.Detail) > 0 {
		b, err := json.Marshal(ev.Detail)
		if err != nil {
			return Entry{}, fmt.Errorf("audit: encode detail: %w", err)
		}
		detail = string(b)
	}
	return Entry{At: sqldb.UTC(l.clock.Now()), Actor: actor, ActorOrg: org, ActorKind: kind,
		Action: ev.Action, ObjectType: ev.ObjectType, ObjectID: ev.ObjectID, OwnerOrg: ev.OwnerOrg,
		Purpose: Purpose(ctx), Outcome: ev.Outcome, Detail: ev.Detail, detailJSON: detail,
		RequestID: observe.RequestID(ctx)}, nil
}

// computeHash is SHA-256 over the previous hash and every field of the entry, separated by a
// unit separator so no two different entries share an input.
func (e *Entry) computeHash() string {
	fields := []string{e.PrevHash, strconv.FormatInt(e.Seq, 10), e.At.UTC().Format(time.RFC3339Nano),
		e.Actor, e.ActorOrg, e.ActorKind, e.Action, e.ObjectType, e.ObjectID, e.OwnerOrg, e.Purpose,
		e.Outcome, e.detailJSON, e.RequestID}
	sum := sha256.Sum256([]byte(strings.Join(fields, "\x1f")))
	return hex.EncodeToString(sum[:])
}
