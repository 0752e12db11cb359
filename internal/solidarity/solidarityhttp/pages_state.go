package solidarityhttp

import (
	"net/http"
	"slices"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/web"
	"github.com/ceas-eu/ceas/internal/solidarity"
)

type stateData struct {
	web.Frame
	Cycle      solidarity.Cycle
	State      solidarity.StateProgress
	Details    []web.Detail
	Pledges    web.Table
	Flows      web.Table
	Sankey     web.Chart
	PledgeForm []web.Field
	NeedForm   []web.Field
	OffsetForm []web.Field
	Payable    []solidarity.Pledge
	Errors     []string
}

// statePage is one state's page in a cycle: its fair share and pledges, what it received
// or sent, and its money.
func (h *Handler) statePage(w http.ResponseWriter, r *http.Request) {
	h.renderState(w, r, http.StatusOK, nil)
}

func (h *Handler) renderState(w http.ResponseWriter, r *http.Request, status int, errors []string) {
	c, _, err := h.cycleOf(r)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	code := r.PathValue("code")
	m, err := h.deps.Service.Monitoring(r.Context(), c.ID)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	l, err := h.deps.Service.Ledger(r.Context(), c.ID)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &stateData{Frame: h.deps.Frame(r, "solidarity.state.title", "/solidarity"), Cycle: c, Errors: errors}
	if mayPledge(r, code) {
		data.PledgeForm = pledgeFields()
	}
	found := false
	for _, s := range m.States {
		if s.State == code {
			data.State, found = s, true
		}
	}
	if !found {
		h.deps.Fail(w, r, errs.NotFound("%s does not take part in %s", code, c.Code))
		return
	}
	data.Frame.Title = data.State.Name
	if data.PledgeForm != nil && slices.Contains(data.State.Roles, solidarity.RoleBeneficiary) {
		data.NeedForm = needFields()
	}
	if isCoordinator(r) {
		data.OffsetForm = offsetFields()
	}
	data.Details = append(totalsDetails(data.State),
		web.Detail{Label: "solidarity.col.share_met", Value: pct(data.State.ShareMet)},
		web.Detail{Label: "solidarity.col.remaining", Value: i64(data.State.Remaining)},
		web.Detail{Label: "solidarity.col.need", Value: i64(data.State.Need)},
		web.Detail{Label: "solidarity.col.sent_out", Value: i64(data.State.SentOut)},
		web.Detail{Label: "solidarity.offset.offset", Value: i64(data.State.Offsets)},
		web.Detail{Label: "solidarity.offset.deduction", Value: i64(data.State.Deductions)})
	data.Pledges = web.Table{Caption: "solidarity.state.pledges", Empty: "solidarity.state.no_pledges",
		Columns: []web.Column{{Label: "solidarity.col.form"}, {Label: "solidarity.col.pledged", Numeric: true},
			{Label: "solidarity.col.amount", Numeric: true}, {Label: "solidarity.col.paid", Numeric: true},
			{Label: "solidarity.col.status"}, {Label: "solidarity.col.date"}, {Label: "solidarity.col.source"}}}
	for _, p := range l.Pledges {
		if p.State != code {
			continue
		}
		if data.PledgeForm != nil && p.Form == solidarity.FormFinancial && p.Status != solidarity.PledgePaid && p.Status != solidarity.PledgeWithdrawn {
			data.Payable = append(data.Payable, p)
		}
		src := "published"
		if p.Synthetic {
			src = "synthetic"
		}
		data.Pledges.Rows = append(data.Pledges.Rows, web.Row{Cells: []web.Cell{{Text: p.Form}, num(p.Relocations),
			{Text: eur(p.AmountEUR), Numeric: true}, {Text: eur(p.PaidEUR), Numeric: true}, {Text: p.Status}, {Text: p.PledgedOn}, {Text: src}}})
	}
	var flows []solidarity.Flow
	data.Flows = web.Table{Caption: "solidarity.state.flows", Empty: "solidarity.state.no_flows",
		Columns: []web.Column{{Label: "solidarity.col.from"}, {Label: "solidarity.col.to"},
			{Label: "solidarity.col.matched", Numeric: true}, {Label: "solidarity.col.transferred", Numeric: true}}}
	for _, f := range m.Flows {
		if f.From != code && f.To != code {
			continue
		}
		flows = append(flows, f)
		matched, moved := web.Cell{Text: "<5", Numeric: true}, web.Cell{Text: "<5", Numeric: true}
		if !f.Suppressed {
			matched, moved = num(f.Persons), num(f.Transferred)
		}
		data.Flows.Rows = append(data.Flows.Rows, web.Row{Cells: []web.Cell{{Text: f.From}, {Text: f.To}, matched, moved}})
	}
	data.Sankey = sankeyChart(flows)
	h.pages.Render(w, r, status, pageState, data)
}

func pct(x float64) string { return i64(int64(x+0.5)) + "%" }
