// Package recordcsv reads person records for the identity engine from CSV files: the
// `ceas match` input format (issue 3: header row, role columns, several date formats,
// malformed rows reported by line) and the FEBRL benchmark files.
package recordcsv

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ceas-eu/ceas/internal/identity"
)

// Roles are the column roles a file may carry; the default column name of a role is the
// role itself. Only record_id is required.
var Roles = []string{"record_id", "member_state", "surname", "given_name", "patronymic", "sex",
	"date_of_birth", "place_of_birth", "nationality", "document_type", "document_number",
	"address", "locality", "postcode"}

// Options map roles to the file's columns.
type Options struct {
	// Columns maps a role to the column holding it (--col surname=last_name).
	Columns map[string]string
	// Strict makes the first malformed row fail the read instead of being skipped.
	Strict bool
}

// RowError is a malformed row: its 1-based line number and what is wrong.
type RowError struct {
	Line int
	Err  error
}

// Error implements error.
func (e *RowError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// Unwrap returns the cause.
func (e *RowError) Unwrap() error { return e.Err }

// Read reads every record of r. Malformed rows are passed to bad (when not nil) and
// skipped, or with Strict returned as the error. An unusable header is always an error.
func Read(r io.Reader, opts Options, bad func(*RowError)) ([]identity.Record, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("recordcsv: read header: %w", err)
	}
	cols, err := mapColumns(header, opts.Columns)
	if err != nil {
		return nil, err
	}
	var out []identity.Record
	seen := map[string]int{}
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		line := 0
		var rec identity.Record
		if err == nil {
			line, _ = cr.FieldPos(0) // only valid after a successful read
			rec, err = toRecord(row, len(header), cols)
			if prev, dup := seen[rec.ID]; err == nil && dup {
				err = fmt.Errorf("record_id %q already on line %d", rec.ID, prev)
			}
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line, err = pe.Line, pe.Err
			}
			re := &RowError{Line: line, Err: err}
			if opts.Strict {
				return nil, fmt.Errorf("recordcsv: %w", re)
			}
			if bad != nil {
				bad(re)
			}
			continue
		}
		seen[rec.ID] = line
		out = append(out, rec)
	}
}

// columns holds the index of each role's column, -1 when absent.
type columns [14]int

func mapColumns(header []string, mapping map[string]string) (columns, error) {
	var c columns
	idx := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := idx[h]; !dup {
			idx[h] = i
		}
	}
	for role := range mapping {
		if roleIndex(role) < 0 {
			return c, fmt.Errorf("recordcsv: unknown role %q (roles: %s)", role, strings.Join(Roles, ", "))
		}
	}
	for k, role := range Roles {
		name := role
		if m, ok := mapping[role]; ok {
			name = m
		}
		i, ok := idx[name]
		switch {
		case ok:
			c[k] = i
		case role == "record_id" || mapping[role] != "":
			return c, fmt.Errorf("recordcsv: no column %q for role %s in the header", name, role)
		default:
			c[k] = -1
		}
	}
	return c, nil
}

func roleIndex(role string) int {
	for i, r := range Roles {
		if r == role {
			return i
		}
	}
	return -1
}

func toRecord(row []string, width int, c columns) (identity.Record, error) {
	if len(row) != width {
		return identity.Record{}, fmt.Errorf("%d fields, header has %d", len(row), width)
	}
	get := func(k int) string {
		if c[k] < 0 {
			return ""
		}
		return strings.TrimSpace(row[c[k]])
	}
	rec := identity.Record{
		ID: get(0), MemberState: get(1), Surname: get(2), GivenName: get(3), Patronymic: get(4),
		Sex: get(5), PlaceOfBirth: get(7), Nationality: get(8), Address: get(11), Locality: get(12), Postcode: get(13),
	}
	if rec.ID == "" {
		return rec, errors.New("empty record_id")
	}
	if d := get(6); d != "" {
		iso, ok := identity.ParseDate(d)
		if !ok {
			return rec, fmt.Errorf("date_of_birth %q is not YYYY-MM-DD, YYYYMMDD, DD.MM.YYYY, DD/MM/YYYY, YYYY-MM or YYYY", d)
		}
		rec.DateOfBirth = iso
	}
	if n := get(10); n != "" {
		rec.Documents = []identity.Document{{Type: get(9), Number: n}}
	}
	return rec, nil
}
