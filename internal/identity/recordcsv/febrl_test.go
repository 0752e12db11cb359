package recordcsv

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/ceas-eu/ceas/internal/identity"
)

// sharedData locates the shared benchmark data: $CEAS_SHARED/data when set, else
// ../shared/data beside the repository clone (../../../../shared/data from this package).
func sharedData(t testing.TB) string {
	if s := os.Getenv("CEAS_SHARED"); s != "" {
		return filepath.Join(s, "data")
	}
	dir, _ := filepath.Abs(filepath.Join("..", "..", "..", "..", "shared", "data"))
	if _, err := os.Stat(filepath.Join(dir, "febrl")); err != nil {
		t.Skipf("FEBRL data not found at %s (set CEAS_SHARED)", dir)
	}
	return dir
}

func febrl(t testing.TB, files ...string) ([]identity.Record, map[string]string) {
	dir := sharedData(t)
	var recs []identity.Record
	for _, f := range files {
		r, err := ReadFEBRL(filepath.Join(dir, "febrl", f))
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r...)
	}
	truth := make(map[string]string, len(recs))
	for _, r := range recs {
		truth[r.ID] = FEBRLEntity(r.ID)
	}
	return recs, truth
}

// TestFEBRLQuality asserts the issue 3 targets: F1 >= 0.995 on FEBRL 3 and >= 0.997 on
// the linkage of FEBRL 4a and 4b.
func TestFEBRLQuality(t *testing.T) {
	cases := []struct {
		name  string
		files []string
		minF1 float64
	}{
		{"febrl3", []string{"dataset3.csv"}, 0.995},
		{"febrl4", []string{"dataset4a.csv", "dataset4b.csv"}, 0.997},
	}
	for _, c := range cases {
		recs, truth := febrl(t, c.files...)
		pairs, _, err := identity.Dedupe(context.Background(), recs, identity.DefaultConfig(), nil)
		if err != nil {
			t.Fatal(err)
		}
		q := identity.Evaluate(pairs, truth)
		t.Logf("%s: %+v", c.name, q)
		if q.F1 < c.minF1 {
			t.Errorf("%s: F1 %.4f below %.3f", c.name, q.F1, c.minF1)
		}
	}
}
