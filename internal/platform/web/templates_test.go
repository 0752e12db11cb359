package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"
)

func sampleFrame() Frame {
	return Frame{
		Title: "Sample",
		User:  &User{Name: "Anna Example", Org: "DE-BAMF", OrgName: "Example Office", Roles: []string{"dublin_officer"}},
		Nav: BuildNav([]NavItem{
			{Section: "nav.section.home", Label: "nav.home", Href: "/"},
			{Section: "nav.section.audit", Label: "nav.audit", Href: "/audit", Permission: "audit.read"},
		}, func(string) bool { return true }, "/"),
		Active: "/",
		Flash:  "Saved.",
	}
}

func mustTemplates(t *testing.T) *Templates {
	t.Helper()
	tm, err := NewTemplates(nil)
	if err != nil {
		t.Fatalf("NewTemplates: %v", err)
	}
	return tm
}

func render(t *testing.T, tm *Templates, name string, page any, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest("GET", "/somewhere?x=1", nil)
	for k, v := range hdr {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	tm.Render(w, r, http.StatusOK, name, page)
	return w
}

// TestBuiltinPagesRender renders every built-in page, signed in and out, in every language,
// and checks the frame's landmarks and the page's own content.
func TestBuiltinPagesRender(t *testing.T) {
	tm := mustTemplates(t)
	pages := []struct {
		name string
		page func(Frame) any
		want []string
	}{
		{PageLogin, func(f Frame) any {
			return &LoginPage{Frame: f, Username: "anna", Error: "login.failed", Next: "/audit", OIDCURL: "/oidc/start", OIDCName: "EU Login"}
		}, []string{`action="/login"`, `name="username"`, `name="password"`, `autocomplete="current-password"`, `value="anna"`, `role="alert"`, `href="/oidc/start"`, `name="next" value="/audit"`, `EU Login`}},
		{PageHome, func(f Frame) any {
			return &HomePage{Frame: f, Intro: "Intro text", Cards: []Card{{Title: "Requests", Body: "Open requests", Href: "/dublin/requests"}},
				Charts: []Chart{{Title: "By state", Map: map[string]float64{"DE": 3}}}}
		}, []string{`href="/dublin/requests"`, `Open requests`, `class="chart"`, `data-map="{&#34;DE&#34;:3}"`}},
		{PageError, func(f Frame) any { return &ErrorPage{Frame: f, Status: 404, Detail: "error.404.detail"} }, []string{` 404</p>`}},
	}
	frames := map[string]Frame{"signed-in": sampleFrame(), "signed-out": {Title: "Sample"}}
	for _, p := range pages {
		for fname, f := range frames {
			for _, lang := range tm.Languages() {
				t.Run(p.name+"/"+fname+"/"+lang, func(t *testing.T) {
					f.Lang = lang
					w := render(t, tm, p.name, p.page(f), nil)
					body := w.Body.String()
					if w.Code != 200 {
						t.Fatalf("status %d: %s", w.Code, body)
					}
					want := append([]string{`<html lang="` + lang + `"`, `<header`, `<main id="main"`, `<footer`, `href="#main"`}, p.want...)
					if fname == "signed-in" {
						want = append(want, `<nav class="site-nav"`, `aria-current="page"`, `Anna Example`, `action="/logout"`)
					}
					for _, s := range want {
						if !strings.Contains(body, s) {
							t.Errorf("missing %q", s)
						}
					}
					if lang == "en" && strings.Contains(body, "!") && strings.Contains(body, "%!") {
						t.Errorf("a format verb went wrong: %s", body)
					}
					if got := w.Header().Get("Cache-Control"); got != "no-store" {
						t.Errorf("Cache-Control = %q, want no-store", got)
					}
				})
			}
		}
	}
}

// TestNoInlineScriptOrStyle guards the CSP: the frame must work without 'unsafe-inline'.
func TestNoInlineScriptOrStyle(t *testing.T) {
	tm := mustTemplates(t)
	w := render(t, tm, PageHome, &HomePage{Frame: sampleFrame(), Charts: []Chart{{Title: "x", Option: map[string]any{"series": []any{}}}}}, nil)
	body := w.Body.String()
	for _, bad := range []string{"<script>", "style=", "<style", "onclick", "onload=", "javascript:"} {
		if strings.Contains(body, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if strings.Count(body, "<script src=") != 2 {
		t.Errorf("want exactly htmx and app.js as scripts")
	}
	if !strings.Contains(body, `"allowEval":false`) {
		t.Error("htmx-config meta must switch eval off")
	}
}

func TestModulePages(t *testing.T) {
	module := fstest.MapFS{
		"templates/list.html": {Data: []byte(`{{define "title"}}{{t "mod.title"}}{{end}}{{define "content"}}<p>{{.Extra}}</p>{{template "table" .Table}}{{end}}{{define "rows"}}<tr><td>{{.}}</td></tr>{{end}}`)},
		"messages/en.json":    {Data: []byte(`{"mod.title": "Module list"}`)},
	}
	tm, err := NewTemplates(module, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	type listPage struct {
		Frame
		Extra string
		Table Table
	}
	p := &listPage{Frame: sampleFrame(), Extra: "<b>escaped</b>", Table: Table{Columns: []Column{{Label: "A"}}, Pages: PageLinks{Next: "/x?cursor=2"}}}
	w := render(t, tm, "list.html", p, nil)
	body := w.Body.String()
	for _, s := range []string{"<title>Module list · CEAS</title>", "&lt;b&gt;escaped&lt;/b&gt;", "Nothing to show.", `rel="next"`} {
		if !strings.Contains(body, s) {
			t.Errorf("missing %q in %s", s, body)
		}
	}
	if m := tm.MissingMessages(); len(m) != 0 {
		t.Errorf("missing messages %v", m)
	}
	// htmx (not boosted) gets the content block only.
	w = render(t, tm, "list.html", p, map[string]string{"HX-Request": "true"})
	if strings.Contains(w.Body.String(), "<html") || !strings.Contains(w.Body.String(), "escaped") || !strings.Contains(w.Body.String(), "Saved.") {
		t.Errorf("htmx request should get the flash and content alone: %s", w.Body.String())
	}
	w = render(t, tm, "list.html", p, map[string]string{"HX-Request": "true", "HX-Boosted": "true"})
	if !strings.Contains(w.Body.String(), "<html") {
		t.Error("a boosted request needs the whole page")
	}
	// A page fragment.
	rr := httptest.NewRecorder()
	tm.RenderFragment(rr, httptest.NewRequest("GET", "/", nil), 200, "list.html", "rows", "cell")
	if got := rr.Body.String(); got != "<tr><td>cell</td></tr>" {
		t.Errorf("fragment = %q", got)
	}
}

func TestNewTemplatesErrors(t *testing.T) {
	cases := []struct {
		name   string
		module fstest.MapFS
	}{
		{"page reuses a built-in name", fstest.MapFS{"p/login.html": {Data: []byte(`{{define "content"}}{{end}}`)}}},
		{"parse error", fstest.MapFS{"p/x.html": {Data: []byte(`{{define "content"}}{{.Foo}`)}}},
		{"unknown function", fstest.MapFS{"p/x.html": {Data: []byte(`{{nosuch}}`)}}},
		{"redefines a component", fstest.MapFS{"p/x.html": {Data: []byte(`{{define "table"}}mine{{end}}`)}}},
		{"redefines the layout", fstest.MapFS{"p/x.html": {Data: []byte(`{{define "layout"}}mine{{end}}`)}}},
		{"key defined twice with another text", fstest.MapFS{"p/x.html": {Data: []byte(``)}, "messages/en.json": {Data: []byte(`{"login.title":"again"}`)}}},
		{"bad catalogue", fstest.MapFS{"messages/en.json": {Data: []byte(`{"a":1}`)}}},
		{"bad language", fstest.MapFS{"messages/not a tag.json": {Data: []byte(`{}`)}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := NewTemplates(c.module, "p/*.html"); err == nil {
				t.Error("want an error")
			}
		})
	}
}

func TestRenderFailures(t *testing.T) {
	tm := mustTemplates(t)
	cases := []struct {
		name string
		page any
		tmpl string
	}{
		{"page by value", HomePage{}, PageHome},
		{"no such page", &HomePage{}, "nosuch.html"},
		{"not a page", "text", PageHome},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := render(t, tm, c.tmpl, c.page, map[string]string{"X-Request-Id": "rid-7"})
			if w.Code != 500 || !strings.Contains(w.Body.String(), "rid-7") {
				t.Errorf("want a 500 page quoting the request id, got %d %s", w.Code, w.Body.String())
			}
		})
	}
}

func TestRenderError(t *testing.T) {
	for _, status := range []int{400, 401, 403, 404, 405, 409, 413, 422, 429, 500, 503, 418, 502} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			r := httptest.NewRequest("GET", "/private/x?y=1", nil)
			w := httptest.NewRecorder()
			RenderError(w, r, status, "", "")
			body := w.Body.String()
			if w.Code != status {
				t.Errorf("status %d", w.Code)
			}
			title, detail := errorTexts(status)
			tm := mustTemplates(t)
			for _, s := range []string{tm.T("en", title), tm.T("en", detail)} {
				if !strings.Contains(body, s) {
					t.Errorf("missing %q", s)
				}
			}
			if status == 401 && !strings.Contains(body, `href="/login?next=%2Fprivate%2Fx%3Fy%3D1"`) {
				t.Errorf("401 page should link to sign-in and back: %s", body)
			}
		})
	}
	w := httptest.NewRecorder()
	RenderError(w, httptest.NewRequest("GET", "/", nil), 403, "Custom title", "Custom detail")
	if !strings.Contains(w.Body.String(), "Custom detail") || !strings.Contains(w.Body.String(), "<title>Custom title") {
		t.Error("custom title and detail not shown")
	}
}

func TestLanguageNegotiation(t *testing.T) {
	tm := mustTemplates(t)
	cases := []struct{ accept, frameLang, want string }{
		{"", "", "en"},
		{"uk-UA,uk;q=0.9,en;q=0.8", "", "uk"},
		{"de-DE,de;q=0.9", "", "en"},
		{"uk", "en", "en"},
		{"en", "xx", "en"},
		{"garbage;;;", "", "en"},
	}
	for _, c := range cases {
		w := render(t, tm, PageLogin, &LoginPage{Frame: Frame{Lang: c.frameLang}}, map[string]string{"Accept-Language": c.accept})
		if !strings.Contains(w.Body.String(), `<html lang="`+c.want+`"`) {
			t.Errorf("Accept-Language %q, Frame.Lang %q: want %s", c.accept, c.frameLang, c.want)
		}
	}
	w := render(t, tm, PageLogin, &LoginPage{Frame: Frame{Lang: "uk"}}, nil)
	if !strings.Contains(w.Body.String(), "Пароль") {
		t.Error("Ukrainian catalogue not used")
	}
}

func TestFillFrame(t *testing.T) {
	tm := mustTemplates(t)
	r := httptest.NewRequest("GET", "/a?b=c", nil)
	w := httptest.NewRecorder()
	w.Header().Set("X-Request-Id", "from-middleware")
	f := tm.fill(&Frame{}, w, r)
	if f.RequestID != "from-middleware" || f.URL.String() != "/a?b=c" || f.Lang != "en" {
		t.Errorf("fill = %+v", f)
	}
	f = tm.fill(&Frame{RequestID: "kept", URL: &url.URL{Path: "/kept"}, Lang: "uk"}, w, r)
	if f.RequestID != "kept" || f.URL.Path != "/kept" || f.Lang != "uk" {
		t.Errorf("fill overwrote set fields: %+v", f)
	}
}

func TestSharedKeys(t *testing.T) {
	// A module may repeat a platform key with the same text (a navigation label it also
	// uses); Missing reports data keys the catalogue lacks.
	tm, err := NewTemplates(fstest.MapFS{"messages/en.json": {Data: []byte(`{"nav.inbox":"Inbox","mod.x":"X"}`)}})
	if err != nil {
		t.Fatalf("same text twice should be allowed: %v", err)
	}
	if got := tm.Missing("nav.inbox", "mod.x", "nav.section.tp", "mod.nosuch"); len(got) != 1 || got[0] != "mod.nosuch" {
		t.Errorf("Missing = %v", got)
	}
}

func TestLanguageSwitch(t *testing.T) {
	tm := mustTemplates(t)
	cases := []struct {
		name, url, cookie, frameLang, want string
		setsCookie                         bool
	}{
		{"query chooses and is remembered", "/audit?actor=x&lang=uk", "", "", "uk", true},
		{"unknown query is ignored", "/audit?lang=xx", "", "", "en", false},
		{"cookie remembers", "/audit", "uk", "", "uk", false},
		{"bad cookie is ignored", "/audit", "xx", "", "en", false},
		{"handler's choice wins", "/audit?lang=uk", "uk", "en", "en", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", c.url, nil)
			if c.cookie != "" {
				r.AddCookie(&http.Cookie{Name: LangCookie, Value: c.cookie})
			}
			w := httptest.NewRecorder()
			tm.Render(w, r, 200, PageLogin, &LoginPage{Frame: Frame{Lang: c.frameLang}})
			body := w.Body.String()
			if !strings.Contains(body, `<html lang="`+c.want+`"`) {
				t.Errorf("want lang %s", c.want)
			}
			set := w.Header().Get("Set-Cookie")
			if c.setsCookie != (set != "") || (c.setsCookie && !strings.Contains(set, LangCookie+"="+c.want)) {
				t.Errorf("Set-Cookie = %q", set)
			}
			for _, s := range []string{`hreflang="uk" lang="uk"`, "Українська", "English"} {
				if !strings.Contains(body, s) {
					t.Errorf("language switcher lacks %q", s)
				}
			}
		})
	}
	body := render(t, tm, PageLogin, &LoginPage{}, nil).Body.String()
	if !strings.Contains(body, `href="/somewhere?lang=uk&amp;x=1"`) {
		t.Errorf("switcher link should keep the query: %s", body)
	}
}
