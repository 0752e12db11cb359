package tp

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Export writes every registration of the caller's state (erased ones excluded) to w as
// NDJSON (one Registration per line) or CSV (the columns of ImportColumns, so an export can
// be imported again). The export is audited with its size.
func (s *Service) Export(ctx context.Context, w io.Writer, format string) (int, error) {
	ctx = withPurpose(ctx, "bulk exchange")
	p, err := callerState(ctx, authz.PermTPRead)
	if err != nil {
		return 0, err
	}
	if format != "csv" && format != "ndjson" {
		return 0, errs.Field("format", "must be csv or ndjson")
	}
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT `+regColumns+` FROM tp_registrations
		WHERE owner_org = $1 AND erased_at IS NULL ORDER BY id`, p.Org)
	if err != nil {
		return 0, fmt.Errorf("tp: export: %w", err)
	}
	defer rows.Close()
	enc := newExportWriter(w, format)
	n := 0
	for rows.Next() {
		r, err := scanRegistration(rows)
		if err != nil {
			return n, fmt.Errorf("tp: export: %w", err)
		}
		if err := enc.write(&r); err != nil {
			return n, fmt.Errorf("tp: export: %w", err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	if err := enc.flush(); err != nil {
		return n, err
	}
	return n, s.audit.RecordNow(ctx, audit.Event{Action: "tp.registration.export", ObjectType: "tp_registration",
		OwnerOrg: p.Org, Detail: map[string]any{"format": format, "records": n}})
}

type exportWriter struct {
	format string
	json   *json.Encoder
	csv    *csv.Writer
	header bool
}

func newExportWriter(w io.Writer, format string) *exportWriter {
	return &exportWriter{format: format, json: json.NewEncoder(w), csv: csv.NewWriter(w)}
}

func (e *exportWriter) write(r *Registration) error {
	if e.format == "ndjson" {
		r.Links = nil
		return e.json.Encode(r)
	}
	if !e.header {
		e.header = true
		if err := e.csv.Write(ImportColumns); err != nil {
			return err
		}
	}
	return e.csv.Write(csvColumns(r))
}

func (e *exportWriter) flush() error {
	e.csv.Flush()
	return e.csv.Error()
}

// csvColumns is r in the order of ImportColumns (first document only).
func csvColumns(r *Registration) []string {
	p := &r.Person
	var d IdentityDocument
	if len(p.Documents) > 0 {
		d = p.Documents[0]
	}
	unacc := ""
	if r.Unaccompanied {
		unacc = "true"
	}
	return []string{r.ExternalID, p.Surname, p.GivenName, p.Patronymic, p.SurnameCyrillic, p.GivenNameCyrillic,
		p.PatronymicCyrillic, p.Sex, p.DateOfBirth, p.PlaceOfBirth, p.Nationality, d.Type, d.Number, d.Country,
		d.ExpiresOn, string(r.Ground), r.RegisteredOn, r.Address, r.Locality, r.Postcode, r.Region, r.Permit.Number,
		r.Permit.IssuedOn, r.Permit.ValidUntil, r.Household.HeadID, r.Household.Relationship, unacc,
		strings.Join(r.Rights, ";"), r.State}
}

// CanExport checks, before a streamed export starts writing, that the caller may export in
// format, so the refusal can still be an error status.
func (s *Service) CanExport(ctx context.Context, format string) error {
	if _, err := callerState(ctx, authz.PermTPRead); err != nil {
		return err
	}
	if format != "csv" && format != "ndjson" {
		return errs.Field("query.format", "must be csv or ndjson")
	}
	return nil
}
