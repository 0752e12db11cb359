package cli

import (
	"strings"
	"testing"
	"time"
)

func TestParseLifetime(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"720h", 720 * time.Hour, true},
		{"30d", 30 * 24 * time.Hour, true},
		{"0d", 0, true},
		{"1h30m", 90 * time.Minute, true},
		{"d", 0, false},
		{"-3d", 0, false},
		{"+3d", 0, false},
		{"3.5d", 0, false},
		{"999999999d", 0, false},
		{"soon", 0, false},
	}
	for _, tt := range tests {
		got, err := parseLifetime(tt.in)
		if tt.ok != (err == nil) || got != tt.want {
			t.Errorf("parseLifetime(%q) = %v, %v; want %v ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func FuzzParseLifetime(f *testing.F) {
	for _, s := range []string{"720h", "30d", "-1h", "d", "1e9d", "9223372036854775807ns"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseLifetime(s)
		if err != nil {
			return
		}
		if strings.HasSuffix(s, "d") && (d < 0 || d > 100000*24*time.Hour) {
			t.Fatalf("parseLifetime(%q) = %v out of range", s, d)
		}
	})
}
