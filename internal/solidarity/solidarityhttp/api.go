package solidarityhttp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ceas-eu/ceas/internal/platform/api"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/solidarity"
)

// MaxInstanceBytes bounds an instance sent to the matcher: 100,000 candidates with scores
// for a few hundred places fit.
const MaxInstanceBytes = 512 << 20

// rawBody keeps the request body: the module decodes it so that every error names its
// element (solidarity.DecodeInstance, decodeStrict).
type rawBody struct{ data []byte }

func (b *rawBody) read(ctx huma.Context, limit int64) []error {
	data, err := io.ReadAll(io.LimitReader(ctx.BodyReader(), limit+1))
	if err != nil {
		return []error{&huma.ErrorDetail{Location: "body", Message: err.Error()}}
	}
	if int64(len(data)) > limit {
		return []error{&huma.ErrorDetail{Location: "body", Message: fmt.Sprintf("larger than %d bytes", limit)}}
	}
	b.data = data
	return nil
}

type matchInput struct {
	Pins      []string `query:"pin" doc:"Pin a case to a place, CASE=PLACE (repeatable)."`
	Forbids   []string `query:"forbid" doc:"Forbid a place for a case, CASE=PLACE (repeatable)."`
	TimeLimit float64  `query:"time_limit" minimum:"0" maximum:"60" default:"10" doc:"Seconds the optimiser may use."`
	rawBody
}

// Resolve reads the instance.
func (in *matchInput) Resolve(ctx huma.Context) []error { return in.read(ctx, MaxInstanceBytes) }

type assignmentOutput struct{ Body solidarity.Assignment }

type candidateInput struct{ rawBody }

// Resolve reads the body.
func (in *candidateInput) Resolve(ctx huma.Context) []error { return in.read(ctx, 1<<20) }

type idPath struct {
	ID string `path:"id" maxLength:"64"`
}

// decodeStrict reads JSON refusing unknown fields, naming the body on error.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return errs.Field("body", "not valid JSON for this operation: "+err.Error())
	}
	return nil
}

func overrides(pins, forbids []string) (solidarity.Overrides, error) {
	var ov solidarity.Overrides
	var v errs.Validation
	for i, s := range pins {
		p, err := solidarity.ParsePlacement(s)
		if err != nil {
			v.Addf(fmt.Sprintf("query.pin[%d]", i), "%q is not CASE=PLACE", s)
		}
		ov.Pins = append(ov.Pins, p)
	}
	for i, s := range forbids {
		p, err := solidarity.ParsePlacement(s)
		if err != nil {
			v.Addf(fmt.Sprintf("query.forbid[%d]", i), "%q is not CASE=PLACE", s)
		}
		ov.Forbids = append(ov.Forbids, p)
	}
	return ov, v.Err()
}

func (h *Handler) registerAPI(a huma.API) {
	svc := h.deps.Service
	api.Register(a, op("match-relocation-instance", http.MethodPost, "/match",
		"Optimise a relocation instance (eu-vsm-relocation-instance/v1) and answer the assignment (eu-vsm-relocation-solution/v1); "+
			"the same function as `ceas solidarity match`; nothing is stored", 0), authz.PermSolidarityMatch,
		func(ctx context.Context, in *matchInput) (*assignmentOutput, error) {
			inst, err := solidarity.DecodeInstance(bytes.NewReader(in.data))
			if err != nil {
				return nil, err
			}
			ov, err := overrides(in.Pins, in.Forbids)
			if err != nil {
				return nil, err
			}
			_, sol, err := svc.MatchInstance(ctx, inst, ov, time.Duration(in.TimeLimit*float64(time.Second)))
			return &assignmentOutput{Body: sol}, err
		})
	h.registerLedger(a)
	h.registerCandidates(a)
	h.registerRuns(a)
}

func op(id, method, path, summary string, status int) huma.Operation {
	return huma.Operation{OperationID: id, Method: method, Path: api.Prefix + "/solidarity" + path, Summary: summary,
		Tags: []string{"Solidarity"}, DefaultStatus: status}
}
