package web

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"sort"
)

//go:embed templates messages
var builtinFS embed.FS

// Templates holds the parsed pages of one module together with the shared layout,
// components and built-in pages, once per catalogue language. It is safe for concurrent use.
type Templates struct {
	cat   *catalogue
	base  map[string]*template.Template            // lang -> layout and components
	pages map[string]map[string]*template.Template // lang -> page name -> page set
	keys  []string                                 // catalogue keys the templates use literally
}

// NewTemplates parses the shared layout and components with each page template of a module.
// patterns are fs.Glob patterns in module (e.g. "templates/*.html"); every matched file is a
// page, named by its base name ("requests.html"), and defines "title" and "content" (and may
// define its own fragments). The built-in pages (PageLogin, PageHome, PageError) are always
// included; a module page may not reuse their names. If module holds messages/<lang>.json,
// those keys join the catalogue (a key may be defined only once). module may be nil.
func NewTemplates(module fs.FS, patterns ...string) (*Templates, error) {
	cat, err := loadCatalogue(builtinFS, module)
	if err != nil {
		return nil, err
	}
	sources, err := readPages(module, patterns)
	if err != nil {
		return nil, err
	}
	t := &Templates{cat: cat, base: map[string]*template.Template{}, pages: map[string]map[string]*template.Template{}}
	shared, err := readShared()
	if err != nil {
		return nil, err
	}
	t.keys = usedKeys(shared, sources)
	for _, lang := range cat.langs() {
		if err := t.parseLang(lang, shared, sources); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// source is one template file's name and text.
type source struct{ name, text string }

func readShared() ([]source, error) {
	var out []source
	for _, pattern := range []string{"templates/*.html", "templates/components/*.html"} {
		files, err := fs.Glob(builtinFS, pattern)
		if err != nil {
			return nil, fmt.Errorf("web: templates: %w", err)
		}
		for _, f := range files {
			b, err := fs.ReadFile(builtinFS, f)
			if err != nil {
				return nil, fmt.Errorf("web: templates: %w", err)
			}
			out = append(out, source{f, string(b)})
		}
	}
	return out, nil
}

// readPages returns the built-in pages followed by the module's, keyed by base name.
func readPages(module fs.FS, patterns []string) ([]source, error) {
	var out []source
	seen := map[string]string{}
	add := func(fsys fs.FS, pattern string) error {
		files, err := fs.Glob(fsys, pattern)
		if err != nil {
			return fmt.Errorf("web: templates %q: %w", pattern, err)
		}
		for _, f := range files {
			name := path.Base(f)
			if prev, dup := seen[name]; dup {
				return fmt.Errorf("web: templates: page %s defined by %s and %s", name, prev, f)
			}
			seen[name] = f
			b, err := fs.ReadFile(fsys, f)
			if err != nil {
				return fmt.Errorf("web: templates: %w", err)
			}
			out = append(out, source{name, string(b)})
		}
		return nil
	}
	if err := add(builtinFS, "templates/pages/*.html"); err != nil {
		return nil, err
	}
	if len(patterns) > 0 && module == nil {
		return nil, errors.New("web: templates: patterns given without a file system")
	}
	for _, p := range patterns {
		if err := add(module, p); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (t *Templates) parseLang(lang string, shared, pages []source) error {
	base := template.New("layout").Funcs(funcs(t.cat, lang))
	for _, s := range shared {
		if _, err := base.New(s.name).Parse(s.text); err != nil {
			return fmt.Errorf("web: templates %s: %w", s.name, err)
		}
	}
	t.base[lang] = base
	t.pages[lang] = map[string]*template.Template{}
	reserved := map[string]bool{}
	for _, tm := range base.Templates() {
		if n := tm.Name(); n != "title" && n != "content" {
			reserved[n] = true
		}
	}
	for _, p := range pages {
		if err := checkNames(p, reserved, funcs(t.cat, lang)); err != nil {
			return err
		}
		set, err := base.Clone()
		if err != nil {
			return fmt.Errorf("web: templates %s: %w", p.name, err)
		}
		if _, err := set.New(p.name).Parse(p.text); err != nil {
			return fmt.Errorf("web: templates %s: %w", p.name, err)
		}
		t.pages[lang][p.name] = set
	}
	return nil
}

// Pages lists the names of the pages Render accepts, sorted.
func (t *Templates) Pages() []string {
	var out []string
	for name := range t.pages[defaultLang] {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// Languages lists the catalogue languages, English first.
func (t *Templates) Languages() []string { return t.cat.langs() }

// T translates key for lang outside a template (a flash message built in a handler should
// rather pass the key and let the template translate it).
func (t *Templates) T(lang, key string, args ...any) string {
	return t.cat.translate(lang, key, args...)
}

// MissingMessages lists the keys that the templates name literally (t "key") but the English
// catalogue lacks; a module's page test should assert it is empty.
func (t *Templates) MissingMessages() []string {
	return t.Missing(t.keys...)
}

// Missing lists the keys the English catalogue lacks. Labels passed as data cannot be found
// by scanning templates, so tests should check them with it: every NavItem Section and
// Label (the navigation is drawn by every module's Templates, so those keys belong in the
// platform catalogue, internal/platform/web/messages), card titles, column labels.
func (t *Templates) Missing(keys ...string) []string {
	var out []string
	for _, k := range keys {
		if _, ok := t.cat.msgs[defaultLang][k]; !ok {
			out = append(out, k)
		}
	}
	return out
}

// render executes one template of a set into a buffer, so a failure half-way through can
// still become a clean error page.
func execute(set *template.Template, name string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// fail answers a rendering failure: a bug, so it is logged here and the user sees a 500
// page with the request id (or plain text if even that cannot render).
func (t *Templates) fail(w http.ResponseWriter, r *http.Request, f *Frame, err error) {
	slog.ErrorContext(r.Context(), "web: render", "err", err, "path", r.URL.Path, "request_id", f.RequestID)
	title, detail := errorTexts(http.StatusInternalServerError)
	p := &ErrorPage{Frame: Frame{Lang: f.Lang, RequestID: f.RequestID, URL: f.URL, Title: title}, Status: 500, Detail: detail}
	body, err2 := execute(t.pages[f.Lang][PageError], "layout", p)
	if err2 != nil {
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	writeHTML(w, http.StatusInternalServerError, body)
}

func writeHTML(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	// Pages may show personal data: no shared or browser cache may keep them.
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Add("Vary", "HX-Request")
	w.WriteHeader(status)
	_, _ = w.Write(body) // a failed write means the client went away; nothing to do
}

// checkNames refuses a page that defines a template the frame owns ("layout", "main", a
// component): it would silently change the frame for that page alone.
func checkNames(p source, reserved map[string]bool, fm template.FuncMap) error {
	alone, err := template.New(p.name).Funcs(fm).Parse(p.text)
	if err != nil {
		return fmt.Errorf("web: templates %s: %w", p.name, err)
	}
	for _, tm := range alone.Templates() {
		if reserved[tm.Name()] {
			return fmt.Errorf("web: templates %s: defines %q, a name of the shared frame", p.name, tm.Name())
		}
	}
	return nil
}
