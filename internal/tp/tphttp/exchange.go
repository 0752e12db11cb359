package tphttp

import (
	"context"
	"io"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ceas-eu/ceas/internal/platform/api"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/tp"
)

func (h *Handler) registerExchangeAPI(a huma.API, reg func(string, string, string, string, int) huma.Operation) {
	op := reg("import-tp-registrations", http.MethodPost, "/imports",
		"Import your state's registrations (CSV or NDJSON); resumable and idempotent on external_id", 0)
	op.RequestBody = &huma.RequestBody{Required: true, Content: map[string]*huma.MediaType{
		"text/csv": {Schema: &huma.Schema{Type: "string"}}, "application/x-ndjson": {Schema: &huma.Schema{Type: "string"}}}}
	api.Register(a, op, authz.PermTPImport, func(ctx context.Context, in *importInput) (*importOutput, error) {
		format := in.Format
		if format == "" {
			format = "csv"
			if strings.Contains(in.ContentType, "json") {
				format = "ndjson"
			}
		}
		body := &limitReader{r: in.body, left: h.deps.MaxImportBytes}
		rep, err := h.deps.Service.Import(ctx, body, tp.ImportOptions{Format: format, Source: in.Source})
		return &importOutput{Body: rep}, err
	})
	api.Register(a, reg("get-tp-import", http.MethodGet, "/imports/{id}", "The report of an import, with rejected lines", 0),
		authz.PermTPImport, func(ctx context.Context, in *idPath) (*importOutput, error) {
			rep, err := h.deps.Service.GetImport(ctx, in.ID)
			return &importOutput{Body: rep}, err
		})
	api.Register(a, reg("export-tp-registrations", http.MethodGet, "/export", "Export your state's registrations", 0),
		authz.PermTPRead, func(ctx context.Context, in *exportInput) (*huma.StreamResponse, error) {
			if err := h.deps.Service.CanExport(ctx, in.Format); err != nil {
				return nil, err
			}
			return &huma.StreamResponse{Body: func(hc huma.Context) {
				ct := "application/x-ndjson"
				if in.Format == "csv" {
					ct = "text/csv; charset=utf-8"
				}
				hc.SetHeader("Content-Type", ct)
				hc.SetHeader("Content-Disposition", `attachment; filename="tp-registrations.`+in.Format+`"`)
				if _, err := h.deps.Service.Export(hc.Context(), hc.BodyWriter(), in.Format); err != nil {
					h.deps.Log.Error("tp: export", "err", err)
				}
			}}, nil
		})
}

// limitReader fails with a TooLarge error (413) once more than left bytes were read. What
// the import committed before stays, and posting the rest under the same source resumes.
type limitReader struct {
	r    io.Reader
	left int64
}

// Read implements io.Reader.
func (l *limitReader) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, errs.New(errs.KindTooLarge, "the file is larger than the limit of this server; split it or use ceas tp import")
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n, errs.New(errs.KindTooLarge, "the file is larger than the limit of this server; split it or use ceas tp import")
	}
	return n, err
}
