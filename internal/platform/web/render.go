package web

import (
	"fmt"
	"net/http"
	"strings"
)

// Render writes page name (a module page's base name or PageLogin, PageHome, PageError) with
// status. page must be a pointer to a struct that embeds Frame (or a *Frame): Render fills
// Frame.Lang (negotiated from Accept-Language when empty or unknown), Frame.RequestID (from
// the X-Request-Id response or request header) and Frame.URL, then executes the layout.
//
// An htmx request (HX-Request: true) that is not boosted gets the "content" block alone, so
// hx-get on a page URL swaps the main content without the frame. A rendering error is logged
// and answered with a 500 page; the caller has nothing more to do.
func (t *Templates) Render(w http.ResponseWriter, r *http.Request, status int, name string, page any) {
	fp, ok := page.(framer)
	if !ok {
		f := t.fill(&Frame{}, w, r)
		t.fail(w, r, f, fmt.Errorf("web: render %s: page %T must be a pointer to a struct embedding web.Frame", name, page))
		return
	}
	f := t.fill(fp.frame(), w, r)
	set, ok := t.pages[f.Lang][name]
	if !ok {
		t.fail(w, r, f, fmt.Errorf("web: render: no page %q", name))
		return
	}
	block := "layout"
	if r.Header.Get("HX-Request") == "true" && r.Header.Get("HX-Boosted") != "true" {
		block = "content"
	}
	body, err := execute(set, block, page)
	if err != nil {
		t.fail(w, r, f, fmt.Errorf("web: render %s: %w", name, err))
		return
	}
	writeHTML(w, status, body)
}

// RenderFragment writes one named template without the layout: a component such as "field"
// or "table" (page empty), or a fragment a module page defines (page is its name). It
// answers htmx requests, e.g. a validation endpoint returning the re-rendered field. The
// language is negotiated from the request; data need not embed Frame.
func (t *Templates) RenderFragment(w http.ResponseWriter, r *http.Request, status int, page, name string, data any) {
	f := &Frame{}
	if fp, ok := data.(framer); ok {
		f = fp.frame()
	}
	f = t.fill(f, w, r)
	set := t.base[f.Lang]
	if page != "" {
		set = t.pages[f.Lang][page]
	}
	if set == nil || set.Lookup(name) == nil {
		t.fail(w, r, f, fmt.Errorf("web: render fragment %s %q: no such template", page, name))
		return
	}
	body, err := execute(set, name, data)
	if err != nil {
		t.fail(w, r, f, fmt.Errorf("web: render fragment %s %q: %w", page, name, err))
		return
	}
	writeHTML(w, status, body)
}

// fill completes the frame from the request; it returns f for chaining.
func (t *Templates) fill(f *Frame, w http.ResponseWriter, r *http.Request) *Frame {
	if f.Lang == "" || !t.cat.has(f.Lang) {
		f.Lang = t.cat.negotiate(r.Header.Get("Accept-Language"))
	}
	if f.RequestID == "" {
		f.RequestID = firstNonEmpty(w.Header().Get("X-Request-Id"), r.Header.Get("X-Request-Id"))
	}
	if f.URL == nil {
		f.URL = r.URL
	}
	return f
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
