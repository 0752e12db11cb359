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
// An htmx request (HX-Request: true) that is not boosted gets what <main> holds (the flash
// message and the "content" block) without the frame, so hx-get on a page URL with
// hx-target="#main" swaps the page body alone. A rendering error is logged
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
		block = "main"
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

// LangParam is the query parameter of the language links in the footer; LangCookie keeps
// the choice for later requests.
const (
	LangParam  = "lang"
	LangCookie = "ceas_lang"
)

// fill completes the frame from the request; it returns f for chaining.
func (t *Templates) fill(f *Frame, w http.ResponseWriter, r *http.Request) *Frame {
	if f.Lang == "" || !t.cat.has(f.Lang) {
		f.Lang = t.chooseLang(w, r)
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

// chooseLang picks the page language when the handler set none: the language the user just
// chose (?lang=, remembered in a cookie), then the remembered choice, then the browser's
// Accept-Language. The cookie holds a preference, not a credential; it is HttpOnly because no
// script reads it, and Secure when the request came over TLS.
func (t *Templates) chooseLang(w http.ResponseWriter, r *http.Request) string {
	if q := r.URL.Query().Get(LangParam); q != "" && t.cat.has(q) {
		http.SetCookie(w, &http.Cookie{Name: LangCookie, Value: q, Path: "/", MaxAge: 365 * 24 * 3600,
			HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteLaxMode})
		return q
	}
	if c, err := r.Cookie(LangCookie); err == nil && t.cat.has(c.Value) {
		return c.Value
	}
	return t.cat.negotiate(r.Header.Get("Accept-Language"))
}
