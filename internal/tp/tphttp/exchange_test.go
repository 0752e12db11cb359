package tphttp

import (
	"io"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// TestOversizedUploadIsTooLarge: a file over the server's limit fails with TooLarge (413)
// once the limit is passed, and not before.
func TestOversizedUploadIsTooLarge(t *testing.T) {
	for _, c := range []struct {
		size, limit int
		tooLarge    bool
	}{{10, 10, false}, {11, 10, true}, {5000, 1000, true}} {
		_, err := io.ReadAll(&limitReader{r: strings.NewReader(strings.Repeat("x", c.size)), left: int64(c.limit)})
		if got := errs.KindOf(err) == errs.KindTooLarge; got != c.tooLarge {
			t.Errorf("%d bytes with limit %d: err %v", c.size, c.limit, err)
		}
	}
}
