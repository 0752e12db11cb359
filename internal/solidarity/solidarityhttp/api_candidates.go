package solidarityhttp

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ceas-eu/ceas/internal/platform/api"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/solidarity"
)

type candidateOutput struct{ Body solidarity.Candidate }

type candidateListInput struct {
	api.PageParams
	Cycle    string `query:"cycle" maxLength:"64" doc:"Only this cycle (id)."`
	Step     string `query:"step" maxLength:"40" doc:"Only candidates at this step."`
	Incoming bool   `query:"incoming" doc:"Households matched to your state instead of your own."`
}

type stepInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body solidarity.StepInput
}

type scheduleBody struct {
	On string `json:"on" doc:"Planned date YYYY-MM-DD."`
}

type scheduleInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body scheduleBody
}

type transferOutput struct{ Body solidarity.Transfer }

type transferListInput struct {
	Cycle  string `query:"cycle" maxLength:"64"`
	Status string `query:"status" enum:"scheduled,carried_out,failed,cancelled,"`
}

type transfersOutput struct {
	Body struct {
		Items []solidarity.Transfer `json:"items"`
	}
}

type transferActionInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body solidarity.TransferAction
}

func (h *Handler) registerCandidates(a huma.API) {
	svc := h.deps.Service
	api.Register(a, op("create-solidarity-candidate", http.MethodPost, "/candidates",
		"Propose a household of your state for relocation (cycle_id, ref, nationality, profile with members)", http.StatusCreated),
		authz.PermSolidarityCandidates,
		func(ctx context.Context, in *candidateInput) (*candidateOutput, error) {
			var c solidarity.CandidateInput
			if err := decodeStrict(in.data, &c); err != nil {
				return nil, err
			}
			out, err := svc.ProposeCandidate(ctx, c)
			return &candidateOutput{Body: out}, err
		})
	api.Register(a, op("list-solidarity-candidates", http.MethodGet, "/candidates",
		"Candidates you may see: your state's, those matched to it (incoming), or all for EUAA", 0), authz.PermSolidarityRead,
		func(ctx context.Context, in *candidateListInput) (*api.ListOutput[solidarity.Candidate], error) {
			items, err := svc.Candidates(ctx, solidarity.CandidateList{CycleID: in.Cycle, Step: solidarity.Step(in.Step),
				Incoming: in.Incoming, After: in.Cursor, Limit: in.Limit + 1})
			if err != nil {
				return nil, err
			}
			next := ""
			if len(items) > in.Limit {
				items = items[:in.Limit]
				next = items[len(items)-1].ID
			}
			v := url.Values{}
			if in.Cycle != "" {
				v.Set("cycle", in.Cycle)
			}
			if in.Step != "" {
				v.Set("step", in.Step)
			}
			if in.Incoming {
				v.Set("incoming", strconv.FormatBool(true))
			}
			return api.NewList(api.Prefix+"/solidarity/candidates", v, append([]solidarity.Candidate{}, items...), next), nil
		})
	api.Register(a, op("get-solidarity-candidate", http.MethodGet, "/candidates/{id}",
		"A candidate with the steps taken (owner state, receiving state once matched, EUAA)", 0), authz.PermSolidarityRead,
		func(ctx context.Context, in *idPath) (*candidateOutput, error) {
			c, err := svc.Candidate(ctx, in.ID)
			return &candidateOutput{Body: c}, err
		})
	api.Register(a, op("advance-solidarity-candidate", http.MethodPost, "/candidates/{id}/steps",
		"Record the next step of a candidate (or withdrawn) with its date", 0), authz.PermSolidarityRead,
		func(ctx context.Context, in *stepInput) (*candidateOutput, error) {
			c, err := svc.Advance(ctx, in.ID, in.Body)
			return &candidateOutput{Body: c}, err
		})
	api.Register(a, op("schedule-solidarity-transfer", http.MethodPost, "/candidates/{id}/transfers",
		"Schedule the transfer of an accepted household", http.StatusCreated), authz.PermSolidarityRead,
		func(ctx context.Context, in *scheduleInput) (*transferOutput, error) {
			t, err := svc.ScheduleTransfer(ctx, in.ID, in.Body.On)
			return &transferOutput{Body: t}, err
		})
	api.Register(a, op("list-solidarity-transfers", http.MethodGet, "/transfers",
		"The transfer board: coordinators see all, a state its own transfers", 0), authz.PermSolidarityRead,
		func(ctx context.Context, in *transferListInput) (*transfersOutput, error) {
			ts, err := svc.Transfers(ctx, solidarity.TransferFilter{CycleID: in.Cycle, Status: in.Status})
			out := &transfersOutput{}
			out.Body.Items = append([]solidarity.Transfer{}, ts...)
			return out, err
		})
	api.Register(a, op("act-on-solidarity-transfer", http.MethodPost, "/transfers/{id}",
		"Carry out (deducted from the pledge), fail, cancel or reschedule a transfer", 0), authz.PermSolidarityRead,
		func(ctx context.Context, in *transferActionInput) (*transferOutput, error) {
			t, err := svc.ActOnTransfer(ctx, in.ID, in.Body)
			return &transferOutput{Body: t}, err
		})
}
