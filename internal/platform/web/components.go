package web

import "net/url"

// Field is the data of the "field" component: one form control with its label, hint and
// error message. Label, Hint and Error are catalogue keys or plain text. When ValidateURL is
// set, the control posts the form to it on change (htmx, validate-as-you-type) and the answer
// replaces the whole field: the endpoint renders the same component with
// Templates.RenderFragment(w, r, status, "", "field", f).
type Field struct {
	ID           string // element id; defaults to "f-" + Name
	Name         string
	Label        string
	Hint         string
	Error        string
	Type         string // text (default), password, email, date, number, search, textarea, select, checkbox
	Value        string
	Required     bool
	Autocomplete string   // the HTML autocomplete token, e.g. "username", "current-password"
	Options      []Option // for Type "select"
	ValidateURL  string
	Checked      bool // for Type "checkbox"
}

// InputID returns the id of the control.
func (f Field) InputID() string {
	if f.ID != "" {
		return f.ID
	}
	return "f-" + f.Name
}

// Option is one choice of a select field. Label is a catalogue key or plain text.
type Option struct {
	Value    string
	Label    string
	Selected bool
}

// Table is the data of the "table" component: a captioned table with cursor pagination.
// Caption, column labels and Empty are catalogue keys or plain text; cell text is data and
// is shown as is.
type Table struct {
	Caption string
	Columns []Column
	Rows    []Row
	Empty   string // shown when Rows is empty
	Pages   PageLinks
}

// HeaderFor returns the label of column i, or "" past the last column. The table template
// repeats it on each cell (data-ecl-table-header) so ECL can stack the table on narrow
// screens with every value still labelled.
func (t Table) HeaderFor(i int) string {
	if i < 0 || i >= len(t.Columns) {
		return ""
	}
	return t.Columns[i].Label
}

// Column is one table column; Numeric right-aligns it.
type Column struct {
	Label   string
	Numeric bool
}

// Row is one table row.
type Row struct {
	Cells []Cell
}

// Cell is one table cell, a link when Href is set.
type Cell struct {
	Text    string
	Href    string
	Numeric bool
}

// PageLinks are the previous and next links of a cursor-paginated list; an empty href means
// there is no such page.
type PageLinks struct {
	Prev string
	Next string
}

// CursorParam is the query parameter that carries the pagination cursor.
const CursorParam = "cursor"

// NewPageLinks builds the links from the current URL and the opaque cursors of the previous
// and next pages (empty when there is none), keeping every other query parameter (filters,
// sort) and dropping the old cursor. It is the template function pageLinks.
func NewPageLinks(u *url.URL, prevCursor, nextCursor string) PageLinks {
	return PageLinks{Prev: withCursor(u, prevCursor), Next: withCursor(u, nextCursor)}
}

func withCursor(u *url.URL, cursor string) string {
	if cursor == "" || u == nil {
		return ""
	}
	q := u.Query()
	q.Set(CursorParam, cursor)
	return (&url.URL{Path: u.Path, RawQuery: q.Encode()}).String()
}

// Card is one link card of a home page. Title, Body and Link are catalogue keys or text.
type Card struct {
	Title string
	Body  string
	Href  string
	Link  string // link text; defaults to Title
	// Permission is what a user needs to see the card (see FilterCards); empty for all.
	Permission string
}

// FilterCards keeps the cards the user may see, in order: the home page of a role is the
// platform's list of cards filtered by the permissions that role grants. A nil can keeps
// only cards without a permission.
func FilterCards(cards []Card, can func(permission string) bool) []Card {
	var out []Card
	for _, c := range cards {
		if c.Permission == "" || (can != nil && can(c.Permission)) {
			out = append(out, c)
		}
	}
	return out
}

// Chart is the data of the "chart" component. Set one of: Src (a URL answering an ECharts
// option as JSON), Option (any value that marshals to an ECharts option), Map (a choropleth
// of Europe, values keyed by ISO 3166-1 alpha-2 code: GR for Greece, GB for the United
// Kingdom, XK for Kosovo) or MapSrc (a URL answering such an object). Title is a catalogue
// key or text; it names the chart for assistive technology, the table view and the CSV file.
type Chart struct {
	Title  string
	Src    string
	Option any
	Map    map[string]float64
	MapSrc string
	Tall   bool // a taller chart, for maps and long category axes
}

// Crumb is one step of the "breadcrumbs" component; the last one is the current page and
// needs no Href. Label is a catalogue key or text.
type Crumb struct {
	Label string
	Href  string
}

// Detail is one label and value of the "details" component, the facts of one record.
// Label is a catalogue key or text; Value is data, shown as is, a link when Href is set.
type Detail struct {
	Label string
	Value string
	Href  string
}
