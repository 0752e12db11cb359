package web

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// TestCatalogueCoversTemplates: every key the built-in templates name is in the English
// catalogue, and the scan finds the keys it should (so an empty result is meaningful).
func TestCatalogueCoversTemplates(t *testing.T) {
	tm := mustTemplates(t)
	if m := tm.MissingMessages(); len(m) != 0 {
		t.Errorf("keys used in templates but missing from messages/en.json: %v", m)
	}
	for _, k := range []string{"login.title", "layout.skip_to_content", "table.empty", "home.title", "pagination.next"} {
		found := false
		for _, u := range tm.keys {
			found = found || u == k
		}
		if !found {
			t.Errorf("key scan did not find %q", k)
		}
	}
}

func TestUsedKeys(t *testing.T) {
	src := []source{{"x", `{{t "a.b"}} {{t "c" .N}} {{(t "d")}} {{t (or .X "e.f")}} {{ t "g" }} {{format "nope"}} {{.t}} "h"`}}
	got := strings.Join(usedKeys(src), ",")
	if got != "a.b,c,d,e.f,g" {
		t.Errorf("usedKeys = %s", got)
	}
}

// TestTranslationsMatchEnglish: other languages only translate English keys, with the same
// format verbs, so a translation can never ask for an argument the template does not pass.
func TestTranslationsMatchEnglish(t *testing.T) {
	c, err := loadCatalogue(builtinFS)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.langs()) < 2 || c.langs()[0] != "en" {
		t.Fatalf("langs = %v", c.langs())
	}
	verbs := regexp.MustCompile(`%(\[\d+\])?[a-z]`)
	for lang, msgs := range c.msgs {
		for k, v := range msgs {
			en, ok := c.msgs["en"][k]
			if !ok {
				t.Errorf("%s: key %q is not in en.json", lang, k)
				continue
			}
			if len(verbs.FindAllString(v, -1)) != len(verbs.FindAllString(en, -1)) {
				t.Errorf("%s: %q has different format verbs from English", lang, k)
			}
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: %q is empty", lang, k)
			}
		}
	}
}

// TestNoEnglishInTemplates: user-visible text comes from the catalogue, so the templates,
// once actions and tags are removed, hold no words.
func TestNoEnglishInTemplates(t *testing.T) {
	actions := regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	tags := regexp.MustCompile(`(?s)<[^>]*>`)
	attrs := regexp.MustCompile(`\s[\w-]+="[^"]*"`) // attribute fragments of "field-aria" and the like
	word := regexp.MustCompile(`[\p{L}]{2,}`)
	err := fs.WalkDir(builtinFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := fs.ReadFile(builtinFS, p)
		text := tags.ReplaceAllString(attrs.ReplaceAllString(actions.ReplaceAllString(string(b), " "), " "), " ")
		if w := word.FindAllString(text, -1); len(w) > 0 {
			t.Errorf("%s: text outside the catalogue: %v", p, w)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestNegotiate(t *testing.T) {
	c, err := loadCatalogue(builtinFS, fstest.MapFS{"messages/pt-BR.json": {Data: []byte(`{"login.title":"Entrar"}`)}})
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"":                  "en",
		"*":                 "en",
		"uk":                "uk",
		"ru, uk;q=0.5":      "uk",
		"pt-PT":             "pt-BR",
		"fr-CH, fr;q=0.9":   "en",
		"en-GB,en;q=0.9":    "en",
		"uk;q=0, en;q=0.1":  "en",
		"\x00\xff;q=banana": "en",
	}
	for accept, want := range cases {
		if got := c.negotiate(accept); got != want {
			t.Errorf("negotiate(%q) = %q, want %q", accept, got, want)
		}
	}
}

// TestUkrainianComplete: Ukrainian, the first language after English (temporary protection
// of people from Ukraine), covers every platform key.
func TestUkrainianComplete(t *testing.T) {
	c, err := loadCatalogue(builtinFS)
	if err != nil {
		t.Fatal(err)
	}
	for k := range c.msgs["en"] {
		if _, ok := c.msgs["uk"][k]; !ok {
			t.Errorf("uk.json lacks %q", k)
		}
	}
}

func TestFallbackToEnglish(t *testing.T) {
	c, err := loadCatalogue(fstest.MapFS{
		"messages/en.json": {Data: []byte(`{"a": "A", "b": "B %d"}`)},
		"messages/uk.json": {Data: []byte(`{"a": "А"}`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ lang, key, want string }{
		{"uk", "a", "А"},
		{"uk", "b", "B 7"},
		{"en", "a", "A"},
		{"xx", "a", "A"},
		{"uk", "plain text", "plain text"},
	}
	for _, cs := range cases {
		var args []any
		if cs.key == "b" {
			args = []any{7}
		}
		if got := c.translate(cs.lang, cs.key, args...); got != cs.want {
			t.Errorf("translate(%s, %s) = %q, want %q", cs.lang, cs.key, got, cs.want)
		}
	}
}
