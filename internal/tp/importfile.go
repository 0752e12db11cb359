package tp

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// MaxLine is the longest NDJSON line or CSV record accepted; a longer one is a bad file.
const MaxLine = 1 << 20

// ImportColumns are the CSV columns of a bulk import, by header name in any order. Dates
// may be ISO (YYYY-MM-DD) or as printed on Ukrainian documents (DD.MM.YYYY). record_id is
// an alias of external_id and member_state, when present, must be the importing state, so
// the files of `ceas synth registrations` import as they are.
var ImportColumns = []string{"external_id", "surname", "given_name", "patronymic", "surname_cyrillic",
	"given_name_cyrillic", "patronymic_cyrillic", "sex", "date_of_birth", "place_of_birth", "nationality",
	"document_type", "document_number", "document_country", "document_expires_on", "ground", "registered_on",
	"address", "locality", "postcode", "region", "permit_number", "permit_issued_on", "permit_valid_until",
	"household_head", "relationship", "unaccompanied_minor", "rights", "member_state"}

// row of a bulk file: its line, the input, and the error that rejects it (if any).
type fileRow struct {
	line  int64
	in    RegistrationInput
	state string // member_state column, "" when absent
	err   error
}

// rowReader reads one row at a time; io.EOF ends the file, other errors end the import.
type rowReader interface {
	next() (fileRow, error)
}

// newRowReader returns the reader of format "csv" or "ndjson".
func newRowReader(format string, r io.Reader) (rowReader, error) {
	switch format {
	case "csv":
		return newCSVReader(r)
	case "ndjson", "jsonl":
		return &ndjsonReader{br: bufio.NewReaderSize(r, 64<<10)}, nil
	}
	return nil, errs.Field("format", "must be csv or ndjson")
}

type csvReader struct {
	cr  *csv.Reader
	col map[string]int
}

func newCSVReader(r io.Reader) (*csvReader, error) {
	cr := csv.NewReader(bufio.NewReaderSize(r, 64<<10))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, errs.Field("file", "must start with a CSV header line: "+err.Error())
	}
	col := map[string]int{}
	var unknown []string
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if h == "record_id" {
			h = "external_id"
		}
		if !containsString(ImportColumns, h) {
			unknown = append(unknown, h)
		}
		col[h] = i
	}
	if len(unknown) > 0 {
		return nil, errs.Field("file", "unknown columns "+strings.Join(unknown, ", ")+"; known: "+strings.Join(ImportColumns, ", "))
	}
	if _, ok := col["external_id"]; !ok {
		return nil, errs.Field("file", "the header must name the column external_id (or record_id)")
	}
	return &csvReader{cr: cr, col: col}, nil
}

func (c *csvReader) next() (fileRow, error) {
	rec, err := c.cr.Read()
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fileRow{line: int64(pe.StartLine), err: errs.Field("line", pe.Err.Error())}, nil
	}
	if err != nil {
		return fileRow{}, err
	}
	line, _ := c.cr.FieldPos(0) // only after a successful Read (FieldPos panics otherwise)
	get := func(name string) string {
		if i, ok := c.col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	return fileRow{line: int64(line), in: InputFromColumns(get), state: strings.ToUpper(get("member_state"))}, nil
}

// InputFromColumns builds an RegistrationInput from named values: the columns of a CSV row or the fields
// of a web form, both named as in ImportColumns.
func InputFromColumns(get func(string) string) RegistrationInput {
	in := RegistrationInput{ExternalID: get("external_id"), Ground: Ground(get("ground")), RegisteredOn: isoDate(get("registered_on")),
		Address: get("address"), Locality: get("locality"), Postcode: get("postcode"), Region: get("region"),
		Household:     HouseholdLink{HeadID: get("household_head"), Relationship: get("relationship")},
		Unaccompanied: get("unaccompanied_minor") == "true" || get("unaccompanied_minor") == "1",
		Permit:        ResidencePermit{Number: get("permit_number"), IssuedOn: isoDate(get("permit_issued_on")), ValidUntil: isoDate(get("permit_valid_until"))},
		Person: PersonRecord{Surname: get("surname"), GivenName: get("given_name"), Patronymic: get("patronymic"),
			SurnameCyrillic: get("surname_cyrillic"), GivenNameCyrillic: get("given_name_cyrillic"),
			PatronymicCyrillic: get("patronymic_cyrillic"), Sex: get("sex"), DateOfBirth: isoDate(get("date_of_birth")),
			PlaceOfBirth: get("place_of_birth"), Nationality: get("nationality")}}
	if rights := get("rights"); rights != "" {
		in.Rights = strings.Split(rights, ";")
	}
	if n := get("document_number"); n != "" {
		in.Person.Documents = []IdentityDocument{{Type: get("document_type"), Number: n, Country: get("document_country"),
			ExpiresOn: isoDate(get("document_expires_on"))}}
	}
	return in
}

var (
	dottedDate  = regexp.MustCompile(`^([0-9]{2})[./]([0-9]{2})[./]([0-9]{4})$`)
	compactDate = regexp.MustCompile(`^([0-9]{4})([0-9]{2})([0-9]{2})$`)
)

// isoDate turns the day-first dates printed on Ukrainian and European documents
// (DD.MM.YYYY, DD/MM/YYYY) and the compact YYYYMMDD of machine-readable exports into
// YYYY-MM-DD; anything else is left for validation to judge.
func isoDate(s string) string {
	if m := dottedDate.FindStringSubmatch(s); m != nil {
		return m[3] + "-" + m[2] + "-" + m[1]
	}
	if m := compactDate.FindStringSubmatch(s); m != nil {
		return m[1] + "-" + m[2] + "-" + m[3]
	}
	return s
}

type ndjsonReader struct {
	br   *bufio.Reader
	line int64
}

func (n *ndjsonReader) next() (fileRow, error) {
	for {
		raw, err := n.readLine()
		if err != nil {
			return fileRow{}, err
		}
		n.line++
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 {
			continue
		}
		row := fileRow{line: n.line}
		var rec struct {
			RegistrationInput
			MemberState string `json:"member_state"`
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&rec); err != nil {
			row.err = errs.Field("line", "not a registration object: "+err.Error())
			return row, nil
		}
		row.in, row.state = rec.RegistrationInput, strings.ToUpper(rec.MemberState)
		return row, nil
	}
}

// readLine returns the next line without its newline; a line over MaxLine is an error.
func (n *ndjsonReader) readLine() ([]byte, error) {
	var buf []byte
	for {
		part, isPrefix, err := n.br.ReadLine()
		if err != nil {
			if err == io.EOF && len(buf) > 0 {
				return buf, nil
			}
			return nil, err
		}
		buf = append(buf, part...)
		if len(buf) > MaxLine {
			return nil, errs.New(errs.KindTooLarge, "line %d is longer than %d bytes", n.line+1, MaxLine)
		}
		if !isPrefix {
			return buf, nil
		}
	}
}

// prepareImported fills the defaults of a bulk row: the document's issuing country is the
// nationality when not given, and the ground of a Ukrainian national is Art 2(1)(a) (a
// national scheme in a state that does not apply the Directive).
func prepareImported(row *fileRow, state string) {
	in := &row.in
	in.Person.Sex, in.Person.Nationality = bulkSex(in.Person.Sex), bulkNationality(in.Person.Nationality)
	in.Normalize()
	for i := range in.Person.Documents {
		if in.Person.Documents[i].Country == "" && !statelessCode(in.Person.Nationality) {
			in.Person.Documents[i].Country = in.Person.Nationality
		}
	}
	if in.Ground == "" {
		if o, ok := stateOrg(state); ok && o.TPRegime == "national" {
			in.Ground = GroundNationalScheme
		} else if in.Person.Nationality == "UA" {
			in.Ground = GroundUkrainianNational
		}
	}
	if row.err == nil && row.state != "" && row.state != state {
		row.err = errs.Field("member_state", fmt.Sprintf("is %s; a state imports only its own registrations (%s)", row.state, state))
	}
}

// bulkSex reads the sex as national systems export it: English and national words and
// initials (K kobieta, W weiblich, Ž žena, V vyras, Ж жінка, Ч чоловік).
func bulkSex(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "f", "female", "k", "w", "ž", "ж", "жін", "жінка", "n", "nő":
		return "F"
	case "m", "male", "v", "ч", "м", "чол", "чоловік", "h":
		return "M"
	case "x":
		return "X"
	}
	return s
}

// bulkNationality reads the nationality written as a word or adjective (ukraińskie,
// ukrainienne, ukrajinské, ucraina, oekraïens, українець) as the ISO code UA; other values
// stay as they are for the code check.
func bulkNationality(s string) string {
	l := strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"ukrai", "ukrajin", "ucrain", "oekra", "україн", "украин", "ukraín"} {
		if strings.HasPrefix(l, p) {
			return "UA"
		}
	}
	return s
}
