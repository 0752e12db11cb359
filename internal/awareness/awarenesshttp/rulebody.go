package awarenesshttp

import "github.com/ceas-eu/ceas/internal/awareness"

// selectorBody is a rule's selector as the API takes it; the service validates every value.
type selectorBody struct {
	Series        string   `json:"series" maxLength:"40" doc:"One series kind: arrivals and detections are never summed."`
	Measure       string   `json:"measure,omitempty" maxLength:"64"`
	Routes        []string `json:"routes,omitempty" maxItems:"10"`
	State         string   `json:"state,omitempty" maxLength:"2" doc:"A state code, empty for the totals, * for every state."`
	Nationality   string   `json:"nationality,omitempty" maxLength:"2"`
	BorderSection string   `json:"border_section,omitempty" maxLength:"200"`
	Unit          string   `json:"unit,omitempty" maxLength:"20"`
}

// ruleBody is a rule as a coordinator sends it.
type ruleBody struct {
	ID        string       `json:"id,omitempty" maxLength:"100" doc:"Optional; a new id is given when empty."`
	Name      string       `json:"name" maxLength:"200"`
	Kind      string       `json:"kind" maxLength:"40" doc:"above_trailing_median, threshold_crossed, new_top_nationality or forecast_exceeded"`
	Select    selectorBody `json:"select"`
	K         float64      `json:"k,omitempty"`
	Window    int          `json:"window,omitempty" doc:"weeks"`
	Threshold float64      `json:"threshold,omitempty"`
	TopN      int          `json:"top_n,omitempty"`
	Years     int          `json:"years,omitempty"`
	Tolerance float64      `json:"tolerance,omitempty"`
	MinValue  float64      `json:"min_value,omitempty"`
	Enabled   *bool        `json:"enabled,omitempty" doc:"Default true."`
	Notify    []string     `json:"notify,omitempty" maxItems:"30" doc:"Organisations alerted; default your own."`
}

func (b ruleBody) config() awareness.RuleConfig {
	s := awareness.Selector{Series: awareness.SeriesKind(b.Select.Series), Measure: b.Select.Measure, State: b.Select.State,
		Nationality: b.Select.Nationality, BorderSection: b.Select.BorderSection, Unit: awareness.Unit(b.Select.Unit)}
	for _, r := range b.Select.Routes {
		s.Routes = append(s.Routes, awareness.Route(r))
	}
	c := awareness.RuleConfig{Rule: awareness.Rule{ID: b.ID, Name: b.Name, Kind: awareness.RuleKind(b.Kind), Select: s,
		K: b.K, Window: b.Window, Threshold: b.Threshold, TopN: b.TopN, Years: b.Years, Tolerance: b.Tolerance,
		MinValue: b.MinValue}, Enabled: b.Enabled == nil || *b.Enabled, Notify: b.Notify}
	return c
}
