package web_test

import (
	"net/http"
	"testing/fstest"

	"github.com/ceas-eu/ceas/internal/platform/web"
)

// A module parses its pages once and renders them with a page struct that embeds web.Frame.
func ExampleTemplates_Render() {
	files := fstest.MapFS{
		"templates/requests.html": {Data: []byte(`{{define "content"}}{{template "page-header" .}}{{template "table" .Table}}{{end}}`)},
		"messages/en.json":        {Data: []byte(`{"dublin.requests.title": "Requests", "dublin.col.ref": "Reference"}`)},
	}
	tmpl, err := web.NewTemplates(files, "templates/*.html")
	if err != nil {
		panic(err)
	}
	type requestsPage struct {
		web.Frame
		Table web.Table
	}
	handler := func(w http.ResponseWriter, r *http.Request) {
		page := &requestsPage{Frame: web.Frame{Title: "dublin.requests.title", Active: "/dublin/requests"}}
		page.Table = web.Table{Caption: "dublin.requests.title", Columns: []web.Column{{Label: "dublin.col.ref"}},
			Pages: web.NewPageLinks(r.URL, "", "next-cursor")}
		tmpl.Render(w, r, http.StatusOK, "requests.html", page)
	}
	http.HandleFunc("GET /dublin/requests", handler)
}
