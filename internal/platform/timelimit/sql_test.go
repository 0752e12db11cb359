package timelimit

import (
	"testing"
	"time"
)

func TestSQL(t *testing.T) {
	d := MustParse("2024-02-29")
	if v, err := d.Value(); err != nil || v != "2024-02-29" {
		t.Errorf("Value = %v, %v", v, err)
	}
	if v, err := (Date{}).Value(); err != nil || v != nil {
		t.Errorf("zero Value = %v, %v", v, err)
	}
	for _, src := range []any{"2024-02-29", []byte("2024-02-29"), "2024-02-29T00:00:00Z", "2024-02-29 00:00:00",
		time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 29, 0, 30, 0, 0, time.FixedZone("CET", 3600))} {
		var got Date
		if err := got.Scan(src); err != nil || got != d {
			t.Errorf("Scan(%v) = %v, %v", src, got, err)
		}
	}
	var z Date = d
	if err := z.Scan(nil); err != nil || !z.IsZero() {
		t.Errorf("Scan(nil) = %v, %v", z, err)
	}
	for _, bad := range []any{"2024-02-30", 42, "x"} {
		var got Date
		if err := got.Scan(bad); err == nil {
			t.Errorf("Scan(%v) accepted", bad)
		}
	}
	var u Date
	if err := u.UnmarshalText([]byte("2023-02-28")); err != nil || u.String() != "2023-02-28" {
		t.Errorf("UnmarshalText = %v, %v", u, err)
	}
	if err := u.UnmarshalText([]byte("2023-02-29")); err == nil {
		t.Error("UnmarshalText accepted 2023-02-29")
	}
}
