package dublinhttp

import (
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// FuzzDecodeNewCase feeds arbitrary bodies to the case-creation decoder: it never panics,
// and every refusal is a classified error (Invalid or TooLarge) that names a field.
func FuzzDecodeNewCase(f *testing.F) {
	for _, s := range []string{
		`{"applicant_ref": "A", "origin": "document", "case": {"application": {"state": "DE", "lodged_on": "2026-02-20"}}}`,
		`{"applicant_ref": "A", "case": {"application": {"state": "DE", "lodged_on": "2026-02-30"}}}`,
		`{"case": null}`, `{"case": []}`, `[]`, `{}`, `{"x": 1}`, `{"case": {"procedure": {"type": "take_charge"}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := decodeNewCase(data, "", "")
		if err == nil {
			return
		}
		e, ok := errs.As(err)
		if !ok || (e.Kind != errs.KindInvalid && e.Kind != errs.KindTooLarge) {
			t.Fatalf("unclassified error %v", err)
		}
		if e.Kind == errs.KindInvalid && (len(e.Fields) == 0 || e.Fields[0].Field == "") {
			t.Fatalf("error names no field: %v", err)
		}
	})
}
