package tp

import (
	"context"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// WeeklyRegistrations returns the number of registrations per state and ISO week ("2022-W10")
// without small-count suppression, for the situational-awareness feed: that module stores the
// exact aggregates and suppresses small counts itself when it shows them. Only internal jobs
// (System principals) may call it, because it bypasses the suppression every user gets.
func (s *Service) WeeklyRegistrations(ctx context.Context) (map[string]map[string]int64, error) {
	p := authz.FromContext(ctx)
	if p.Kind != authz.KindSystem {
		return nil, errs.Forbidden("exact aggregates are published to internal jobs only")
	}
	by, err := s.counts(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]map[string]int64, len(by))
	for state, agg := range by {
		weeks := make(map[string]int64, len(agg.ByWeek))
		for _, c := range agg.ByWeek {
			weeks[c.Key] = c.Value
		}
		out[state] = weeks
	}
	return out, nil
}
