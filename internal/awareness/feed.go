package awareness

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// Publisher is what other modules call, through the app's wiring, to hand their aggregates to
// the situational picture (ARCHITECTURE.md: awareness reads aggregates that modules publish,
// never their tables). *Service implements it. A publisher sends every observation with
// revision 0 and the same key each time: when a count changed since the last call the store
// keeps the new value as the next revision, and an unchanged count changes nothing.
type Publisher interface {
	Ingest(ctx context.Context, obs []Observation) (ImportReport, error)
}

// Feed is an aggregate another module publishes that awareness pulls on a schedule (a
// subscription): the app adapts the module's statistics into observations. Observations
// returns the whole current series each time; Ingest keeps only what changed.
type Feed interface {
	// Name identifies the feed in logs and the audit log, e.g. "tp.registrations_by_week".
	Name() string
	// Observations returns the feed's current aggregates.
	Observations(ctx context.Context) ([]Observation, error)
}

// ParseISOWeek reads an ISO 8601 week ("2026-W09") and returns its Monday to Sunday period,
// the form in which the temporary protection platform counts registrations per week.
func ParseISOWeek(s string) (Period, error) {
	if len(s) != 8 || s[4] != '-' || s[5] != 'W' {
		return Period{}, fmt.Errorf("week %q: want YYYY-Www", s)
	}
	y, err1 := strconv.Atoi(s[:4])
	w, err2 := strconv.Atoi(s[6:])
	if err1 != nil || err2 != nil || y < 1 || w < 1 || w > 53 {
		return Period{}, fmt.Errorf("week %q: want YYYY-Www", s)
	}
	// 4 January is always in week 1 (ISO 8601).
	mon := Civil(y, time.January, 4).WeekStart() + Date(7*(w-1))
	if yy, ww := mon.Time().ISOWeek(); yy != y || ww != w {
		return Period{}, fmt.Errorf("week %q: year %d has no week %d", s, y, w)
	}
	return Period{Start: mon, End: mon + 6}, nil
}

// StateOfOrg returns the state code observations use for an organisation code: the EU
// protocol code EL for Greece, whose organisations may be registered as GR; the code itself
// for a Member State or associated state; "" for EU bodies (EC, EUAA, FRONTEX), which own no
// state's figures.
func StateOfOrg(org string) string {
	if org == "GR" {
		return "EL"
	}
	if IsState(org) {
		return org
	}
	return ""
}

// WeeklyCount builds the observation of a count per state and ISO week that a module
// publishes, e.g. WeeklyCount(SeriesTPRegistrations, "PL", "2026-W09", 412, UnitPersons,
// "CEAS temporary protection platform").
func WeeklyCount(kind SeriesKind, org, week string, n int64, u Unit, source string) (Observation, error) {
	p, err := ParseISOWeek(week)
	if err != nil {
		return Observation{}, err
	}
	o := Observation{Series: kind, PeriodStart: p.Start, PeriodEnd: p.End, Geo: Geo{State: StateOfOrg(org)},
		Value: float64(n), Unit: u, Qualifier: Exact, Source: source}
	return o, o.Validate()
}

// FeedFunc adapts a function to Feed, so the app can subscribe to a module's statistics with
// a closure: FeedFunc{FeedName: "tp.registrations_by_week", Fetch: func(ctx) {...}}.
type FeedFunc struct {
	FeedName string
	Fetch    func(ctx context.Context) ([]Observation, error)
}

// Name returns FeedName.
func (f FeedFunc) Name() string { return f.FeedName }

// Observations calls Fetch.
func (f FeedFunc) Observations(ctx context.Context) ([]Observation, error) { return f.Fetch(ctx) }
