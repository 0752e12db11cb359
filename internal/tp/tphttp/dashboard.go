package tphttp

import (
	"fmt"
	"net/http"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/web"
	"github.com/ceas-eu/ceas/internal/tp"
)

type dashboardPageData struct {
	web.Frame
	Own      *tp.StateAggregates
	Total    tp.StateAggregates
	Weekly   web.Chart
	Reasons  web.Chart
	Map      web.Chart
	ByState  web.Chart
	Overview web.Table
}

// dashboardPage is the state's dashboard for its officers and, for everyone with the stats
// permission, the cross-state overview: aggregates only.
func (h *Handler) dashboardPage(w http.ResponseWriter, r *http.Request) {
	st, err := h.deps.Service.Stats(r.Context())
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	org := authz.FromContext(r.Context()).Org
	data := &dashboardPageData{Frame: h.deps.Frame(r, "tp.dashboard.title", "/tp"), Total: st.Total}
	focus := st.Total
	for i := range st.States {
		if st.States[i].State == org {
			data.Own = &st.States[i]
			focus = st.States[i]
		}
	}
	data.Weekly = web.Chart{Title: "tp.chart.weekly", Option: lineOption(focus.ByWeek)}
	data.Reasons = web.Chart{Title: "tp.chart.reasons", Option: pieOption(focus.ByReason)}
	active := map[string]float64{}
	var names []string
	var values []int64
	for _, s := range st.States {
		active[s.State] = float64(s.Active)
		names = append(names, s.State)
		values = append(values, s.Active)
	}
	data.Map = web.Chart{Title: "tp.chart.map", Map: active, Tall: true}
	data.ByState = web.Chart{Title: "tp.chart.by_state", Option: barOption(names, values)}
	data.Overview = web.Table{Caption: "tp.overview.caption", Columns: []web.Column{{Label: "tp.col.state"},
		{Label: "tp.col.registrations", Numeric: true}, {Label: "tp.col.active", Numeric: true},
		{Label: "tp.col.deregistered", Numeric: true}, {Label: "tp.col.multiple_found", Numeric: true},
		{Label: "tp.col.multiple_resolved", Numeric: true}}}
	for _, s := range append(st.States, st.Total) {
		data.Overview.Rows = append(data.Overview.Rows, web.Row{Cells: []web.Cell{{Text: s.State},
			num(s.Registrations), num(s.Active), num(s.Deregistered), num(s.MultipleFound), num(s.MultipleResolved)}})
	}
	h.pages.Render(w, r, http.StatusOK, "dashboard.html", data)
}

func num(n int64) web.Cell { return web.Cell{Text: fmt.Sprint(n), Numeric: true} }

func lineOption(cs []tp.AggregateCount) map[string]any {
	var x []string
	var y []int64
	for _, c := range cs {
		x = append(x, c.Key)
		y = append(y, c.Value)
	}
	return map[string]any{"tooltip": map[string]any{"trigger": "axis"},
		"xAxis":  map[string]any{"type": "category", "data": x},
		"yAxis":  map[string]any{"type": "value"},
		"series": []any{map[string]any{"type": "line", "name": "registrations", "data": y}}}
}

func barOption(x []string, y []int64) map[string]any {
	return map[string]any{"tooltip": map[string]any{"trigger": "axis"},
		"xAxis":  map[string]any{"type": "category", "data": x},
		"yAxis":  map[string]any{"type": "value"},
		"series": []any{map[string]any{"type": "bar", "name": "active", "data": y}}}
}

func pieOption(cs []tp.AggregateCount) map[string]any {
	var data []any
	for _, c := range cs {
		data = append(data, map[string]any{"name": c.Key, "value": c.Value})
	}
	return map[string]any{"tooltip": map[string]any{"trigger": "item"},
		"series": []any{map[string]any{"type": "pie", "name": "deregistrations", "data": data}}}
}
