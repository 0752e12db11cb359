package tp

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// drain reads every row of a bulk file; it must end with EOF or a classified error, never
// panic, and report increasing line numbers.
func drain(t *testing.T, format string, data []byte) {
	rr, err := newRowReader(format, bytes.NewReader(data))
	if err != nil {
		if _, ok := errs.As(err); !ok {
			t.Fatalf("unclassified error: %v", err)
		}
		return
	}
	last := int64(0)
	for i := 0; i < 100000; i++ {
		row, err := rr.next()
		if err == io.EOF {
			return
		}
		if err != nil {
			return
		}
		if row.line < last {
			t.Fatalf("line %d after %d", row.line, last)
		}
		last = row.line
		prepareImported(&row, "DE")
		_ = row.in.Validate("DE", timelimit.MustDate(2026, 3, 2))
	}
}

func FuzzCSVRows(f *testing.F) {
	f.Add([]byte(importCSV(3)))
	f.Add([]byte("external_id,surname\n\"a\nb\",x\n1,\"unterminated\n"))
	f.Add([]byte("\ufeffrecord_id,date_of_birth,nationality,sex\nX,31/12/1999,ukraińskie,Ж\n"))
	f.Fuzz(func(t *testing.T, data []byte) { drain(t, "csv", data) })
}

func FuzzNDJSONRows(f *testing.F) {
	f.Add([]byte(`{"external_id":"A","person":{"surname":"Bondar","date_of_birth":"1990"}}` + "\n\n{}\n"))
	f.Add([]byte("{\"external_id\":1}\n[1,2]\nnull\n"))
	f.Fuzz(func(t *testing.T, data []byte) { drain(t, "ndjson", data) })
}

// FuzzPartialDate: an accepted date of birth is one of the three partial forms and lies
// between 1900 and today.
func FuzzPartialDate(f *testing.F) {
	for _, s := range []string{"1985", "1985-04", "1985-04-12", "1985-02-30", "2031", "1899-12-31", "19a5", "1985-4-1"} {
		f.Add(s)
	}
	today := timelimit.MustDate(2026, 3, 2)
	f.Fuzz(func(t *testing.T, s string) {
		if CheckPartialDate(s, today) != nil {
			return
		}
		if len(s) != 4 && len(s) != 7 && len(s) != 10 {
			t.Fatalf("accepted %q", s)
		}
		if s[:4] < "1900" || s[:4] > "2026" || strings.ContainsAny(s, "+ ") {
			t.Fatalf("accepted %q", s)
		}
	})
}
