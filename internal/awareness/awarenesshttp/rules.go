package awarenesshttp

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/ceas-eu/ceas/internal/awareness"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

type rulesPageData struct {
	web.Frame
	Table     web.Table
	CanManage bool
}

// rulesPage lists the early-warning rules.
func (h *Handler) rulesPage(w http.ResponseWriter, r *http.Request) {
	rs, err := h.deps.Service.Rules(r.Context())
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &rulesPageData{Frame: h.deps.Frame(r, "awareness.rules.title", "/awareness/rules"),
		CanManage: authz.FromContext(r.Context()).Can(authz.PermAwarenessManage)}
	data.Table = web.Table{Caption: "awareness.rules.caption", Empty: "awareness.rules.none",
		Columns: []web.Column{{Label: "awareness.col.rule"}, {Label: "awareness.col.kind"}, {Label: "awareness.col.series"},
			{Label: "awareness.col.enabled"}, {Label: "awareness.col.notify"}, {Label: "awareness.col.backtest"}}}
	for _, c := range rs {
		enabled := "no"
		if c.Enabled {
			enabled = "yes"
		}
		data.Table.Rows = append(data.Table.Rows, web.Row{Cells: []web.Cell{
			{Text: c.Name, Href: "/awareness/rules/" + url.PathEscape(c.ID)}, {Text: string(c.Kind)}, {Text: describe(c.Select)},
			{Text: enabled}, {Text: strings.Join(c.Notify, " ")},
			{Text: "backtest", Href: "/awareness/backtest?rule=" + url.QueryEscape(c.ID)}}})
	}
	h.pages.Render(w, r, http.StatusOK, "rules.html", data)
}

// describe names what a selector picks, for the rules table.
func describe(s awareness.Selector) string {
	parts := []string{string(s.Series)}
	for _, r := range s.Routes {
		parts = append(parts, r.Label())
	}
	for _, x := range []struct{ k, v string }{{"measure", s.Measure}, {"state", s.State}, {"nationality", s.Nationality},
		{"border", s.BorderSection}} {
		if x.v != "" {
			parts = append(parts, x.k+" "+x.v)
		}
	}
	return strings.Join(parts, ", ")
}

type rulePageData struct {
	web.Frame
	Form      web.Form
	Action    string
	ID        string
	IsNew     bool
	CanManage bool
}

func (h *Handler) newRulePage(w http.ResponseWriter, r *http.Request) {
	if err := authz.Require(authz.FromContext(r.Context()), authz.PermAwarenessManage); err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	c := awareness.RuleConfig{Rule: awareness.DefaultRule("", awareness.Selector{Series: awareness.SeriesArrivals}), Enabled: true}
	c.Name = ""
	h.renderRule(w, r, http.StatusOK, c, true, nil)
}

func (h *Handler) editRulePage(w http.ResponseWriter, r *http.Request) {
	c, err := h.deps.Service.GetRule(r.Context(), r.PathValue("id"))
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	h.renderRule(w, r, http.StatusOK, c, false, nil)
}

func (h *Handler) renderRule(w http.ResponseWriter, r *http.Request, status int, c awareness.RuleConfig, isNew bool, err error) {
	title, action := "awareness.rule.edit_title", "/awareness/rules/"+url.PathEscape(c.ID)
	if isNew {
		title, action = "awareness.rule.new_title", "/awareness/rules"
	}
	data := &rulePageData{Frame: h.deps.Frame(r, title, "/awareness/rules"), Form: web.Form{Fields: ruleFields(c, isNew)},
		Action: action, ID: c.ID, IsNew: isNew, CanManage: authz.FromContext(r.Context()).Can(authz.PermAwarenessManage)}
	data.Form.Apply(err)
	h.pages.Render(w, r, status, "rule.html", data)
}

func ruleFields(c awareness.RuleConfig, isNew bool) []web.Field {
	f := func(v float64) string {
		if v == 0 {
			return ""
		}
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	i := func(v int) string {
		if v == 0 {
			return ""
		}
		return strconv.Itoa(v)
	}
	kinds := []web.Option{}
	for _, k := range []awareness.RuleKind{awareness.RuleAboveMedian, awareness.RuleThreshold, awareness.RuleNewTopNationality, awareness.RuleForecast} {
		kinds = append(kinds, web.Option{Value: string(k), Label: "awareness.kind." + string(k), Selected: c.Kind == k})
	}
	series := []web.Option{}
	for _, k := range awareness.SeriesKinds() {
		series = append(series, web.Option{Value: string(k), Label: string(k), Selected: c.Select.Series == k})
	}
	routes := []web.Option{{Value: "", Label: "awareness.rule.no_route"}}
	for _, rt := range append(awareness.Routes(), awareness.RouteWesternMedAtlantic, awareness.RouteMedAtlantic) {
		routes = append(routes, web.Option{Value: string(rt), Label: rt.Label(), Selected: len(c.Select.Routes) == 1 && c.Select.Routes[0] == rt})
	}
	fields := []web.Field{
		{Name: "name", Label: "awareness.rule.name", Value: c.Name, Required: true},
		{Name: "kind", Label: "awareness.rule.kind", Type: "select", Options: kinds},
		{Name: "series", Label: "awareness.rule.series", Type: "select", Options: series, Hint: "awareness.rule.series_hint"},
		{Name: "route", Label: "awareness.rule.route", Type: "select", Options: routes},
		{Name: "measure", Label: "awareness.rule.measure", Value: c.Select.Measure},
		{Name: "state", Label: "awareness.rule.state", Value: c.Select.State, Hint: "awareness.rule.state_hint"},
		{Name: "nationality", Label: "awareness.rule.nationality", Value: c.Select.Nationality, Hint: "awareness.rule.state_hint"},
		{Name: "border_section", Label: "awareness.rule.border_section", Value: c.Select.BorderSection},
		{Name: "k", Label: "awareness.rule.k", Type: "number", Value: f(c.K), Hint: "awareness.rule.k_hint"},
		{Name: "window", Label: "awareness.rule.window", Type: "number", Value: i(c.Window)},
		{Name: "threshold", Label: "awareness.rule.threshold", Type: "number", Value: f(c.Threshold)},
		{Name: "top_n", Label: "awareness.rule.top_n", Type: "number", Value: i(c.TopN)},
		{Name: "years", Label: "awareness.rule.years", Type: "number", Value: i(c.Years)},
		{Name: "tolerance", Label: "awareness.rule.tolerance", Type: "number", Value: f(c.Tolerance)},
		{Name: "min_value", Label: "awareness.rule.min_value", Type: "number", Value: f(c.MinValue)},
		{Name: "notify", Label: "awareness.rule.notify", Value: strings.Join(c.Notify, " "), Hint: "awareness.rule.notify_hint"},
		{Name: "enabled", Label: "awareness.rule.enabled", Type: "checkbox", Checked: c.Enabled},
	}
	if isNew {
		fields = append([]web.Field{{Name: "id", Label: "awareness.rule.id", Value: c.ID, Hint: "awareness.rule.id_hint"}}, fields...)
	}
	return fields
}

// ruleFromForm reads the rule form; numbers that do not parse are reported on their field.
func ruleFromForm(r *http.Request) (awareness.RuleConfig, error) {
	var v errs.Validation
	num := func(name string) float64 {
		s := strings.TrimSpace(r.FormValue(name))
		if s == "" {
			return 0
		}
		x, err := strconv.ParseFloat(s, 64)
		v.Check(err == nil, name, "must be a number")
		return x
	}
	c := awareness.RuleConfig{Rule: awareness.Rule{ID: strings.TrimSpace(r.FormValue("id")), Name: strings.TrimSpace(r.FormValue("name")),
		Kind: awareness.RuleKind(r.FormValue("kind")),
		Select: awareness.Selector{Series: awareness.SeriesKind(r.FormValue("series")), Measure: strings.TrimSpace(r.FormValue("measure")),
			State: strings.TrimSpace(r.FormValue("state")), Nationality: strings.TrimSpace(r.FormValue("nationality")),
			BorderSection: strings.TrimSpace(r.FormValue("border_section"))},
		K: num("k"), Window: int(num("window")), Threshold: num("threshold"), TopN: int(num("top_n")), Years: int(num("years")),
		Tolerance: num("tolerance"), MinValue: num("min_value")},
		Enabled: r.FormValue("enabled") != "", Notify: strings.Fields(r.FormValue("notify"))}
	if rt := r.FormValue("route"); rt != "" {
		c.Select.Routes = []awareness.Route{awareness.Route(rt)}
	}
	return c, v.Err()
}

func (h *Handler) createRulePage(w http.ResponseWriter, r *http.Request) {
	c, err := ruleFromForm(r)
	if err == nil {
		var saved awareness.RuleConfig
		if saved, err = h.deps.Service.CreateRule(r.Context(), c); err == nil {
			http.Redirect(w, r, "/awareness/rules/"+url.PathEscape(saved.ID), http.StatusSeeOther)
			return
		}
	}
	h.formError(w, r, c, true, err)
}

func (h *Handler) updateRulePage(w http.ResponseWriter, r *http.Request) {
	c, err := ruleFromForm(r)
	c.ID = r.PathValue("id")
	if err == nil {
		if _, err = h.deps.Service.UpdateRule(r.Context(), c.ID, c); err == nil {
			http.Redirect(w, r, "/awareness/rules", http.StatusSeeOther)
			return
		}
	}
	h.formError(w, r, c, false, err)
}

// formError shows the form again with the errors, or the error page when the caller may not act.
func (h *Handler) formError(w http.ResponseWriter, r *http.Request, c awareness.RuleConfig, isNew bool, err error) {
	if errs.KindOf(err) != errs.KindInvalid {
		h.deps.Fail(w, r, err)
		return
	}
	h.renderRule(w, r, http.StatusUnprocessableEntity, c, isNew, err)
}

func (h *Handler) deleteRulePage(w http.ResponseWriter, r *http.Request) {
	if err := h.deps.Service.DeleteRule(r.Context(), r.PathValue("id")); err != nil {
		h.deps.Fail(w, r, fmt.Errorf("delete rule: %w", err))
		return
	}
	http.Redirect(w, r, "/awareness/rules", http.StatusSeeOther)
}
