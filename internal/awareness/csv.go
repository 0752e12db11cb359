package awareness

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// csvColumns is the documented column layout (csv-layout.md), in the order WriteCSV uses.
func csvColumns() []string {
	return []string{"series", "measure", "period_start", "period_end", "state", "route",
		"border_section", "nationality", "value", "unit", "qualifier", "source", "revision",
		"synthetic", "note"}
}

// requiredColumns must appear in every header.
func requiredColumns() []string {
	return []string{"series", "period_start", "period_end", "value", "unit", "source"}
}

// maxRowErrors bounds the rejected rows an ImportReport lists; the count stays exact.
const maxRowErrors = 1000

// RowError says why one row of an import was rejected.
type RowError struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

// ImportReport is the validation report of one import.
type ImportReport struct {
	Accepted int        `json:"accepted"`
	Rejected int        `json:"rejected"`
	Errors   []RowError `json:"errors"` // the first 1000 rejected rows, in file order
}

func (r *ImportReport) reject(line int, reason string) {
	r.Rejected++
	if len(r.Errors) < maxRowErrors {
		r.Errors = append(r.Errors, RowError{Line: line, Reason: reason})
	}
}

// ReadCSV streams observations from r in the layout of csv-layout.md, calling accept for each
// valid row in file order. Bad rows are listed in the report with their line and reason and
// the rest go on. A header error, a read error or an error from accept stops the import and
// is returned; the caller's transaction then writes nothing, so an import is never half-written.
func ReadCSV(r io.Reader, accept func(Observation) error) (ImportReport, error) {
	br := bufio.NewReader(r)
	cr := csv.NewReader(br)
	cr.Comma = delimiter(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return ImportReport{}, fmt.Errorf("awareness: read csv header: %w", headerErr(err))
	}
	im, err := newImporter(header, accept)
	if err != nil {
		return ImportReport{}, err
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return im.rep, nil
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			im.rep.reject(perr.StartLine, "malformed csv: "+perr.Err.Error())
			continue
		}
		if err != nil {
			return im.rep, fmt.Errorf("awareness: read csv: %w", err)
		}
		line, _ := cr.FieldPos(0)
		if err := im.row(line, rec); err != nil {
			return im.rep, err
		}
	}
}

// delimiter is ';' when the header line has semicolons and no comma, as spreadsheets in
// locales with a decimal comma save "CSV"; ',' otherwise.
func delimiter(br *bufio.Reader) rune {
	head, _ := br.Peek(4096) // a short file gives what there is
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	if bytes.IndexByte(head, ';') >= 0 && bytes.IndexByte(head, ',') < 0 {
		return ';'
	}
	return ','
}

// importer turns the rows of one file, whatever its format, into observations.
type importer struct {
	cols   map[string]int
	width  int
	seen   map[[16]byte]int // key+revision hash -> line, for duplicates within the file
	accept func(Observation) error
	rep    ImportReport
}

func newImporter(header []string, accept func(Observation) error) (*importer, error) {
	cols, err := columnIndex(header)
	if err != nil {
		return nil, err
	}
	return &importer{cols: cols, width: len(header), seen: map[[16]byte]int{}, accept: accept}, nil
}

// row checks one record and passes it on or rejects it; only accept's error stops the file.
func (im *importer) row(line int, rec []string) error {
	o, reason := parseRow(rec, im.cols, im.width)
	if reason == "" {
		reason = duplicate(im.seen, o, line)
	}
	if reason != "" {
		im.rep.reject(line, reason)
		return nil
	}
	if err := im.accept(o); err != nil {
		var rej *RejectError
		if errors.As(err, &rej) {
			im.rep.reject(line, rej.Reason)
			return nil
		}
		return fmt.Errorf("awareness: import line %d: %w", line, err)
	}
	im.rep.Accepted++
	return nil
}

func headerErr(err error) error {
	if err == io.EOF {
		return errs.Field("header", "the file is empty; the first row must name the columns")
	}
	var perr *csv.ParseError
	if errors.As(err, &perr) {
		return errs.Field("header", "malformed csv: "+perr.Err.Error())
	}
	return err
}

// columnIndex maps each documented column to its position, -1 when absent.
func columnIndex(header []string) (map[string]int, error) {
	var v errs.Validation
	cols := map[string]int{}
	for _, c := range csvColumns() {
		cols[c] = -1
	}
	for i, name := range header {
		if i == 0 {
			name = strings.TrimPrefix(name, "\ufeff")
		}
		name = strings.ToLower(strings.TrimSpace(name))
		pos, known := cols[name]
		switch {
		case !known:
			v.Addf("header", "unknown column %q (see csv-layout.md)", name)
		case pos >= 0:
			v.Addf("header", "column %q appears twice", name)
		default:
			cols[name] = i
		}
	}
	for _, c := range requiredColumns() {
		v.Check(cols[c] >= 0, "header", fmt.Sprintf("column %q is required", c))
	}
	if err := v.Err(); err != nil {
		return nil, fmt.Errorf("awareness: csv header: %w", err)
	}
	return cols, nil
}

// parseRow turns one record into an observation, or says why it cannot.
func parseRow(rec []string, cols map[string]int, width int) (Observation, string) {
	get := func(name string) string {
		if i := cols[name]; i >= 0 && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var v errs.Validation
	o := Observation{
		Series: SeriesKind(get("series")), Measure: get("measure"),
		Geo:         Geo{State: get("state"), Route: Route(get("route")), BorderSection: get("border_section")},
		Nationality: get("nationality"), Unit: Unit(get("unit")), Qualifier: Qualifier(get("qualifier")),
		Source: get("source"), Note: get("note"),
	}
	if o.Qualifier == "" {
		o.Qualifier = Exact
	}
	o.PeriodStart = parseDateField(&v, "period_start", get("period_start"))
	o.PeriodEnd = parseDateField(&v, "period_end", get("period_end"))
	o.Value = parseValue(&v, get("value"))
	o.Revision = parseRevision(&v, get("revision"))
	switch s := get("synthetic"); s {
	case "", "false":
	case "true":
		o.Synthetic = true
	default:
		v.Add("synthetic", "must be true or false")
	}
	if len(rec) != width {
		v.Addf("row", "has %d fields, the header names %d", len(rec), width)
	}
	v.Merge("", o.Validate())
	if err := v.Err(); err != nil {
		return o, reason(err)
	}
	return o, ""
}

func parseDateField(v *errs.Validation, field, s string) Date {
	if s == "" {
		return 0 // Validate reports it as required
	}
	d, err := ParseDate(s)
	if err != nil {
		v.Add(field, "must be a date YYYY-MM-DD")
	}
	return d
}

func parseValue(v *errs.Validation, s string) float64 {
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || strings.ContainsAny(s, "xXpP_") || strings.EqualFold(s, "nan") || strings.Contains(strings.ToLower(s), "inf") {
		v.Add("value", "must be a decimal number with '.' and no thousands separator")
		return 0
	}
	return x
}

func parseRevision(v *errs.Validation, s string) int {
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		v.Add("revision", "must be an integer")
	}
	return n
}

// reason flattens a validation error, deduplicating repeated fields, into one line.
func reason(err error) string {
	e, ok := errs.As(err)
	if !ok {
		return err.Error()
	}
	parts := make([]string, 0, len(e.Fields))
	for _, f := range e.Fields {
		p := f.Field + ": " + f.Rule
		if f.Field == "geo.route" {
			p = "unknown route"
		}
		if !slices.Contains(parts, p) {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "; ")
}

// duplicate records o's key and revision and names the earlier line that had them.
func duplicate(seen map[[16]byte]int, o Observation, line int) string {
	h := fnv.New128a()
	k := o.Key()
	for _, part := range []string{string(k.Series), k.Measure, k.Period.String(), k.Geo.State,
		string(k.Geo.Route), k.Geo.BorderSection, k.Nationality, string(k.Unit), strconv.Itoa(o.Revision)} {
		h.Write([]byte(part))
		h.Write([]byte{0}) // no field contains NUL, so distinct keys give distinct byte strings
	}
	var sum [16]byte
	h.Sum(sum[:0])
	if first, ok := seen[sum]; ok {
		return fmt.Sprintf("duplicate of line %d (same key and revision)", first)
	}
	seen[sum] = line
	return ""
}
