package awarenesshttp

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/ceas-eu/ceas/internal/awareness"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

// num formats a count with thousands separators as the English pages print them (116,610).
func num(f float64) string {
	s := strconv.FormatFloat(math.Round(f), 'f', 0, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// qualified prefixes a value with the sign of its qualifier: "≈" approximate, ">" more than.
func qualified(v float64, q awareness.Qualifier) string {
	switch q {
	case awareness.Approximate:
		return "≈ " + num(v)
	case awareness.MoreThan:
		return "> " + num(v)
	}
	return num(v)
}

// change formats a change as the report states it ("+39%"), or a dash when unknown.
func change(f awareness.Figure, year int) string {
	for _, c := range f.Changes {
		if c.Year == year {
			s := fmt.Sprintf("%+d%%", c.RoundedPercent())
			if c.Qualifier != awareness.Exact {
				s = "≈ " + s
			}
			return s
		}
	}
	return "–"
}

func numCell(s string) web.Cell { return web.Cell{Text: s, Numeric: true} }

// mapCode turns a state code into the map's ISO 3166-1 code (EL is GR on the map).
func mapCode(state string) string {
	if state == "EL" {
		return "GR"
	}
	return state
}

// figuresTable lays out key or route figures with their changes against the comparison years
// (only the years some figure has a known change for: no column of dashes).
func figuresTable(caption string, figs []awareness.Figure, all []int) web.Table {
	var years []int
	for _, y := range all {
		if slices.ContainsFunc(figs, func(f awareness.Figure) bool {
			return slices.ContainsFunc(f.Changes, func(c awareness.Change) bool { return c.Year == y })
		}) {
			years = append(years, y)
		}
	}
	t := web.Table{Caption: caption, Empty: "awareness.figures.none",
		Columns: []web.Column{{Label: "awareness.col.figure"}, {Label: "awareness.col.value", Numeric: true}}}
	for _, y := range years {
		t.Columns = append(t.Columns, web.Column{Label: "vs " + strconv.Itoa(y), Numeric: true})
	}
	for _, f := range figs {
		label := f.Label
		if f.Route != "" && f.Series == awareness.SeriesDetections {
			label += " (Frontex detections)"
		}
		value := qualified(f.Value, f.Qualifier)
		if f.Suppressed {
			value = "suppressed"
		}
		if f.Synthetic {
			label += " *"
		}
		row := web.Row{Cells: []web.Cell{{Text: label}, numCell(value)}}
		for _, y := range years {
			row.Cells = append(row.Cells, numCell(change(f, y)))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// rankingTable lists the top nationalities of each route.
func rankingTable(rs []awareness.RouteRanking) web.Table {
	t := web.Table{Caption: "awareness.nationalities.caption", Empty: "awareness.figures.none",
		Columns: []web.Column{{Label: "awareness.col.route"}, {Label: "awareness.col.period"}, {Label: "awareness.col.top"}}}
	for _, r := range rs {
		var parts []string
		for _, x := range r.Top {
			parts = append(parts, fmt.Sprintf("%s %s (%d%%)", x.Code, num(x.Value), int(math.Round(x.Share*100))))
		}
		label := r.Label + " (" + string(r.Series) + ")"
		t.Rows = append(t.Rows, web.Row{Cells: []web.Cell{{Text: label}, {Text: week(r.Period)}, {Text: strings.Join(parts, ", ")}}})
	}
	return t
}

// alertsTable lists alerts with a link to the alerts page.
func alertsTable(as []awareness.StoredAlert) web.Table {
	t := web.Table{Caption: "awareness.alerts.caption", Empty: "awareness.alerts.none",
		Columns: []web.Column{{Label: "awareness.col.week"}, {Label: "awareness.col.rule"}, {Label: "awareness.col.message"},
			{Label: "awareness.col.status"}}}
	for _, a := range as {
		status := "open"
		if a.AcknowledgedAt != nil {
			status = "acknowledged " + a.AcknowledgedAt.Format("2006-01-02")
		}
		t.Rows = append(t.Rows, web.Row{Cells: []web.Cell{{Text: week(a.Week)},
			{Text: a.RuleName, Href: "/awareness/backtest?rule=" + url.QueryEscape(a.RuleID)}, {Text: a.Message}, {Text: status}}})
	}
	return t
}

// week prints a week (or any period) as "2022-07-18 – 2022-07-24".
func week(p awareness.Period) string { return p.Start.String() + " – " + p.End.String() }
