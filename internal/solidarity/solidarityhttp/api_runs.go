package solidarityhttp

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ceas-eu/ceas/internal/platform/api"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/solidarity"
)

type runInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body solidarity.RunInput
}

type runOutcomeOutput struct{ Body solidarity.RunOutcome }
type runOutput struct{ Body solidarity.Run }
type runsOutput struct {
	Body struct {
		Items []solidarity.Run `json:"items"`
	}
}

type acceptBody struct {
	On string `json:"on,omitempty" doc:"Date of the matching, YYYY-MM-DD (default today)."`
}

type acceptInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body *acceptBody
}

type acceptOutput struct{ Body solidarity.AcceptOutcome }

type replayOutput struct {
	Body struct {
		Solution solidarity.Assignment `json:"solution"`
		Same     bool                  `json:"same"`
	}
}

func (h *Handler) registerRuns(a huma.API) {
	svc := h.deps.Service
	api.Register(a, op("start-solidarity-run", http.MethodPost, "/cycles/{id}/runs",
		"Run the matcher on the cycle's open places and ready candidates with pins and forbids; the run is stored with its inputs",
		http.StatusCreated), authz.PermSolidarityMatch,
		func(ctx context.Context, in *runInput) (*runOutcomeOutput, error) {
			r, err := svc.StartRun(ctx, in.ID, in.Body)
			return &runOutcomeOutput{Body: r}, err
		})
	api.Register(a, op("list-solidarity-runs", http.MethodGet, "/cycles/{id}/runs", "A cycle's matching runs, newest first", 0),
		authz.PermSolidarityMatch,
		func(ctx context.Context, in *idPath) (*runsOutput, error) {
			rs, err := svc.Runs(ctx, in.ID)
			out := &runsOutput{}
			out.Body.Items = append([]solidarity.Run{}, rs...)
			return out, err
		})
	api.Register(a, op("get-solidarity-run", http.MethodGet, "/runs/{id}",
		"A matching run: its instance, overrides, assignment, bound, gap and the explanation of each placement", 0),
		authz.PermSolidarityMatch,
		func(ctx context.Context, in *idPath) (*runOutput, error) {
			r, err := svc.Run(ctx, in.ID)
			return &runOutput{Body: r}, err
		})
	api.Register(a, op("accept-solidarity-run", http.MethodPost, "/runs/{id}/accept",
		"Accept a run: its households become matched and the receiving states are notified", 0), authz.PermSolidarityMatch,
		func(ctx context.Context, in *acceptInput) (*acceptOutput, error) {
			on := ""
			if in.Body != nil {
				on = in.Body.On
			}
			r, err := svc.AcceptRun(ctx, in.ID, on)
			return &acceptOutput{Body: r}, err
		})
	api.Register(a, op("replay-solidarity-run", http.MethodPost, "/runs/{id}/replay",
		"Re-solve a stored run from its stored inputs and say whether the assignment is the same", 0), authz.PermSolidarityMatch,
		func(ctx context.Context, in *idPath) (*replayOutput, error) {
			sol, same, err := svc.Replay(ctx, in.ID)
			out := &replayOutput{}
			out.Body.Solution, out.Body.Same = sol, same
			return out, err
		})
}
