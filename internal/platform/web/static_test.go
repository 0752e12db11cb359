package web

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"io/fs"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func TestStaticContentTypes(t *testing.T) {
	h := Static()
	cases := []struct {
		path, ctype string
	}{
		{"/static/app.js", "text/javascript; charset=utf-8"},
		{"/static/app.css", "text/css; charset=utf-8"},
		{"/static/favicon.svg", "image/svg+xml"},
		{"/static/vendor/htmx/htmx.min.js", "text/javascript; charset=utf-8"},
		{"/static/vendor/echarts/echarts.min.js", "text/javascript; charset=utf-8"},
		{"/static/vendor/ecl/ecl-eu.css", "text/css; charset=utf-8"},
		{"/static/vendor/ecl/icons.svg", "image/svg+xml"},
		{"/static/vendor/europe.geo.json", "application/geo+json"},
		{"/static/vendor/LICENSES.md", "text/markdown; charset=utf-8"},
		{"/static/vendor/licenses/echarts.txt", "text/plain; charset=utf-8"},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest("GET", c.path, nil))
			if w.Code != 200 {
				t.Fatalf("status %d", w.Code)
			}
			if got := w.Header().Get("Content-Type"); got != c.ctype {
				t.Errorf("Content-Type = %q, want %q", got, c.ctype)
			}
			if w.Header().Get("X-Content-Type-Options") != "nosniff" || w.Body.Len() == 0 {
				t.Error("nosniff missing or empty body")
			}
		})
	}
}

func TestStaticCaching(t *testing.T) {
	h := Static()
	versioned := Asset("app.js")
	if !regexp.MustCompile(`^/static/app\.js\?v=[0-9a-f]{16}$`).MatchString(versioned) {
		t.Fatalf("Asset = %q", versioned)
	}
	cases := []struct {
		name, url, cache string
		hdr              map[string]string
		status           int
	}{
		{"current version is immutable", versioned, "public, max-age=31536000, immutable", nil, 200},
		{"no version revalidates", "/static/app.js", "no-cache", nil, 200},
		{"old version revalidates", "/static/app.js?v=0000000000000000", "no-cache", nil, 200},
		{"etag match", "/static/app.js", "no-cache", map[string]string{"If-None-Match": `"` + assets()["app.js"].hash + `"`}, 304},
		{"unknown file", "/static/nosuch.js", "", nil, 404},
		{"directory", "/static/vendor/", "", nil, 404},
		{"outside prefix", "/app.js", "", nil, 404},
		{"traversal", "/static/../static.go", "", nil, 404},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.URL.Path, r.URL.RawQuery, _ = strings.Cut(c.url, "?")
			for k, v := range c.hdr {
				r.Header.Set(k, v)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != c.status {
				t.Fatalf("status %d, want %d", w.Code, c.status)
			}
			if c.cache != "" && w.Header().Get("Cache-Control") != c.cache {
				t.Errorf("Cache-Control = %q, want %q", w.Header().Get("Cache-Control"), c.cache)
			}
		})
	}
	if Asset("nosuch.js") != "/static/nosuch.js" {
		t.Error("unknown asset should have no version")
	}
}

func TestStaticGzip(t *testing.T) {
	r := httptest.NewRequest("GET", "/static/vendor/echarts/echarts.min.js", nil)
	r.Header.Set("Accept-Encoding", "br, gzip;q=0.8")
	w := httptest.NewRecorder()
	Static().ServeHTTP(w, r)
	if w.Header().Get("Content-Encoding") != "gzip" {
		t.Fatal("not gzipped")
	}
	zr, err := gzip.NewReader(w.Body)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(zr)
	if !bytes.Equal(plain, assets()["vendor/echarts/echarts.min.js"].data) {
		t.Error("gzip body differs from the file")
	}
	for _, ae := range []string{"", "gzip;q=0", "identity"} {
		r.Header.Set("Accept-Encoding", ae)
		w := httptest.NewRecorder()
		Static().ServeHTTP(w, r)
		if w.Header().Get("Content-Encoding") != "" {
			t.Errorf("Accept-Encoding %q: got gzip", ae)
		}
	}
}

// TestVendorFolder checks that the committed build output is there, small, licensed, and
// carries no EU logo or emblem.
func TestVendorFolder(t *testing.T) {
	want := []string{"htmx/htmx.min.js", "echarts/echarts.min.js", "ecl/ecl-eu.css", "ecl/ecl-reset.css", "ecl/ecl-eu-print.css",
		"ecl/ecl-eu-utilities.css", "ecl/icons.svg", "europe.geo.json", "LICENSES.md"}
	licences := string(assets()["vendor/LICENSES.md"].data)
	for _, f := range want {
		if _, ok := assets()["vendor/"+f]; !ok {
			t.Errorf("vendor/%s missing: run web/build.sh", f)
		}
		if f != "LICENSES.md" && !strings.Contains(licences, "`"+f+"`") {
			t.Errorf("LICENSES.md does not list %s", f)
		}
	}
	var total int
	_ = fs.WalkDir(staticFS, "static/vendor", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			info, _ := d.Info()
			total += int(info.Size())
			if strings.Contains(strings.ToLower(p), "logo") || strings.Contains(strings.ToLower(p), "flag") {
				t.Errorf("%s: EU logos and flags are not to be vendored", p)
			}
		}
		return err
	})
	if total > 5<<20 {
		t.Errorf("vendor folder is %d bytes, keep it under 5 MB", total)
	}
	if !bytes.Contains(assets()["vendor/htmx/htmx.min.js"].data, []byte(`version:"2.`)) {
		t.Error("htmx is not 2.x")
	}
	if !bytes.Contains(assets()["vendor/echarts/echarts.min.js"].data, []byte(`"5.6.0"`)) {
		t.Error("echarts is not 5.6.0")
	}
}

// TestEuropeMap checks the GeoJSON the map charts use: every Member State and Schengen
// associated state present once, with an ISO alpha-2 code and a name.
func TestEuropeMap(t *testing.T) {
	var geo struct {
		Type     string
		Features []struct {
			Properties struct {
				ISO  string `json:"iso_a2"`
				Name string `json:"name"`
			}
			Geometry struct {
				Type        string
				Coordinates json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(assets()["vendor/europe.geo.json"].data, &geo); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	code := regexp.MustCompile(`^[A-Z]{2}$`)
	for _, f := range geo.Features {
		p := f.Properties
		if !code.MatchString(p.ISO) || p.Name == "" || seen[p.ISO] {
			t.Errorf("bad or duplicate feature %+v", p)
		}
		if f.Geometry.Type != "Polygon" && f.Geometry.Type != "MultiPolygon" {
			t.Errorf("%s: geometry %s", p.ISO, f.Geometry.Type)
		}
		seen[p.ISO] = true
	}
	// The 27 Member States, the four Schengen/Dublin associated states, and neighbours on the
	// main routes.
	for _, c := range strings.Fields("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE CH IS LI NO UA MD BY RS BA ME MK AL XK TR MA DZ TN LY EG GB") {
		if !seen[c] {
			t.Errorf("map lacks %s", c)
		}
	}
	if seen["GL"] || seen["AX"] {
		t.Error("Greenland is out of frame and Åland belongs to FI")
	}
	// Places whose state EU law settles differently from some de facto maps.
	places := []struct {
		name     string
		lon, lat float64
		want     string
	}{
		{"Simferopol, Crimea: Ukraine (UNGA res 68/262, Council Decision 2014/386/CFSP)", 34.10, 44.95, "UA"},
		{"Sevastopol: Ukraine", 33.52, 44.60, "UA"},
		{"Kyrenia, north of the Green Line: Cyprus (Protocol 10, 2003 Act of Accession)", 33.32, 35.34, "CY"},
		{"Mariehamn, Åland: Finland (Protocol 2, 1994 Act of Accession)", 19.94, 60.10, "FI"},
		{"Kaliningrad: Russia", 20.51, 54.71, "RU"},
		{"Valletta: Malta", 14.51, 35.90, "MT"},
		{"Las Palmas, Canary Islands: Spain", -15.43, 28.12, "ES"},
	}
	for _, p := range places {
		var got []string
		for _, f := range geo.Features {
			if containsPoint(t, f.Geometry.Type, f.Geometry.Coordinates, p.lon, p.lat) {
				got = append(got, f.Properties.ISO)
			}
		}
		if len(got) != 1 || got[0] != p.want {
			t.Errorf("%s: in %v, want [%s]", p.name, got, p.want)
		}
	}
}

// containsPoint is ray casting over every polygon of a geometry (holes included, by parity).
func containsPoint(t *testing.T, typ string, raw json.RawMessage, x, y float64) bool {
	var polys [][][][2]float64
	if typ == "Polygon" {
		var p [][][2]float64
		if err := json.Unmarshal(raw, &p); err != nil {
			t.Fatal(err)
		}
		polys = [][][][2]float64{p}
	} else if err := json.Unmarshal(raw, &polys); err != nil {
		t.Fatal(err)
	}
	for _, poly := range polys {
		in := false
		for _, ring := range poly {
			for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
				a, b := ring[i], ring[j]
				if (a[1] > y) != (b[1] > y) && x < (b[0]-a[0])*(y-a[1])/(b[1]-a[1])+a[0] {
					in = !in
				}
			}
		}
		if in {
			return true
		}
	}
	return false
}

// TestClassesExist: every class the templates and app.js use is styled by the vendored ECL
// files or app.css, so an ECL upgrade that renames a class fails here, not in front of users.
func TestClassesExist(t *testing.T) {
	var css strings.Builder
	for name, a := range assets() {
		if strings.HasSuffix(name, ".css") {
			css.Write(a.data)
		}
	}
	styles := css.String()
	classAttr := regexp.MustCompile(`class(?:Name)?\s*=\s*["']([^"']*)["']`)
	// Hooks for scripts and tests, and ECL markup classes that ECL 4.11 leaves unstyled.
	unstyled := map[string]bool{"no-js": true, "field--invalid": true, "card__link": true, "error-page": true,
		"chart-tools__csv": true, "ecl-checkbox__text": true, "ecl-select__icon-shape": true}
	_ = fs.WalkDir(builtinFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := fs.ReadFile(builtinFS, p)
		checkClasses(t, p, string(b), classAttr, styles, unstyled)
		return nil
	})
	checkClasses(t, "app.js", string(assets()["app.js"].data), classAttr, styles, unstyled)
}

func checkClasses(t *testing.T, file, text string, classAttr *regexp.Regexp, styles string, unstyled map[string]bool) {
	t.Helper()
	actions := regexp.MustCompile(`\{\{.*?\}\}`)
	for _, m := range classAttr.FindAllStringSubmatch(text, -1) {
		for _, c := range strings.Fields(actions.ReplaceAllString(m[1], " ")) {
			if unstyled[c] || strings.HasSuffix(c, "--") {
				continue
			}
			if !regexp.MustCompile(`\.` + regexp.QuoteMeta(c) + `[^a-zA-Z0-9_-]`).MatchString(styles) {
				t.Errorf("%s: class %q has no style", file, c)
			}
		}
	}
}
