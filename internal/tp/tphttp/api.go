package tphttp

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ceas-eu/ceas/internal/platform/api"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/tp"
)

type idPath struct {
	ID string `path:"id" maxLength:"64"`
}

type createInput struct{ Body tp.RegistrationInput }

type resultOutput struct{ Body tp.RegistrationResult }

type updateInput struct {
	ID      string `path:"id" maxLength:"64"`
	IfMatch string `header:"If-Match" doc:"The version the change is based on; a newer stored version answers 409."`
	Body    tp.RegistrationInput
}

type holdInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body struct {
		Hold   bool   `json:"hold" doc:"true suspends the erasure, false resumes it."`
		Reason string `json:"reason" maxLength:"500" doc:"The appeal, investigation or decision that justifies it."`
	}
}

type registrationOutput struct{ Body tp.Registration }

type transitionInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body tp.StatusChange
}

type searchInput struct {
	api.PageParams
	Name        string `query:"name" maxLength:"200" doc:"Name in any script or transliteration."`
	Document    string `query:"document" maxLength:"40" doc:"Document number."`
	DateOfBirth string `query:"date_of_birth" maxLength:"10" doc:"YYYY, YYYY-MM or YYYY-MM-DD."`
	Status      string `query:"status" enum:"registered,active,deregistered," doc:"Lifecycle status."`
}

type reviewListInput struct {
	api.PageParams
	Status string `query:"status" enum:"open,same_person,different_persons," doc:"Default open."`
}

type reviewOutput struct{ Body tp.MatchReview }

type decisionInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body tp.ReviewDecision
}

type statsOutput struct{ Body tp.PlatformStats }

type importInput struct {
	Format      string `query:"format" enum:"csv,ndjson," doc:"csv or ndjson; default from Content-Type."`
	Source      string `query:"source" maxLength:"200" doc:"Name of the file; posting the same source again resumes or repeats it idempotently."`
	ContentType string `header:"Content-Type"`
	body        io.Reader
}

// Resolve keeps the request body as a stream: the import reads it row by row instead of
// huma reading the whole file into memory first.
func (in *importInput) Resolve(ctx huma.Context) []error {
	in.body = ctx.BodyReader()
	return nil
}

type importOutput struct{ Body tp.BulkImportReport }

type exportInput struct {
	Format string `query:"format" enum:"csv,ndjson" default:"ndjson"`
}

func (h *Handler) registerAPI(a huma.API) {
	tags := []string{"Temporary protection"}
	reg := func(id, method, path, summary string, status int) huma.Operation {
		return huma.Operation{OperationID: id, Method: method, Path: api.Prefix + "/tp" + path, Summary: summary,
			Tags: tags, DefaultStatus: status}
	}
	api.Register(a, reg("create-tp-registration", http.MethodPost, "/registrations",
		"Register a person and check other states' registrations", http.StatusCreated), authz.PermTPWrite,
		func(ctx context.Context, in *createInput) (*resultOutput, error) {
			res, err := h.deps.Service.Register(ctx, in.Body)
			return &resultOutput{Body: res}, err
		})
	api.Register(a, reg("list-tp-registrations", http.MethodGet, "/registrations",
		"Search your state's registrations", 0), authz.PermTPRead,
		func(ctx context.Context, in *searchInput) (*api.ListOutput[tp.RegistrationSummary], error) {
			q := tp.Query{Name: in.Name, Document: in.Document, DateOfBirth: in.DateOfBirth, Status: tp.Status(in.Status),
				Cursor: in.Cursor, Limit: in.Limit}
			items, next, err := h.deps.Service.Search(ctx, q)
			if err != nil {
				return nil, err
			}
			v := url.Values{}
			for k, s := range map[string]string{"name": in.Name, "document": in.Document, "date_of_birth": in.DateOfBirth, "status": in.Status} {
				if s != "" {
					v.Set(k, s)
				}
			}
			return api.NewList(api.Prefix+"/tp/registrations", v, items, next), nil
		})
	api.Register(a, reg("get-tp-registration", http.MethodGet, "/registrations/{id}",
		"One of your state's registrations with its history and links", 0), authz.PermTPRead,
		func(ctx context.Context, in *idPath) (*registrationOutput, error) {
			r, err := h.deps.Service.Get(ctx, in.ID)
			return &registrationOutput{Body: r}, err
		})
	api.Register(a, reg("update-tp-registration", http.MethodPut, "/registrations/{id}",
		"Change a registration; a changed identity is checked again", 0), authz.PermTPWrite,
		func(ctx context.Context, in *updateInput) (*resultOutput, error) {
			version, _ := strconv.ParseInt(in.IfMatch, 10, 64)
			res, err := h.deps.Service.Update(ctx, in.ID, version, in.Body)
			return &resultOutput{Body: res}, err
		})
	api.Register(a, reg("hold-tp-registration", http.MethodPost, "/registrations/{id}/legal-hold",
		"Suspend or resume the retention erasure of a registration (appeal, investigation)", http.StatusNoContent),
		authz.PermTPWrite, func(ctx context.Context, in *holdInput) (*struct{}, error) {
			return nil, h.deps.Service.SetLegalHold(ctx, in.ID, in.Body.Hold, in.Body.Reason)
		})
	h.registerTransitions(a, reg)
	h.registerReviewAPI(a, reg)
	h.registerExchangeAPI(a, reg)
}

func (h *Handler) registerTransitions(a huma.API, reg func(string, string, string, string, int) huma.Operation) {
	for _, t := range []struct {
		id, verb, summary string
		fn                func(context.Context, string, tp.StatusChange) (tp.Registration, error)
	}{
		{"deregister-tp-registration", "deregister", "Deregister (returned to Ukraine, moved, protection ended, ...)", h.deps.Service.Deregister},
		{"activate-tp-registration", "activate", "Mark active: the residence permit is issued", h.deps.Service.Activate},
		{"reregister-tp-registration", "reregister", "Register a deregistered person again", h.deps.Service.Reregister},
	} {
		api.Register(a, reg(t.id, http.MethodPost, "/registrations/{id}/"+t.verb, t.summary, 0), authz.PermTPWrite,
			func(ctx context.Context, in *transitionInput) (*registrationOutput, error) {
				r, err := t.fn(ctx, in.ID, in.Body)
				return &registrationOutput{Body: r}, err
			})
	}
}

func (h *Handler) registerReviewAPI(a huma.API, reg func(string, string, string, string, int) huma.Operation) {
	api.Register(a, reg("list-tp-reviews", http.MethodGet, "/reviews", "Your state's possible multiple registrations", 0),
		authz.PermTPRead, func(ctx context.Context, in *reviewListInput) (*api.ListOutput[tp.MatchReview], error) {
			items, next, err := h.deps.Service.ListReviews(ctx, in.Status, in.Cursor, in.Limit)
			if err != nil {
				return nil, err
			}
			v := url.Values{}
			if in.Status != "" {
				v.Set("status", in.Status)
			}
			return api.NewList(api.Prefix+"/tp/reviews", v, items, next), nil
		})
	api.Register(a, reg("get-tp-review", http.MethodGet, "/reviews/{id}", "One review, as your state may see it", 0),
		authz.PermTPRead, func(ctx context.Context, in *idPath) (*reviewOutput, error) {
			rv, err := h.deps.Service.GetReview(ctx, in.ID)
			return &reviewOutput{Body: rv}, err
		})
	api.Register(a, reg("decide-tp-review", http.MethodPost, "/reviews/{id}/decision",
		"Decide: same person (link, no double benefits) or different persons (never raised again)", 0),
		authz.PermTPReview, func(ctx context.Context, in *decisionInput) (*reviewOutput, error) {
			rv, err := h.deps.Service.Decide(ctx, in.ID, in.Body)
			return &reviewOutput{Body: rv}, err
		})
	api.Register(a, reg("get-tp-stats", http.MethodGet, "/stats", "Aggregates: registrations, active beneficiaries, multiple registrations, deregistrations", 0),
		authz.PermTPStats, func(ctx context.Context, _ *struct{}) (*statsOutput, error) {
			st, err := h.deps.Service.Stats(ctx)
			return &statsOutput{Body: st}, err
		})
}
