package awarenesshttp

import (
	"net/http"

	"github.com/ceas-eu/ceas/internal/awareness"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

type backtestPageData struct {
	web.Frame
	Period periodForm
	Rule   web.Field
	Result *awareness.BacktestResult
	Chart  web.Chart
	Table  web.Table
}

// backtestPage replays a rule over a period and shows the weeks it would have fired in,
// on a chart of the weekly values it looked at and as a table.
func (h *Handler) backtestPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	rules, err := h.deps.Service.Rules(ctx)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	form, p, err := h.readPeriod(r)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	id := r.URL.Query().Get("rule")
	data := &backtestPageData{Frame: h.deps.Frame(r, "awareness.backtest.title", "/awareness/backtest"), Period: form,
		Rule: web.Field{Name: "rule", Label: "awareness.backtest.rule", Type: "select"}}
	for _, c := range rules {
		data.Rule.Options = append(data.Rule.Options, web.Option{Value: c.ID, Label: c.Name, Selected: c.ID == id})
	}
	if id != "" {
		res, err := h.deps.Service.Backtest(ctx, id, p)
		if err != nil {
			h.deps.Fail(w, r, err)
			return
		}
		data.Result = &res
		data.Chart = web.Chart{Title: res.Rule.Name, Option: backtestOption(res)}
		data.Table = web.Table{Caption: "awareness.backtest.caption", Empty: "awareness.backtest.none",
			Columns: []web.Column{{Label: "awareness.col.week"}, {Label: "awareness.col.value", Numeric: true},
				{Label: "awareness.col.reference", Numeric: true}, {Label: "awareness.col.message"}}}
		for _, a := range res.Alerts {
			data.Table.Rows = append(data.Table.Rows, web.Row{Cells: []web.Cell{{Text: week(a.Week)}, numCell(num(a.Value)),
				numCell(num(a.Reference)), {Text: a.Message}}})
		}
	}
	h.pages.Render(w, r, http.StatusOK, "backtest.html", data)
}

// backtestOption draws the weekly values with a marker on each week the rule fired.
func backtestOption(res awareness.BacktestResult) map[string]any {
	opt := weeklyOption(res.Rule.Name, res.Weekly)
	var marks []any
	for _, a := range res.Alerts {
		marks = append(marks, map[string]any{"coord": []any{a.Week.End.String(), a.Value}, "value": "alert"})
	}
	series := opt["series"].([]any)
	series[0].(map[string]any)["markPoint"] = map[string]any{"data": marks, "symbolSize": 24, "label": map[string]any{"show": false}}
	return opt
}
