package authn

import (
	"net/netip"
	"sync"
	"time"
)

// throttle limits failed attempts per client address with token buckets: each address may
// fail burst times at once and then once per refill. Only failures take a token, so an
// office behind one NAT address logging in correctly is never slowed down.
//
// The buckets live in memory, per replica: N replicas behind a load balancer allow N times
// the rate. The per-account lockout, stored in the database, bounds password guessing
// against any one account regardless.
type throttle struct {
	mu      sync.Mutex
	burst   float64
	refill  time.Duration
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

// maxBuckets bounds memory under a flood of addresses; full buckets are dropped first.
const maxBuckets = 100_000

func newThrottle(burst int, refill time.Duration) *throttle {
	return &throttle{burst: float64(burst), refill: refill, buckets: map[string]*bucket{}}
}

// level returns the bucket of addr refilled up to now; the caller holds mu.
func (t *throttle) level(addr string, now time.Time) *bucket {
	b, ok := t.buckets[addr]
	if !ok {
		return &bucket{tokens: t.burst, at: now}
	}
	if now.After(b.at) {
		b.tokens = min(t.burst, b.tokens+float64(now.Sub(b.at))/float64(t.refill))
		b.at = now
	}
	return b
}

// Blocked reports whether addr has no attempt left at now.
func (t *throttle) Blocked(addr string, now time.Time) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.level(throttleKey(addr), now).tokens < 1
}

// throttleKey groups IPv6 addresses by their /64 prefix, which one subscriber usually holds
// whole, so rotating through it does not reset the bucket. IPv4 addresses stand alone.
func throttleKey(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err != nil || !ip.Is6() || ip.Is4In6() {
		return addr
	}
	p, err := ip.Prefix(64)
	if err != nil {
		return addr
	}
	return p.String()
}

// Fail takes one token from addr's bucket.
func (t *throttle) Fail(addr string, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	addr = throttleKey(addr)
	b := t.level(addr, now)
	b.tokens = max(0, b.tokens-1)
	if len(t.buckets) >= maxBuckets {
		t.prune(now)
	}
	t.buckets[addr] = b
}

// prune drops the buckets that have refilled completely; they hold no information.
func (t *throttle) prune(now time.Time) {
	for addr := range t.buckets {
		if t.level(addr, now).tokens >= t.burst {
			delete(t.buckets, addr)
		}
	}
	// Still full: forget arbitrary addresses rather than grow without bound; the lockout
	// stored with each account keeps protecting it meanwhile.
	for addr := range t.buckets {
		if len(t.buckets) < maxBuckets/2 {
			break
		}
		delete(t.buckets, addr)
	}
}
