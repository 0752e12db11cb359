package solidarityhttp

import (
	"net/http"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/api"
	"github.com/ceas-eu/ceas/internal/solidarity"
)

// TestEveryMessageExists checks the keys the templates name literally and those the pages
// build from steps and transfer actions.
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
	for _, s := range solidarity.Steps() {
		keys = append(keys, "solidarity.step."+string(s))
	}
	for _, a := range []string{"carry_out", "fail", "cancel", "reschedule"} {
		keys = append(keys, "solidarity.action."+a)
	}
	for _, k := range keys {
		if h.Pages().T("en", k) == k {
			t.Errorf("no message %s", k)
		}
	}
}
