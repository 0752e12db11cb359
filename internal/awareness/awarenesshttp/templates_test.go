package awarenesshttp

import (
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/web"
)

func TestEveryMessageIsInTheCatalogue(t *testing.T) {
	pages, err := web.NewTemplates(files, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	if missing := pages.MissingMessages(); len(missing) > 0 {
		t.Errorf("keys without English text: %v", missing)
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		format, ct, body, want string
	}{
		{"xlsx", "text/csv", "a,b", "xlsx"},
		{"", "text/csv; charset=utf-8", "[", "csv"},
		{"", "application/json", "a,b", "json"},
		{"", xlsxType, "", "xlsx"},
		{"", "", "PK\x03\x04rest", "xlsx"},
		{"", "application/octet-stream", "  [{}]", "json"},
		{"", "", "series,value", "csv"},
	}
	for _, tt := range tests {
		if got := detectFormat(tt.format, tt.ct, []byte(tt.body)); got != tt.want {
			t.Errorf("%q %q %q: %s, want %s", tt.format, tt.ct, tt.body, got, tt.want)
		}
	}
}
