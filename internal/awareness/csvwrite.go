package awareness

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// WriteCSV writes obs in the layout ReadCSV reads (csv-layout.md), every column present, so
// an export can be re-imported unchanged; the dashboards' CSV downloads and data exchange
// with national systems use it. Suppressed values are written as withheld rows are shown:
// they are left out, since a zero would be read back as a count.
func WriteCSV(w io.Writer, obs []Observation) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns()); err != nil {
		return fmt.Errorf("awareness: write csv: %w", err)
	}
	for _, o := range obs {
		if o.Suppressed {
			continue
		}
		if err := cw.Write(csvRecord(o)); err != nil {
			return fmt.Errorf("awareness: write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("awareness: write csv: %w", err)
	}
	return nil
}

// csvRecord lays o out in the order of csvColumns.
func csvRecord(o Observation) []string {
	return []string{string(o.Series), o.Measure, o.PeriodStart.String(), o.PeriodEnd.String(),
		o.Geo.State, string(o.Geo.Route), o.Geo.BorderSection, o.Nationality,
		strconv.FormatFloat(o.Value, 'f', -1, 64), string(o.Unit), string(o.Qualifier), o.Source,
		strconv.Itoa(o.Revision), strconv.FormatBool(o.Synthetic), o.Note}
}
