package web

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"golang.org/x/text/language"
)

// defaultLang is the language every key must exist in; other catalogues may be partial and
// fall back to it key by key.
const defaultLang = "en"

// catalogue holds the UI messages, one flat key -> text map per language. Texts are
// fmt formats when the template passes arguments (`t "table.count" 3`); translators may
// reorder arguments with %[2]s.
type catalogue struct {
	msgs    map[string]map[string]string
	tags    []language.Tag // defaultLang first, then the others sorted
	matcher language.Matcher
}

// loadCatalogue reads messages/<lang>.json from each file system and merges them. A key
// defined twice for the same language with different texts is an error, so modules cannot
// silently override the platform or each other; the same text twice is allowed, so a module
// may keep a copy of a shared key (a navigation label) that the platform also defines.
func loadCatalogue(fsyss ...fs.FS) (*catalogue, error) {
	c := &catalogue{msgs: map[string]map[string]string{}}
	for _, fsys := range fsyss {
		if fsys == nil {
			continue
		}
		if err := c.add(fsys); err != nil {
			return nil, err
		}
	}
	if len(c.msgs[defaultLang]) == 0 {
		return nil, fmt.Errorf("web: messages: no %s catalogue", defaultLang)
	}
	langs := make([]string, 0, len(c.msgs))
	for l := range c.msgs {
		if l != defaultLang {
			langs = append(langs, l)
		}
	}
	sort.Strings(langs)
	c.tags = []language.Tag{language.Make(defaultLang)}
	for _, l := range langs {
		c.tags = append(c.tags, language.Make(l))
	}
	c.matcher = language.NewMatcher(c.tags)
	return c, nil
}

func (c *catalogue) add(fsys fs.FS) error {
	files, err := fs.Glob(fsys, "messages/*.json")
	if err != nil {
		return fmt.Errorf("web: messages: %w", err)
	}
	for _, name := range files {
		lang := strings.TrimSuffix(path.Base(name), ".json")
		if _, err := language.Parse(lang); err != nil {
			return fmt.Errorf("web: messages %s: not a language tag: %w", name, err)
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("web: messages %s: %w", name, err)
		}
		var m map[string]string
		if err := json.Unmarshal(data, &m); err != nil {
			return fmt.Errorf("web: messages %s: %w", name, err)
		}
		if c.msgs[lang] == nil {
			c.msgs[lang] = map[string]string{}
		}
		for k, v := range m {
			if prev, dup := c.msgs[lang][k]; dup && prev != v {
				return fmt.Errorf("web: messages %s: key %q is already defined with another text", name, k)
			}
			c.msgs[lang][k] = v
		}
	}
	return nil
}

// langs lists the languages with a catalogue, defaultLang first.
func (c *catalogue) langs() []string {
	out := make([]string, len(c.tags))
	for i, t := range c.tags {
		out[i] = t.String()
	}
	return out
}

// negotiate picks the best catalogue language for an Accept-Language header.
func (c *catalogue) negotiate(accept string) string {
	tags, _, err := language.ParseAcceptLanguage(accept)
	if err != nil || len(tags) == 0 {
		return defaultLang
	}
	_, i, conf := c.matcher.Match(tags...)
	if conf == language.No {
		return defaultLang
	}
	return c.tags[i].String()
}

// has reports whether lang has a catalogue.
func (c *catalogue) has(lang string) bool { _, ok := c.msgs[lang]; return ok }

// lookup returns the text of key in lang, falling back to defaultLang.
func (c *catalogue) lookup(lang, key string) (string, bool) {
	if s, ok := c.msgs[lang][key]; ok {
		return s, true
	}
	s, ok := c.msgs[defaultLang][key]
	return s, ok
}

// translate is the template function t: a missing key yields the key itself, so labels that
// modules pass as data may be plain text, while tests (MissingMessages) catch missing keys
// written in templates.
func (c *catalogue) translate(lang, key string, args ...any) string {
	s, ok := c.lookup(lang, key)
	if !ok {
		s = key
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}
