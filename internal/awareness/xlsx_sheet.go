package awareness

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// sheetReader turns worksheet cells into the text ReadCSV would have seen.
type sheetReader struct {
	shared   []string
	date1904 bool
}

type xlsxCell struct {
	Ref string   `xml:"r,attr"`
	T   string   `xml:"t,attr"`
	V   string   `xml:"v"`
	IS  richText `xml:"is"`
}

type xlsxRow struct {
	N     int        `xml:"r,attr"`
	Cells []xlsxCell `xml:"c"`
}

// readSheet streams the rows: the first non-empty row is the header.
func readSheet(dec *xml.Decoder, sr sheetReader, accept func(Observation) error) (ImportReport, error) {
	var im *importer
	last := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			if im == nil {
				return ImportReport{}, errs.Field("header", "the sheet is empty; the first row must name the columns")
			}
			return im.rep, nil
		}
		if err != nil {
			return reportOf(im), errs.Field("file", fmt.Sprintf("worksheet: malformed XML after row %d", last))
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "row" {
			continue
		}
		var row xlsxRow
		if err := dec.DecodeElement(&row, &se); err != nil {
			return reportOf(im), errs.Field("file", fmt.Sprintf("worksheet: malformed row after row %d", last))
		}
		if row.N <= last {
			row.N = last + 1 // r is optional; when absent rows follow each other
		}
		last = row.N
		if err := sr.handle(&im, row, accept); err != nil {
			return reportOf(im), err
		}
	}
}

func reportOf(im *importer) ImportReport {
	if im == nil {
		return ImportReport{}
	}
	return im.rep
}

// handle makes the header from the first non-empty row and passes the others to the importer.
func (sr sheetReader) handle(im **importer, row xlsxRow, accept func(Observation) error) error {
	rec, reason := sr.record(row, *im)
	if *im == nil {
		if reason != "" {
			return errs.Field("header", reason)
		}
		if len(rec) == 0 {
			return nil
		}
		var err error
		*im, err = newImporter(rec, accept)
		return err
	}
	if reason != "" {
		(*im).rep.reject(row.N, reason)
		return nil
	}
	if len(rec) == 0 {
		return nil // an empty row, as a blank line in a CSV file
	}
	for len(rec) < (*im).width {
		rec = append(rec, "") // spreadsheets omit trailing empty cells
	}
	return (*im).row(row.N, rec)
}

// record places each cell in its column; an all-empty row gives an empty record.
func (sr sheetReader) record(row xlsxRow, im *importer) ([]string, string) {
	var rec []string
	next := 0
	for _, c := range row.Cells {
		col := next
		if c.Ref != "" {
			var ok bool
			if col, ok = column(c.Ref); !ok {
				return nil, fmt.Sprintf("cell reference %q is not valid", c.Ref)
			}
		}
		if col >= maxXLSXColumns || col < next {
			return nil, fmt.Sprintf("cell %q is out of order or beyond column %d", c.Ref, maxXLSXColumns)
		}
		next = col + 1
		text, err := sr.text(c, im, col)
		if err != nil {
			return nil, err.Error()
		}
		for len(rec) < col {
			rec = append(rec, "")
		}
		rec = append(rec, text)
	}
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return rec, ""
		}
	}
	return nil, ""
}

// text returns a cell's value as text; date numbers in the period columns become dates.
func (sr sheetReader) text(c xlsxCell, im *importer, col int) (string, error) {
	switch c.T {
	case "s":
		i, err := strconv.Atoi(c.V)
		if err != nil || i < 0 || i >= len(sr.shared) {
			return "", fmt.Errorf("cell %s: no shared string %q", c.Ref, c.V)
		}
		return sr.shared[i], nil
	case "inlineStr":
		return c.IS.String(), nil
	case "b":
		if c.V == "1" {
			return "true", nil
		}
		return "false", nil
	case "e":
		return "", fmt.Errorf("cell %s holds the error %s", c.Ref, c.V)
	case "", "n":
		if im != nil && (col == im.cols["period_start"] || col == im.cols["period_end"]) && c.V != "" {
			return sr.serialDate(c)
		}
	}
	return c.V, nil // "str" (a formula's text), "d" (ISO 8601 date), numbers
}

// serialDate converts a spreadsheet date number (days since the epoch of the workbook's
// date system; the 1900 system counts a 29 February 1900 that never was) to YYYY-MM-DD.
func (sr sheetReader) serialDate(c xlsxCell) (string, error) {
	f, err := strconv.ParseFloat(c.V, 64)
	if err != nil || f < 1 || f > 2958465 || math.IsNaN(f) {
		return "", fmt.Errorf("cell %s: %q is not a date", c.Ref, c.V)
	}
	n := int(f)
	base := Civil(1899, 12, 30)
	switch {
	case sr.date1904:
		base = Civil(1904, 1, 1)
	case n < 61:
		base = Civil(1899, 12, 31) // before the phantom 29 February 1900
	}
	return base.AddDays(n).String(), nil
}

// column turns a cell reference such as "C12" into a 0-based column index.
func column(ref string) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		col = col*26 + int(ref[i]-'A'+1)
		if col > 16384 { // XFD, the last column of a sheet
			return 0, false
		}
	}
	if i == 0 || i == len(ref) {
		return 0, false
	}
	if _, err := strconv.Atoi(ref[i:]); err != nil {
		return 0, false
	}
	return col - 1, true
}
