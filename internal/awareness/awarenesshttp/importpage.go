package awarenesshttp

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/ceas-eu/ceas/internal/awareness"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

type importPageData struct {
	web.Frame
	Form   web.Form
	Result *awareness.ImportResult
	Errors web.Table
}

func (h *Handler) importForm() web.Form {
	return web.Form{Fields: []web.Field{{Name: "file", Label: "awareness.import.file", Type: "file", Required: true,
		Hint: "awareness.import.file_hint"}}}
}

// importPage is the upload form for CSV and XLSX files in the documented layout.
func (h *Handler) importPage(w http.ResponseWriter, r *http.Request) {
	if err := authz.Require(authz.FromContext(r.Context()), authz.PermAwarenessIngest); err != nil {
		h.deps.Fail(w, r, err) // a form the caller could not submit
		return
	}
	data := &importPageData{Frame: h.deps.Frame(r, "awareness.import.title", "/awareness/import"), Form: h.importForm()}
	h.pages.Render(w, r, http.StatusOK, "import.html", data)
}

// importUpload stores the uploaded file and shows the validation report.
func (h *Handler) importUpload(w http.ResponseWriter, r *http.Request) {
	data := &importPageData{Frame: h.deps.Frame(r, "awareness.import.title", "/awareness/import"), Form: h.importForm()}
	name, body, err := h.readUpload(w, r)
	var res awareness.ImportResult
	if err == nil {
		res, err = h.deps.Service.Import(r.Context(), detectFormat(formatOf(name), "", body), name, body)
	}
	if err != nil {
		if k := errs.KindOf(err); k != errs.KindInvalid && k != errs.KindTooLarge {
			h.deps.Fail(w, r, err)
			return
		}
		data.Form.Apply(err)
		h.pages.Render(w, r, http.StatusUnprocessableEntity, "import.html", data)
		return
	}
	data.Result = &res
	data.Errors = web.Table{Caption: "awareness.import.rejected", Empty: "awareness.import.no_rejects",
		Columns: []web.Column{{Label: "awareness.col.line", Numeric: true}, {Label: "awareness.col.reason"}}}
	for _, e := range res.Errors {
		data.Errors.Rows = append(data.Errors.Rows, web.Row{Cells: []web.Cell{numCell(fmt.Sprint(e.Line)), {Text: e.Reason}}})
	}
	data.Flash, data.FlashKind = "awareness.import.done", web.FlashSuccess
	if res.Rejected > 0 {
		data.FlashKind = web.FlashWarning
	}
	h.pages.Render(w, r, http.StatusOK, "import.html", data)
}

func (h *Handler) readUpload(w http.ResponseWriter, r *http.Request) (string, []byte, error) {
	r.Body = http.MaxBytesReader(w, r.Body, h.deps.MaxImportBytes)
	f, hdr, err := r.FormFile("file")
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return "", nil, errs.New(errs.KindTooLarge, "the file is larger than the import limit")
		}
		return "", nil, errs.Field("file", "choose a CSV or XLSX file")
	}
	defer f.Close()
	body, err := io.ReadAll(f)
	if err != nil {
		return "", nil, fmt.Errorf("read upload: %w", err)
	}
	return hdr.Filename, body, nil
}

func formatOf(name string) string {
	switch {
	case strings.HasSuffix(strings.ToLower(name), ".xlsx"):
		return awareness.FormatXLSX
	case strings.HasSuffix(strings.ToLower(name), ".json"):
		return awareness.FormatJSON
	case strings.HasSuffix(strings.ToLower(name), ".csv"):
		return awareness.FormatCSV
	}
	return ""
}
