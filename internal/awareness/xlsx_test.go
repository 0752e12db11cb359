package awareness

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// makeXLSX builds a minimal workbook around a worksheet's sheetData and shared strings.
func makeXLSX(t testing.TB, sheetData, shared string, date1904 bool) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	pr := ""
	if date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	parts := map[string]string{
		"xl/workbook.xml": `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			pr + `<sheets><sheet name="data" sheetId="1" r:id="rId7"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/></Relationships>`,
		"xl/worksheets/data.xml": `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheetData + `</sheetData></worksheet>`,
	}
	if shared != "" {
		parts["xl/sharedStrings.xml"] = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + shared + `</sst>`
	}
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// xlsxHeader is a header row of inline strings: series, period_start, period_end, route, value, unit, source, synthetic.
const xlsxHeader = `<row r="1">` +
	`<c r="A1" t="inlineStr"><is><t>series</t></is></c><c r="B1" t="inlineStr"><is><t>period_start</t></is></c>` +
	`<c r="C1" t="inlineStr"><is><t>period_end</t></is></c><c r="D1" t="inlineStr"><is><t>route</t></is></c>` +
	`<c r="E1" t="inlineStr"><is><t>value</t></is></c><c r="F1" t="inlineStr"><is><t>unit</t></is></c>` +
	`<c r="G1" t="inlineStr"><is><t>source</t></is></c><c r="H1" t="inlineStr"><is><t>synthetic</t></is></c></row>`

func TestReadXLSX(t *testing.T) {
	shared := `<si><t>arrivals</t></si><si><t>central_mediterranean</t></si><si><t>persons</t></si><si><r><t>COM(2022) </t></r><r><t>740</t></r></si><si><t>arctic</t></si>`
	rows := xlsxHeader +
		// 44562 = 2022-01-01, 44829 = 2022-09-25 in the 1900 date system; rich-text source.
		`<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>44562</v></c><c r="C2"><v>44829.5</v></c><c r="D2" t="s"><v>1</v></c>` +
		`<c r="E2"><v>70088</v></c><c r="F2" t="s"><v>2</v></c><c r="G2" t="s"><v>3</v></c><c r="H2" t="b"><v>0</v></c></row>` +
		`<row r="3"></row>` + // empty: skipped
		`<row r="5"><c r="A5" t="s"><v>0</v></c><c r="B5" t="inlineStr"><is><t>2022-01-01</t></is></c><c r="C5"><v>44592</v></c>` +
		`<c r="D5" t="s"><v>4</v></c><c r="E5"><v>5</v></c><c r="F5" t="s"><v>2</v></c><c r="G5" t="s"><v>3</v></c></row>` + // unknown route
		`<row r="6"><c r="A6" t="s"><v>0</v></c><c r="B6"><v>44600</v></c><c r="C6"><v>44592</v></c>` +
		`<c r="D6" t="s"><v>1</v></c><c r="E6"><v>5</v></c><c r="F6" t="s"><v>2</v></c><c r="G6" t="s"><v>3</v></c></row>` + // end before start
		`<row r="7"><c r="A7" t="s"><v>0</v></c><c r="B7"><v>44562</v></c><c r="C7"><v>44592</v></c>` +
		`<c r="D7" t="s"><v>1</v></c><c r="E7"><v>-3</v></c><c r="F7" t="s"><v>2</v></c><c r="G7" t="s"><v>3</v></c></row>` + // negative
		`<row r="8"><c r="A8" t="s"><v>0</v></c><c r="B8"><v>44562</v></c><c r="C8"><v>44829</v></c><c r="D8" t="s"><v>1</v></c>` +
		`<c r="E8"><v>1</v></c><c r="F8" t="s"><v>2</v></c><c r="G8" t="s"><v>3</v></c></row>` // duplicate of row 2
	data := makeXLSX(t, rows, shared, false)
	var got []Observation
	rep, err := ReadXLSX(bytes.NewReader(data), int64(len(data)), func(o Observation) error { got = append(got, o); return nil })
	if err != nil {
		t.Fatal(err)
	}
	want := Observation{Series: SeriesArrivals, PeriodStart: MustDate("2022-01-01"), PeriodEnd: MustDate("2022-09-25"),
		Geo: Geo{Route: RouteCentralMed}, Value: 70088, Unit: UnitPersons, Qualifier: Exact, Source: "COM(2022) 740"}
	if len(got) != 1 || got[0] != want {
		t.Errorf("accepted %+v\nwant %+v", got, want)
	}
	wantRejected := map[int]string{5: "unknown route", 6: "period_end", 7: "negative", 8: "duplicate of line 2"}
	if rep.Rejected != len(wantRejected) {
		t.Errorf("rejected %+v", rep.Errors)
	}
	for _, e := range rep.Errors {
		if !strings.Contains(e.Reason, wantRejected[e.Line]) {
			t.Errorf("row %d: %q, want %q", e.Line, e.Reason, wantRejected[e.Line])
		}
	}
}

func TestReadXLSXDate1904AndBadFiles(t *testing.T) {
	row := `<row r="2"><c t="inlineStr"><is><t>returns</t></is></c><c><v>43101</v></c><c><v>43101</v></c><c/>` +
		`<c><v>7</v></c><c t="inlineStr"><is><t>persons</t></is></c><c t="inlineStr"><is><t>E</t></is></c></row>`
	data := makeXLSX(t, xlsxHeader+row, "", true)
	var got Observation
	if _, err := ReadXLSX(bytes.NewReader(data), int64(len(data)), func(o Observation) error { got = o; return nil }); err != nil {
		t.Fatal(err)
	}
	if got.PeriodStart.String() != "2022-01-02" { // 43101 days after 1 January 1904
		t.Errorf("1904 date system: %s", got.PeriodStart)
	}
	for name, in := range map[string][]byte{
		"not a zip":    []byte("series,period_start\n"),
		"empty sheet":  makeXLSX(t, "", "", false),
		"bad header":   makeXLSX(t, `<row><c t="inlineStr"><is><t>colour</t></is></c></row>`, "", false),
		"broken XML":   makeXLSX(t, xlsxHeader+`<row r="2"><c><v>1</c></row>`, "", false),
		"error header": makeXLSX(t, `<row><c t="e"><v>#REF!</v></c></row>`, "", false),
	} {
		if _, err := ReadXLSX(bytes.NewReader(in), int64(len(in)), func(Observation) error { return nil }); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func FuzzReadXLSX(f *testing.F) {
	f.Add(`<row r="2"><c t="inlineStr"><is><t>arrivals</t></is></c><c><v>44562</v></c><c><v>44592</v></c><c t="inlineStr"><is><t>channel</t></is></c><c><v>5</v></c><c t="inlineStr"><is><t>persons</t></is></c><c t="inlineStr"><is><t>F</t></is></c></row>`, `<si><t>x</t></si>`)
	f.Add(`<row r="9"><c r="XFD9" t="s"><v>0</v></c></row><row><c r="B1"/></row>`, `<si><r><t>a</t></r></si>`)
	f.Fuzz(func(t *testing.T, rows, shared string) {
		data := makeXLSX(t, xlsxHeader+rows, shared, false)
		ReadXLSX(bytes.NewReader(data), int64(len(data)), func(o Observation) error {
			if err := o.Validate(); err != nil {
				t.Fatalf("accepted an invalid observation %+v: %v", o, err)
			}
			return nil
		})
	})
}
