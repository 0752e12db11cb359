// Package errs is the one error vocabulary of CEAS. Domain code returns these kinds,
// wrapped with context; the API adapter turns them into problem+json (RFC 9457) and the
// CLI into a one-line message and a non-zero exit code.
package errs

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Kind classifies an error for the transports.
type Kind int

// The kinds, from most to least specific.
const (
	KindInternal        Kind = iota // a bug or an unavailable dependency
	KindInvalid                     // the input breaks a rule; Fields names which
	KindNotFound                    // the record does not exist or is not visible to the caller
	KindConflict                    // the change collides with the stored state
	KindForbidden                   // the caller is known but may not do this
	KindUnauthenticated             // the caller is not known
	KindTooLarge                    // the input exceeds a size limit
	KindRateLimited                 // too many attempts
)

// String names the kind as it appears in logs.
func (k Kind) String() string {
	switch k {
	case KindInvalid:
		return "invalid"
	case KindNotFound:
		return "not_found"
	case KindConflict:
		return "conflict"
	case KindForbidden:
		return "forbidden"
	case KindUnauthenticated:
		return "unauthenticated"
	case KindTooLarge:
		return "too_large"
	case KindRateLimited:
		return "rate_limited"
	}
	return "internal"
}

// FieldError names one field and the rule it breaks.
type FieldError struct {
	Field string `json:"location"`
	Rule  string `json:"message"`
	Value any    `json:"value,omitempty"`
}

// Error is a classified error with a message safe to show to the caller.
type Error struct {
	Kind    Kind
	Message string
	Fields  []FieldError
}

// Error implements error.
func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return e.Message
	}
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Field + ": " + f.Rule
	}
	if e.Message == "" {
		return strings.Join(parts, "; ")
	}
	return e.Message + ": " + strings.Join(parts, "; ")
}

// New returns an error of kind k with a formatted message.
func New(k Kind, format string, args ...any) error {
	return &Error{Kind: k, Message: fmt.Sprintf(format, args...)}
}

// NotFound reports a record that does not exist or that the caller may not see.
func NotFound(format string, args ...any) error { return New(KindNotFound, format, args...) }

// Forbidden reports an action the caller's roles or organisation do not allow.
func Forbidden(format string, args ...any) error { return New(KindForbidden, format, args...) }

// Conflict reports a change that collides with stored state.
func Conflict(format string, args ...any) error { return New(KindConflict, format, args...) }

// Unauthenticated reports a missing or invalid credential.
func Unauthenticated(format string, args ...any) error {
	return New(KindUnauthenticated, format, args...)
}

// Field returns an Invalid error for a single field.
func Field(field, rule string) error {
	return &Error{Kind: KindInvalid, Message: "invalid input", Fields: []FieldError{{Field: field, Rule: rule}}}
}

// Validation collects field errors; its Err is nil when nothing was added.
type Validation struct {
	fields []FieldError
}

// Add records that field breaks rule.
func (v *Validation) Add(field, rule string) {
	v.fields = append(v.fields, FieldError{Field: field, Rule: rule})
}

// Addf records that field breaks a formatted rule.
func (v *Validation) Addf(field, format string, args ...any) {
	v.Add(field, fmt.Sprintf(format, args...))
}

// Check adds rule for field when ok is false.
func (v *Validation) Check(ok bool, field, rule string) {
	if !ok {
		v.Add(field, rule)
	}
}

// Merge adds the field errors of err, nested under prefix such as "documents[0]".
func (v *Validation) Merge(prefix string, err error) {
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindInvalid {
		if err != nil {
			v.Add(prefix, err.Error())
		}
		return
	}
	for _, f := range e.Fields {
		name := f.Field
		if prefix != "" {
			name = prefix + "." + f.Field
		}
		v.fields = append(v.fields, FieldError{Field: name, Rule: f.Rule, Value: f.Value})
	}
}

// Err returns the collected Invalid error, or nil.
func (v *Validation) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	fields := append([]FieldError(nil), v.fields...)
	sort.SliceStable(fields, func(i, j int) bool { return fields[i].Field < fields[j].Field })
	return &Error{Kind: KindInvalid, Message: "invalid input", Fields: fields}
}

// KindOf returns the kind of err, KindInternal for unclassified errors.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindInternal
}

// As returns the classified error inside err, if any.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
