package tp

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// AggregateCount is an aggregate; Suppressed replaces a small count the caller may not see.
type AggregateCount struct {
	Key        string `json:"key"`
	Value      int64  `json:"value"`
	Suppressed bool   `json:"suppressed,omitempty"`
}

// StateAggregates are one state's aggregates.
type StateAggregates struct {
	State            string           `json:"state"`
	Registrations    int64            `json:"registrations"`
	Active           int64            `json:"active_beneficiaries"`
	Deregistered     int64            `json:"deregistered"`
	MultipleFound    int64            `json:"multiple_registrations_found"`
	MultipleResolved int64            `json:"multiple_registrations_resolved"`
	ByReason         []AggregateCount `json:"deregistrations_by_reason"`
	ByWeek           []AggregateCount `json:"registrations_by_week"`
}

// PlatformStats are the aggregates of the platform: never personal data.
type PlatformStats struct {
	States []StateAggregates `json:"states"`
	Total  StateAggregates   `json:"total"`
}

// PlatformStats returns the aggregates per state and in total. Small counts of states other than
// the caller's are suppressed; weekly series are given for the caller's state only (or all
// states for EU-level callers such as coordinators and analysts, who see no records).
func (s *Service) Stats(ctx context.Context) (PlatformStats, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermTPStats); err != nil {
		return PlatformStats{}, err
	}
	by, err := s.counts(ctx)
	if err != nil {
		return PlatformStats{}, err
	}
	return assemble(by, p.Org, s.cfg.SmallCount), nil
}

// statsTTL is how long computed aggregates are reused: they scan every registration, and
// a dashboard need not be more current than a minute.
const statsTTL = time.Minute

// counts returns the per-state aggregates, computed at most once per statsTTL. Callers get
// copies, as assemble suppresses small counts in place.
func (s *Service) counts(ctx context.Context) (map[string]*StateAggregates, error) {
	s.statsMu.Lock()
	defer s.statsMu.Unlock()
	now := s.clock.Now()
	if s.statsCache == nil || now.Sub(s.statsAt) >= statsTTL || now.Before(s.statsAt) {
		by := map[string]*StateAggregates{}
		get := func(st string) *StateAggregates {
			if by[st] == nil {
				by[st] = &StateAggregates{State: st, ByReason: []AggregateCount{}, ByWeek: []AggregateCount{}}
			}
			return by[st]
		}
		for _, step := range []func(context.Context, func(string) *StateAggregates) error{s.statusCounts, s.reviewCounts, s.weekCounts} {
			if err := step(ctx, get); err != nil {
				return nil, err
			}
		}
		s.statsCache, s.statsAt = by, now
	}
	out := make(map[string]*StateAggregates, len(s.statsCache))
	for k, v := range s.statsCache {
		c := *v
		c.ByReason = append([]AggregateCount(nil), v.ByReason...)
		c.ByWeek = append([]AggregateCount(nil), v.ByWeek...)
		out[k] = &c
	}
	return out, nil
}

func (s *Service) statusCounts(ctx context.Context, get func(string) *StateAggregates) error {
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT owner_org, status, dereg_reason, COUNT(*) FROM tp_registrations
		GROUP BY owner_org, status, dereg_reason`)
	if err != nil {
		return fmt.Errorf("tp: status counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var org, status, reason string
		var n int64
		if err := rows.Scan(&org, &status, &reason, &n); err != nil {
			return err
		}
		st := get(org)
		st.Registrations += n
		switch Status(status) {
		case StatusActive, StatusRegistered:
			st.Active += n
		case StatusDeregistered:
			st.Deregistered += n
			st.ByReason = append(st.ByReason, AggregateCount{Key: reason, Value: n})
		}
	}
	return rows.Err()
}

func (s *Service) reviewCounts(ctx context.Context, get func(string) *StateAggregates) error {
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT org_a, org_b, status, COUNT(*) FROM tp_reviews GROUP BY org_a, org_b, status`)
	if err != nil {
		return fmt.Errorf("tp: review counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a, b, status string
		var n int64
		if err := rows.Scan(&a, &b, &status, &n); err != nil {
			return err
		}
		for _, org := range []string{a, b} {
			st := get(org)
			st.MultipleFound += n
			if status != ReviewOpen {
				st.MultipleResolved += n
			}
		}
	}
	return rows.Err()
}

// weekCounts counts registrations per ISO week of their registration date.
func (s *Service) weekCounts(ctx context.Context, get func(string) *StateAggregates) error {
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT owner_org, registered_on, COUNT(*) FROM tp_registrations
		GROUP BY owner_org, registered_on`)
	if err != nil {
		return fmt.Errorf("tp: week counts: %w", err)
	}
	defer rows.Close()
	weeks := map[string]map[string]int64{}
	for rows.Next() {
		var org, on string
		var n int64
		if err := rows.Scan(&org, &on, &n); err != nil {
			return err
		}
		d, err := timelimit.Parse(on)
		if err != nil {
			continue
		}
		y, w := d.Time().ISOWeek()
		if weeks[org] == nil {
			weeks[org] = map[string]int64{}
		}
		weeks[org][fmt.Sprintf("%04d-W%02d", y, w)] += n
	}
	for org, m := range weeks {
		st := get(org)
		for k, n := range m {
			st.ByWeek = append(st.ByWeek, AggregateCount{Key: k, Value: n})
		}
		sort.Slice(st.ByWeek, func(i, j int) bool { return st.ByWeek[i].Key < st.ByWeek[j].Key })
	}
	return rows.Err()
}

func assemble(by map[string]*StateAggregates, caller string, small int) PlatformStats {
	out := PlatformStats{States: []StateAggregates{}, Total: StateAggregates{State: "EU", ByReason: []AggregateCount{}, ByWeek: []AggregateCount{}}}
	reasons := map[string]int64{}
	weeks := map[string]int64{}
	for _, st := range by {
		out.Total.Registrations += st.Registrations
		out.Total.Active += st.Active
		out.Total.Deregistered += st.Deregistered
		out.Total.MultipleFound += st.MultipleFound
		out.Total.MultipleResolved += st.MultipleResolved
		for _, c := range st.ByReason {
			reasons[c.Key] += c.Value
		}
		for _, c := range st.ByWeek {
			weeks[c.Key] += c.Value
		}
		sort.Slice(st.ByReason, func(i, j int) bool { return st.ByReason[i].Key < st.ByReason[j].Key })
		if st.State != caller {
			suppress(st, int64(small))
		}
		out.States = append(out.States, *st)
	}
	// each review was counted once for each of its two states
	out.Total.MultipleFound /= 2
	out.Total.MultipleResolved /= 2
	for k, v := range reasons {
		out.Total.ByReason = append(out.Total.ByReason, AggregateCount{Key: k, Value: v})
	}
	for k, v := range weeks {
		out.Total.ByWeek = append(out.Total.ByWeek, AggregateCount{Key: k, Value: v})
	}
	sort.Slice(out.Total.ByReason, func(i, j int) bool { return out.Total.ByReason[i].Key < out.Total.ByReason[j].Key })
	sort.Slice(out.Total.ByWeek, func(i, j int) bool { return out.Total.ByWeek[i].Key < out.Total.ByWeek[j].Key })
	sort.Slice(out.States, func(i, j int) bool { return out.States[i].State < out.States[j].State })
	return out
}

// suppress hides small counts of a state other than the caller's.
func suppress(st *StateAggregates, small int64) {
	for i := range st.ByReason {
		hide(&st.ByReason[i], small)
	}
	for i := range st.ByWeek {
		hide(&st.ByWeek[i], small)
	}
}

// hide suppresses a count below small: it could single out a person outside the owning state.
func hide(c *AggregateCount, small int64) {
	if c.Value > 0 && c.Value < small {
		c.Value, c.Suppressed = 0, true
	}
}
