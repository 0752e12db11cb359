package awareness

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// maxJSONItems bounds one JSON import; larger batches go as CSV, which is streamed.
const maxJSONItems = 200_000

// ReadJSON reads observations sent as JSON by national systems: an array of Observation
// objects (the API's JSON form), or an object {"observations": [...]}. Each item is checked as
// ReadCSV checks a row; the "line" of a rejected item is its position in the array, from 1.
// A body that is not such an array is rejected as a whole.
func ReadJSON(r io.Reader, accept func(Observation) error) (ImportReport, error) {
	items, err := jsonItems(r)
	if err != nil {
		return ImportReport{}, err
	}
	rep := ImportReport{}
	seen := map[[16]byte]int{}
	for i, raw := range items {
		line := i + 1
		o, reason := parseJSONItem(raw)
		if reason == "" {
			reason = duplicate(seen, o, line)
		}
		if reason != "" {
			rep.reject(line, reason)
			continue
		}
		if err := accept(o); err != nil {
			var rej *RejectError
			if errors.As(err, &rej) {
				rep.reject(line, rej.Reason)
				continue
			}
			return rep, fmt.Errorf("awareness: import item %d: %w", line, err)
		}
		rep.Accepted++
	}
	return rep, nil
}

func jsonItems(r io.Reader) ([]json.RawMessage, error) {
	body, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("awareness: read json: %w", err)
	}
	body = bytes.TrimSpace(body)
	var items []json.RawMessage
	if len(body) > 0 && body[0] == '{' {
		var wrap struct {
			Observations []json.RawMessage `json:"observations"`
		}
		err = json.Unmarshal(body, &wrap)
		items = wrap.Observations
	} else {
		err = json.Unmarshal(body, &items)
	}
	if err != nil {
		return nil, errs.Field("body", "must be a JSON array of observations or {\"observations\": [...]}")
	}
	if len(items) > maxJSONItems {
		return nil, errs.Field("body", fmt.Sprintf("at most %d observations per JSON import; send larger batches as CSV", maxJSONItems))
	}
	return items, nil
}

// parseJSONItem decodes and validates one item; the qualifier defaults to exact as in CSV.
func parseJSONItem(raw json.RawMessage) (Observation, string) {
	var o Observation
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&o); err != nil {
		return o, "malformed observation: " + err.Error()
	}
	o.Suppressed = false // a sender cannot withhold a value; it leaves the row out
	if o.Qualifier == "" {
		o.Qualifier = Exact
	}
	if err := o.Validate(); err != nil {
		return o, reason(err)
	}
	return o, ""
}
