package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

//go:embed static
var staticFS embed.FS

// StaticPrefix is the URL path under which Static is mounted.
const StaticPrefix = "/static/"

// ContentSecurityPolicy is the policy the pages are built for and tested under (see
// browser_test.go): no inline script or style, no eval, nothing from other origins. The
// server's security-header middleware should send it on every HTML response.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// asset is one embedded static file with its content hash and, for text types, a gzip copy
// made on first request.
type asset struct {
	data  []byte
	hash  string // first 16 hex digits of SHA-256; the cache-busting version
	ctype string
	gz    func() []byte
}

// assets indexes the embedded static files once; the map is never written after that.
var assets = sync.OnceValue(func() map[string]*asset {
	m := map[string]*asset{}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		a := &asset{data: data, hash: hex.EncodeToString(sum[:8]), ctype: contentType(p)}
		a.gz = sync.OnceValue(func() []byte { return gzipBytes(a.data) })
		m[strings.TrimPrefix(p, "static/")] = a
		return nil
	})
	if err != nil {
		panic(fmt.Sprintf("web: embedded static files: %v", err)) // the embed is fixed at build time
	}
	return m
})

// contentTypes are set explicitly so the answer does not depend on the host's MIME tables.
var contentTypes = map[string]string{
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".ico":  "image/x-icon",
	".txt":  "text/plain; charset=utf-8",
	".md":   "text/markdown; charset=utf-8",
}

func contentType(p string) string {
	if strings.HasSuffix(p, ".geo.json") {
		return "application/geo+json"
	}
	if ct, ok := contentTypes[path.Ext(p)]; ok {
		return ct
	}
	return "application/octet-stream"
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "json") || strings.HasPrefix(ctype, "image/svg")
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // the level is valid
	_, _ = zw.Write(b)                                       // writes to a bytes.Buffer do not fail
	_ = zw.Close()
	return buf.Bytes()
}

// Asset returns the URL of an embedded static file with its content hash as version, e.g.
// Asset("app.js") = "/static/app.js?v=1a2b3c4d5e6f7a8b". A request carrying the current
// version is cached for a year; without it the browser revalidates. An unknown name yields
// the bare URL, which Static answers with 404.
func Asset(name string) string {
	name = strings.TrimPrefix(name, "/")
	if a, ok := assets()[name]; ok {
		return StaticPrefix + name + "?v=" + a.hash
	}
	return StaticPrefix + name
}

// Static serves the embedded files under StaticPrefix (mount it as
// mux.Handle("GET /static/", web.Static())). Versioned URLs (see Asset) are immutable for a
// year; others must revalidate against the ETag. Text files are sent gzipped when the client
// accepts it. Nothing here depends on the network at run time.
func Static() http.Handler {
	index := assets()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a, ok := index[strings.TrimPrefix(r.URL.Path, StaticPrefix)]
		if !ok || !strings.HasPrefix(r.URL.Path, StaticPrefix) {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		etag := `"` + a.hash + `"`
		h.Set("ETag", etag)
		h.Set("Content-Type", a.ctype)
		h.Set("X-Content-Type-Options", "nosniff")
		if r.URL.Query().Get("v") == a.hash {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		body := a.data
		if compressible(a.ctype) {
			h.Add("Vary", "Accept-Encoding")
			if acceptsGzip(r) {
				body = a.gz()
				h.Set("Content-Encoding", "gzip")
			}
		}
		// ServeContent answers If-None-Match with 304 and handles Range and HEAD.
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
	})
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") && strings.TrimSpace(q) != "q=0" {
			return true
		}
	}
	return false
}
