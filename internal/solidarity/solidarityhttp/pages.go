package solidarityhttp

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/web"
	"github.com/ceas-eu/ceas/internal/solidarity"
)

// Template names.
const (
	pageOverview   = "solidarity_overview.html"
	pageState      = "solidarity_state.html"
	pageReport     = "solidarity_report.html"
	pageCandidates = "solidarity_candidates.html"
	pageCandidate  = "solidarity_candidate.html"
	pageRuns       = "solidarity_runs.html"
	pageRun        = "solidarity_run.html"
	pageTransfers  = "solidarity_transfers.html"
)

// formError turns a service error into the lines a form shows, or reports false when the
// error is not the user's to fix (it then goes to the error page).
func formError(err error) (int, []string, bool) {
	e, ok := errs.As(err)
	if !ok {
		return 0, nil, false
	}
	switch e.Kind {
	case errs.KindInvalid:
		var lines []string
		for _, f := range e.Fields {
			lines = append(lines, f.Field+": "+f.Rule)
		}
		if len(lines) == 0 {
			lines = []string{e.Message}
		}
		return http.StatusUnprocessableEntity, lines, true
	case errs.KindConflict, errs.KindForbidden:
		return map[errs.Kind]int{errs.KindConflict: http.StatusConflict, errs.KindForbidden: http.StatusForbidden}[e.Kind], []string{e.Message}, true
	}
	return 0, nil, false
}

// cycleOf picks the cycle named by ?cycle= or the newest one.
func (h *Handler) cycleOf(r *http.Request) (solidarity.Cycle, []web.Option, error) {
	cs, err := h.deps.Service.Cycles(r.Context())
	if err != nil {
		return solidarity.Cycle{}, nil, err
	}
	if len(cs) == 0 {
		return solidarity.Cycle{}, nil, errs.NotFound("no solidarity cycle yet")
	}
	want := r.URL.Query().Get("cycle")
	pick := cs[0]
	var opts []web.Option
	for _, c := range cs {
		if c.ID == want || c.Code == want {
			pick = c
		}
	}
	for _, c := range cs {
		opts = append(opts, web.Option{Value: c.Code, Label: c.Code + " — " + c.Name, Selected: c.ID == pick.ID})
	}
	return pick, opts, nil
}

type overviewData struct {
	web.Frame
	Cycle   solidarity.Cycle
	Cycles  []web.Option
	Totals  solidarity.StateProgress
	Cards   []web.Detail
	Sankey  web.Chart
	Bars    web.Chart
	Months  web.Chart
	Table   web.Table
	Tallies []web.Detail
	// CycleForm and JoinForm are shown to coordinators.
	CycleForm []web.Field
	JoinForm  []web.Field
	Errors    []string
}

// overviewPage is the coordinator's platform overview: totals, the Sankey of persons from
// beneficiary to receiving states, pledges against fair shares and transfers by month.
func (h *Handler) overviewPage(w http.ResponseWriter, r *http.Request) {
	h.renderOverview(w, r, http.StatusOK, nil)
}

func (h *Handler) renderOverview(w http.ResponseWriter, r *http.Request, status int, errors []string) {
	c, opts, err := h.cycleOf(r)
	if e, ok := errs.As(err); ok && e.Kind == errs.KindNotFound && r.URL.Query().Get("cycle") == "" {
		data := &overviewData{Frame: h.deps.Frame(r, "solidarity.overview.title", "/solidarity"), Errors: errors}
		data.Frame.Flash = "solidarity.overview.no_cycle"
		if isCoordinator(r) {
			data.CycleForm = cycleFields()
		}
		h.pages.Render(w, r, status, pageOverview, data)
		return
	}
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	m, err := h.deps.Service.Monitoring(r.Context(), c.ID)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &overviewData{Frame: h.deps.Frame(r, "solidarity.overview.title", "/solidarity"), Cycle: c, Cycles: opts, Totals: m.Totals,
		Errors: errors}
	if isCoordinator(r) {
		data.CycleForm, data.JoinForm = cycleFields(), joinFields()
	}
	data.Tallies = totalsDetails(m.Totals)
	data.Sankey = sankeyChart(m.Flows)
	data.Bars = pledgeChart(m.States)
	data.Months = monthsChart(m.Months)
	data.Table = progressTable(m, c.Code)
	h.pages.Render(w, r, status, pageOverview, data)
}

func totalsDetails(t solidarity.StateProgress) []web.Detail {
	return []web.Detail{
		{Label: "solidarity.col.fair_share", Value: strconv.Itoa(t.FairShare)},
		{Label: "solidarity.col.pledged", Value: i64(t.Pledged)},
		{Label: "solidarity.col.matched", Value: i64(t.Matched)},
		{Label: "solidarity.col.transferred", Value: i64(t.Transferred)},
		{Label: "solidarity.col.committed", Value: eur(t.CommittedEUR)},
		{Label: "solidarity.col.paid", Value: eur(t.PaidEUR)},
	}
}

// sankeyChart draws persons from beneficiary (left) to receiving (right) states; a state
// on both sides gets a marked receiving node so the graph stays acyclic.
func sankeyChart(flows []solidarity.Flow) web.Chart {
	from := map[string]bool{}
	for _, f := range flows {
		from[f.From] = true
	}
	seen := map[string]bool{}
	var nodes, links []any
	node := func(name string) {
		if !seen[name] {
			seen[name] = true
			nodes = append(nodes, map[string]any{"name": name})
		}
	}
	for _, f := range flows {
		if f.Suppressed || f.Persons == 0 {
			continue
		}
		to := f.To
		if from[to] {
			to += " (receiving)"
		}
		node(f.From)
		node(to)
		links = append(links, map[string]any{"source": f.From, "target": to, "value": f.Persons})
	}
	return web.Chart{Title: "solidarity.chart.sankey", Tall: true, Option: map[string]any{
		"tooltip": map[string]any{"trigger": "item"},
		"series": []any{map[string]any{"type": "sankey", "data": nodes, "links": links, "emphasis": map[string]any{"focus": "adjacency"},
			"lineStyle": map[string]any{"color": "gradient", "curveness": 0.5}}},
	}}
}

func pledgeChart(states []solidarity.StateProgress) web.Chart {
	var labels []string
	var fair, pledged, transferred []any
	for _, s := range states {
		if s.FairShare == 0 && s.Pledged == 0 {
			continue
		}
		labels = append(labels, s.State)
		fair, pledged, transferred = append(fair, s.FairShare), append(pledged, s.Pledged), append(transferred, s.Transferred)
	}
	return web.Chart{Title: "solidarity.chart.pledges", Option: map[string]any{
		"tooltip": map[string]any{"trigger": "axis"}, "legend": map[string]any{},
		"xAxis": map[string]any{"type": "category", "data": labels}, "yAxis": map[string]any{"type": "value", "minInterval": 1},
		"series": []any{map[string]any{"name": "Fair share", "type": "bar", "data": fair},
			map[string]any{"name": "Pledged", "type": "bar", "data": pledged},
			map[string]any{"name": "Transferred", "type": "bar", "data": transferred}},
	}}
}

func monthsChart(ms []solidarity.MonthCount) web.Chart {
	var labels []string
	var vals []any
	var cum int64
	for _, m := range ms {
		cum += m.Persons
		labels, vals = append(labels, m.Month), append(vals, cum)
	}
	return web.Chart{Title: "solidarity.chart.months", Option: map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"xAxis":   map[string]any{"type": "category", "data": labels}, "yAxis": map[string]any{"type": "value", "minInterval": 1},
		"series": []any{map[string]any{"name": "Transferred (cumulative)", "type": "line", "data": vals}},
	}}
}

func progressTable(m solidarity.Monitoring, cycle string) web.Table {
	t := web.Table{Caption: "solidarity.report.caption", Empty: "solidarity.report.empty",
		Columns: []web.Column{{Label: "solidarity.col.state"}, {Label: "solidarity.col.roles"},
			{Label: "solidarity.col.fair_share", Numeric: true}, {Label: "solidarity.col.pledged", Numeric: true},
			{Label: "solidarity.col.share_met", Numeric: true}, {Label: "solidarity.col.matched", Numeric: true},
			{Label: "solidarity.col.transferred", Numeric: true}, {Label: "solidarity.col.remaining", Numeric: true},
			{Label: "solidarity.col.committed", Numeric: true}, {Label: "solidarity.col.paid", Numeric: true},
			{Label: "solidarity.col.need", Numeric: true}}}
	for _, s := range append(append([]solidarity.StateProgress(nil), m.States...), m.Totals) {
		href := ""
		if s.State != "ALL" {
			href = "/solidarity/states/" + s.State + "?cycle=" + cycle
		}
		roles := ""
		for i, x := range s.Roles {
			if i > 0 {
				roles += ", "
			}
			roles += x
		}
		t.Rows = append(t.Rows, web.Row{Cells: []web.Cell{{Text: s.State + " " + s.Name, Href: href}, {Text: roles},
			num(int64(s.FairShare)), num(s.Pledged), {Text: fmt.Sprintf("%.0f%%", s.ShareMet), Numeric: true}, num(s.Matched),
			num(s.Transferred), num(s.Remaining), {Text: eur(s.CommittedEUR), Numeric: true}, {Text: eur(s.PaidEUR), Numeric: true},
			num(s.Need)}})
	}
	return t
}

func num(n int64) web.Cell { return web.Cell{Text: i64(n), Numeric: true} }

func i64(n int64) string { return strconv.FormatInt(n, 10) }

func eur(n int64) string {
	if n == 0 {
		return "0"
	}
	return fmt.Sprintf("EUR %.1f M", float64(n)/1e6)
}
