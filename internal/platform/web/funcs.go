package web

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/url"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// funcs returns the template functions for one language. The set is the same for every
// language; only t and number differ.
//
//	t "key" args...     catalogue text (fmt format when args are given)
//	date / datetime     a time.Time or *time.Time as 2006-01-02 / 2006-01-02 15:04 UTC
//	number              an integer or float with the language's digit grouping
//	pageLinks u p n     PageLinks keeping the query of u (see NewPageLinks)
//	json v              v marshalled as JSON, for data-chart and other data- attributes
//	asset "app.js"      the versioned URL of a static file
//	lang                the page language
//	langLinks u         the language switcher entries for the page at u
//	lastIndex crumbs    the index of the last breadcrumb
func funcs(c *catalogue, lang string) template.FuncMap {
	p := message.NewPrinter(language.Make(lang))
	return template.FuncMap{
		"t":         func(key string, args ...any) string { return c.translate(lang, key, args...) },
		"lang":      func() string { return lang },
		"date":      func(v any) string { return formatTime(v, "2006-01-02") },
		"datetime":  func(v any) string { return formatTime(v, "2006-01-02 15:04 UTC") },
		"number":    func(v any) string { return formatNumber(p, v) },
		"pageLinks": NewPageLinks,
		"json":      jsonAttr,
		"asset":     Asset,
		"langLinks": func(u *url.URL) []LangLink { return langLinks(c, lang, u) },
		"lastIndex": func(v []Crumb) int { return len(v) - 1 },
	}
}

// LangLink is one entry of the language switcher: the language's name in itself.
type LangLink struct {
	Code, Name, Href string
	Current          bool
}

// langLinks lists the catalogue languages with links to the current page in each; nil when
// there is only one language.
func langLinks(c *catalogue, current string, u *url.URL) []LangLink {
	codes := c.langs()
	if len(codes) < 2 {
		return nil
	}
	out := make([]LangLink, len(codes))
	for i, code := range codes {
		name, ok := c.msgs[code]["lang.name"]
		if !ok {
			name = code
		}
		href := "?" + url.Values{LangParam: {code}}.Encode()
		if u != nil {
			q := u.Query()
			q.Set(LangParam, code)
			href = (&url.URL{Path: u.Path, RawQuery: q.Encode()}).String()
		}
		out[i] = LangLink{Code: code, Name: name, Href: href, Current: code == current}
	}
	return out
}

// formatTime shows times in UTC, the time base of every record in CEAS, in ISO 8601 order,
// which no reader in any Member State misreads. The zero time and nil show as empty.
func formatTime(v any, layout string) string {
	var t time.Time
	switch x := v.(type) {
	case time.Time:
		t = x
	case *time.Time:
		if x == nil {
			return ""
		}
		t = *x
	default:
		return fmt.Sprint(v)
	}
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(layout)
}

func formatNumber(p *message.Printer, v any) string {
	switch x := v.(type) {
	case float32, float64:
		return p.Sprintf("%.2f", x)
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return p.Sprintf("%d", x)
	}
	return fmt.Sprint(v)
}

// jsonAttr marshals v for an HTML attribute. It returns a plain string on purpose:
// html/template then escapes it for the attribute it lands in (quotes, ampersands, angle
// brackets), and the browser's attribute parsing gives app.js back the exact JSON.
func jsonAttr(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("web: json: %w", err)
	}
	return string(b), nil
}
