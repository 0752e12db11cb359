package tphttp

import (
	"net/http"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/web"
	"github.com/ceas-eu/ceas/internal/tp"
)

// formField describes one control of the registration form, named as the import columns.
type formField struct {
	name, label, typ string
	required         bool
	options          func() []web.Option
}

func formFields() []formField {
	return []formField{
		{name: "surname", label: "tp.field.surname", required: true},
		{name: "given_name", label: "tp.field.given_name", required: true},
		{name: "patronymic", label: "tp.field.patronymic"},
		{name: "surname_cyrillic", label: "tp.field.surname_cyrillic"},
		{name: "given_name_cyrillic", label: "tp.field.given_name_cyrillic"},
		{name: "patronymic_cyrillic", label: "tp.field.patronymic_cyrillic"},
		{name: "sex", label: "tp.field.sex", typ: "select", required: true, options: func() []web.Option {
			return opts("", "M", "F", "X")
		}},
		{name: "date_of_birth", label: "tp.field.date_of_birth", required: true},
		{name: "place_of_birth", label: "tp.field.place_of_birth"},
		{name: "nationality", label: "tp.field.nationality", required: true},
		{name: "document_type", label: "tp.field.document_type", typ: "select", options: func() []web.Option {
			return opts(append([]string{""}, tp.DocumentTypes()...)...)
		}},
		{name: "document_number", label: "tp.field.document_number"},
		{name: "document_country", label: "tp.field.document_country"},
		{name: "document_expires_on", label: "tp.field.document_expires_on", typ: "date"},
		{name: "ground", label: "tp.field.ground", typ: "select", required: true, options: func() []web.Option {
			var g []string
			for _, x := range tp.Grounds() {
				g = append(g, string(x))
			}
			return opts(g...)
		}},
		{name: "registered_on", label: "tp.field.registered_on", typ: "date"},
		{name: "address", label: "tp.field.address"},
		{name: "locality", label: "tp.field.locality"},
		{name: "postcode", label: "tp.field.postcode"},
		{name: "region", label: "tp.field.region"},
		{name: "permit_number", label: "tp.field.permit_number"},
		{name: "permit_issued_on", label: "tp.field.permit_issued_on", typ: "date"},
		{name: "permit_valid_until", label: "tp.field.permit_valid_until", typ: "date"},
		{name: "external_id", label: "tp.field.external_id"},
	}
}

func opts(values ...string) []web.Option {
	out := make([]web.Option, len(values))
	for i, v := range values {
		label := v
		if label == "" {
			label = "tp.option.choose"
		}
		out[i] = web.Option{Value: v, Label: label}
	}
	return out
}

// formInput reads the posted form as an Input.
func formInput(r *http.Request) tp.RegistrationInput {
	return tp.InputFromColumns(func(name string) string { return strings.TrimSpace(r.PostFormValue(name)) })
}

// formName maps a validation error's field to the form control that holds it.
func formName(field string) string {
	field = strings.TrimPrefix(field, "person.")
	if rest, ok := strings.CutPrefix(field, "documents[0]."); ok {
		return "document_" + rest
	}
	if rest, ok := strings.CutPrefix(field, "permit."); ok {
		return "permit_" + rest
	}
	return strings.ReplaceAll(field, ".", "_")
}

// buildFields renders the form controls with the posted values and the errors of err.
func buildFields(r *http.Request, err error) []web.Field {
	msgs := map[string]string{}
	if e, ok := errs.As(err); ok {
		for _, f := range e.Fields {
			if n := formName(f.Field); msgs[n] == "" {
				msgs[n] = f.Rule
			}
		}
	}
	var out []web.Field
	for _, ff := range formFields() {
		out = append(out, ff.build(r, msgs[ff.name]))
	}
	return out
}

func (ff formField) build(r *http.Request, msg string) web.Field {
	f := web.Field{Name: ff.name, Label: ff.label, Type: ff.typ, Required: ff.required, Error: msg,
		ValidateURL: "/tp/validate"}
	if r != nil && r.Method == http.MethodPost {
		f.Value = r.PostFormValue(ff.name)
	}
	if ff.options != nil {
		for _, o := range ff.options() {
			o.Selected = o.Value == f.Value
			f.Options = append(f.Options, o)
		}
	}
	return f
}
