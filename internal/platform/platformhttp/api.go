package platformhttp

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ceas-eu/ceas/internal/platform/api"
	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/outbox"
	"github.com/ceas-eu/ceas/internal/platform/refdata"
)

type auditListInput struct {
	api.PageParams
	Actor      string    `query:"actor" doc:"User or token id."`
	Action     string    `query:"action" doc:"Action or action prefix, e.g. tp. or auth.login."`
	ObjectType string    `query:"object_type"`
	ObjectID   string    `query:"object_id"`
	From       time.Time `query:"from" doc:"Entries at or after this instant (RFC 3339)."`
	To         time.Time `query:"to" doc:"Entries before this instant (RFC 3339)."`
}

func (in auditListInput) filter() audit.Filter {
	return audit.Filter{Actor: in.Actor, Action: in.Action, ObjectType: in.ObjectType, ObjectID: in.ObjectID, From: in.From, To: in.To}
}

type verifyOutput struct{ Body audit.VerifyResult }

type inboxInput struct{ api.PageParams }

type idPath struct {
	ID string `path:"id" maxLength:"64"`
}

type webhookInput struct {
	Body struct {
		URL    string   `json:"url" format:"uri" maxLength:"2000" doc:"Where events are POSTed."`
		Topics []string `json:"topics" minItems:"1" maxItems:"50" doc:"Topics or prefixes such as tp.* ; * for all."`
	}
}

type webhookOutput struct{ Body outbox.Webhook }

type webhookList struct {
	Body struct {
		Items []outbox.Webhook `json:"items"`
	}
}

type deliveriesOutput struct {
	Body struct {
		Items []outbox.Delivery `json:"items"`
	}
}

type orgsOutput struct {
	Body struct {
		Items []refdata.Organisation `json:"items"`
	}
}

type countriesOutput struct {
	Body struct {
		Items []refdata.Country `json:"items"`
	}
}

func (h *Handler) registerAPI(a huma.API) {
	tags := []string{"Platform"}
	api.Register(a, huma.Operation{OperationID: "list-audit", Method: http.MethodGet, Path: api.Prefix + "/audit",
		Summary: "Browse the audit log", Description: "Newest first. Auditors of a state see entries about their state's records and their own users.",
		Tags: tags}, authz.PermAuditRead,
		func(ctx context.Context, in *auditListInput) (*api.ListOutput[audit.Entry], error) {
			page, err := h.deps.Audit.List(ctx, in.filter(), in.Cursor, in.Limit)
			if err != nil {
				return nil, err
			}
			return api.NewList(api.Prefix+"/audit", url.Values{}, page.Entries, page.Next), nil
		})
	api.Register(a, huma.Operation{OperationID: "verify-audit", Method: http.MethodPost, Path: api.Prefix + "/audit/verify",
		Summary: "Verify the audit log's hash chain", Tags: tags}, authz.PermAuditRead,
		func(ctx context.Context, _ *struct{}) (*verifyOutput, error) {
			res, err := h.deps.Audit.Verify(ctx, nil)
			if err != nil {
				return nil, err
			}
			_ = h.deps.Audit.RecordNow(ctx, audit.Event{Action: "audit.verify", ObjectType: "audit_log", ObjectID: "chain",
				OwnerOrg: authz.FromContext(ctx).Org, Detail: map[string]any{"ok": res.OK, "checked": res.Checked}})
			return &verifyOutput{Body: res}, nil
		})
	api.Register(a, huma.Operation{OperationID: "list-inbox", Method: http.MethodGet, Path: api.Prefix + "/inbox",
		Summary: "Your organisation's notifications", Tags: tags}, authz.PermInboxRead,
		func(ctx context.Context, in *inboxInput) (*api.ListOutput[outbox.Notification], error) {
			items, next, err := h.deps.Outbox.Inbox(ctx, in.Cursor, in.Limit)
			if err != nil {
				return nil, err
			}
			return api.NewList(api.Prefix+"/inbox", url.Values{}, items, next), nil
		})
	api.Register(a, huma.Operation{OperationID: "read-notification", Method: http.MethodPost, Path: api.Prefix + "/inbox/{id}/read",
		Summary: "Mark a notification read", Tags: tags, DefaultStatus: http.StatusNoContent}, authz.PermInboxRead,
		func(ctx context.Context, in *idPath) (*struct{}, error) {
			return nil, h.deps.Outbox.MarkRead(ctx, in.ID)
		})
	h.registerWebhookAPI(a)
	h.registerReferenceAPI(a)
}

func (h *Handler) registerWebhookAPI(a huma.API) {
	tags := []string{"Webhooks"}
	api.Register(a, huma.Operation{OperationID: "create-webhook", Method: http.MethodPost, Path: api.Prefix + "/webhooks",
		Summary: "Subscribe a URL to events", Description: "The answer holds the signing secret, shown only once.",
		Tags: tags, DefaultStatus: http.StatusCreated}, authz.PermAdminHooks,
		func(ctx context.Context, in *webhookInput) (*webhookOutput, error) {
			w, err := h.deps.Webhooks.Create(ctx, in.Body.URL, in.Body.Topics)
			if err != nil {
				return nil, err
			}
			return &webhookOutput{Body: w}, nil
		})
	api.Register(a, huma.Operation{OperationID: "list-webhooks", Method: http.MethodGet, Path: api.Prefix + "/webhooks",
		Summary: "Your organisation's webhooks", Tags: tags}, authz.PermAdminHooks,
		func(ctx context.Context, _ *struct{}) (*webhookList, error) {
			ws, err := h.deps.Webhooks.List(ctx)
			if err != nil {
				return nil, err
			}
			out := &webhookList{}
			out.Body.Items = make([]outbox.Webhook, 0, len(ws))
			for _, w := range ws {
				w.Secret = ""
				out.Body.Items = append(out.Body.Items, w)
			}
			return out, nil
		})
	api.Register(a, huma.Operation{OperationID: "delete-webhook", Method: http.MethodDelete, Path: api.Prefix + "/webhooks/{id}",
		Summary: "Remove a webhook", Tags: tags, DefaultStatus: http.StatusNoContent}, authz.PermAdminHooks,
		func(ctx context.Context, in *idPath) (*struct{}, error) {
			return nil, h.deps.Webhooks.Delete(ctx, in.ID)
		})
	api.Register(a, huma.Operation{OperationID: "list-webhook-deliveries", Method: http.MethodGet, Path: api.Prefix + "/webhooks/deliveries",
		Summary: "Latest deliveries to your webhooks", Tags: tags}, authz.PermAdminHooks,
		func(ctx context.Context, _ *struct{}) (*deliveriesOutput, error) {
			p := authz.FromContext(ctx)
			ds, err := h.deps.Outbox.Deliveries(ctx, p.Org, 200)
			if err != nil {
				return nil, err
			}
			out := &deliveriesOutput{}
			out.Body.Items = append([]outbox.Delivery{}, ds...)
			return out, nil
		})
}

func (h *Handler) registerReferenceAPI(a huma.API) {
	tags := []string{"Reference data"}
	api.Register(a, huma.Operation{OperationID: "list-organisations", Method: http.MethodGet, Path: api.Prefix + "/reference/organisations",
		Summary: "States and EU bodies", Tags: tags}, api.Authenticated,
		func(ctx context.Context, _ *struct{}) (*orgsOutput, error) {
			orgs, err := refdata.StoredOrganisations(ctx, h.deps.DB.Reader())
			if err != nil {
				return nil, err
			}
			out := &orgsOutput{}
			out.Body.Items = orgs
			return out, nil
		})
	api.Register(a, huma.Operation{OperationID: "list-countries", Method: http.MethodGet, Path: api.Prefix + "/reference/countries",
		Summary: "ISO 3166-1 countries", Tags: tags}, api.Authenticated,
		func(ctx context.Context, _ *struct{}) (*countriesOutput, error) {
			out := &countriesOutput{}
			out.Body.Items = refdata.Countries()
			return out, nil
		})
}
