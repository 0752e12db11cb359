package solidarityhttp

import (
	"net/http"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/web"
	"github.com/ceas-eu/ceas/internal/solidarity"
)

// cycleFields opens a cycle; joinFields adds a participant. Coordinators only.
func cycleFields() []web.Field {
	return []web.Field{{Name: "code", Label: "solidarity.form.code", Required: true},
		{Name: "name", Label: "solidarity.form.name", Required: true},
		{Name: "regime", Label: "solidarity.form.regime", Type: "select", Options: []web.Option{
			{Value: solidarity.RegimeVSM2022, Label: "solidarity.regime.vsm2022"}, {Value: solidarity.RegimePact2024, Label: "solidarity.regime.pact2024"}}},
		{Name: "starts_on", Label: "solidarity.form.starts_on", Type: "date", Required: true},
		{Name: "ends_on", Label: "solidarity.form.ends_on", Type: "date", Required: true},
		{Name: "relocation_target", Label: "solidarity.form.target", Type: "number", Required: true},
		{Name: "financial_floor_eur", Label: "solidarity.form.financial_floor", Type: "number"}}
}

func joinFields() []web.Field {
	return []web.Field{{Name: "state", Label: "solidarity.col.state", Hint: "solidarity.form.state_hint", Required: true},
		{Name: "role", Label: "solidarity.col.roles", Type: "select", Options: []web.Option{
			{Value: solidarity.RoleContributor, Label: "solidarity.role.contributor"}, {Value: solidarity.RoleBeneficiary, Label: "solidarity.role.beneficiary"}}},
		{Name: "joined_on", Label: "solidarity.form.on", Type: "date"}}
}

func isCoordinator(r *http.Request) bool {
	return authz.FromContext(r.Context()).Can(authz.PermSolidarityMatch)
}

func (h *Handler) createCycleForm(w http.ResponseWriter, r *http.Request) {
	c := solidarity.Cycle{Code: r.FormValue("code"), Name: r.FormValue("name"), Regime: r.FormValue("regime"),
		StartsOn: r.FormValue("starts_on"), EndsOn: r.FormValue("ends_on"), RelocationTarget: int64Form(r, "relocation_target"),
		FinancialFloorEUR: int64Form(r, "financial_floor_eur")}
	c, err := h.deps.Service.CreateCycle(r.Context(), c)
	if err != nil {
		h.overviewFormFailed(w, r, err)
		return
	}
	http.Redirect(w, r, "/solidarity?cycle="+c.Code, http.StatusSeeOther)
}

func (h *Handler) joinForm(w http.ResponseWriter, r *http.Request) {
	in := solidarity.ParticipantInput{State: r.FormValue("state"), Role: r.FormValue("role"), JoinedOn: r.FormValue("joined_on")}
	if err := h.deps.Service.Join(r.Context(), r.PathValue("code"), in); err != nil {
		h.overviewFormFailed(w, r, err)
		return
	}
	http.Redirect(w, r, "/solidarity?cycle="+r.PathValue("code"), http.StatusSeeOther)
}

func (h *Handler) needForm(w http.ResponseWriter, r *http.Request) {
	c, _, err := h.cycleOf(r)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	n := solidarity.Need{State: r.PathValue("code"), Relocations: int64Form(r, "relocations"), DeclaredOn: r.FormValue("declared_on"), Note: r.FormValue("note")}
	if _, err := h.deps.Service.DeclareNeed(r.Context(), c.ID, n); err != nil {
		h.stateFormFailed(w, r, err)
		return
	}
	http.Redirect(w, r, "/solidarity/states/"+n.State+"?cycle="+c.Code, http.StatusSeeOther)
}

func needFields() []web.Field {
	return []web.Field{{Name: "relocations", Label: "solidarity.col.need", Type: "number", Required: true},
		{Name: "declared_on", Label: "solidarity.form.on", Type: "date", Required: true},
		{Name: "note", Label: "solidarity.form.note", Type: "textarea"}}
}

func (h *Handler) overviewFormFailed(w http.ResponseWriter, r *http.Request, err error) {
	status, lines, ok := formError(err)
	if !ok {
		h.deps.Fail(w, r, err)
		return
	}
	h.renderOverview(w, r, status, lines)
}

// offsetFields grants an offset or a deduction; coordinators only.
func offsetFields() []web.Field {
	return []web.Field{{Name: "kind", Label: "solidarity.form.offset_kind", Type: "select", Options: []web.Option{
		{Value: solidarity.OffsetDeduction, Label: "solidarity.offset.deduction"}, {Value: solidarity.OffsetOffset, Label: "solidarity.offset.offset"}}},
		{Name: "relocations", Label: "solidarity.col.pledged", Type: "number"},
		{Name: "amount_eur", Label: "solidarity.form.amount_eur", Type: "number"},
		{Name: "reason", Label: "solidarity.form.reason", Type: "textarea", Required: true},
		{Name: "granted_on", Label: "solidarity.form.on", Type: "date", Required: true}}
}

func (h *Handler) offsetForm(w http.ResponseWriter, r *http.Request) {
	c, _, err := h.cycleOf(r)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	o := solidarity.Offset{State: r.PathValue("code"), Kind: r.FormValue("kind"), Relocations: int64Form(r, "relocations"),
		AmountEUR: int64Form(r, "amount_eur"), Reason: r.FormValue("reason"), GrantedOn: r.FormValue("granted_on")}
	if _, err := h.deps.Service.GrantOffset(r.Context(), c.ID, o); err != nil {
		h.stateFormFailed(w, r, err)
		return
	}
	http.Redirect(w, r, "/solidarity/states/"+o.State+"?cycle="+c.Code, http.StatusSeeOther)
}

// runInstance downloads a run's stored instance, to replay it with `ceas solidarity match`.
func (h *Handler) runInstance(w http.ResponseWriter, r *http.Request) {
	run, err := h.deps.Service.Run(r.Context(), r.PathValue("id"))
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Disposition", `attachment; filename="run-`+run.ID+`-instance.json"`)
	_, _ = w.Write(run.Instance)
}
