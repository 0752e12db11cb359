// Package report renders an awareness.Report as a self-contained, printable HTML file (the
// output of `ceas report situation`). It holds no logic of its own beyond layout: every
// number comes from the awareness.Report it is given.
package report

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/ceas-eu/ceas/internal/awareness"
)

//go:embed situation.html.tmpl
var files embed.FS

// page is the template's data: the report and the charts drawn from it.
type page struct {
	R      awareness.Report
	Charts []chart
	Years  []int
}

// chart is one weekly series as SVG bars, with the same numbers as a table for screen readers.
type chart struct {
	Label  string
	Width  int
	Height int
	Max    float64
	Bars   []bar
	Points []awareness.Point
}

// bar is one week's rectangle.
type bar struct {
	X, Y, W, H float64
	Title      string
}

const chartW, chartH = 640, 140

// Render writes r as HTML to w. The template is parsed per call: reports are rare and this
// keeps the package free of package-level state.
func Render(w io.Writer, r awareness.Report) error {
	t, err := template.New("situation.html.tmpl").Funcs(funcs()).ParseFS(files, "situation.html.tmpl")
	if err != nil {
		return fmt.Errorf("report: parse template: %w", err)
	}
	p := page{R: r, Years: knownYears(r)}
	for _, s := range r.Weekly {
		p.Charts = append(p.Charts, newChart(s))
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, p); err != nil {
		return fmt.Errorf("report: render: %w", err)
	}
	_, err = buf.WriteTo(w)
	return err
}

func newChart(s awareness.WeeklySeries) chart {
	c := chart{Label: s.Label, Width: chartW, Height: chartH, Points: s.Points}
	for _, p := range s.Points {
		c.Max = math.Max(c.Max, p.Value/float64(p.Period.Days())*7)
	}
	if c.Max == 0 || len(s.Points) == 0 {
		return c
	}
	w := float64(chartW) / float64(len(s.Points))
	for i, p := range s.Points {
		perWeek := p.Value / float64(p.Period.Days()) * 7 // a clipped first or last week is drawn at its weekly rate
		h := perWeek / c.Max * (chartH - 10)
		c.Bars = append(c.Bars, bar{X: float64(i) * w, Y: chartH - h, W: math.Max(w-1, 1), H: h,
			Title: fmt.Sprintf("%s to %s: %s", p.Period.Start, p.Period.End, number(p.Value))})
	}
	return c
}

func funcs() template.FuncMap {
	return template.FuncMap{
		"num":    number,
		"pct":    percent,
		"share":  func(f float64) string { return strconv.Itoa(int(math.Round(f*100))) + " %" },
		"qual":   qualifier,
		"change": changeFor,
		"period": func(p awareness.Period) string {
			return p.Start.Time().Format("2 Jan 2006") + " – " + p.End.Time().Format("2 Jan 2006")
		},
		"label": func(r awareness.Route) string { return r.Label() },
		"f1":    func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
		"list":  func(s ...string) []string { return s },
	}
}

// number formats a count with thin spaces between thousands, as EU publications do.
func number(f float64) string {
	s := strconv.FormatFloat(math.Round(f), 'f', 0, 64)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			b.WriteRune('\u202f')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func percent(c awareness.Change) string {
	return qualifier(c.Qualifier) + fmt.Sprintf("%+d %%", c.RoundedPercent())
}

// knownYears keeps the comparison years for which some figure has a known change, so the
// tables carry no column of dashes.
func knownYears(r awareness.Report) []int {
	var out []int
	for _, y := range r.ComparisonYears {
		for _, f := range append(slices.Clone(r.KeyFigures), r.Routes...) {
			if slices.ContainsFunc(f.Changes, func(c awareness.Change) bool { return c.Year == y }) {
				out = append(out, y)
				break
			}
		}
	}
	return out
}

// qualifier prints the sign the report uses: "≈" for approximate, ">" for more than.
func qualifier(q awareness.Qualifier) string {
	switch q {
	case awareness.Approximate:
		return "≈ "
	case awareness.MoreThan:
		return "> "
	}
	return ""
}

// changeFor returns the change against year, formatted, or a dash when unknown.
func changeFor(f awareness.Figure, year int) string {
	for _, c := range f.Changes {
		if c.Year == year {
			return percent(c)
		}
	}
	return "–"
}
