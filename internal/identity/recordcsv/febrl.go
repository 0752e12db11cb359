package recordcsv

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ceas-eu/ceas/internal/identity"
)

// ReadFEBRL reads a FEBRL benchmark file (rec_id, given_name, surname, street_number,
// address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id). Dates that
// are not valid calendar dates, which FEBRL's corruption produces, are left empty.
func ReadFEBRL(path string) ([]identity.Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("recordcsv: %w", err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.TrimLeadingSpace = true
	cr.FieldsPerRecord = 11
	if _, err := cr.Read(); err != nil {
		return nil, fmt.Errorf("recordcsv: %s header: %w", path, err)
	}
	var out []identity.Record
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("recordcsv: %s: %w", path, err)
		}
		dob, _ := identity.ParseDate(row[9])
		rec := identity.Record{
			ID: row[0], GivenName: row[1], Surname: row[2], MemberState: row[8], DateOfBirth: dob,
			Address:  strings.TrimSpace(row[3] + " " + row[4] + " " + row[5]),
			Locality: row[6], Postcode: row[7],
		}
		if row[10] != "" {
			rec.Documents = []identity.Document{{Type: "soc_sec_id", Number: row[10]}}
		}
		out = append(out, rec)
	}
}

// FEBRLEntity returns the person a FEBRL record id belongs to: rec-12-org and rec-12-dup-3
// are both "12".
func FEBRLEntity(id string) string {
	id = strings.TrimPrefix(id, "rec-")
	n, _, _ := strings.Cut(id, "-")
	return n
}
