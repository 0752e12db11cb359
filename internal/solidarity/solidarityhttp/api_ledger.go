package solidarityhttp

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ceas-eu/ceas/internal/platform/api"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/solidarity"
)

type cycleBody struct {
	Code              string `json:"code" maxLength:"40"`
	Name              string `json:"name" maxLength:"200"`
	Regime            string `json:"regime" enum:"vsm2022,pact2024"`
	StartsOn          string `json:"starts_on" doc:"YYYY-MM-DD"`
	EndsOn            string `json:"ends_on" doc:"YYYY-MM-DD"`
	RelocationTarget  int64  `json:"relocation_target"`
	FinancialFloorEUR int64  `json:"financial_floor_eur,omitempty"`
	EURPerRelocation  int64  `json:"eur_per_relocation,omitempty"`
}

type cycleInput struct{ Body cycleBody }
type cycleOutput struct{ Body solidarity.Cycle }
type cyclesOutput struct {
	Body struct {
		Items []solidarity.Cycle `json:"items"`
	}
}
type ledgerOutput struct{ Body solidarity.Ledger }
type participantInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body solidarity.ParticipantInput
}
type pledgeInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body solidarity.PledgeInput
}
type pledgeOutput struct{ Body solidarity.Pledge }
type paymentInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body solidarity.PaymentInput
}
type needBody struct {
	State       string `json:"state"`
	Relocations int64  `json:"relocations"`
	DeclaredOn  string `json:"declared_on,omitempty"`
	Note        string `json:"note,omitempty" maxLength:"2000"`
}
type needInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body needBody
}
type needOutput struct{ Body solidarity.Need }
type offsetBody struct {
	State       string `json:"state"`
	Kind        string `json:"kind" enum:"offset,deduction"`
	Relocations int64  `json:"relocations,omitempty"`
	AmountEUR   int64  `json:"amount_eur,omitempty"`
	Reason      string `json:"reason" maxLength:"2000"`
	GrantedOn   string `json:"granted_on,omitempty"`
}
type offsetInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body offsetBody
}
type offsetOutput struct{ Body solidarity.Offset }
type monitoringOutput struct{ Body solidarity.Monitoring }
type simulateInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body solidarity.Scenario
}
type simulateOutput struct{ Body solidarity.SimulationResult }

func (h *Handler) registerLedger(a huma.API) {
	svc := h.deps.Service
	api.Register(a, op("list-solidarity-cycles", http.MethodGet, "/cycles", "Solidarity cycles, newest first", 0), authz.PermSolidarityRead,
		func(ctx context.Context, _ *struct{}) (*cyclesOutput, error) {
			cs, err := svc.Cycles(ctx)
			out := &cyclesOutput{}
			out.Body.Items = append([]solidarity.Cycle{}, cs...)
			return out, err
		})
	api.Register(a, op("create-solidarity-cycle", http.MethodPost, "/cycles",
		"Open a cycle: the 2022 one-year mechanism or an annual pool of Reg. (EU) 2024/1351 (at least 30,000 relocations and EUR 600 million, Art 12(2))",
		http.StatusCreated), authz.PermSolidarityMatch,
		func(ctx context.Context, in *cycleInput) (*cycleOutput, error) {
			b := in.Body
			c, err := svc.CreateCycle(ctx, solidarity.Cycle{Code: b.Code, Name: b.Name, Regime: b.Regime, StartsOn: b.StartsOn, EndsOn: b.EndsOn,
				RelocationTarget: b.RelocationTarget, FinancialFloorEUR: b.FinancialFloorEUR, EURPerRelocation: b.EURPerRelocation})
			return &cycleOutput{Body: c}, err
		})
	api.Register(a, op("get-solidarity-ledger", http.MethodGet, "/cycles/{id}",
		"A cycle's ledger (id or code): participants, pledges, needs, offsets and deductions", 0), authz.PermSolidarityRead,
		func(ctx context.Context, in *idPath) (*ledgerOutput, error) {
			l, err := svc.Ledger(ctx, in.ID)
			return &ledgerOutput{Body: l}, err
		})
	api.Register(a, op("join-solidarity-cycle", http.MethodPost, "/cycles/{id}/participants",
		"Add a state to a cycle as contributor or beneficiary", http.StatusNoContent), authz.PermSolidarityPledge,
		func(ctx context.Context, in *participantInput) (*struct{}, error) {
			return nil, svc.Join(ctx, in.ID, in.Body)
		})
	api.Register(a, op("create-solidarity-pledge", http.MethodPost, "/cycles/{id}/pledges",
		"Pledge relocations (with regions and preferences), a financial contribution or operational support", http.StatusCreated),
		authz.PermSolidarityPledge,
		func(ctx context.Context, in *pledgeInput) (*pledgeOutput, error) {
			p, err := svc.RecordPledge(ctx, in.ID, in.Body)
			return &pledgeOutput{Body: p}, err
		})
	api.Register(a, op("record-solidarity-payment", http.MethodPost, "/pledges/{id}/payments",
		"Record money committed and paid on a financial pledge", 0), authz.PermSolidarityPledge,
		func(ctx context.Context, in *paymentInput) (*pledgeOutput, error) {
			p, err := svc.RecordPayment(ctx, in.ID, in.Body)
			return &pledgeOutput{Body: p}, err
		})
	api.Register(a, op("withdraw-solidarity-pledge", http.MethodPost, "/pledges/{id}/withdraw", "Withdraw a pledge", 0),
		authz.PermSolidarityPledge,
		func(ctx context.Context, in *idPath) (*pledgeOutput, error) {
			p, err := svc.WithdrawPledge(ctx, in.ID)
			return &pledgeOutput{Body: p}, err
		})
	api.Register(a, op("declare-solidarity-need", http.MethodPost, "/cycles/{id}/needs",
		"Declare the relocations a beneficiary state needs", http.StatusCreated), authz.PermSolidarityPledge,
		func(ctx context.Context, in *needInput) (*needOutput, error) {
			b := in.Body
			n, err := svc.DeclareNeed(ctx, in.ID, solidarity.Need{State: b.State, Relocations: b.Relocations, DeclaredOn: b.DeclaredOn, Note: b.Note})
			return &needOutput{Body: n}, err
		})
	api.Register(a, op("grant-solidarity-offset", http.MethodPost, "/cycles/{id}/offsets",
		"Grant an offset or a deduction of a state's contribution", http.StatusCreated), authz.PermSolidarityMatch,
		func(ctx context.Context, in *offsetInput) (*offsetOutput, error) {
			b := in.Body
			o, err := svc.GrantOffset(ctx, in.ID, solidarity.Offset{State: b.State, Kind: b.Kind, Relocations: b.Relocations,
				AmountEUR: b.AmountEUR, Reason: b.Reason, GrantedOn: b.GrantedOn})
			return &offsetOutput{Body: o}, err
		})
	api.Register(a, op("get-solidarity-monitoring", http.MethodGet, "/cycles/{id}/monitoring",
		"Progress per state: pledged against fair share, matched, transferred, money committed and paid; flows between states (aggregates)", 0),
		authz.PermSolidarityRead,
		func(ctx context.Context, in *idPath) (*monitoringOutput, error) {
			m, err := svc.Monitoring(ctx, in.ID)
			return &monitoringOutput{Body: m}, err
		})
	api.Register(a, op("simulate-solidarity-cycle", http.MethodPost, "/cycles/{id}/simulate",
		"What if: more arrivals, states withdrawing, floors or target changed; computed on a copy, nothing stored", 0),
		authz.PermSolidarityMatch,
		func(ctx context.Context, in *simulateInput) (*simulateOutput, error) {
			r, err := svc.Simulate(ctx, in.ID, in.Body)
			return &simulateOutput{Body: r}, err
		})
}
