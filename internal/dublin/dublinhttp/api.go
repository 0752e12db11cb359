package dublinhttp

import (
	"bytes"
	"context"
	"encoding/json"

	"io"
	"net/http"
	"net/url"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ceas-eu/ceas/internal/dublin"
	"github.com/ceas-eu/ceas/internal/platform/api"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// jsonBody keeps the raw request body: the module decodes it itself so that every error,
// a date that is not a date included, names its field (dublin.DecodeJSON).
type jsonBody struct{ data []byte }

func (b *jsonBody) read(ctx huma.Context) []error {
	data, err := io.ReadAll(io.LimitReader(ctx.BodyReader(), dublin.MaxCaseBytes+1))
	if err != nil {
		return []error{&huma.ErrorDetail{Location: "body", Message: err.Error()}}
	}
	b.data = data
	return nil
}

type evaluateInput struct {
	AsOf string `query:"as_of" maxLength:"10" doc:"Answer procedural questions on this day when the case has no as_of (YYYY-MM-DD)."`
	jsonBody
}

// Resolve reads the case file.
func (in *evaluateInput) Resolve(ctx huma.Context) []error { return in.read(ctx) }

type determinationOutput struct{ Body dublin.Determination }

type createCaseInput struct {
	ApplicantRef string `query:"applicant_ref" maxLength:"100" doc:"The unit's reference, when the body is a bare case file."`
	Origin       string `query:"origin" enum:"eurodac_hit,document,family_link,other," doc:"What brought the case, when the body is a bare case file; default other."`
	jsonBody
}

// Resolve reads the body.
func (in *createCaseInput) Resolve(ctx huma.Context) []error { return in.read(ctx) }

type idPath struct {
	ID string `path:"id" maxLength:"64"`
}

type idBody struct {
	ID string `path:"id" maxLength:"64"`
	jsonBody
}

// Resolve reads the body.
func (in *idBody) Resolve(ctx huma.Context) []error { return in.read(ctx) }

type caseOutput struct{ Body dublin.CaseRecord }

type caseListInput struct {
	api.PageParams
	Stage string `query:"stage" maxLength:"40" doc:"Only cases in this stage (dublin.md section 5), e.g. REQUEST_SENT."`
}

type dublinEventsOutput struct {
	Body struct {
		Items []dublin.CaseEvent `json:"items"`
	}
}

type requestOutput struct{ Body dublin.Request }

type requestListInput struct {
	api.PageParams
	Direction string `query:"direction" enum:"incoming,outgoing" default:"incoming" doc:"Requests your state received or sent."`
	Active    bool   `query:"active" doc:"Only each case's current request."`
}

type dublinStatsOutput struct {
	Body struct {
		Pairs []dublin.PairStats `json:"pairs"`
	}
}

type calendarInput struct {
	Days int `query:"days" minimum:"1" maximum:"366" default:"90" doc:"How many days ahead."`
}

type dublinCalendarOutput struct {
	Body struct {
		Items []dublin.CalendarItem `json:"items"`
	}
}

// newCaseBody is the body that opens a case: the reference, the origin and a case file.
type newCaseBody struct {
	ApplicantRef string          `json:"applicant_ref"`
	Origin       string          `json:"origin"`
	Case         json.RawMessage `json:"case"`
}

// decodeNewCase reads the body of a case creation: {applicant_ref, origin, case}, whose case
// file errors are nested under "case", or a bare dublin-case/v1 file with ref and origin
// given as query parameters.
func decodeNewCase(data []byte, ref, origin string) (dublin.NewCase, error) {
	var probe map[string]json.RawMessage
	if json.Unmarshal(data, &probe) == nil && probe["case"] == nil && (probe["application"] != nil || probe["applicants"] != nil) {
		c, err := dublin.Decode(bytes.NewReader(data))
		if origin == "" {
			origin = dublin.OriginOther
		}
		return dublin.NewCase{ApplicantRef: ref, Origin: origin, Case: c}, err
	}
	var b newCaseBody
	if err := dublin.DecodeJSON(data, &b); err != nil {
		return dublin.NewCase{}, err
	}
	n := dublin.NewCase{ApplicantRef: b.ApplicantRef, Origin: b.Origin}
	if len(b.Case) == 0 {
		return n, errs.Field("case", "required: a dublin-case/v1 document")
	}
	c, err := dublin.Decode(bytes.NewReader(b.Case))
	if err != nil {
		var v errs.Validation
		v.Merge("case", unwrapInvalid(err))
		return n, v.Err()
	}
	n.Case = c
	return n, nil
}

// unwrapInvalid returns the classified error inside err so Merge keeps its fields.
func unwrapInvalid(err error) error {
	if e, ok := errs.As(err); ok {
		return e
	}
	return err
}

func (h *Handler) registerAPI(a huma.API) {
	tags := []string{"Dublin"}
	op := func(id, method, path, summary string, status int) huma.Operation {
		return huma.Operation{OperationID: id, Method: method, Path: api.Prefix + "/dublin" + path, Summary: summary,
			Tags: tags, DefaultStatus: status}
	}
	svc := h.deps.Service
	api.Register(a, op("evaluate-dublin-case", http.MethodPost, "/evaluate",
		"Determine the responsible state and the deadlines of a dublin-case/v1 file; nothing is stored", 0), authz.PermDublinRules,
		func(ctx context.Context, in *evaluateInput) (*determinationOutput, error) {
			c, err := dublin.Decode(bytes.NewReader(in.data))
			if err != nil {
				return nil, err
			}
			if c.AsOf.IsZero() && in.AsOf != "" {
				if c.AsOf, err = timelimit.Parse(in.AsOf); err != nil {
					return nil, errs.Field("query.as_of", "not a calendar date (YYYY-MM-DD)")
				}
			}
			d, err := svc.Evaluate(ctx, c)
			return &determinationOutput{Body: d}, err
		})
	api.Register(a, op("create-dublin-case", http.MethodPost, "/cases",
		"Open a case for your state's Dublin unit (body: applicant_ref, origin, case)", http.StatusCreated), authz.PermDublinWrite,
		func(ctx context.Context, in *createCaseInput) (*caseOutput, error) {
			n, err := decodeNewCase(in.data, in.ApplicantRef, in.Origin)
			if err != nil {
				return nil, err
			}
			r, err := svc.OpenCase(ctx, n)
			return &caseOutput{Body: r}, err
		})
	api.Register(a, op("list-dublin-cases", http.MethodGet, "/cases", "Your state's cases, newest first", 0), authz.PermDublinRead,
		func(ctx context.Context, in *caseListInput) (*api.ListOutput[dublin.CaseRecord], error) {
			items, next, err := svc.ListCases(ctx, dublin.CaseFilter{Stage: dublin.State(in.Stage)}, in.Cursor, in.Limit)
			if err != nil {
				return nil, err
			}
			v := url.Values{}
			if in.Stage != "" {
				v.Set("stage", in.Stage)
			}
			return api.NewList(api.Prefix+"/dublin/cases", v, items, next), nil
		})
	api.Register(a, op("get-dublin-case", http.MethodGet, "/cases/{id}",
		"One of your state's cases: facts, determination, reasoning, open deadlines, current request", 0), authz.PermDublinRead,
		func(ctx context.Context, in *idPath) (*caseOutput, error) {
			r, err := svc.GetCase(ctx, in.ID)
			return &caseOutput{Body: r}, err
		})
	api.Register(a, op("update-dublin-case-facts", http.MethodPut, "/cases/{id}/facts",
		"Replace the facts of a case (a dublin-case/v1 document without procedure) and re-evaluate", 0), authz.PermDublinWrite,
		func(ctx context.Context, in *idBody) (*caseOutput, error) {
			c, err := dublin.Decode(bytes.NewReader(in.data))
			if err != nil {
				return nil, err
			}
			r, err := svc.UpdateFacts(ctx, in.ID, c)
			return &caseOutput{Body: r}, err
		})
	api.Register(a, op("evaluate-stored-dublin-case", http.MethodPost, "/cases/{id}/evaluate",
		"Run the criteria engine on the stored facts today and store the determination", 0), authz.PermDublinWrite,
		func(ctx context.Context, in *idPath) (*caseOutput, error) {
			r, err := svc.EvaluateCase(ctx, in.ID)
			return &caseOutput{Body: r}, err
		})
	api.Register(a, op("list-dublin-case-events", http.MethodGet, "/cases/{id}/events", "A case's history", 0), authz.PermDublinRead,
		func(ctx context.Context, in *idPath) (*dublinEventsOutput, error) {
			evs, err := svc.Events(ctx, in.ID)
			out := &dublinEventsOutput{}
			out.Body.Items = nonNil(evs)
			return out, err
		})
	api.Register(a, op("record-dublin-case-event", http.MethodPost, "/cases/{id}/events",
		"Record an appeal, its final decision, absconding, imprisonment, an extension or an Art 19 event", http.StatusCreated), authz.PermDublinWrite,
		func(ctx context.Context, in *idBody) (*caseOutput, error) {
			var e dublin.EventInput
			if err := dublin.DecodeJSON(in.data, &e); err != nil {
				return nil, err
			}
			r, err := svc.RecordEvent(ctx, in.ID, e)
			return &caseOutput{Body: r}, err
		})
	h.registerRequestAPI(a, op)
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func (h *Handler) registerRequestAPI(a huma.API, op func(string, string, string, string, int) huma.Operation) {
	svc := h.deps.Service
	api.Register(a, op("send-dublin-request", http.MethodPost, "/cases/{id}/requests",
		"Send a take charge or take back request to the requested state", http.StatusCreated), authz.PermDublinWrite,
		func(ctx context.Context, in *idBody) (*requestOutput, error) {
			var n dublin.NewRequest
			if err := dublin.DecodeJSON(in.data, &n); err != nil {
				return nil, err
			}
			r, err := svc.SendRequest(ctx, in.ID, n)
			return &requestOutput{Body: r}, err
		})
	api.Register(a, op("list-dublin-requests", http.MethodGet, "/requests",
		"Requests your state received (with time left to reply) or sent (with time left to transfer)", 0), authz.PermDublinRead,
		func(ctx context.Context, in *requestListInput) (*api.ListOutput[dublin.Request], error) {
			items, next, err := svc.ListRequests(ctx, in.Direction, in.Active, in.Cursor, in.Limit)
			if err != nil {
				return nil, err
			}
			v := url.Values{"direction": {in.Direction}}
			if in.Active {
				v.Set("active", "true")
			}
			return api.NewList(api.Prefix+"/dublin/requests", v, items, next), nil
		})
	api.Register(a, op("get-dublin-request", http.MethodGet, "/requests/{id}",
		"A request, readable by the requesting and the requested state", 0), authz.PermDublinRead,
		func(ctx context.Context, in *idPath) (*requestOutput, error) {
			r, err := svc.GetRequest(ctx, in.ID)
			return &requestOutput{Body: r}, err
		})
	steps := []struct {
		id, path, summary string
		fn                func(context.Context, string, []byte) (dublin.Request, error)
	}{
		{"reply-dublin-request", "/reply", "Accept or refuse a request your state received (Arts 22, 25)", h.reply},
		{"request-dublin-reexamination", "/re-examination", "Ask the requested state to re-examine its refusal (Reg 1560/2003 Art 5(2))", h.reexamine},
		{"answer-dublin-reexamination", "/re-examination/answer", "Answer a re-examination request", h.answerReexam},
		{"record-dublin-transfer", "/transfer", "Schedule, carry out, cancel or record the failure of a transfer (Art 29)", h.transfer},
	}
	for _, s := range steps {
		api.Register(a, op(s.id, http.MethodPost, "/requests/{id}"+s.path, s.summary, 0), authz.PermDublinWrite,
			func(ctx context.Context, in *idBody) (*requestOutput, error) {
				r, err := s.fn(ctx, in.ID, in.data)
				return &requestOutput{Body: r}, err
			})
	}
	api.Register(a, op("get-dublin-stats", http.MethodGet, "/stats",
		"Requests, acceptances, refusals, implicit acceptances, transfers and transfer rate per state pair", 0), authz.PermDublinStats,
		func(ctx context.Context, _ *struct{}) (*dublinStatsOutput, error) {
			pairs, err := svc.Stats(ctx)
			out := &dublinStatsOutput{}
			out.Body.Pairs = nonNil(pairs)
			return out, err
		})
	api.Register(a, op("get-dublin-calendar", http.MethodGet, "/calendar",
		"Your unit's deadlines: each open case's next limit and the replies you owe", 0), authz.PermDublinRead,
		func(ctx context.Context, in *calendarInput) (*dublinCalendarOutput, error) {
			items, err := svc.Calendar(ctx, in.Days)
			out := &dublinCalendarOutput{}
			out.Body.Items = nonNil(items)
			return out, err
		})
}

func (h *Handler) reply(ctx context.Context, id string, data []byte) (dublin.Request, error) {
	var in dublin.ReplyInput
	if err := dublin.DecodeJSON(data, &in); err != nil {
		return dublin.Request{}, err
	}
	return h.deps.Service.Reply(ctx, id, in)
}

func (h *Handler) reexamine(ctx context.Context, id string, data []byte) (dublin.Request, error) {
	var in struct {
		On dublin.Date `json:"on"`
	}
	if len(bytes.TrimSpace(data)) > 0 {
		if err := dublin.DecodeJSON(data, &in); err != nil {
			return dublin.Request{}, err
		}
	}
	return h.deps.Service.RequestReexamination(ctx, id, in.On)
}

func (h *Handler) answerReexam(ctx context.Context, id string, data []byte) (dublin.Request, error) {
	var in dublin.ReplyInput
	if err := dublin.DecodeJSON(data, &in); err != nil {
		return dublin.Request{}, err
	}
	return h.deps.Service.AnswerReexamination(ctx, id, in)
}

func (h *Handler) transfer(ctx context.Context, id string, data []byte) (dublin.Request, error) {
	var in dublin.TransferInput
	if err := dublin.DecodeJSON(data, &in); err != nil {
		return dublin.Request{}, err
	}
	return h.deps.Service.Transfer(ctx, id, in)
}
