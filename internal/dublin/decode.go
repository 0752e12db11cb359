package dublin

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// MaxCaseBytes bounds a case file; a real one is a few kilobytes.
const MaxCaseBytes = 4 << 20

// Decode reads one dublin-case/v1 object from r, rejecting unknown keys, dates that are not
// calendar dates and trailing data, and validates it. Errors are errs kinds: Invalid with
// the offending field named, or TooLarge.
func Decode(r io.Reader) (Case, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxCaseBytes+1))
	if err != nil {
		return Case{}, fmt.Errorf("dublin: read case: %w", err)
	}
	if len(data) > MaxCaseBytes {
		return Case{}, errs.New(errs.KindTooLarge, "dublin: case file larger than %d bytes", MaxCaseBytes)
	}
	var c Case
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Case{}, decodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Case{}, errs.Field("(document)", "trailing data after the case object")
	}
	if err := c.Validate(); err != nil {
		return Case{}, fmt.Errorf("dublin: %w", err)
	}
	return c, nil
}

// decodeError turns a JSON error into an Invalid error naming the field.
func decodeError(err error) error {
	var ute *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &ute):
		field := strings.TrimPrefix(ute.Field, ".")
		if field == "" {
			field = "(document)"
		}
		return errs.Field(field, "cannot read "+ute.Value+" as "+typeName(ute.Type.String()))
	case errors.As(err, &se):
		return errs.Field("(document)", fmt.Sprintf("malformed JSON at byte %d: %v", se.Offset, se))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return errs.Field("(document)", "empty or truncated case file")
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		if name = strings.Trim(name, `"`); name == "" {
			return errs.Field("(document)", `unknown key "" (format `+FormatVersion+")")
		}
		return errs.Field(name, "unknown key (format "+FormatVersion+")")
	}
	return errs.Field("(document)", strings.TrimPrefix(msg, "json: "))
}

func typeName(t string) string {
	if t == "timelimit.Date" {
		return "a calendar date"
	}
	return t
}

// DecodeJSON reads one JSON object of at most MaxCaseBytes into v the way Decode reads a
// case file: unknown keys, values of the wrong type, dates that are not calendar dates and
// trailing data are Invalid errors naming the field. The service's inputs (requests,
// replies, transfers) use it.
func DecodeJSON(data []byte, v any) error {
	if len(data) > MaxCaseBytes {
		return errs.New(errs.KindTooLarge, "dublin: body larger than %d bytes", MaxCaseBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errs.Field("(document)", "trailing data after the object")
	}
	return nil
}
