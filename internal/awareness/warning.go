package awareness

import (
	"fmt"
	"slices"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// RuleKind names an early-warning test. The Blueprint network (Commission Recommendation
// (EU) 2020/1366, the migration preparedness and crisis management network) meets "when the
// series turn"; these are the turns a coordinator can ask to be warned about.
type RuleKind string

// The rule kinds.
const (
	// RuleAboveMedian fires when a week exceeds K times the median of the Window weeks before it.
	RuleAboveMedian RuleKind = "above_trailing_median"
	// RuleThreshold fires in the week the value first rises above Threshold.
	RuleThreshold RuleKind = "threshold_crossed"
	// RuleNewTopNationality fires when a nationality enters the route's top TopN over the last
	// Window weeks that was not in it over the Window weeks before.
	RuleNewTopNationality RuleKind = "new_top_nationality"
	// RuleForecast fires when a week exceeds its forecast by more than Tolerance: the mean of
	// the same week in the Years earlier years, scaled by how the Window weeks before compare
	// with the same weeks of those years (a seasonal baseline that follows the level).
	RuleForecast RuleKind = "forecast_exceeded"
)

// Rule is an early-warning rule as a coordinator configures it. Rules are evaluated on whole
// ISO weeks (Monday to Sunday).
type Rule struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Kind      RuleKind `json:"kind"`
	Select    Selector `json:"select"`
	K         float64  `json:"k,omitempty"`
	Window    int      `json:"window,omitempty"` // weeks
	Threshold float64  `json:"threshold,omitempty"`
	TopN      int      `json:"top_n,omitempty"`
	Years     int      `json:"years,omitempty"`
	Tolerance float64  `json:"tolerance,omitempty"` // 0.25 = 25 % above the forecast
	MinValue  float64  `json:"min_value,omitempty"` // weeks below this never fire: no alarms on a handful of people
}

// Validate checks the parameters the rule's kind needs.
func (r Rule) Validate() error {
	var v errs.Validation
	v.Check(r.ID != "", "id", "is required")
	v.Merge("select", r.Select.Validate())
	v.Check(r.MinValue >= 0, "min_value", "must not be negative")
	switch r.Kind {
	case RuleAboveMedian:
		v.Check(r.K > 1, "k", "must be greater than 1")
		v.Check(r.Window >= 3, "window", "must be at least 3 weeks")
	case RuleThreshold:
		v.Check(r.Threshold > 0, "threshold", "must be positive")
	case RuleNewTopNationality:
		v.Check(r.TopN >= 1, "top_n", "must be at least 1")
		v.Check(r.Window >= 1, "window", "must be at least 1 week")
	case RuleForecast:
		v.Check(r.Years >= 1, "years", "must be at least 1")
		v.Check(r.Window >= 1, "window", "must be at least 1 week")
		v.Check(r.Tolerance >= 0, "tolerance", "must not be negative")
	default:
		v.Add("kind", "must be above_trailing_median, threshold_crossed, new_top_nationality or forecast_exceeded")
	}
	return v.Err()
}

// DefaultRule is the rule the demo and the report use on every weekly series: a week more
// than twice the median of the eight weeks before it, and at least 50.
func DefaultRule(id string, s Selector) Rule {
	return Rule{ID: id, Name: "weekly value above 2x the 8-week median", Kind: RuleAboveMedian,
		Select: s, K: 2, Window: 8, MinValue: 50}
}

// DefaultRules are the rules a new deployment starts with and the situational report
// backtests: DefaultRule on the weekly totals of the three headline series and on arrivals
// and detections of every route. Coordinators add, tune or remove rules from there.
func DefaultRules() []Rule {
	var out []Rule
	for _, kf := range keySeries()[:3] {
		r := DefaultRule(kf.id, kf.sel)
		r.Name = kf.label + ": " + r.Name
		out = append(out, r)
	}
	for _, kind := range []SeriesKind{SeriesArrivals, SeriesDetections} {
		for _, route := range Routes() {
			r := DefaultRule(string(kind)+":"+string(route), RouteSelector(kind, route))
			r.Name = route.Label() + " (" + string(kind) + "): " + r.Name
			out = append(out, r)
		}
	}
	return out
}

// Alert is a rule firing for one week.
type Alert struct {
	RuleID      string   `json:"rule_id"`
	RuleName    string   `json:"rule_name"`
	Kind        RuleKind `json:"kind"`
	Week        Period   `json:"week"`
	Value       float64  `json:"value"`
	Reference   float64  `json:"reference"` // the median, threshold or forecast it was compared with
	Nationality string   `json:"nationality,omitempty"`
	Message     string   `json:"message"`
}

// Evaluate tests rule on the last whole week ending on or before asOf, using only data for
// periods that end by then (asOf is injected, never the clock). It returns the alert and
// true when the rule fires.
func Evaluate(rule Rule, obs []Observation, asOf Date) (Alert, bool) {
	return newEvaluator(rule, obs).at(lastSunday(asOf))
}

// Backtest replays rule over every week ending between from and to, and returns the last
// day (a Sunday) of each week it would have fired in, oldest first.
func Backtest(rule Rule, obs []Observation, from, to Date) []Date {
	return FiringDates(BacktestAlerts(rule, obs, from, to))
}

// BacktestAlerts is Backtest returning the alerts themselves, with values and references.
func BacktestAlerts(rule Rule, obs []Observation, from, to Date) []Alert {
	e := newEvaluator(rule, obs)
	var out []Alert
	for end := lastSunday(from + 6); end <= to; end += 7 {
		if a, ok := e.at(end); ok {
			out = append(out, a)
		}
	}
	return out
}

// FiringDates returns the last day of each alert's week.
func FiringDates(alerts []Alert) []Date {
	out := make([]Date, len(alerts))
	for i, a := range alerts {
		out[i] = a.Week.End
	}
	return out
}

func lastSunday(d Date) Date { return d - Date(int(d.Weekday())) }

type evaluator struct {
	rule Rule
	obs  []Observation
	pts  []Point
}

func newEvaluator(rule Rule, obs []Observation) evaluator {
	sel := Select(obs, rule.Select)
	if rule.Kind == RuleNewTopNationality {
		sel = Select(obs, rule.Select.With(rule.Select.State, Any))
	}
	return evaluator{rule: rule, obs: sel, pts: Series(sel, rule.Select)}
}

// at evaluates the week ending on Sunday end, seeing only data that ends by then.
func (e evaluator) at(end Date) (Alert, bool) {
	pts := slices.DeleteFunc(slices.Clone(e.pts), func(p Point) bool { return p.Period.End > end })
	week := Period{Start: end - 6, End: end}
	a := Alert{RuleID: e.rule.ID, RuleName: e.rule.Name, Kind: e.rule.Kind, Week: week}
	if e.rule.Kind == RuleNewTopNationality {
		return e.newTop(a, end)
	}
	if !Covers(pts, week) {
		return a, false
	}
	a.Value = Sum(pts, week)
	if a.Value < e.rule.MinValue {
		return a, false
	}
	switch e.rule.Kind {
	case RuleAboveMedian:
		return e.aboveMedian(a, pts)
	case RuleThreshold:
		return e.threshold(a, pts)
	case RuleForecast:
		return e.forecast(a, pts)
	}
	return a, false
}

func (e evaluator) aboveMedian(a Alert, pts []Point) (Alert, bool) {
	prev := FullWeeks(pts, Period{Start: a.Week.Start - Date(7*e.rule.Window), End: a.Week.Start - 1})
	if len(prev) < e.rule.Window {
		return a, false
	}
	vals := make([]float64, len(prev))
	for i, p := range prev {
		vals[i] = p.Value
	}
	a.Reference = median(vals)
	a.Message = fmt.Sprintf("%.0f in the week to %s, %.1fx the %d-week median of %.0f",
		a.Value, a.Week.End, a.Value/max(a.Reference, 1), e.rule.Window, a.Reference)
	return a, a.Value > e.rule.K*a.Reference
}

func (e evaluator) threshold(a Alert, pts []Point) (Alert, bool) {
	prev := Period{Start: a.Week.Start - 7, End: a.Week.Start - 1}
	a.Reference = e.rule.Threshold
	a.Message = fmt.Sprintf("%.0f in the week to %s crossed the threshold of %.0f", a.Value, a.Week.End, a.Reference)
	return a, Covers(pts, prev) && Sum(pts, prev) <= e.rule.Threshold && a.Value > e.rule.Threshold
}

func (e evaluator) forecast(a Alert, pts []Point) (Alert, bool) {
	recent := Period{Start: a.Week.Start - Date(7*e.rule.Window), End: a.Week.Start - 1}
	var seasonal, level, levelBase float64
	for y := 1; y <= e.rule.Years; y++ {
		w, r := a.Week.ShiftYears(-y), recent.ShiftYears(-y)
		if !Covers(pts, w) || !Covers(pts, r) {
			return a, false
		}
		seasonal += Sum(pts, w) / float64(e.rule.Years)
		levelBase += Sum(pts, r) / float64(e.rule.Years)
	}
	if Covers(pts, recent) {
		level = Sum(pts, recent)
	}
	a.Reference = seasonal
	if level > 0 && levelBase > 0 {
		a.Reference = seasonal * level / levelBase
	}
	a.Message = fmt.Sprintf("%.0f in the week to %s against a forecast of %.0f", a.Value, a.Week.End, a.Reference)
	return a, a.Value > a.Reference*(1+e.rule.Tolerance)
}

func (e evaluator) newTop(a Alert, end Date) (Alert, bool) {
	n := Date(7 * e.rule.Window)
	cur := Period{Start: end - n + 1, End: end}
	prev := Period{Start: cur.Start - n, End: cur.Start - 1}
	visible := slices.DeleteFunc(slices.Clone(e.obs), func(o Observation) bool { return o.PeriodEnd > end })
	sel := e.rule.Select
	if !Covers(Series(visible, sel.With(sel.State, Any)), Period{Start: prev.Start, End: end}) {
		return a, false
	}
	before := TopNationalities(visible, sel, prev, e.rule.TopN)
	now := TopNationalities(visible, sel, cur, e.rule.TopN)
	if len(before) == 0 {
		return a, false
	}
	for _, r := range now {
		if !slices.ContainsFunc(before, func(b Ranked) bool { return b.Code == r.Code }) && r.Value >= e.rule.MinValue {
			a.Week, a.Value, a.Nationality = cur, r.Value, r.Code
			a.Message = fmt.Sprintf("%s entered the top %d over the %d weeks to %s (%.0f)", r.Code, e.rule.TopN, e.rule.Window, end, r.Value)
			return a, true
		}
	}
	return a, false
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
