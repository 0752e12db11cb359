package dublinhttp

import (
	"net/http"
	"testing"

	"github.com/ceas-eu/ceas/internal/dublin"
	"github.com/ceas-eu/ceas/internal/platform/api"
)

// TestEveryMessageExists checks the keys the templates name literally and those the pages
// build from stages, origins, request types, transfer steps and events.
func TestEveryMessageExists(t *testing.T) {
	mux := http.NewServeMux()
	h, err := Register(api.New(mux, "test"), mux, Deps{})
	if err != nil {
		t.Fatal(err)
	}
	if m := h.Pages().MissingMessages(); len(m) != 0 {
		t.Errorf("missing messages: %v", m)
	}
	keys := []string{}
	for _, s := range append(allStages(), dublin.Lodged) {
		keys = append(keys, "dublin.stage."+string(s))
	}
	for _, o := range dublin.Origins() {
		keys = append(keys, "dublin.origin."+o)
	}
	for _, ty := range []string{dublin.TakeCharge, dublin.TakeBack, dublin.TakeBackNoNewApplication} {
		keys = append(keys, "dublin.type."+ty)
	}
	for _, f := range eventFields()[0].Options {
		keys = append(keys, f.Label)
	}
	for _, k := range keys {
		if h.Pages().T("en", k) == k {
			t.Errorf("no message %s", k)
		}
	}
}
