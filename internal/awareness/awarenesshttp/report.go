package awarenesshttp

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"

	"github.com/ceas-eu/ceas/internal/awareness/report"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

type reportPageData struct {
	web.Frame
	Period   periodForm
	Figures  web.Table
	Routes   web.Table
	Alerts   int
	PrintURL string
}

// reportPage is the period picker of the situational report with its key figures; the
// printable report (the same document `ceas report situation` writes) opens from it.
func (h *Handler) reportPage(w http.ResponseWriter, r *http.Request) {
	form, p, err := h.readPeriod(r)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	rep, err := h.deps.Service.Report(r.Context(), p)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	q := url.Values{"from": {form.From}, "to": {form.To}}
	data := &reportPageData{Frame: h.deps.Frame(r, "awareness.report.title", "/awareness/report"), Period: form,
		Figures:  figuresTable("awareness.figures.caption", rep.KeyFigures, rep.ComparisonYears),
		Routes:   figuresTable("awareness.routes.caption", rep.Routes, rep.ComparisonYears),
		Alerts:   len(rep.Alerts),
		PrintURL: "/awareness/report/print?" + q.Encode()}
	h.pages.Render(w, r, http.StatusOK, "report.html", data)
}

// reportPrint answers the printable situational report as one self-contained HTML document.
// Its only style is the document's own <style> block, allowed by its hash: the answer runs no
// script at all, a stricter policy than the pages'.
func (h *Handler) reportPrint(w http.ResponseWriter, r *http.Request) {
	_, p, err := h.readPeriod(r)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	rep, err := h.deps.Service.Report(r.Context(), p)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := report.Render(&buf, rep); err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src "+styleHashes(buf.Bytes())+
		"; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if r.URL.Query().Get("download") != "" {
		w.Header().Set("Content-Disposition", `attachment; filename="situational-report-`+p.Start.String()+`-`+p.End.String()+`.html"`)
	}
	_, _ = buf.WriteTo(w)
}

// styleHashes returns the CSP sources allowing each <style> element of doc, or 'none'.
func styleHashes(doc []byte) string {
	out := ""
	for rest := doc; ; {
		i := bytes.Index(rest, []byte("<style>"))
		if i < 0 {
			break
		}
		rest = rest[i+len("<style>"):]
		j := bytes.Index(rest, []byte("</style>"))
		if j < 0 {
			break
		}
		sum := sha256.Sum256(rest[:j])
		out += " 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		rest = rest[j:]
	}
	if out == "" {
		return "'none'"
	}
	return out[1:]
}
