package web

import (
	"encoding/json"
	"html"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

func fragment(t *testing.T, name string, data any) string {
	t.Helper()
	w := httptest.NewRecorder()
	mustTemplates(t).RenderFragment(w, httptest.NewRequest("POST", "/validate", nil), 200, "", name, data)
	if w.Code != 200 {
		t.Fatalf("%s: status %d: %s", name, w.Code, w.Body.String())
	}
	return w.Body.String()
}

func TestFieldComponent(t *testing.T) {
	cases := []struct {
		name  string
		field Field
		want  []string
		not   []string
	}{
		{"text with hint and error", Field{Name: "ref", Label: "Reference", Hint: "As printed", Error: "field.required", Required: true, Value: `a"b`, ValidateURL: "/v/ref"},
			[]string{`<label class="ecl-form-label" for="f-ref">Reference`, `id="f-ref-hint"`, `id="f-ref-error"`, `aria-describedby="f-ref-hint f-ref-error"`, `aria-invalid="true"`, ` required`, `value="a&#34;b"`, `hx-post="/v/ref"`, `hx-trigger="change"`, `hx-target="closest .field"`, `id="f-ref-group"`, `This field is required.`}, nil},
		{"plain", Field{Name: "n", Label: "Name", ID: "custom"}, []string{`for="custom"`, `id="custom"`, `type="text"`}, []string{"aria-describedby", "aria-invalid", "hx-post", " required"}},
		{"password", Field{Name: "p", Label: "P", Type: "password", Autocomplete: "current-password"}, []string{`type="password"`, `autocomplete="current-password"`}, nil},
		{"textarea", Field{Name: "c", Label: "Comment", Type: "textarea", Value: "<x>"}, []string{`<textarea`, `&lt;x&gt;</textarea>`, `for="f-c"`}, nil},
		{"select", Field{Name: "s", Label: "State", Type: "select", Options: []Option{{Value: "DE", Label: "Germany"}, {Value: "FR", Label: "France", Selected: true}}},
			[]string{`<select class="ecl-select" id="f-s"`, `<option value="FR" selected>France</option>`, `for="f-s"`}, nil},
		{"checkbox", Field{Name: "ok", Label: "Consent", Type: "checkbox", Checked: true, Hint: "h"}, []string{`type="checkbox"`, ` checked`, `for="f-ok"`, `aria-describedby="f-ok-hint"`}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := fragment(t, "field", c.field)
			for _, s := range c.want {
				if !strings.Contains(out, s) {
					t.Errorf("missing %q in\n%s", s, out)
				}
			}
			for _, s := range c.not {
				if strings.Contains(out, s) {
					t.Errorf("unexpected %q in\n%s", s, out)
				}
			}
		})
	}
}

func TestTableComponent(t *testing.T) {
	tbl := Table{
		Caption: "Open requests",
		Columns: []Column{{Label: "Reference"}, {Label: "Days", Numeric: true}},
		Rows:    []Row{{Cells: []Cell{{Text: "<DE-1>", Href: "/r/1"}, {Text: "12", Numeric: true}}}},
		Pages:   NewPageLinks(&url.URL{Path: "/r", RawQuery: "state=open&cursor=old"}, "p1", "n1"),
	}
	out := fragment(t, "table", tbl)
	for _, s := range []string{`<caption class="ecl-table__caption">Open requests</caption>`, `<th scope="col" class="ecl-table__header num">Days</th>`,
		`<a class="ecl-link" href="/r/1">&lt;DE-1&gt;</a>`, `data-ecl-table-header="Days">12</td>`, `href="/r?cursor=p1&amp;state=open" rel="prev"`, `href="/r?cursor=n1&amp;state=open" rel="next"`, `aria-label="Pages"`} {
		if !strings.Contains(out, s) {
			t.Errorf("missing %q in\n%s", s, out)
		}
	}
	empty := fragment(t, "table", Table{Columns: []Column{{Label: "A"}, {Label: "B"}}})
	if !strings.Contains(empty, `colspan="2">Nothing to show.`) || strings.Contains(empty, "ecl-pagination") {
		t.Errorf("empty table:\n%s", empty)
	}
}

func TestNewPageLinks(t *testing.T) {
	u := &url.URL{Path: "/audit", RawQuery: "actor=anna&cursor=abc&q=a+b"}
	cases := []struct {
		prev, next string
		want       PageLinks
	}{
		{"", "", PageLinks{}},
		{"", "n", PageLinks{Next: "/audit?actor=anna&cursor=n&q=a+b"}},
		{"p/=", "", PageLinks{Prev: "/audit?actor=anna&cursor=p%2F%3D&q=a+b"}},
	}
	for _, c := range cases {
		if got := NewPageLinks(u, c.prev, c.next); got != c.want {
			t.Errorf("NewPageLinks(%q, %q) = %+v, want %+v", c.prev, c.next, got, c.want)
		}
	}
	if got := NewPageLinks(nil, "a", "b"); got != (PageLinks{}) {
		t.Errorf("nil URL: %+v", got)
	}
}

// TestChartJSONAttribute checks that chart options survive the trip through an HTML
// attribute: nothing can break out of it, and the browser's unescaping gives the JSON back.
func TestChartJSONAttribute(t *testing.T) {
	option := map[string]any{
		"series": []any{map[string]any{"name": `"></div><script>alert(1)</script>'&amp;`, "type": "bar", "data": []int{1, 2}}},
		"xAxis":  map[string]any{"data": []string{"a", "ü", "\u2028"}},
	}
	out := fragment(t, "chart", Chart{Title: "T", Option: option})
	m := regexp.MustCompile(`data-chart="([^"]*)"`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no data-chart attribute in %s", out)
	}
	if strings.ContainsAny(m[1], `<>'`) {
		t.Errorf("attribute value not escaped: %s", m[1])
	}
	want, _ := json.Marshal(option)
	if got := html.UnescapeString(m[1]); got != string(want) {
		t.Errorf("round trip:\n got %s\nwant %s", got, want)
	}
	var back map[string]any
	if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &back); err != nil {
		t.Errorf("not JSON after unescaping: %v", err)
	}
	if strings.Contains(out, "<script>") {
		t.Error("script tag leaked")
	}
	for _, c := range []struct {
		chart Chart
		attr  string
	}{
		{Chart{Title: "s", Src: "/a/b.json?x=1&y=2"}, `data-chart-src="/a/b.json?x=1&amp;y=2"`},
		{Chart{Title: "m", Map: map[string]float64{"DE": 1.5}}, `data-map="{&#34;DE&#34;:1.5}"`},
		{Chart{Title: "ms", MapSrc: "/m.json", Tall: true}, `data-map-src="/m.json"`},
	} {
		if out := fragment(t, "chart", c.chart); !strings.Contains(out, c.attr) || !strings.Contains(out, `data-title="`+c.chart.Title+`"`) {
			t.Errorf("missing %s in %s", c.attr, out)
		}
	}
}

func TestBuildNav(t *testing.T) {
	items := []NavItem{
		{Section: "A", Label: "a1", Href: "/a1"},
		{Section: "B", Label: "b1", Href: "/b1", Permission: "b.read"},
		{Section: "A", Label: "a2", Href: "/a2", Permission: "a.write"},
		{Section: "C", Label: "c1", Href: "/c1", Permission: "c.read"},
	}
	can := func(p string) bool { return p == "b.read" || p == "a.write" }
	got := BuildNav(items, can, "/a2")
	if len(got) != 2 || got[0].Label != "A" || got[1].Label != "B" {
		t.Fatalf("sections = %+v", got)
	}
	if len(got[0].Items) != 2 || !got[0].Items[1].Current || got[0].Items[0].Current || !got[0].Current || got[1].Current {
		t.Errorf("current marks wrong: %+v", got)
	}
	if nilCan := BuildNav(items, nil, ""); len(nilCan) != 1 || len(nilCan[0].Items) != 1 {
		t.Errorf("nil can must keep only public items: %+v", nilCan)
	}
}

func TestFormatting(t *testing.T) {
	c, err := loadCatalogue(builtinFS)
	if err != nil {
		t.Fatal(err)
	}
	en, uk := funcs(c, "en"), funcs(c, "uk")
	ts := time.Date(2026, 3, 4, 23, 30, 0, 0, time.FixedZone("CET", 3600))
	var nilTime *time.Time
	cases := []struct {
		name string
		got  string
		want string
	}{
		{"date in UTC", en["date"].(func(any) string)(ts), "2026-03-04"},
		{"datetime in UTC", en["datetime"].(func(any) string)(&ts), "2026-03-04 22:30 UTC"},
		{"nil time", en["date"].(func(any) string)(nilTime), ""},
		{"zero time", en["date"].(func(any) string)(time.Time{}), ""},
		{"number en", en["number"].(func(any) string)(1234567), "1,234,567"},
		{"number float", en["number"].(func(any) string)(1234.5), "1,234.50"},
		{"number uk", uk["number"].(func(any) string)(1234567), "1\u00a0234\u00a0567"},
		{"t with args", en["t"].(func(string, ...any) string)("error.status", 404), "Error 404"},
		{"t missing key", en["t"].(func(string, ...any) string)("Plain text"), "Plain text"},
	}
	for _, cs := range cases {
		if cs.got != cs.want {
			t.Errorf("%s: got %q, want %q", cs.name, cs.got, cs.want)
		}
	}
}

func TestFilterCards(t *testing.T) {
	cards := []Card{{Title: "a"}, {Title: "b", Permission: "audit.read"}, {Title: "c", Permission: "admin"}}
	titles := func(cs []Card) string {
		var s []string
		for _, c := range cs {
			s = append(s, c.Title)
		}
		return strings.Join(s, ",")
	}
	cases := []struct {
		name string
		can  func(string) bool
		want string
	}{
		{"auditor", func(p string) bool { return p == "audit.read" }, "a,b"},
		{"everything", func(string) bool { return true }, "a,b,c"},
		{"no policy", nil, "a"},
	}
	for _, c := range cases {
		if got := titles(FilterCards(cards, c.can)); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

func TestRecordComponents(t *testing.T) {
	crumbs := fragment(t, "breadcrumbs", []Crumb{{Label: "nav.home", Href: "/"}, {Label: "Requests", Href: "/r"}, {Label: "DE-1", Href: "/r/1"}})
	for _, s := range []string{`aria-label="You are here:"`, `href="/">Home</a>`, `href="/r">Requests</a>`, `aria-current="page">DE-1</li>`} {
		if !strings.Contains(crumbs, s) {
			t.Errorf("breadcrumbs lack %q: %s", s, crumbs)
		}
	}
	if strings.Contains(crumbs, `href="/r/1"`) {
		t.Error("the current page must not link to itself")
	}
	if out := fragment(t, "breadcrumbs", []Crumb(nil)); strings.TrimSpace(out) != "" {
		t.Errorf("no crumbs should render nothing: %q", out)
	}
	details := fragment(t, "details", []Detail{{Label: "Name", Value: "<Olena>"}, {Label: "State", Value: "DE", Href: "/s/DE"}, {Label: "Born", Value: ""}})
	for _, s := range []string{`<dt class="ecl-description-list__term">Name</dt>`, `&lt;Olena&gt;`, `<a class="ecl-link" href="/s/DE">DE</a>`, `Born</dt>`, `–</dd>`} {
		if !strings.Contains(details, s) {
			t.Errorf("details lack %q: %s", s, details)
		}
	}
}
