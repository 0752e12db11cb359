package sqldb

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// Column describes one column in engine-neutral terms, so the schemas of both dialects can be
// compared.
type Column struct {
	Table    string
	Name     string
	Type     string
	Nullable bool
}

// Schema lists the columns of every CEAS table (the migration bookkeeping table excluded),
// sorted by table and column, with types reduced to a common vocabulary.
func (db *DB) Schema(ctx context.Context) ([]Column, error) {
	var cols []Column
	var err error
	if db.Dialect == Postgres {
		cols, err = db.postgresColumns(ctx)
	} else {
		cols, err = db.sqliteColumns(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("sqldb: read schema: %w", err)
	}
	sort.Slice(cols, func(i, j int) bool {
		if cols[i].Table != cols[j].Table {
			return cols[i].Table < cols[j].Table
		}
		return cols[i].Name < cols[j].Name
	})
	return cols, nil
}

func (db *DB) postgresColumns(ctx context.Context) ([]Column, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT table_name, column_name, data_type, is_nullable = 'YES'
		FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> 'goose_db_version'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []Column
	for rows.Next() {
		var c Column
		if err := rows.Scan(&c.Table, &c.Name, &c.Type, &c.Nullable); err != nil {
			return nil, err
		}
		c.Type = neutralType(c.Type)
		cols = append(cols, c)
	}
	return cols, rows.Err()
}

func (db *DB) sqliteColumns(ctx context.Context) ([]Column, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT m.name, p.name, p.type, p."notnull" = 0 AND p.pk = 0
		FROM sqlite_master m JOIN pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'goose_db_version'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []Column
	for rows.Next() {
		var c Column
		if err := rows.Scan(&c.Table, &c.Name, &c.Type, &c.Nullable); err != nil {
			return nil, err
		}
		c.Type = neutralType(c.Type)
		cols = append(cols, c)
	}
	return cols, rows.Err()
}

// neutralType maps each engine's spelling of a type to one word.
func neutralType(t string) string {
	t = strings.ToLower(t)
	switch {
	case strings.HasPrefix(t, "timestamp"):
		return "timestamp"
	case t == "integer" || t == "bigint" || t == "smallint":
		return "integer"
	case t == "boolean":
		return "boolean"
	case t == "text" || strings.HasPrefix(t, "character") || t == "jsonb" || t == "json":
		return "text"
	case t == "double precision" || t == "real" || t == "float" || t == "double":
		return "real"
	case t == "bytea" || t == "blob":
		return "blob"
	case t == "date":
		return "date"
	}
	return t
}
