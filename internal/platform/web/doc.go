// Package web is the frame of the CEAS user interface: the shared layout, the components,
// the message catalogue, the embedded static files (htmx, ECharts, the Europa Component
// Library styles, a map of Europe) and the built-in pages (sign-in, home, errors). A module's
// pages live in the module's transport package and render through this package; web knows
// nothing of any module.
//
// # Rendering a module's pages
//
// A module embeds its page templates and parses them once, at start:
//
//	//go:embed templates messages
//	var files embed.FS
//
//	tmpl, err := web.NewTemplates(files, "templates/*.html")
//
// Each matched file is one page, named by its base name, that defines "title" and "content"
// (and may define fragments of its own, under names other than "layout", "main" and the
// component names below, which belong to the frame). Inside them every shared component is available:
//
//	{{template "page-header" .}}     the h1 with the page title
//	{{template "table" .Table}}      web.Table: caption, columns, rows, cursor pagination
//	{{template "field" .Form.Name}}  web.Field: label, hint, error, optional htmx validation
//	{{template "cards" .Cards}}      []web.Card
//	{{template "chart" .Chart}}      web.Chart: ECharts option, data URL or map of Europe
//	{{template "pagination" .Pages}} web.PageLinks
//	{{template "alert" "key"}}       an error notification
//	{{template "breadcrumbs" .Crumbs}} []web.Crumb: where a record page sits
//	{{template "details" .Facts}}      []web.Detail: the facts of one record
//	{{template "error-summary" .Form}} web.Form: what to correct, linked to the fields
//	{{template "form-fields" .Form}}   web.Form: every field in order
//
// and these functions: t (catalogue text, `{{t "dublin.reply_due" .Days}}`), date and
// datetime (UTC, ISO 8601 order), number (grouped digits of the page language), pageLinks
// (`{{template "pagination" (pageLinks .URL .PrevCursor .NextCursor)}}`), json (a value as JSON
// for a data- attribute), asset (the versioned URL of a static file) and lang.
//
// The page struct embeds web.Frame and is passed by pointer:
//
//	type requestsPage struct {
//		web.Frame
//		Table web.Table
//	}
//	tmpl.Render(w, r, http.StatusOK, "requests.html", &requestsPage{Frame: frame, Table: t})
//
// Render fills what the handler left empty (Lang, RequestID from the X-Request-Id header,
// URL), renders into a buffer and writes the page with Cache-Control: no-store, because
// pages show personal data. An htmx request that is not boosted gets the inside of <main>
// alone (flash and "content"). If anything fails, Render logs it and answers a 500 page that
// quotes the request id: the handler has nothing more to do.
// RenderFragment writes one component or page fragment without the frame, for htmx.
//
// The Frame is built per request by the code that knows the user (authentication
// middleware): User from the session, Nav from BuildNav with the modules' NavItems and a
// permission check from the authorisation policy, Active the Href of the current page.
// FilterCards does for home-page cards what BuildNav does for links.
//
// # Built-in pages and errors
//
// PageLogin (LoginPage: a form posting username, password and next to POST /login, an error
// slot, an optional OIDC button), PageHome (HomePage: intro, link cards and charts chosen by
// the caller for the user's roles) and PageError (ErrorPage) are part of every Templates.
// (*Templates).RenderError writes an error page with the user's frame; the package-level
// RenderError does the same with a bare frame, for middleware that has no Templates. Both
// take catalogue keys or text for title and detail, and fall back to the catalogue's text for
// the status. The sign-out button in the header posts to POST /logout.
//
// # Styles
//
// Modules ship no CSS. Besides ECL's classes (ecl-button, ecl-link, ecl-u-type-heading-2 ...),
// static/app.css offers layout helpers for module pages: form-stack (a one-column form),
// filter-form with filter-grid (a filter bar of fields), inline-form (a button form inside
// text or a list), action-list (a list of items with actions), inbox-list and meta (a list of
// messages with muted details), secret (a one-time secret to copy), disclosure (on a native
// <details> element: an expander that needs no script), num (right-aligned
// figures), narrow (a reading-width column), and api-ops, http-method--GET/POST/PUT/PATCH/
// DELETE and api-perm for the API reference page.
//
// # Messages
//
// The page language is Frame.Lang when the handler sets it (a user profile, say); otherwise
// the language chosen in the footer's switcher (?lang=uk, kept in the ceas_lang cookie), or
// else the best match of Accept-Language.
//
// English strings live in messages/en.json, a flat key -> text map; texts are fmt formats
// when arguments are passed. Other languages (messages/uk.json, ...) may be partial and fall
// back to English key by key. A module may ship messages/<lang>.json in the file system it
// gives NewTemplates; its keys join the catalogue of its Templates. A key may not be given
// two different texts, so prefix module keys with the module name ("dublin."). Labels that
// arrive as data (NavItem, Card, Field, Table captions and columns, Chart titles, Flash) are
// looked up too and fall back to their own text. The navigation is drawn by every module's
// Templates, so its section and item labels belong in the platform catalogue
// (nav.section.<module>, nav.<module>.<item>). A module's page test should assert that
// (*Templates).MissingMessages is empty, and the app's test that Missing finds every NavItem
// label in NewTemplates(nil).
//
// # Static files and the browser side
//
// Mount Static at StaticPrefix: mux.Handle("GET /static/", web.Static()). URLs from Asset
// carry a content hash and are cached for a year; files are gzipped when the client accepts
// it. Nothing is loaded from the internet. The vendor folder is built by web/build.sh from
// pinned npm packages and committed (see static/vendor/LICENSES.md).
//
// The pages need a Content-Security-Policy no looser than ContentSecurityPolicy, which the
// browser tests of this package run under.
//
// There is no inline script, no inline style attribute and no eval: static/app.js does all
// the behaviour, configured through data- attributes. A chart is
// <div class="chart" data-chart='{...ECharts option...}'> (or data-chart-src, data-map with
// values keyed by ISO 3166-1 alpha-2 code, data-map-src; data-title names it); app.js loads
// ECharts only on pages with a chart, parses the JSON (never evaluates it), turns on
// ECharts' aria support, keeps tooltips inside the canvas, and adds a "Show as table" toggle
// with the same numbers in a <table> and a CSV download. htmx runs with allowEval and
// allowScriptTags off and no history cache, so no page with personal data is copied into
// localStorage.
//
// After a failed submission a handler calls Form.Apply with the service's error: the
// errs.FieldError of each field lands on the field of that Name, the rest in Form.Errors,
// and the page re-renders with status 422 and the error summary on top.
//
// A form field validated as the user goes sets Field.ValidateURL; on change htmx posts the
// enclosing form there (the HX-Trigger-Name header names the field) and the handler answers
// RenderFragment(w, r, http.StatusOK, "", "field", field) with Field.Error set or empty.
package web
