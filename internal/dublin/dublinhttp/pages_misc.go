package dublinhttp

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/ceas-eu/ceas/internal/dublin"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

type calendarPageData struct {
	web.Frame
	Table web.Table
	Chart web.Chart
	Days  int
}

// calendarPage is the unit's deadline calendar: every open case's next limit and the
// replies it owes, with a chart of how many fall in each week.
func (h *Handler) calendarPage(w http.ResponseWriter, r *http.Request) {
	days, _ := strconv.Atoi(r.URL.Query().Get("days"))
	items, err := h.deps.Service.Calendar(r.Context(), days)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	if days <= 0 || days > 366 {
		days = 90
	}
	data := &calendarPageData{Frame: h.deps.Frame(r, "dublin.calendar.title", "/dublin/calendar"), Days: days}
	data.Table = web.Table{Caption: "dublin.calendar.caption", Empty: "dublin.calendar.empty",
		Columns: []web.Column{{Label: "dublin.col.deadline"}, {Label: "dublin.col.days_left", Numeric: true},
			{Label: "dublin.col.kind"}, {Label: "dublin.col.ref"}, {Label: "dublin.col.other_state"}}}
	weeks := map[string]int{}
	var order []string
	for _, it := range items {
		data.Table.Rows = append(data.Table.Rows, web.Row{Cells: []web.Cell{{Text: it.Date.String()},
			{Text: itoa(it.DaysLeft), Numeric: true}, {Text: strings.ReplaceAll(it.Kind, "_", " ")},
			{Text: it.ApplicantRef, Href: it.Href}, {Text: it.Other}}})
		wk := fmt.Sprintf("week %d", it.DaysLeft/7+1)
		if _, ok := weeks[wk]; !ok {
			order = append(order, wk)
		}
		weeks[wk]++
	}
	counts := make([]int, len(order))
	for i, wk := range order {
		counts[i] = weeks[wk]
	}
	data.Chart = web.Chart{Title: "dublin.calendar.chart", Option: map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"xAxis":   map[string]any{"type": "category", "data": order},
		"yAxis":   map[string]any{"type": "value", "minInterval": 1},
		"series":  []any{map[string]any{"name": "Deadlines", "type": "bar", "data": counts}},
	}}
	h.pages.Render(w, r, http.StatusOK, pageCalendar, data)
}

type statsPageData struct {
	web.Frame
	Table web.Table
	Chart web.Chart
}

// statsPage shows the aggregates per state pair with a chart of requests and transfers.
func (h *Handler) statsPage(w http.ResponseWriter, r *http.Request) {
	pairs, err := h.deps.Service.Stats(r.Context())
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &statsPageData{Frame: h.deps.Frame(r, "dublin.stats.title", "/dublin/stats")}
	data.Table = web.Table{Caption: "dublin.stats.caption", Empty: "dublin.stats.empty",
		Columns: []web.Column{{Label: "dublin.col.pair"}, {Label: "dublin.col.requests", Numeric: true},
			{Label: "dublin.col.acceptances", Numeric: true}, {Label: "dublin.col.refusals", Numeric: true},
			{Label: "dublin.col.implicit", Numeric: true}, {Label: "dublin.col.transfers", Numeric: true},
			{Label: "dublin.col.rate", Numeric: true}}}
	var labels []string
	var reqs, trans []any
	for _, p := range pairs {
		pair := p.RequestingState + " → " + p.RequestedState
		rate := "–"
		if p.TransferRate != nil {
			rate = fmt.Sprintf("%.0f%%", *p.TransferRate*100)
		}
		data.Table.Rows = append(data.Table.Rows, web.Row{Cells: []web.Cell{{Text: pair}, count(p.Requests), count(p.Acceptances),
			count(p.Refusals), count(p.ImplicitAcceptances), count(p.Transfers), {Text: rate, Numeric: true}}})
		labels = append(labels, pair)
		reqs, trans = append(reqs, nilOr(p.Requests)), append(trans, nilOr(p.Transfers))
	}
	data.Chart = web.Chart{Title: "dublin.stats.chart", Tall: len(labels) > 12, Option: map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"legend":  map[string]any{},
		"xAxis":   map[string]any{"type": "category", "data": labels},
		"yAxis":   map[string]any{"type": "value", "minInterval": 1},
		"series": []any{map[string]any{"name": "Requests", "type": "bar", "data": reqs},
			map[string]any{"name": "Transfers", "type": "bar", "data": trans}},
	}}
	h.pages.Render(w, r, http.StatusOK, pageStats, data)
}

func count(n *int) web.Cell {
	if n == nil {
		return web.Cell{Text: "<5", Numeric: true} // suppressed small count
	}
	return web.Cell{Text: itoa(*n), Numeric: true}
}

func nilOr(n *int) any {
	if n == nil {
		return nil
	}
	return *n
}

type evaluatePageData struct {
	web.Frame
	Form   []web.Field
	Errors []string
	Result *dublin.Determination
	JSON   string
}

func evaluateFields(r *http.Request) []web.Field {
	return []web.Field{
		{Name: "case_json", Label: "dublin.evaluate.case", Type: "textarea", Required: true, Value: r.FormValue("case_json"),
			Hint: "dublin.evaluate.case_hint"},
	}
}

// evaluatePage answers a pasted case file like `ceas dublin decide`, storing nothing.
func (h *Handler) evaluatePage(w http.ResponseWriter, r *http.Request) {
	data := &evaluatePageData{Frame: h.deps.Frame(r, "dublin.evaluate.title", "/dublin/evaluate"), Form: evaluateFields(r)}
	h.pages.Render(w, r, http.StatusOK, pageEvaluate, data)
}

func (h *Handler) evaluateForm(w http.ResponseWriter, r *http.Request) {
	data := &evaluatePageData{Frame: h.deps.Frame(r, "dublin.evaluate.title", "/dublin/evaluate"), Form: evaluateFields(r)}
	c, err := dublin.Decode(strings.NewReader(r.FormValue("case_json")))
	var d dublin.Determination
	if err == nil {
		d, err = h.deps.Service.Evaluate(r.Context(), c)
	}
	if err != nil {
		status, lines, ok := formError(err)
		if !ok {
			h.deps.Fail(w, r, err)
			return
		}
		data.Errors = lines
		h.pages.Render(w, r, status, pageEvaluate, data)
		return
	}
	out, _ := json.MarshalIndent(d, "", "  ")
	data.Result, data.JSON = &d, string(out)
	h.pages.Render(w, r, http.StatusOK, pageEvaluate, data)
}
