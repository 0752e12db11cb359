package tp

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/ceas-eu/ceas/internal/names"
	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Query filters the caller's state's registrations. Name matches in any script and
// transliteration (Шевчук, Shevchuk, Szewczuk, Schewtschuk all find each other).
type Query struct {
	Name        string
	Document    string
	DateOfBirth string // exact, or a prefix: YYYY or YYYY-MM
	Status      Status
	Cursor      string
	Limit       int
}

// filter is a small builder of an AND of conditions with numbered parameters.
type filter struct {
	where []string
	args  []any
	byID  bool // a condition lists the registration ids (name keys, documents)
}

// add appends cond, numbering its ? placeholders after the parameters already added.
func (f *filter) add(cond string, args ...any) {
	for _, a := range args {
		f.args = append(f.args, a)
		cond = strings.Replace(cond, "?", "$"+strconv.Itoa(len(f.args)), 1)
	}
	f.where = append(f.where, cond)
}

// Search lists the caller's state's registrations that fit q, newest first. The search is
// audited with its criteria (not its results).
func (s *Service) Search(ctx context.Context, q Query) ([]RegistrationSummary, string, error) {
	ctx = withPurpose(ctx, "temporary protection case handling")
	p, err := callerState(ctx, authz.PermTPRead)
	if err != nil {
		return nil, "", err
	}
	f := &filter{}
	f.add("erased_at IS NULL")
	if err := q.apply(f, p.Org); err != nil {
		return nil, "", err
	}
	if f.byID {
		// The registrations come from the key or document lists: the planner must not
		// prefer walking all of the state's rows by the owner_org index (|| '' hides it).
		f.add("owner_org || '' = ?", p.Org)
	} else {
		f.add("owner_org = ?", p.Org)
	}
	limit := clampLimit(q.Limit)
	sqlText := `SELECT id, COALESCE(external_id, ''), person, date_of_birth, nationality, status, registered_on
		FROM tp_registrations WHERE ` + strings.Join(f.where, " AND ") +
		fmt.Sprintf(" ORDER BY id DESC LIMIT %d", limit+1)
	rows, err := s.db.Reader().QueryContext(ctx, sqlText, f.args...)
	if err != nil {
		return nil, "", fmt.Errorf("tp: search: %w", err)
	}
	defer rows.Close()
	out := []RegistrationSummary{}
	for rows.Next() {
		var sm RegistrationSummary
		var person string
		if err := rows.Scan(&sm.ID, &sm.ExternalID, &person, &sm.DateOfBirth, &sm.Nationality, &sm.Status, &sm.RegisteredOn); err != nil {
			return nil, "", fmt.Errorf("tp: scan search: %w", err)
		}
		var pr PersonRecord
		if err := jsonDecode(person, &pr); err != nil {
			return nil, "", err
		}
		sm.Surname, sm.GivenName, sm.SurnameCyr = or(pr.Surname, pr.SurnameCyrillic), or(pr.GivenName, pr.GivenNameCyrillic), pr.SurnameCyrillic
		out = append(out, sm)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	next := ""
	if len(out) > limit {
		out, next = out[:limit], out[limit-1].ID
	}
	err = s.audit.RecordNow(ctx, audit.Event{Action: "tp.registration.search", ObjectType: "tp_registration",
		OwnerOrg: p.Org, Detail: map[string]any{"name": q.Name != "", "document": q.Document != "", "date_of_birth": q.DateOfBirth, "results": len(out)}})
	return out, next, err
}

func (q Query) apply(f *filter, org string) error {
	if q.Cursor != "" {
		f.add("id < ?", q.Cursor)
	}
	if q.Status != "" {
		if q.Status != StatusRegistered && q.Status != StatusActive && q.Status != StatusDeregistered {
			return errs.Field("query.status", "must be registered, active or deregistered")
		}
		f.add("status = ?", string(q.Status))
	}
	if q.DateOfBirth != "" {
		if err := CheckPartialDate(q.DateOfBirth, zeroDate); err != nil {
			return errs.Field("query.date_of_birth", err.Error())
		}
		// A range, not LIKE 'prefix%': the (owner_org, date_of_birth) index serves it on
		// both engines (SQLite's LIKE ignores case and so no index serves it).
		lo, hi := dateRange(q.DateOfBirth)
		f.add("date_of_birth >= ? AND date_of_birth < ?", lo, hi)
	}
	if q.Document != "" {
		f.add("id IN (SELECT registration_id FROM tp_documents WHERE owner_org = ? AND number = ?)",
			org, NormalizeDocumentNumber(q.Document))
		f.byID = true
	}
	for _, tok := range names.Tokens(names.Clean(q.Name)) {
		var marks []string
		var args []any
		args = append(args, org)
		for _, k := range names.Keys(tok) {
			marks = append(marks, "?")
			args = append(args, keyText(k))
		}
		if len(marks) > 0 {
			f.add("id IN (SELECT registration_id FROM tp_name_keys WHERE owner_org = ? AND key IN ("+
				strings.Join(marks, ", ")+"))", args...)
			f.byID = true
		}
	}
	return nil
}

// dateRange is the half-open range of stored dates (YYYY, YYYY-MM or YYYY-MM-DD) that
// begin with the partial date p: [p, p with its last part plus one). The bound also holds
// under collations that ignore the hyphens.
func dateRange(p string) (string, string) {
	i := strings.LastIndexByte(p, '-') + 1
	n, err := strconv.Atoi(p[i:])
	if err != nil {
		return p, p + "~"
	}
	return p, fmt.Sprintf("%s%0*d", p[:i], len(p)-i, n+1)
}
