package awareness

import "github.com/ceas-eu/ceas/internal/platform/errs"

// hasField reports whether err is an Invalid error naming field.
func hasField(err error, field string) bool {
	e, ok := errs.As(err)
	if !ok || e.Kind != errs.KindInvalid {
		return false
	}
	for _, f := range e.Fields {
		if f.Field == field {
			return true
		}
	}
	return false
}
