package web

import (
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Form is a list of fields and the errors that name none of them, the data of the
// "error-summary" component. A handler fills it, calls Apply with the service's error and
// renders it again with status 422.
type Form struct {
	Fields []Field
	Errors []string // catalogue keys or text about the whole form
}

// Invalid reports whether any field or the form itself carries an error.
func (f Form) Invalid() bool {
	if len(f.Errors) > 0 {
		return true
	}
	for _, fl := range f.Fields {
		if fl.Error != "" {
			return true
		}
	}
	return false
}

// Apply copies the field errors of an errs Invalid error onto the fields they name: a
// FieldError names a field by its Name, or by a dotted path whose last part is the Name
// ("body.url", "documents[0].number" matches "number" only when no field is named with the
// full path). Rules that match no field, and errors of other kinds, go to Errors, so
// nothing the service said is lost.
func (f *Form) Apply(err error) {
	if err == nil {
		return
	}
	e, ok := errs.As(err)
	if !ok || e.Kind != errs.KindInvalid || len(e.Fields) == 0 {
		msg := err.Error()
		if ok && e.Message != "" {
			msg = e.Message
		}
		f.Errors = append(f.Errors, msg)
		return
	}
	for _, fe := range e.Fields {
		if i := f.index(fe.Field); i >= 0 {
			if f.Fields[i].Error == "" { // the first rule broken is the one to fix first
				f.Fields[i].Error = fe.Rule
			}
			continue
		}
		f.Errors = append(f.Errors, fe.Field+": "+fe.Rule)
	}
}

func (f *Form) index(name string) int {
	for i, fl := range f.Fields {
		if fl.Name == name {
			return i
		}
	}
	if dot := strings.LastIndexByte(name, '.'); dot >= 0 {
		return f.index(name[dot+1:])
	}
	return -1
}

// Flash kinds for Frame.FlashKind; they pick the ECL notification style.
const (
	FlashInfo    = "info"
	FlashSuccess = "success"
	FlashWarning = "warning"
	FlashError   = "error"
)

// FlashClass is the ECL notification modifier of the frame's flash message; unknown kinds
// show as information.
func (f *Frame) FlashClass() string {
	switch f.FlashKind {
	case FlashSuccess, FlashWarning, FlashError:
		return f.FlashKind
	}
	return FlashInfo
}
