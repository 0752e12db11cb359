package solidarity

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// WriteCSV writes the progress report, one line per state and a total line.
func (m *Monitoring) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{"cycle", "state", "roles", "fair_share", "pledged_relocations", "withdrawn_relocations",
		"pledge_equivalent", "share_met_pct", "matched_persons", "accepted_persons", "transferred_persons",
		"remaining_pledge", "pledged_eur", "committed_eur", "paid_eur", "operational_pledges", "need_relocations"}
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("solidarity: csv: %w", err)
	}
	i64 := func(x int64) string { return strconv.FormatInt(x, 10) }
	f1 := func(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }
	for _, s := range append(append([]StateProgress(nil), m.States...), m.Totals) {
		roles := ""
		for k, r := range s.Roles {
			if k > 0 {
				roles += "+"
			}
			roles += r
		}
		rec := []string{m.Cycle.Code, s.State, roles, strconv.Itoa(s.FairShare), i64(s.Pledged), i64(s.Withdrawn),
			f1(s.Equivalent), f1(s.ShareMet), i64(s.Matched), i64(s.Accepted), i64(s.Transferred), i64(s.Remaining),
			i64(s.PledgedEUR), i64(s.CommittedEUR), i64(s.PaidEUR), strconv.Itoa(s.Operational), i64(s.Need)}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("solidarity: csv: %w", err)
		}
	}
	cw.Flush()
	return cw.Error()
}
