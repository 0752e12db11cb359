package authn

import (
	"testing"
	"time"
)

func TestThrottleRefillsAndGroupsIPv6Subnets(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	th := newThrottle(2, 10*time.Second)
	tests := []struct {
		name    string
		fail    string // address failing first, "" for none
		at      time.Duration
		addr    string
		blocked bool
	}{
		{"fresh address", "", 0, "192.0.2.1", false},
		{"one failure left one attempt", "192.0.2.1", 0, "192.0.2.1", false},
		{"two failures empty the bucket", "192.0.2.1", 0, "192.0.2.1", true},
		{"another IPv4 address is separate", "", 0, "192.0.2.2", false},
		{"refilled after the refill period", "", 10 * time.Second, "192.0.2.1", false},
		{"IPv6 failure", "2001:db8:1:2::1", 10 * time.Second, "2001:db8:1:2::1", false},
		{"same /64, other host: same bucket", "2001:db8:1:2::ffff", 10 * time.Second, "2001:db8:1:2:aaaa::1", true},
		{"other /64 is separate", "", 10 * time.Second, "2001:db8:1:3::1", false},
	}
	for _, tt := range tests {
		now := t0.Add(tt.at)
		if tt.fail != "" {
			th.Fail(tt.fail, now)
		}
		if got := th.Blocked(tt.addr, now); got != tt.blocked {
			t.Errorf("%s: Blocked(%s) = %v, want %v", tt.name, tt.addr, got, tt.blocked)
		}
	}
}
