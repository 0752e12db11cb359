package awarenesshttp_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/awareness"
)

// workbook builds a minimal XLSX whose first sheet holds rows of inline strings (and numbers
// where a cell parses as one).
func workbook(t *testing.T, rows [][]string) []byte {
	var sheet strings.Builder
	for i, row := range rows {
		fmt.Fprintf(&sheet, `<row r="%d">`, i+1)
		for j, v := range row {
			ref := fmt.Sprintf("%c%d", 'A'+j, i+1)
			if _, err := fmt.Sscanf(v, "%f", new(float64)); err == nil && !strings.Contains(v, "-") {
				fmt.Fprintf(&sheet, `<c r="%s"><v>%s</v></c>`, ref, v)
			} else {
				fmt.Fprintf(&sheet, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, v)
			}
		}
		sheet.WriteString(`</row>`)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{
		"xl/workbook.xml": `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheet.String() + `</sheetData></worksheet>`,
	} {
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

func TestImportXLSXThroughTheAPI(t *testing.T) {
	e := start(t, nil)
	book := workbook(t, [][]string{
		{"series", "period_start", "period_end", "state", "value", "unit", "source"},
		{"asylum_applications", "2023-01-01", "2023-01-31", "DE", "21000", "applications", "BAMF"},
		{"asylum_applications", "2023-01-01", "2023-01-31", "XY", "100", "applications", "BAMF"},
	})
	res := e.Do("POST", api+"/observations?name=jan.xlsx", e.coord, book,
		"Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	var ir awareness.ImportResult
	res.JSON(t, &ir)
	if res.Status != http.StatusOK || ir.Inserted != 1 || ir.Rejected != 1 || ir.Errors[0].Line != 3 || !strings.Contains(ir.Errors[0].Reason, "state") {
		t.Fatalf("%d %s", res.Status, res.Body)
	}
	// The same workbook without a Content-Type is recognised by its content.
	res = e.Do("POST", api+"/observations", e.coord, book, "Content-Type: application/octet-stream")
	if res.Status != http.StatusOK || !strings.Contains(string(res.Body), `"unchanged":1`) {
		t.Errorf("sniffed re-import: %d %s", res.Status, res.Body)
	}
}
