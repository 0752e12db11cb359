package awareness

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Limits on what an XLSX import may make us hold in memory (the sheet itself is streamed).
const (
	maxSharedStrings = 64 << 20 // bytes of xl/sharedStrings.xml
	maxXLSXMeta      = 1 << 20  // bytes of workbook.xml and its relationships
	maxXLSXColumns   = 64
)

// ReadXLSX reads the first worksheet of an Office Open XML workbook (ECMA-376) laid out as
// csv-layout.md describes: a header row, then one observation per row. Rows are streamed and
// handled as ReadCSV handles lines; the reported line is the spreadsheet's row number. Dates
// may be text (YYYY-MM-DD) or spreadsheet date numbers in either the 1900 or the 1904
// date system.
func ReadXLSX(r io.ReaderAt, size int64, accept func(Observation) error) (ImportReport, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return ImportReport{}, errs.Field("file", "is not an XLSX workbook (not a zip archive)")
	}
	wb, err := readWorkbook(zr)
	if err != nil {
		return ImportReport{}, err
	}
	shared, err := readSharedStrings(zr)
	if err != nil {
		return ImportReport{}, err
	}
	f, err := openPart(zr, wb.sheet)
	if err != nil {
		return ImportReport{}, err
	}
	defer f.Close()
	return readSheet(xml.NewDecoder(f), sheetReader{shared: shared, date1904: wb.date1904}, accept)
}

// workbook is what ReadXLSX needs of xl/workbook.xml.
type workbook struct {
	sheet    string // zip path of the first worksheet
	date1904 bool
}

func readWorkbook(zr *zip.Reader) (workbook, error) {
	var wb struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			ID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	out := workbook{sheet: "xl/worksheets/sheet1.xml"}
	if err := decodePart(zr, "xl/workbook.xml", &wb); err != nil {
		return out, err
	}
	out.date1904 = wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"
	if len(wb.Sheets) == 0 || decodePart(zr, "xl/_rels/workbook.xml.rels", &rels) != nil {
		return out, nil
	}
	for _, r := range rels.Rel {
		if r.ID == wb.Sheets[0].ID {
			if strings.HasPrefix(r.Target, "/") {
				out.sheet = strings.TrimPrefix(r.Target, "/")
			} else {
				out.sheet = path.Join("xl", r.Target)
			}
		}
	}
	return out, nil
}

func decodePart(zr *zip.Reader, name string, v any) error {
	f, err := openPart(zr, name)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := xml.NewDecoder(io.LimitReader(f, maxXLSXMeta)).Decode(v); err != nil {
		return errs.Field("file", fmt.Sprintf("%s: malformed XML", name))
	}
	return nil
}

func openPart(zr *zip.Reader, name string) (io.ReadCloser, error) {
	f, err := zr.Open(name)
	if err != nil {
		return nil, errs.Field("file", fmt.Sprintf("the workbook has no %s", name))
	}
	return f, nil
}

// richText is a shared or inline string: plain text, or runs of text (phonetic runs dropped).
type richText struct {
	T string `xml:"t"`
	R []struct {
		T string `xml:"t"`
	} `xml:"r"`
}

func (t richText) String() string {
	if len(t.R) == 0 {
		return t.T
	}
	var b strings.Builder
	for _, r := range t.R {
		b.WriteString(r.T)
	}
	return b.String()
}

func readSharedStrings(zr *zip.Reader) ([]string, error) {
	f, err := zr.Open("xl/sharedStrings.xml")
	if err != nil {
		return nil, nil // a workbook without text cells has none
	}
	defer f.Close()
	lr := &io.LimitedReader{R: f, N: maxSharedStrings + 1}
	dec := xml.NewDecoder(lr)
	var out []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if lr.N <= 0 {
			return nil, errs.New(errs.KindTooLarge, "xl/sharedStrings.xml exceeds %d bytes", maxSharedStrings)
		}
		if err != nil {
			return nil, errs.Field("file", "xl/sharedStrings.xml: malformed XML")
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "si" {
			var si richText
			if err := dec.DecodeElement(&si, &se); err != nil {
				return nil, errs.Field("file", "xl/sharedStrings.xml: malformed XML")
			}
			out = append(out, si.String())
		}
	}
}
