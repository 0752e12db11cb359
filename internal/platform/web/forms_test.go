package web

import (
	"errors"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

func TestFormApply(t *testing.T) {
	v := errs.Validation{}
	v.Add("body.url", "must be an https URL")
	v.Add("topics", "must not be empty")
	v.Add("topics", "second rule")
	v.Add("secret", "too short")
	cases := []struct {
		name       string
		err        error
		wantFields map[string]string
		wantOther  []string
	}{
		{"nil", nil, map[string]string{}, nil},
		{"field errors", v.Err(), map[string]string{"url": "must be an https URL", "topics": "must not be empty"}, []string{"secret: too short"}},
		{"single field", errs.Field("topics", "unknown topic x"), map[string]string{"topics": "unknown topic x"}, nil},
		{"conflict", errs.Conflict("webhook %s exists", "h1"), map[string]string{}, []string{"webhook h1 exists"}},
		{"plain error", errors.New("boom"), map[string]string{}, []string{"boom"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Form{Fields: []Field{{Name: "url"}, {Name: "topics"}}}
			f.Apply(c.err)
			for _, fl := range f.Fields {
				if fl.Error != c.wantFields[fl.Name] {
					t.Errorf("%s: error %q, want %q", fl.Name, fl.Error, c.wantFields[fl.Name])
				}
			}
			if strings.Join(f.Errors, "|") != strings.Join(c.wantOther, "|") {
				t.Errorf("Errors = %q, want %q", f.Errors, c.wantOther)
			}
			if f.Invalid() != (c.err != nil) {
				t.Errorf("Invalid = %v", f.Invalid())
			}
		})
	}
}

func TestErrorSummary(t *testing.T) {
	f := Form{Fields: []Field{{Name: "url", Label: "Address", Error: "field.required"}, {Name: "topics", Label: "Topics"}}, Errors: []string{"Whole form is odd"}}
	out := fragment(t, "error-summary", f)
	for _, s := range []string{`role="alert"`, `data-autofocus`, `href="#f-url">Address: This field is required.</a>`, "Whole form is odd", "There is a problem"} {
		if !strings.Contains(out, s) {
			t.Errorf("missing %q in %s", s, out)
		}
	}
	if strings.Contains(out, "#f-topics") {
		t.Error("a valid field is listed")
	}
	if out := fragment(t, "error-summary", Form{Fields: []Field{{Name: "a"}}}); strings.TrimSpace(out) != "" {
		t.Errorf("valid form should render nothing, got %q", out)
	}
	if out := fragment(t, "form-fields", f); strings.Count(out, `class="ecl-form-group field`) != 2 {
		t.Errorf("form-fields: %s", out)
	}
}

func TestFlashKinds(t *testing.T) {
	tm := mustTemplates(t)
	cases := []struct{ kind, class, role string }{
		{"", "ecl-notification--info", `role="status"`},
		{FlashSuccess, "ecl-notification--success", `role="status"`},
		{FlashWarning, "ecl-notification--warning", `role="status"`},
		{FlashError, "ecl-notification--error", `role="alert"`},
		{`" onmouseover="x`, "ecl-notification--info", `role="status"`},
	}
	for _, c := range cases {
		f := sampleFrame()
		f.FlashKind = c.kind
		body := render(t, tm, PageHome, &HomePage{Frame: f}, nil).Body.String()
		if !strings.Contains(body, c.class+" flash\" "+c.role) {
			t.Errorf("kind %q: want %s with %s", c.kind, c.class, c.role)
		}
	}
}
