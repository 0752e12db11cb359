package timelimit

import (
	"database/sql/driver"
	"fmt"
	"time"
)

// Value stores d as TEXT YYYY-MM-DD (NULL for the zero date), which sorts and compares
// correctly on SQLite and casts to DATE on PostgreSQL.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads a date stored as TEXT, as a DATE column (time.Time) or NULL (the zero date).
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case time.Time:
		*d = FromTime(v) // a DATE has no zone: take the calendar day as the driver gives it
		return nil
	case []byte:
		return d.scanText(string(v))
	case string:
		return d.scanText(v)
	}
	return fmt.Errorf("timelimit: cannot scan %T into a Date", src)
}

func (d *Date) scanText(s string) error {
	if len(s) > 10 && s[10] == 'T' || len(s) > 10 && s[10] == ' ' {
		s = s[:10] // a DATE read back as a timestamp text
	}
	v, err := Parse(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// UnmarshalText reads YYYY-MM-DD, so a Date can be a flag or an environment value.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
