package refdata

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// Seed writes the organisations and countries, updating rows that changed, so it runs at
// every start and after every upgrade of this package.
func Seed(ctx context.Context, db *sqldb.DB) error {
	return db.Tx(ctx, func(tx *sql.Tx) error {
		for _, o := range Organisations() {
			_, err := tx.ExecContext(ctx, `INSERT INTO organisations (code, name, kind, applies_dublin, applies_eurodac,
				tp_regime, schengen, population, gdp_musd) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
				ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind,
				applies_dublin = excluded.applies_dublin, applies_eurodac = excluded.applies_eurodac,
				tp_regime = excluded.tp_regime, schengen = excluded.schengen,
				population = excluded.population, gdp_musd = excluded.gdp_musd`,
				o.Code, o.Name, o.Kind, o.AppliesDublin, o.AppliesEurodac, o.TPRegime, o.Schengen, o.Population, o.GDPMUSD)
			if err != nil {
				return fmt.Errorf("refdata: seed organisation %s: %w", o.Code, err)
			}
		}
		for _, c := range Countries() {
			_, err := tx.ExecContext(ctx, `INSERT INTO countries (code, alpha3, name) VALUES ($1, $2, $3)
				ON CONFLICT (code) DO UPDATE SET alpha3 = excluded.alpha3, name = excluded.name`, c.Code, c.Alpha3, c.Name)
			if err != nil {
				return fmt.Errorf("refdata: seed country %s: %w", c.Code, err)
			}
		}
		return nil
	})
}

// StoredOrganisations reads the organisations table, for pages and validation.
func StoredOrganisations(ctx context.Context, q sqldb.Querier) ([]Organisation, error) {
	rows, err := q.QueryContext(ctx, `SELECT code, name, kind, applies_dublin, applies_eurodac, tp_regime, schengen,
		population, gdp_musd FROM organisations ORDER BY kind, code`)
	if err != nil {
		return nil, fmt.Errorf("refdata: list organisations: %w", err)
	}
	defer rows.Close()
	var out []Organisation
	for rows.Next() {
		var o Organisation
		if err := rows.Scan(&o.Code, &o.Name, &o.Kind, &o.AppliesDublin, &o.AppliesEurodac, &o.TPRegime, &o.Schengen,
			&o.Population, &o.GDPMUSD); err != nil {
			return nil, fmt.Errorf("refdata: scan organisation: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
