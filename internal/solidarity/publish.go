package solidarity

import (
	"context"
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/authz"
)

// MonthlyRelocation is the persons whose transfer was carried out in a month, by receiving
// state (Direction "in") or by beneficiary state ("out"): the aggregate the module
// publishes to situational awareness. No personal data.
type MonthlyRelocation struct {
	State     string `json:"state"`
	Direction string `json:"direction"`
	Month     string `json:"month"` // YYYY-MM
	Persons   int64  `json:"persons"`
}

// RelocationsByMonth returns the transfers carried out per state and month over every cycle.
func (s *Service) RelocationsByMonth(ctx context.Context) ([]MonthlyRelocation, error) {
	if err := authz.Require(authz.FromContext(ctx), authz.PermSolidarityRead); err != nil {
		return nil, err
	}
	var out []MonthlyRelocation
	for _, side := range []struct{ col, dir string }{{"to_state", "in"}, {"from_state", "out"}} {
		// The column name comes from the fixed list above, never from input.
		rows, err := s.db.Reader().QueryContext(ctx, `SELECT `+side.col+`, substr(carried_out_on, 1, 7), SUM(persons)
			FROM solidarity_transfers WHERE status = $1 GROUP BY `+side.col+`, substr(carried_out_on, 1, 7)
			ORDER BY 1, 2`, TransferCarriedOut)
		if err != nil {
			return nil, fmt.Errorf("solidarity: relocations by month: %w", err)
		}
		for rows.Next() {
			m := MonthlyRelocation{Direction: side.dir}
			if err := rows.Scan(&m.State, &m.Month, &m.Persons); err != nil {
				rows.Close()
				return nil, fmt.Errorf("solidarity: scan relocations: %w", err)
			}
			out = append(out, m)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("solidarity: relocations by month: %w", err)
		}
	}
	return out, nil
}
