package solidarityhttp

import (
	"bytes"
	"net/http"

	"github.com/ceas-eu/ceas/internal/platform/web"
	"github.com/ceas-eu/ceas/internal/solidarity"
)

type reportData struct {
	web.Frame
	Cycle   solidarity.Cycle
	Cycles  []web.Option
	Details []web.Detail
	Table   web.Table
	Bars    web.Chart
	CSV     string
}

// reportPage is the Commission's progress report (COM(2022) 740 reports on the mechanism):
// per state, pledges against fair shares and how far they are honoured. Aggregates only.
func (h *Handler) reportPage(w http.ResponseWriter, r *http.Request) {
	c, opts, err := h.cycleOf(r)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	m, err := h.deps.Service.Monitoring(r.Context(), c.ID)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &reportData{Frame: h.deps.Frame(r, "solidarity.report.title", "/solidarity/report"), Cycle: c, Cycles: opts,
		Details: totalsDetails(m.Totals), Table: progressTable(m, c.Code), Bars: pledgeChart(m.States),
		CSV: "/solidarity/report.csv?cycle=" + c.Code}
	h.pages.Render(w, r, http.StatusOK, pageReport, data)
}

// reportCSV exports the progress report.
func (h *Handler) reportCSV(w http.ResponseWriter, r *http.Request) {
	c, _, err := h.cycleOf(r)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	m, err := h.deps.Service.Monitoring(r.Context(), c.ID)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := m.WriteCSV(&buf); err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="solidarity-`+c.Code+`.csv"`)
	_, _ = w.Write(buf.Bytes())
}
