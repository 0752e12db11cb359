package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ceas-eu/ceas/internal/platform/authz"
)

// Me describes the caller.
type Me struct {
	ID          string   `json:"id" doc:"User or token id."`
	Name        string   `json:"name"`
	Org         string   `json:"org" doc:"Organisation code: a state's ISO code or an EU body."`
	Kind        string   `json:"kind" enum:"user,token" doc:"How the caller authenticated."`
	Roles       []string `json:"roles"`
	Permissions []string `json:"permissions" doc:"What the roles allow, for clients that adapt their interface."`
}

// MeOutput is the response of GET /api/v1/me.
type MeOutput struct{ Body Me }

// RegisterMe adds GET /api/v1/me, the simplest authenticated call.
func RegisterMe(a huma.API) {
	Register(a, huma.Operation{OperationID: "get-me", Method: http.MethodGet, Path: Prefix + "/me",
		Summary: "Who am I", Tags: []string{"Platform"}}, Authenticated,
		func(ctx context.Context, _ *struct{}) (*MeOutput, error) {
			p := authz.FromContext(ctx)
			me := Me{ID: p.ID, Name: p.Name, Org: p.Org, Kind: string(p.Kind), Roles: []string{}, Permissions: []string{}}
			seen := map[authz.Permission]bool{}
			for _, r := range p.Roles {
				me.Roles = append(me.Roles, string(r))
				for _, perm := range authz.Grants(r) {
					if !seen[perm] {
						seen[perm] = true
						me.Permissions = append(me.Permissions, string(perm))
					}
				}
			}
			return &MeOutput{Body: me}, nil
		})
}
