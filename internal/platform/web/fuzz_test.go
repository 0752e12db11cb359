package web

import (
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzCatalogue feeds arbitrary message files to the catalogue loader and the translator:
// they must fail with an error or work, never panic.
func FuzzCatalogue(f *testing.F) {
	f.Add([]byte(`{"a":"b"}`), "a", "x")
	f.Add([]byte(`{"a":"%d %s %[3]v %!"}`), "a", "x")
	f.Add([]byte(`{"a":1}`), "a", "")
	f.Add([]byte(`[]`), "", "")
	f.Add([]byte(`{"a":"\u2028"}`), "b", "y")
	f.Fuzz(func(t *testing.T, data []byte, key, arg string) {
		c, err := loadCatalogue(fstest.MapFS{"messages/en.json": {Data: data}, "messages/uk.json": {Data: data}})
		if err != nil {
			return
		}
		_ = c.translate("uk", key)
		_ = c.translate("en", key, arg, 3)
		_ = c.negotiate(arg)
	})
}

// FuzzNegotiate: any Accept-Language header yields a language we have a catalogue for.
func FuzzNegotiate(f *testing.F) {
	c, err := loadCatalogue(builtinFS)
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"", "uk", "en-GB,en;q=0.9", "*;q=0.1", "uk;q=2", "x-klingon", "de-CH-1996", ",,,;;;q="} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, accept string) {
		if got := c.negotiate(accept); !c.has(got) {
			t.Fatalf("negotiate(%q) = %q, which has no catalogue", accept, got)
		}
	})
}

// FuzzAcceptsGzip: the Accept-Encoding parser never panics and honours q=0.
func FuzzAcceptsGzip(f *testing.F) {
	for _, s := range []string{"gzip", "gzip;q=0", "br, gzip;q=0.5", "", ";;,", "GZIP ; q=0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, ae string) {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Encoding", ae)
		_ = acceptsGzip(r)
	})
}

// FuzzUsedKeys: the catalogue-key scanner accepts any template text and returns sorted,
// distinct keys.
func FuzzUsedKeys(f *testing.F) {
	for _, s := range []string{`{{t "a.b"}}`, `{{t (or .X "e")}}`, `{{t "\"q\""}}`, `{{t "`, `t"x"`, `{{ t  "k" .N }}`, `{{t "\060"}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		keys := usedKeys([]source{{"x", text}})
		for i := 1; i < len(keys); i++ {
			if keys[i-1] >= keys[i] {
				t.Fatalf("keys not sorted and distinct: %q", keys)
			}
		}
		if len(keys) > 0 && !strings.Contains(text, "t") {
			t.Fatalf("keys %q from a text without a t call", keys)
		}
	})
}
