package awarenesshttp

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/ceas-eu/ceas/internal/awareness"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

// periodForm is the period picker of the overview, backtest and report pages.
type periodForm struct {
	From, To string
}

// Fields returns the picker's two date fields.
func (f periodForm) Fields() []web.Field {
	return []web.Field{
		{Name: "from", Label: "awareness.period.from", Type: "date", Value: f.From, Required: true},
		{Name: "to", Label: "awareness.period.to", Type: "date", Value: f.To, Required: true},
	}
}

// readPeriod reads from and to, defaulting to the service's default period.
func (h *Handler) readPeriod(r *http.Request) (periodForm, awareness.Period, error) {
	def, err := h.deps.Service.DefaultPeriod(r.Context())
	if err != nil {
		return periodForm{}, awareness.Period{}, err
	}
	q := r.URL.Query()
	p := def
	if d, err := awareness.ParseDate(q.Get("from")); err == nil {
		p.Start = d
	}
	if d, err := awareness.ParseDate(q.Get("to")); err == nil {
		p.End = d
	}
	return periodForm{From: p.Start.String(), To: p.End.String()}, p, nil
}

type overviewPageData struct {
	web.Frame
	Period     periodForm
	Figures    web.Table
	Routes     web.Table
	Map        web.Chart
	Weekly     []web.Chart
	Comparison []web.Chart
	Ranking    web.Table
	Alerts     web.Table
	Threshold  string
	ExportURL  string
}

// overviewPage is the coordinators' and analysts' picture of a period: key figures with the
// comparison years, the map of arrivals by state, weekly headline series, each route against
// the same months of earlier years, top nationalities and the latest alerts.
func (h *Handler) overviewPage(w http.ResponseWriter, r *http.Request) {
	form, p, err := h.readPeriod(r)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	s, err := h.deps.Service.Situation(r.Context(), p)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &overviewPageData{Frame: h.deps.Frame(r, "awareness.overview.title", "/awareness"), Period: form,
		Threshold: num(h.deps.Service.SmallCount()), ExportURL: "/awareness/observations.csv"}
	years := s.Report.ComparisonYears
	data.Figures = figuresTable("awareness.figures.caption", s.Report.KeyFigures, years)
	data.Routes = figuresTable("awareness.routes.caption", s.Report.Routes, years)
	data.Ranking = rankingTable(s.Report.Nationalities)
	data.Alerts = alertsTable(s.Alerts)
	byState := map[string]float64{}
	for _, x := range s.ByState {
		byState[mapCode(x.Code)] = x.Value
	}
	data.Map = web.Chart{Title: "awareness.chart.map", Map: byState, Tall: true}
	for _, ws := range s.Report.Weekly[:min(3, len(s.Report.Weekly))] {
		full := slices.DeleteFunc(slices.Clone(ws.Points), func(p awareness.Point) bool { return p.Period.Days() != 7 })
		data.Weekly = append(data.Weekly, web.Chart{Title: ws.Label, Option: weeklyOption(ws.Label, full)}) // a clipped week would show as a dip
	}
	for _, route := range awareness.Routes() {
		if cs, ok := s.Routes[route]; ok {
			data.Comparison = append(data.Comparison, web.Chart{Title: route.Label() + " — arrivals by month",
				Option: comparisonOption(cs)})
		}
	}
	h.pages.Render(w, r, http.StatusOK, "overview.html", data)
}

// weeklyOption is an ECharts line chart of one weekly series.
func weeklyOption(name string, pts []awareness.Point) map[string]any {
	x := make([]string, len(pts))
	y := make([]float64, len(pts))
	for i, p := range pts {
		x[i], y[i] = p.Period.End.String(), p.Value
	}
	return map[string]any{"tooltip": map[string]any{"trigger": "axis"},
		"xAxis":  map[string]any{"type": "category", "data": x, "name": "week ending"},
		"yAxis":  map[string]any{"type": "value"},
		"series": []any{map[string]any{"type": "line", "name": name, "data": y, "showSymbol": false}}}
}

// comparisonOption draws the months of the period, one line per year, aligned by month;
// a month without data is a gap (null), never zero.
func comparisonOption(cs []awareness.YearSeries) map[string]any {
	var months []string
	for _, p := range cs[0].Points {
		months = append(months, p.Period.Start.Month().String()[:3])
	}
	var series []any
	for _, ys := range cs {
		vals := make([]any, len(months))
		for _, p := range ys.Points {
			for i, m := range months {
				if p.Period.Start.Month().String()[:3] == m {
					vals[i] = p.Value
				}
			}
		}
		series = append(series, map[string]any{"type": "line", "name": strconv.Itoa(ys.Year), "data": vals})
	}
	return map[string]any{"tooltip": map[string]any{"trigger": "axis"}, "legend": map[string]any{},
		"xAxis": map[string]any{"type": "category", "data": months}, "yAxis": map[string]any{"type": "value"},
		"series": series}
}

// observationsCSV downloads every stored observation the caller may see, in the import
// layout (csv-layout.md), so an export re-imports unchanged.
func (h *Handler) observationsCSV(w http.ResponseWriter, r *http.Request) {
	obs, err := h.deps.Service.AllObservations(r.Context())
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="ceas-observations.csv"`)
	if err := awareness.WriteCSV(w, obs); err != nil {
		h.deps.Log.Error("awareness: csv export", "err", err)
	}
}
