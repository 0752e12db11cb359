package tp

import "testing"

// TestDocumentNumberFormats: the formats of Ukrainian documents (Annex II data of the
// platform: document type, number, issuing country) and the generic rule for others.
func TestDocumentNumberFormats(t *testing.T) {
	cases := []struct {
		typ, country, number string
		ok                   bool
	}{
		{"passport", "UA", "FA123456", true},
		{"passport", "UA", "FA12345", false},
		{"passport", "UA", "123456789", false},
		{"id_card", "UA", "123456789", true},
		{"id_card", "UA", "FA123456", false},
		{"internal_passport", "UA", "КН123456", true},
		{"internal_passport", "UA", "KN123456", true},
		{"internal_passport", "UA", "007641", false},
		{"birth_certificate", "UA", "IЖС183998", true},
		{"birth_certificate", "UA", "ЖС183998", false},
		{"passport", "MD", "B1234567", true},
		{"passport", "MD", "B1", false},
		{"passport", "MD", "", false},
	}
	for _, c := range cases {
		if got := CheckDocumentNumber(c.typ, c.country, NormalizeDocumentNumber(c.number)) == ""; got != c.ok {
			t.Errorf("%s %s %q: ok = %v, want %v", c.typ, c.country, c.number, got, c.ok)
		}
	}
	if NormalizeDocumentNumber(" fa 12-34/56 ") != "FA123456" {
		t.Error("normalisation keeps separators")
	}
}
