package awareness

import (
	"context"
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// viewer is the state whose figures the caller may see unsuppressed ("" for EU bodies).
func viewer(p authz.Principal) string { return StateOfOrg(p.Org) }

// Observations returns one page of stored observations, every revision, with small counts
// suppressed outside the caller's state.
func (s *Service) Observations(ctx context.Context, f ObservationFilter, cursor string, limit int) ([]Observation, string, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermAwarenessRead); err != nil {
		return nil, "", err
	}
	obs, next, err := s.listObservations(ctx, f, cursor, limit)
	if err != nil {
		return nil, "", err
	}
	return SuppressSmall(obs, s.small, viewer(p)), next, nil
}

// AllObservations returns every stored observation for a reader's own analysis (CSV export),
// suppressed as Observations suppresses them.
func (s *Service) AllObservations(ctx context.Context) ([]Observation, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermAwarenessRead); err != nil {
		return nil, err
	}
	obs, err := s.allObservations(ctx)
	if err != nil {
		return nil, err
	}
	return SuppressSmall(obs, s.small, viewer(p)), nil
}

// checkPeriod validates a period a caller asks for.
func checkPeriod(p Period) error {
	var v errs.Validation
	v.Check(!p.Start.IsZero(), "query.from", "is required (YYYY-MM-DD)")
	v.Check(!p.End.IsZero(), "query.to", "is required (YYYY-MM-DD)")
	v.Check(p.Start.IsZero() || p.End.IsZero() || p.End >= p.Start, "query.to", "must not be before from")
	v.Check(p.Days() <= 366*20, "query.to", "the period may span at most 20 years")
	return v.Err()
}

// Report builds the situational report for p from the stored data (latest revisions), with
// small counts withheld as `ceas report situation` withholds them, so the page and the file
// show the same figures.
func (s *Service) Report(ctx context.Context, p Period) (Report, error) {
	if err := authz.Require(authz.FromContext(ctx), authz.PermAwarenessRead); err != nil {
		return Report{}, err
	}
	if err := checkPeriod(p); err != nil {
		return Report{}, err
	}
	obs, err := s.allObservations(ctx)
	if err != nil {
		return Report{}, err
	}
	r := BuildReport(obs, p.Start, p.End)
	if s.small > 0 {
		r = r.SuppressSmall(s.small)
	}
	return r, nil
}

// Situation is the dashboards' picture of a period: the report's figures, arrivals per state
// for the map, the comparison years per route, and the latest alerts.
type Situation struct {
	Report  Report                 `json:"report"`
	ByState []Ranked               `json:"arrivals_by_state"`
	Routes  map[Route][]YearSeries `json:"routes"`
	Alerts  []StoredAlert          `json:"alerts"`
}

// Situation returns the picture of p as the caller may see it: small counts suppressed
// outside the caller's state.
func (s *Service) Situation(ctx context.Context, p Period) (Situation, error) {
	pr := authz.FromContext(ctx)
	if err := authz.Require(pr, authz.PermAwarenessRead); err != nil {
		return Situation{}, err
	}
	if err := checkPeriod(p); err != nil {
		return Situation{}, err
	}
	obs, err := s.allObservations(ctx)
	if err != nil {
		return Situation{}, err
	}
	r := BuildReport(obs, p.Start, p.End)
	if s.small > 0 {
		r = r.SuppressSmall(s.small)
	}
	out := Situation{Report: r, Routes: map[Route][]YearSeries{}}
	out.ByState = SuppressRanked(ArrivalsByState(obs, p), s.small, viewer(pr))
	for _, route := range Routes() {
		cs := Comparison(obs, RouteSelector(SeriesArrivals, route), p, r.ComparisonYears)
		for i := range cs { // a withheld month is left out, never drawn as zero
			cs[i].Points = suppressPoints(cs[i].Points, s.small)
		}
		if len(cs) > 0 {
			out.Routes[route] = cs
		}
	}
	if out.Alerts, err = s.Alerts(ctx, false, 20); err != nil {
		return Situation{}, err
	}
	return out, nil
}

func suppressPoints(pts []Point, threshold float64) []Point {
	out := pts[:0:0]
	for _, p := range pts {
		if p.Value <= 0 || p.Value >= threshold {
			out = append(out, p)
		}
	}
	return out
}

// BacktestResult is a rule replayed over a period: the weeks it would have fired in and the
// weekly values it looked at, for the backtest page's chart.
type BacktestResult struct {
	Rule   RuleConfig `json:"rule"`
	Period Period     `json:"period"`
	Alerts []Alert    `json:"alerts"`
	Weekly []Point    `json:"weekly"`
}

// Backtest replays the stored rule id over the weeks ending from p.Start to p.End and
// returns the alerts it would have raised, with small weekly values withheld.
func (s *Service) Backtest(ctx context.Context, id string, p Period) (BacktestResult, error) {
	if err := authz.Require(authz.FromContext(ctx), authz.PermAwarenessRead); err != nil {
		return BacktestResult{}, err
	}
	if err := checkPeriod(p); err != nil {
		return BacktestResult{}, err
	}
	c, err := s.rule(ctx, s.db.Reader(), id)
	if err != nil {
		return BacktestResult{}, err
	}
	obs, err := s.allObservations(ctx)
	if err != nil {
		return BacktestResult{}, err
	}
	out := BacktestResult{Rule: c, Period: p, Alerts: BacktestAlerts(c.Rule, obs, p.Start, p.End)}
	if out.Alerts == nil {
		out.Alerts = []Alert{}
	}
	weeks := Period{Start: p.Start.WeekStart(), End: p.End}
	out.Weekly = suppressPoints(FullWeeks(Series(obs, c.Select), weeks), s.small)
	return out, nil
}

// DefaultPeriod is the period the dashboards open on: from 1 January to the last day of the
// arrivals reported by Member States (the headline series of the report, section 3), else of
// Frontex detections, else the year to date of today.
func (s *Service) DefaultPeriod(ctx context.Context) (Period, error) {
	if err := authz.Require(authz.FromContext(ctx), authz.PermAwarenessRead); err != nil {
		return Period{}, err
	}
	for _, kind := range []SeriesKind{SeriesArrivals, SeriesDetections} {
		var last string
		err := s.db.Reader().QueryRowContext(ctx, `SELECT COALESCE(MAX(period_end), '') FROM awareness_observations
			WHERE series = $1 AND measure = ''`, string(kind)).Scan(&last)
		if err != nil {
			return Period{}, fmt.Errorf("awareness: latest data: %w", err)
		}
		if end, err := ParseDate(last); err == nil {
			return Period{Start: Civil(end.Year(), 1, 1), End: end}, nil
		}
	}
	today := DateOf(s.clock.Now())
	return Period{Start: Civil(today.Year(), 1, 1), End: today}, nil
}
