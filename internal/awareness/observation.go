package awareness

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// SeriesKind names what an observation counts. Arrivals reported by Member States and
// detections counted by Frontex measure different things (a person arriving versus a
// crossing detected, possibly the same person twice), so they are separate kinds and no
// function of this package ever adds one to the other.
type SeriesKind string

// The series kinds the network watches (issue 6; report section 3).
const (
	SeriesArrivals           SeriesKind = "arrivals"            // irregular arrivals reported by Member States
	SeriesDetections         SeriesKind = "detections"          // Frontex detections of irregular border crossings
	SeriesPreventedEntries   SeriesKind = "prevented_entries"   // entries prevented at the external border
	SeriesAsylumApplications SeriesKind = "asylum_applications" // first-time applications, by state and nationality
	SeriesTPRegistrations    SeriesKind = "tp_registrations"    // temporary protection, Directive 2001/55/EC
	SeriesEurodacHits        SeriesKind = "eurodac_hits"        // Measure names the category (Reg. 603/2013 Art 9, 17)
	SeriesReturnDecisions    SeriesKind = "return_decisions"    // orders to leave, Directive 2008/115/EC Art 6
	SeriesReturns            SeriesKind = "returns"             // effective returns

	// The kinds below hold the report's other figures (resettlement, relocation, reception,
	// deployments) so the demo dataset keeps every published number; Measure tells them apart.
	SeriesResettlement SeriesKind = "resettlement"
	SeriesRelocations  SeriesKind = "relocations"
	SeriesReception    SeriesKind = "reception"
	SeriesIndicator    SeriesKind = "indicator"
)

// SeriesKinds lists every kind.
func SeriesKinds() []SeriesKind {
	return []SeriesKind{SeriesArrivals, SeriesDetections, SeriesPreventedEntries,
		SeriesAsylumApplications, SeriesTPRegistrations, SeriesEurodacHits, SeriesReturnDecisions,
		SeriesReturns, SeriesResettlement, SeriesRelocations, SeriesReception, SeriesIndicator}
}

// Unit is what Value counts.
type Unit string

// The units.
const (
	UnitPersons      Unit = "persons"
	UnitCrossings    Unit = "crossings" // Frontex detections: one person may cross twice
	UnitApplications Unit = "applications"
	UnitHits         Unit = "hits"
	UnitDecisions    Unit = "decisions"
	UnitOperations   Unit = "operations"
	UnitPlaces       Unit = "places"
	UnitCountries    Unit = "countries"
	UnitPercent      Unit = "percent"
	UnitProgrammes   Unit = "programmes"
)

// Units lists every unit.
func Units() []Unit {
	return []Unit{UnitPersons, UnitCrossings, UnitApplications, UnitHits, UnitDecisions,
		UnitOperations, UnitPlaces, UnitCountries, UnitPercent, UnitProgrammes}
}

// Qualifier says how the published number relates to the truth: the report writes
// "almost 480 000", "more than 86 000"; the value is kept with its qualifier, never rounded
// into a false exact number.
type Qualifier string

// The qualifiers.
const (
	Exact       Qualifier = "exact"
	Approximate Qualifier = "approximate"
	MoreThan    Qualifier = "more_than"
)

// Geo is where an observation was counted. Empty fields mean "all": a row with an empty
// State is the total over states, and is never added to the per-state rows.
type Geo struct {
	State         string `json:"state,omitempty"`          // EU protocol code (EL for Greece)
	Route         Route  `json:"route,omitempty"`          // a route or a route group
	BorderSection string `json:"border_section,omitempty"` // free text, e.g. "BY" for the border with Belarus
}

// Observation is one published or reported number: a count for a period, a place and
// optionally a nationality. Aggregates only: no observation refers to a person.
type Observation struct {
	Series      SeriesKind `json:"series"`
	Measure     string     `json:"measure,omitempty"` // variant within a kind, e.g. "category_1"; empty for the main measure
	PeriodStart Date       `json:"period_start"`
	PeriodEnd   Date       `json:"period_end"` // inclusive
	Geo         Geo        `json:"geo"`
	Nationality string     `json:"nationality,omitempty"` // ISO 3166-1 alpha-2; "XX" other or unknown; empty for all
	Value       float64    `json:"value"`
	Unit        Unit       `json:"unit"`
	Qualifier   Qualifier  `json:"qualifier"`
	Source      string     `json:"source"`
	Revision    int        `json:"revision"` // 0 first publication; higher values supersede, older ones stay as history
	Synthetic   bool       `json:"synthetic"`
	Note        string     `json:"note,omitempty"`
	// Suppressed marks a value withheld by SuppressSmall; Value is then 0.
	Suppressed bool `json:"suppressed,omitempty"`
}

// Period returns the observation's period.
func (o Observation) Period() Period { return Period{Start: o.PeriodStart, End: o.PeriodEnd} }

// Key identifies what an observation measures; two observations with the same Key and
// Revision are the same fact and may not disagree.
type Key struct {
	Series      SeriesKind
	Measure     string
	Period      Period
	Geo         Geo
	Nationality string
	Unit        Unit
}

// Key returns the observation's key.
func (o Observation) Key() Key {
	return Key{Series: o.Series, Measure: o.Measure, Period: o.Period(), Geo: o.Geo,
		Nationality: o.Nationality, Unit: o.Unit}
}

// maxText bounds free-text fields so an import cannot bloat the store.
const maxText = 200

// Validate checks the observation, naming each field that breaks a rule.
func (o Observation) Validate() error {
	var v errs.Validation
	if !slices.Contains(SeriesKinds(), o.Series) {
		v.Add("series", "must be one of "+joinKinds())
	}
	v.Check(isCode(o.Measure, 64), "measure", "must be lower-case letters, digits and _ (at most 64)")
	v.Check(!o.PeriodStart.IsZero(), "period_start", "is required")
	v.Check(!o.PeriodEnd.IsZero(), "period_end", "is required")
	if !o.PeriodStart.IsZero() && !o.PeriodEnd.IsZero() {
		v.Check(o.PeriodEnd >= o.PeriodStart, "period_end", "must not be before period_start")
	}
	v.Check(o.Geo.State == "" || IsState(o.Geo.State), "geo.state", "must be a Member State or associated state code (EL for Greece)")
	v.Check(o.Geo.Route == "" || o.Geo.Route.Members() != nil, "geo.route", "unknown route")
	v.Check(isText(o.Geo.BorderSection), "geo.border_section", "must be printable text of at most 200 bytes")
	v.Check(o.Nationality == "" || isAlpha2(o.Nationality), "nationality", "must be an ISO 3166-1 alpha-2 code")
	v.Check(!math.IsNaN(o.Value) && !math.IsInf(o.Value, 0), "value", "must be a finite number")
	v.Check(!(o.Value < 0), "value", "must not be negative")
	v.Check(o.Unit != UnitPercent || o.Value <= 100, "value", "a percentage must not exceed 100")
	v.Check(slices.Contains(Units(), o.Unit), "unit", "unknown unit")
	v.Check(o.Qualifier == Exact || o.Qualifier == Approximate || o.Qualifier == MoreThan,
		"qualifier", "must be exact, approximate or more_than")
	v.Check(strings.TrimSpace(o.Source) != "" && isText(o.Source), "source", "is required, printable, at most 200 bytes")
	v.Check(o.Revision >= 0, "revision", "must not be negative")
	v.Check(isText(o.Note), "note", "must be printable text of at most 200 bytes")
	return v.Err()
}

func joinKinds() string {
	names := make([]string, 0, 12)
	for _, k := range SeriesKinds() {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

func isCode(s string, n int) bool {
	if len(s) > n {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

func isAlpha2(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

func isText(s string) bool {
	if len(s) > maxText || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
}
