package dublinhttp

import (
	"encoding/json"
	"net/http"
	"strings"
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

// TestUkrainianCatalogueIsComplete keeps messages/uk.json in step with en.json, with the
// same format verbs.
func TestUkrainianCatalogueIsComplete(t *testing.T) {
	read := func(name string) map[string]string {
		b, err := files.ReadFile("messages/" + name)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	en, uk := read("en.json"), read("uk.json")
	for k, v := range en {
		u, ok := uk[k]
		if !ok {
			t.Errorf("uk.json lacks %s", k)
			continue
		}
		if strings.Count(v, "%") != strings.Count(u, "%") {
			t.Errorf("%s: format verbs differ: %q / %q", k, v, u)
		}
	}
	for k := range uk {
		if _, ok := en[k]; !ok {
			t.Errorf("uk.json has %s, which en.json lacks", k)
		}
	}
}
