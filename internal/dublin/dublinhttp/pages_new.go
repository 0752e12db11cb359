package dublinhttp

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/ceas-eu/ceas/internal/dublin"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

type newCasePageData struct {
	web.Frame
	Groups []fieldGroup
	Errors []string
}

type fieldGroup struct {
	Legend string
	Fields []web.Field
}

func opts(selected string, values ...string) []web.Option {
	out := []web.Option{{Value: "", Label: "dublin.form.none"}}
	for _, v := range values {
		out = append(out, web.Option{Value: v, Label: v, Selected: v == selected})
	}
	return out
}

// newCaseGroups is the form that opens a case: the main facts of a dublin-case/v1 file, one
// of each list, or the whole file as JSON for anything richer.
func newCaseGroups(r *http.Request) []fieldGroup {
	v := func(name string) string { return r.FormValue(name) }
	state := v("application_state")
	if state == "" {
		state = caller(r)
	}
	origin := v("origin")
	if origin == "" {
		origin = dublin.OriginEurodacHit
	}
	originOpts := []web.Option{}
	for _, o := range dublin.Origins() {
		originOpts = append(originOpts, web.Option{Value: o, Label: "dublin.origin." + o, Selected: o == origin})
	}
	return []fieldGroup{
		{"dublin.form.case", []web.Field{
			{Name: "applicant_ref", Label: "dublin.form.applicant_ref", Required: true, Value: v("applicant_ref"), Hint: "dublin.form.applicant_ref_hint"},
			{Name: "origin", Label: "dublin.form.origin", Type: "select", Options: originOpts},
			{Name: "application_state", Label: "dublin.form.application_state", Value: state},
			{Name: "lodged_on", Label: "dublin.form.lodged_on", Type: "date", Value: v("lodged_on")},
			{Name: "date_of_birth", Label: "dublin.form.date_of_birth", Type: "date", Value: v("date_of_birth")},
			{Name: "unaccompanied", Label: "dublin.form.unaccompanied_minor", Type: "checkbox", Checked: v("unaccompanied") != ""},
		}},
		{"dublin.form.entry", []web.Field{
			{Name: "entry_state", Label: "dublin.form.state", Value: v("entry_state")},
			{Name: "entry_date", Label: "dublin.form.date", Type: "date", Value: v("entry_date")},
			{Name: "entry_mode", Label: "dublin.form.entry_mode", Type: "select", Options: opts(v("entry_mode"),
				"irregular_land", "irregular_sea", "irregular_air", "regular_visa", "visa_waived")},
		}},
		{"dublin.form.hit", []web.Field{
			{Name: "hit_category", Label: "dublin.form.hit_category", Type: "select", Options: opts(v("hit_category"), "1", "2", "3")},
			{Name: "hit_state", Label: "dublin.form.state", Value: v("hit_state")},
			{Name: "hit_fingerprinted_on", Label: "dublin.form.fingerprinted_on", Type: "date", Value: v("hit_fingerprinted_on")},
			{Name: "hit_received_on", Label: "dublin.form.hit_received_on", Type: "date", Value: v("hit_received_on")},
		}},
		{"dublin.form.family", []web.Field{
			{Name: "family_relation", Label: "dublin.form.relation", Type: "select", Options: opts(v("family_relation"),
				"spouse", "mother", "father", "sibling", "child", "aunt", "uncle", "grandparent")},
			{Name: "family_state", Label: "dublin.form.state", Value: v("family_state")},
			{Name: "family_status", Label: "dublin.form.family_status", Type: "select", Options: opts(v("family_status"),
				dublin.StatusBeneficiary, dublin.StatusApplicant, dublin.StatusLegalOther)},
		}},
		{"dublin.form.document", []web.Field{
			{Name: "doc_type", Label: "dublin.form.doc_type", Type: "select", Options: opts(v("doc_type"), dublin.DocVisa, dublin.DocResidence)},
			{Name: "doc_state", Label: "dublin.form.issuing_state", Value: v("doc_state")},
			{Name: "doc_valid_from", Label: "dublin.form.valid_from", Type: "date", Value: v("doc_valid_from")},
			{Name: "doc_valid_until", Label: "dublin.form.valid_until", Type: "date", Value: v("doc_valid_until")},
		}},
		{"dublin.form.advanced", []web.Field{
			{Name: "case_json", Label: "dublin.form.case_json", Type: "textarea", Value: v("case_json"), Hint: "dublin.form.case_json_hint"},
		}},
	}
}

func (h *Handler) newCasePage(w http.ResponseWriter, r *http.Request) {
	data := &newCasePageData{Frame: h.deps.Frame(r, "dublin.new.title", "/dublin/cases/new"), Groups: newCaseGroups(r)}
	h.pages.Render(w, r, http.StatusOK, pageNewCase, data)
}

func (h *Handler) createCase(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		h.deps.Fail(w, r, errs.Field("(form)", err.Error()))
		return
	}
	n, err := caseFromForm(r)
	if err == nil {
		var rec dublin.CaseRecord
		if rec, err = h.deps.Service.OpenCase(r.Context(), n); err == nil {
			http.Redirect(w, r, "/dublin/cases/"+rec.ID, http.StatusSeeOther)
			return
		}
	}
	status, lines, ok := formError(err)
	if !ok {
		h.deps.Fail(w, r, err)
		return
	}
	data := &newCasePageData{Frame: h.deps.Frame(r, "dublin.new.title", "/dublin/cases/new"), Groups: newCaseGroups(r), Errors: lines}
	h.pages.Render(w, r, status, pageNewCase, data)
}

// caseFromForm builds the case file from the form (or takes the JSON given) and decodes it
// like any other case file, so errors name the dublin-case/v1 fields.
func caseFromForm(r *http.Request) (dublin.NewCase, error) {
	n := dublin.NewCase{ApplicantRef: strings.TrimSpace(r.FormValue("applicant_ref")), Origin: r.FormValue("origin")}
	raw := []byte(strings.TrimSpace(r.FormValue("case_json")))
	if len(raw) == 0 {
		var err error
		if raw, err = json.Marshal(formCase(r)); err != nil {
			return n, err
		}
	}
	c, err := dublin.Decode(bytes.NewReader(raw))
	if err != nil {
		var v errs.Validation
		v.Merge("case", unwrapInvalid(err))
		return n, v.Err()
	}
	n.Case = c
	return n, nil
}

// formCase maps the form's fields onto the keys of dublin-case/v1; a group left empty adds
// nothing.
func formCase(r *http.Request) map[string]any {
	v := func(name string) string { return strings.TrimSpace(r.FormValue(name)) }
	put := func(m map[string]any, key, val string) {
		if val != "" {
			m[key] = val
		}
	}
	app := map[string]any{"state": strings.ToUpper(v("application_state"))}
	put(app, "lodged_on", v("lodged_on"))
	c := map[string]any{"application": app}
	person := map[string]any{}
	put(person, "date_of_birth", v("date_of_birth"))
	if v("unaccompanied") != "" {
		person["unaccompanied"], person["minor_at_lodging"] = true, true
	}
	if len(person) > 0 {
		c["applicant"] = person
	}
	if v("entry_state") != "" {
		e := map[string]any{"state": strings.ToUpper(v("entry_state"))}
		put(e, "date", v("entry_date"))
		put(e, "mode", v("entry_mode"))
		c["entries"] = []any{e}
	}
	if v("hit_state") != "" {
		cat, _ := strconv.Atoi(v("hit_category"))
		hit := map[string]any{"category": cat, "state": strings.ToUpper(v("hit_state"))}
		put(hit, "fingerprinted_on", v("hit_fingerprinted_on"))
		put(hit, "hit_received_on", v("hit_received_on"))
		c["eurodac_hits"] = []any{hit}
	}
	if v("family_state") != "" {
		f := map[string]any{"relation": v("family_relation"), "state": strings.ToUpper(v("family_state"))}
		put(f, "status", v("family_status"))
		c["family"] = []any{f}
	}
	if v("doc_state") != "" {
		d := map[string]any{"type": v("doc_type"), "issuing_state": strings.ToUpper(v("doc_state"))}
		put(d, "valid_from", v("doc_valid_from"))
		put(d, "valid_until", v("doc_valid_until"))
		c["documents"] = []any{d}
	}
	return c
}
