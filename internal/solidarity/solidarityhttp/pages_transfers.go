package solidarityhttp

import (
	"net/http"
	"strconv"

	"github.com/ceas-eu/ceas/internal/platform/web"
	"github.com/ceas-eu/ceas/internal/solidarity"
)

type transfersData struct {
	web.Frame
	Scheduled []solidarity.Transfer
	Table     web.Table
	Actions   []web.Option
	Errors    []string
}

// transfersPage is the transfer board: the scheduled transfers with their action forms and
// every transfer with its dates.
func (h *Handler) transfersPage(w http.ResponseWriter, r *http.Request) {
	h.renderTransfers(w, r, http.StatusOK, nil)
}

func (h *Handler) renderTransfers(w http.ResponseWriter, r *http.Request, status int, errors []string) {
	ts, err := h.deps.Service.Transfers(r.Context(), solidarity.TransferFilter{CycleID: r.URL.Query().Get("cycle")})
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &transfersData{Frame: h.deps.Frame(r, "solidarity.transfers.title", "/solidarity/transfers"), Errors: errors,
		Actions: []web.Option{{Value: "carry_out", Label: "solidarity.action.carry_out"}, {Value: "fail", Label: "solidarity.action.fail"},
			{Value: "cancel", Label: "solidarity.action.cancel"}, {Value: "reschedule", Label: "solidarity.action.reschedule"}}}
	data.Table = web.Table{Caption: "solidarity.transfers.caption", Empty: "solidarity.transfers.empty",
		Columns: []web.Column{{Label: "solidarity.col.ref"}, {Label: "solidarity.col.from"}, {Label: "solidarity.col.to"},
			{Label: "solidarity.col.size", Numeric: true}, {Label: "solidarity.col.status"}, {Label: "solidarity.col.scheduled"},
			{Label: "solidarity.col.carried_out"}, {Label: "solidarity.col.note"}}}
	for _, t := range ts {
		if t.Status == solidarity.TransferScheduled {
			data.Scheduled = append(data.Scheduled, t)
		}
		data.Table.Rows = append(data.Table.Rows, web.Row{Cells: []web.Cell{{Text: t.CandidateRef}, {Text: t.FromState}, {Text: t.ToState},
			{Text: strconv.Itoa(t.Persons), Numeric: true}, {Text: t.Status}, {Text: t.ScheduledOn}, {Text: t.CarriedOutOn}, {Text: t.Reason}}})
	}
	h.pages.Render(w, r, status, pageTransfers, data)
}

func (h *Handler) transferForm(w http.ResponseWriter, r *http.Request) {
	a := solidarity.TransferAction{Action: r.FormValue("action"), On: r.FormValue("on"), Reason: r.FormValue("reason")}
	if _, err := h.deps.Service.ActOnTransfer(r.Context(), r.PathValue("id"), a); err != nil {
		status, lines, ok := formError(err)
		if !ok {
			h.deps.Fail(w, r, err)
			return
		}
		h.renderTransfers(w, r, status, lines)
		return
	}
	http.Redirect(w, r, "/solidarity/transfers", http.StatusSeeOther)
}
