package awarenesshttp

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ceas-eu/ceas/internal/awareness"
	"github.com/ceas-eu/ceas/internal/platform/api"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

type importInput struct {
	Format      string `query:"format" enum:"csv,xlsx,json," doc:"csv, xlsx or json; default from Content-Type, else from the content."`
	Name        string `query:"name" maxLength:"200" doc:"Name of the file, recorded in the audit log."`
	ContentType string `header:"Content-Type"`
	RawBody     []byte
}

type importOutput struct{ Body awareness.ImportResult }

type listInput struct {
	api.PageParams
	Series string `query:"series" maxLength:"40"`
	State  string `query:"state" maxLength:"2" doc:"EU protocol code (EL for Greece)."`
	Route  string `query:"route" maxLength:"40"`
	From   string `query:"from" doc:"Periods ending on or after this day (YYYY-MM-DD)."`
	To     string `query:"to" doc:"Periods starting on or before this day (YYYY-MM-DD)."`
}

type periodInput struct {
	From string `query:"from" required:"true" doc:"First day (YYYY-MM-DD)."`
	To   string `query:"to" required:"true" doc:"Last day, inclusive (YYYY-MM-DD)."`
}

type reportOutput struct{ Body awareness.Report }
type situationOutput struct{ Body awareness.Situation }

type idPath struct {
	ID string `path:"id" maxLength:"100"`
}

type ruleInput struct{ Body ruleBody }

type ruleUpdateInput struct {
	ID   string `path:"id" maxLength:"100"`
	Body ruleBody
}

type ruleOutput struct{ Body awareness.RuleConfig }

type rulesOutput struct {
	Body struct {
		Items []awareness.RuleConfig `json:"items"`
	}
}

type backtestInput struct {
	ID   string `path:"id" maxLength:"100"`
	From string `query:"from" required:"true" doc:"First week end to test (YYYY-MM-DD)."`
	To   string `query:"to" required:"true" doc:"Last day, inclusive (YYYY-MM-DD)."`
}

type backtestOutput struct{ Body awareness.BacktestResult }

type alertsInput struct {
	Open  bool `query:"open" doc:"Only alerts not yet acknowledged."`
	Limit int  `query:"limit" minimum:"1" maximum:"500" default:"100"`
}

type alertsOutput struct {
	Body struct {
		Items []awareness.StoredAlert `json:"items"`
	}
}

type ackInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body struct {
		Note string `json:"note,omitempty" maxLength:"200" doc:"What was done about it."`
	}
}

type alertOutput struct{ Body awareness.StoredAlert }

type evaluateOutput struct{ Body awareness.Evaluation }

func (h *Handler) registerAPI(a huma.API) {
	tags := []string{"Situational awareness"}
	op := func(id, method, path, summary string, status int) huma.Operation {
		return huma.Operation{OperationID: id, Method: method, Path: api.Prefix + "/awareness" + path, Summary: summary,
			Tags: tags, DefaultStatus: status}
	}
	imp := op("import-awareness-observations", http.MethodPost, "/observations",
		"Import observations (CSV or XLSX in the documented layout, or JSON); bad rows are rejected with their line, the rest stored", 0)
	imp.MaxBodyBytes = h.deps.MaxImportBytes
	imp.SkipValidateBody = true // the readers validate row by row and report every bad line
	imp.RequestBody = &huma.RequestBody{Required: true, Content: map[string]*huma.MediaType{
		"text/csv": {Schema: &huma.Schema{Type: "string"}}, "application/json": {Schema: &huma.Schema{Description: "An array of observations, or {\"observations\": [...]}."}},
		xlsxType: {Schema: &huma.Schema{Type: "string", Format: "binary"}}}}
	api.Register(a, imp, authz.PermAwarenessIngest, func(ctx context.Context, in *importInput) (*importOutput, error) {
		res, err := h.deps.Service.Import(ctx, detectFormat(in.Format, in.ContentType, in.RawBody), in.Name, in.RawBody)
		return &importOutput{Body: res}, err
	})
	api.Register(a, op("list-awareness-observations", http.MethodGet, "/observations",
		"Stored observations, every revision; small counts suppressed outside your state", 0), authz.PermAwarenessRead,
		func(ctx context.Context, in *listInput) (*api.ListOutput[awareness.Observation], error) {
			f, err := in.filter()
			if err != nil {
				return nil, err
			}
			items, next, err := h.deps.Service.Observations(ctx, f, in.Cursor, in.Limit)
			if err != nil {
				return nil, err
			}
			return api.NewList(api.Prefix+"/awareness/observations", in.query(), items, next), nil
		})
	api.Register(a, op("get-awareness-situation", http.MethodGet, "/situation",
		"The dashboards' picture of a period: key figures, arrivals by state, comparison years, alerts", 0),
		authz.PermAwarenessRead, func(ctx context.Context, in *periodInput) (*situationOutput, error) {
			p, err := in.period()
			if err != nil {
				return nil, err
			}
			s, err := h.deps.Service.Situation(ctx, p)
			return &situationOutput{Body: s}, err
		})
	api.Register(a, op("get-awareness-report", http.MethodGet, "/report",
		"The situational report for a period, as data (the figures of `ceas report situation`)", 0),
		authz.PermAwarenessRead, func(ctx context.Context, in *periodInput) (*reportOutput, error) {
			p, err := in.period()
			if err != nil {
				return nil, err
			}
			r, err := h.deps.Service.Report(ctx, p)
			return &reportOutput{Body: r}, err
		})
	h.registerRuleAPI(a, op)
}

func (h *Handler) registerRuleAPI(a huma.API, op func(string, string, string, string, int) huma.Operation) {
	api.Register(a, op("list-awareness-rules", http.MethodGet, "/rules", "Early-warning rules", 0), authz.PermAwarenessRead,
		func(ctx context.Context, _ *struct{}) (*rulesOutput, error) {
			rs, err := h.deps.Service.Rules(ctx)
			out := &rulesOutput{}
			out.Body.Items = rs
			return out, err
		})
	api.Register(a, op("create-awareness-rule", http.MethodPost, "/rules", "Add an early-warning rule", http.StatusCreated),
		authz.PermAwarenessManage, func(ctx context.Context, in *ruleInput) (*ruleOutput, error) {
			c, err := h.deps.Service.CreateRule(ctx, in.Body.config())
			return &ruleOutput{Body: c}, err
		})
	api.Register(a, op("get-awareness-rule", http.MethodGet, "/rules/{id}", "One early-warning rule", 0), authz.PermAwarenessRead,
		func(ctx context.Context, in *idPath) (*ruleOutput, error) {
			c, err := h.deps.Service.GetRule(ctx, in.ID)
			return &ruleOutput{Body: c}, err
		})
	api.Register(a, op("update-awareness-rule", http.MethodPut, "/rules/{id}", "Replace an early-warning rule", 0),
		authz.PermAwarenessManage, func(ctx context.Context, in *ruleUpdateInput) (*ruleOutput, error) {
			c, err := h.deps.Service.UpdateRule(ctx, in.ID, in.Body.config())
			return &ruleOutput{Body: c}, err
		})
	api.Register(a, op("delete-awareness-rule", http.MethodDelete, "/rules/{id}", "Remove an early-warning rule", http.StatusNoContent),
		authz.PermAwarenessManage, func(ctx context.Context, in *idPath) (*struct{}, error) {
			return nil, h.deps.Service.DeleteRule(ctx, in.ID)
		})
	api.Register(a, op("backtest-awareness-rule", http.MethodGet, "/rules/{id}/backtest",
		"Replay a rule over a period: the weeks it would have fired in", 0), authz.PermAwarenessRead,
		func(ctx context.Context, in *backtestInput) (*backtestOutput, error) {
			p, err := periodOf(in.From, in.To)
			if err != nil {
				return nil, err
			}
			res, err := h.deps.Service.Backtest(ctx, in.ID, p)
			return &backtestOutput{Body: res}, err
		})
	api.Register(a, op("list-awareness-alerts", http.MethodGet, "/alerts", "Alerts raised by the early-warning rules, newest week first", 0),
		authz.PermAwarenessRead, func(ctx context.Context, in *alertsInput) (*alertsOutput, error) {
			as, err := h.deps.Service.Alerts(ctx, in.Open, in.Limit)
			out := &alertsOutput{}
			out.Body.Items = as
			return out, err
		})
	api.Register(a, op("acknowledge-awareness-alert", http.MethodPost, "/alerts/{id}/acknowledge", "Acknowledge an alert (audited)", 0),
		authz.PermAwarenessManage, func(ctx context.Context, in *ackInput) (*alertOutput, error) {
			al, err := h.deps.Service.Acknowledge(ctx, in.ID, in.Body.Note)
			return &alertOutput{Body: al}, err
		})
	api.Register(a, op("evaluate-awareness-rules", http.MethodPost, "/evaluate",
		"Evaluate the enabled rules on data imported since the last run, now", 0),
		authz.PermAwarenessManage, func(ctx context.Context, _ *struct{}) (*evaluateOutput, error) {
			ev, err := h.deps.Service.Evaluate(ctx)
			return &evaluateOutput{Body: ev}, err
		})
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// detectFormat picks the import format: the query parameter, else the Content-Type, else the
// content itself (a zip archive is a workbook; a JSON array or object is JSON).
func detectFormat(format, contentType string, body []byte) string {
	if format != "" {
		return format
	}
	ct := strings.ToLower(contentType)
	switch {
	case strings.Contains(ct, "spreadsheetml") || strings.Contains(ct, "xlsx"):
		return awareness.FormatXLSX
	case strings.Contains(ct, "json"):
		return awareness.FormatJSON
	case strings.Contains(ct, "csv"):
		return awareness.FormatCSV
	}
	trimmed := bytes.TrimLeft(body, " \t\r\n\ufeff")
	switch {
	case bytes.HasPrefix(body, []byte("PK\x03\x04")):
		return awareness.FormatXLSX
	case len(trimmed) > 0 && (trimmed[0] == '[' || trimmed[0] == '{'):
		return awareness.FormatJSON
	}
	return awareness.FormatCSV
}

func (in *listInput) filter() (awareness.ObservationFilter, error) {
	f := awareness.ObservationFilter{Series: awareness.SeriesKind(in.Series), State: in.State, Route: awareness.Route(in.Route)}
	var v errs.Validation
	f.From = optDate(&v, "query.from", in.From)
	f.To = optDate(&v, "query.to", in.To)
	return f, v.Err()
}

func (in *listInput) query() url.Values {
	q := url.Values{}
	for k, v := range map[string]string{"series": in.Series, "state": in.State, "route": in.Route, "from": in.From, "to": in.To} {
		if v != "" {
			q.Set(k, v)
		}
	}
	return q
}

func (in *periodInput) period() (awareness.Period, error) { return periodOf(in.From, in.To) }

func periodOf(from, to string) (awareness.Period, error) {
	var v errs.Validation
	p := awareness.Period{Start: optDate(&v, "query.from", from), End: optDate(&v, "query.to", to)}
	return p, v.Err()
}

func optDate(v *errs.Validation, field, s string) awareness.Date {
	if s == "" {
		return 0
	}
	d, err := awareness.ParseDate(s)
	v.Check(err == nil, field, "must be a date YYYY-MM-DD")
	return d
}
