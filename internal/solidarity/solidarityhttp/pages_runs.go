package solidarityhttp

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/web"
	"github.com/ceas-eu/ceas/internal/solidarity"
)

type runsData struct {
	web.Frame
	Cycle      solidarity.Cycle
	Cycles     []web.Option
	Table      web.Table
	Form       []web.Field
	Errors     []string
	SimForm    []web.Field
	SimDetails []web.Detail
	SimTable   web.Table
}

// runsPage lists a cycle's runs and offers a new one.
func (h *Handler) runsPage(w http.ResponseWriter, r *http.Request) {
	h.renderRuns(w, r, http.StatusOK, nil)
}

func (h *Handler) renderRuns(w http.ResponseWriter, r *http.Request, status int, errors []string) {
	h.renderRunsWith(w, r, status, errors, nil)
}

func (h *Handler) renderRunsWith(w http.ResponseWriter, r *http.Request, status int, errors []string, sim *solidarity.SimulationResult) {
	c, opts, err := h.cycleOf(r)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	runs, err := h.deps.Service.Runs(r.Context(), c.ID)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &runsData{Frame: h.deps.Frame(r, "solidarity.runs.title", "/solidarity/runs"), Cycle: c, Cycles: opts, Errors: errors}
	data.Table = web.Table{Caption: "solidarity.runs.caption", Empty: "solidarity.runs.empty",
		Columns: []web.Column{{Label: "solidarity.col.run"}, {Label: "solidarity.col.status"}, {Label: "solidarity.col.cases", Numeric: true},
			{Label: "solidarity.col.placed", Numeric: true}, {Label: "solidarity.col.objective", Numeric: true},
			{Label: "solidarity.col.gap", Numeric: true}, {Label: "solidarity.col.by"}}}
	for _, x := range runs {
		s := x.Result.Solution
		data.Table.Rows = append(data.Table.Rows, web.Row{Cells: []web.Cell{{Text: x.CreatedAt.Format("2006-01-02 15:04"), Href: "/solidarity/runs/" + x.ID},
			{Text: x.Status}, {Text: strconv.Itoa(x.Cases), Numeric: true}, {Text: strconv.Itoa(x.Placed), Numeric: true},
			{Text: fmt.Sprintf("%.4f", float64(s.Objective)), Numeric: true}, {Text: fmt.Sprintf("%.3f%%", 100*s.Gap), Numeric: true},
			{Text: x.CreatedOrg}}})
	}
	data.Form = []web.Field{{Name: "floor_fraction", Label: "solidarity.form.floor", Type: "number", Value: "0"},
		{Name: "vulnerable_optional", Label: "solidarity.form.vulnerable_optional", Type: "checkbox"},
		{Name: "pins", Label: "solidarity.form.pins", Hint: "solidarity.form.pins_hint", Type: "textarea"},
		{Name: "forbids", Label: "solidarity.form.forbids", Hint: "solidarity.form.pins_hint", Type: "textarea"}}
	data.SimForm = []web.Field{{Name: "extra_arrivals", Label: "solidarity.form.extra_arrivals", Type: "number", Value: "0"},
		{Name: "withdraw", Label: "solidarity.form.withdraw", Hint: "solidarity.form.withdraw_hint"},
		{Name: "floor_fraction", Label: "solidarity.form.floor", Type: "number", Value: "0"},
		{Name: "relocation_target", Label: "solidarity.form.target", Type: "number", Value: "0"}}
	if sim != nil {
		data.SimDetails, data.SimTable = simulationView(sim)
	}
	h.pages.Render(w, r, status, pageRuns, data)
}

// startRunForm runs the matcher with the coordinator's pins and forbids (one CASE=PLACE a
// line) and shows the run.
func (h *Handler) startRunForm(w http.ResponseWriter, r *http.Request) {
	c, _, err := h.cycleOf(r)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	in := solidarity.RunInput{TimeLimit: 10, VulnerableOptional: r.FormValue("vulnerable_optional") != ""}
	in.FloorFraction, _ = strconv.ParseFloat(strings.TrimSpace(r.FormValue("floor_fraction")), 64)
	in.Overrides, err = overrides(lines(r.FormValue("pins")), lines(r.FormValue("forbids")))
	if err == nil {
		var out solidarity.RunOutcome
		if out, err = h.deps.Service.StartRun(r.Context(), c.ID, in); err == nil {
			http.Redirect(w, r, "/solidarity/runs/"+out.Run.ID, http.StatusSeeOther)
			return
		}
	}
	status, msgs, ok := formError(err)
	if !ok {
		h.deps.Fail(w, r, err)
		return
	}
	h.renderRuns(w, r, status, msgs)
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

type runData struct {
	web.Frame
	Run      solidarity.Run
	Details  []web.Detail
	Table    web.Table
	Accept   bool
	Pins     string
	Forbids  string
	Form     []web.Field
	CycleRef string
}

// runPage shows a run: the figures, the explanation of each placement and the override
// form to re-run with pins and forbids, and the accept button while proposed.
func (h *Handler) runPage(w http.ResponseWriter, r *http.Request) {
	run, err := h.deps.Service.Run(r.Context(), r.PathValue("id"))
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	s := run.Result.Solution
	data := &runData{Frame: h.deps.Frame(r, "solidarity.run.title", "/solidarity/runs"), Run: run, Accept: run.Status == solidarity.RunProposed,
		CycleRef: run.CycleID}
	data.Details = []web.Detail{{Label: "solidarity.col.status", Value: run.Status + " / " + run.Result.Status},
		{Label: "solidarity.col.cases", Value: strconv.Itoa(run.Cases)}, {Label: "solidarity.col.placed", Value: strconv.Itoa(run.Placed)},
		{Label: "solidarity.col.objective", Value: fmt.Sprintf("%.4f", float64(s.Objective))},
		{Label: "solidarity.col.bound", Value: fmt.Sprintf("%.4f", float64(s.Bound))},
		{Label: "solidarity.col.gap", Value: fmt.Sprintf("%.4f%%", 100*s.Gap)},
		{Label: "solidarity.col.seconds", Value: fmt.Sprintf("%.2f", s.Seconds)},
		{Label: "solidarity.col.by", Value: run.CreatedOrg + " " + run.CreatedBy}}
	data.Table = web.Table{Caption: "solidarity.run.explanations", Columns: []web.Column{{Label: "solidarity.col.case"},
		{Label: "solidarity.col.place"}, {Label: "solidarity.col.score", Numeric: true}, {Label: "solidarity.col.contribution", Numeric: true},
		{Label: "solidarity.col.rank", Numeric: true}, {Label: "solidarity.col.best"}, {Label: "solidarity.col.binding"}}}
	for _, e := range run.Result.Explanations {
		place := e.Place
		if place == "" {
			place = "—"
		}
		data.Table.Rows = append(data.Table.Rows, web.Row{Cells: []web.Cell{{Text: e.Case, Href: "/solidarity/candidates/" + e.Case},
			{Text: place}, {Text: fmt.Sprintf("%.4f", e.Score), Numeric: true}, {Text: fmt.Sprintf("%.4f", e.Contribution), Numeric: true},
			{Text: strconv.Itoa(e.Rank), Numeric: true}, {Text: fmt.Sprintf("%s %.4f", e.BestPlace, e.BestScore)},
			{Text: strings.Join(e.Binding, "; ")}}})
	}
	for _, x := range run.Result.Excluded {
		data.Table.Rows = append(data.Table.Rows, web.Row{Cells: []web.Cell{{Text: x.Candidate, Href: "/solidarity/candidates/" + x.Candidate},
			{Text: "—"}, {Text: "", Numeric: true}, {Text: "", Numeric: true}, {Text: "", Numeric: true}, {Text: ""},
			{Text: "left out of the round: " + x.Reason}}})
	}
	var pins, forbids []string
	for _, p := range run.Overrides.Pins {
		pins = append(pins, p.Case+"="+p.Place)
	}
	for _, p := range run.Overrides.Forbids {
		forbids = append(forbids, p.Case+"="+p.Place)
	}
	data.Form = []web.Field{{Name: "floor_fraction", Label: "solidarity.form.floor", Type: "number", Value: "0"},
		{Name: "pins", Label: "solidarity.form.pins", Hint: "solidarity.form.pins_hint", Type: "textarea", Value: strings.Join(pins, "\n")},
		{Name: "forbids", Label: "solidarity.form.forbids", Hint: "solidarity.form.pins_hint", Type: "textarea", Value: strings.Join(forbids, "\n")}}
	h.pages.Render(w, r, http.StatusOK, pageRun, data)
}

func (h *Handler) acceptForm(w http.ResponseWriter, r *http.Request) {
	if _, err := h.deps.Service.AcceptRun(r.Context(), r.PathValue("id"), r.FormValue("on")); err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/solidarity/runs/"+r.PathValue("id"), http.StatusSeeOther)
}

// simulateForm answers a "what if" on a copy and shows it under the runs.
func (h *Handler) simulateForm(w http.ResponseWriter, r *http.Request) {
	c, _, err := h.cycleOf(r)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	sc := solidarity.Scenario{ExtraArrivals: int(int64Form(r, "extra_arrivals")), RelocationTarget: int64Form(r, "relocation_target"), TimeLimit: 10}
	sc.FloorFraction, _ = strconv.ParseFloat(strings.TrimSpace(r.FormValue("floor_fraction")), 64)
	sc.Withdraw = strings.Fields(strings.ToUpper(strings.ReplaceAll(r.FormValue("withdraw"), ",", " ")))
	res, err := h.deps.Service.Simulate(r.Context(), c.ID, sc)
	if err != nil {
		status, msgs, ok := formError(err)
		if !ok {
			h.deps.Fail(w, r, err)
			return
		}
		h.renderRuns(w, r, status, msgs)
		return
	}
	h.renderRunsWith(w, r, http.StatusOK, nil, &res)
}

func simulationView(s *solidarity.SimulationResult) ([]web.Detail, web.Table) {
	d := []web.Detail{{Label: "solidarity.col.cases", Value: strconv.Itoa(s.Cases)},
		{Label: "solidarity.sim.excluded", Value: strconv.Itoa(s.Excluded)},
		{Label: "solidarity.sim.capacity", Value: strconv.Itoa(s.Capacity)},
		{Label: "solidarity.col.placed", Value: fmt.Sprintf("%d (%d persons)", s.Placed, s.Persons)},
		{Label: "solidarity.col.objective", Value: fmt.Sprintf("%.4f", s.Objective)},
		{Label: "solidarity.col.gap", Value: fmt.Sprintf("%.4f%%", 100*s.Gap)},
		{Label: "solidarity.sim.infeasible", Value: s.Infeasible},
		{Label: "solidarity.col.fair_share", Value: strconv.Itoa(s.Monitoring.Totals.FairShare)},
		{Label: "solidarity.col.pledged", Value: strconv.FormatInt(s.Monitoring.Totals.Pledged, 10)}}
	t := web.Table{Caption: "solidarity.sim.per_state", Empty: "solidarity.sim.none",
		Columns: []web.Column{{Label: "solidarity.col.state"}, {Label: "solidarity.col.cases", Numeric: true}, {Label: "solidarity.col.size", Numeric: true}}}
	for _, a := range s.PerState {
		t.Rows = append(t.Rows, web.Row{Cells: []web.Cell{{Text: a.State}, {Text: strconv.Itoa(a.Households), Numeric: true},
			{Text: strconv.Itoa(a.Persons), Numeric: true}}})
	}
	return d, t
}
