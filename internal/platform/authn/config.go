package authn

import (
	"time"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Config sets the lifetimes and limits of credentials. Zero fields take the defaults of
// DefaultConfig.
type Config struct {
	// SessionTTL is the absolute lifetime of a browser session.
	SessionTTL time.Duration
	// IdleTimeout ends a session unused for this long.
	IdleTimeout time.Duration
	// MaxFailedLogins consecutive wrong passwords lock the account.
	MaxFailedLogins int
	// LockoutDuration is how long a locked account refuses every login.
	LockoutDuration time.Duration
	// ThrottleBurst failed attempts from one address are allowed at once; then one more
	// per ThrottleRefill.
	ThrottleBurst  int
	ThrottleRefill time.Duration
	// DefaultTokenTTL applies to API tokens created without an expiry; MaxTokenTTL bounds it.
	DefaultTokenTTL time.Duration
	MaxTokenTTL     time.Duration
	// Argon2 are the costs of new password hashes.
	Argon2 Argon2Params
	// OIDCAutoProvision creates an account at the first OIDC login of an unknown subject;
	// otherwise an administrator must create it first with the subject set.
	OIDCAutoProvision bool
}

// DefaultConfig returns the defaults: 12-hour sessions ending after 30 idle minutes, lockout
// for 15 minutes after 5 failures, 20 failed attempts per address then one every 3 seconds,
// API tokens for 90 days by default and at most 2 years.
func DefaultConfig() Config {
	return Config{
		SessionTTL: 12 * time.Hour, IdleTimeout: 30 * time.Minute,
		MaxFailedLogins: 5, LockoutDuration: 15 * time.Minute,
		ThrottleBurst: 20, ThrottleRefill: 3 * time.Second,
		DefaultTokenTTL: 90 * 24 * time.Hour, MaxTokenTTL: 2 * 365 * 24 * time.Hour,
		Argon2: DefaultArgon2(),
	}
}

// withDefaults fills zero fields from DefaultConfig.
func (c Config) withDefaults() Config {
	d := DefaultConfig()
	if c.SessionTTL == 0 {
		c.SessionTTL = d.SessionTTL
	}
	if c.IdleTimeout == 0 {
		c.IdleTimeout = d.IdleTimeout
	}
	if c.MaxFailedLogins == 0 {
		c.MaxFailedLogins = d.MaxFailedLogins
	}
	if c.LockoutDuration == 0 {
		c.LockoutDuration = d.LockoutDuration
	}
	if c.ThrottleBurst == 0 {
		c.ThrottleBurst = d.ThrottleBurst
	}
	if c.ThrottleRefill == 0 {
		c.ThrottleRefill = d.ThrottleRefill
	}
	if c.DefaultTokenTTL == 0 {
		c.DefaultTokenTTL = d.DefaultTokenTTL
	}
	if c.MaxTokenTTL == 0 {
		c.MaxTokenTTL = d.MaxTokenTTL
	}
	if c.Argon2 == (Argon2Params{}) {
		c.Argon2 = d.Argon2
	}
	return c
}

// Validate checks the configuration after defaults are applied.
func (c Config) Validate() error {
	c = c.withDefaults()
	var v errs.Validation
	v.Check(c.SessionTTL > 0, "session_ttl", "must be positive")
	v.Check(c.IdleTimeout > 0 && c.IdleTimeout <= c.SessionTTL, "idle_timeout", "must be positive and at most session_ttl")
	v.Check(c.MaxFailedLogins > 0, "max_failed_logins", "must be positive")
	v.Check(c.LockoutDuration > 0, "lockout_duration", "must be positive")
	v.Check(c.ThrottleBurst > 0 && c.ThrottleRefill > 0, "throttle", "burst and refill must be positive")
	v.Check(c.DefaultTokenTTL > 0 && c.DefaultTokenTTL <= c.MaxTokenTTL, "default_token_ttl", "must be positive and at most max_token_ttl")
	a := c.Argon2
	v.Check(a.Time >= 1 && a.Time <= maxArgonTime && a.Threads >= 1 && a.Memory >= 8*uint32(a.Threads) &&
		a.Memory <= maxArgonMemory && a.SaltLen >= minSaltLen && a.SaltLen <= maxSaltLen &&
		a.KeyLen >= minKeyLen && a.KeyLen <= maxKeyLen, "argon2", "parameters out of bounds")
	return v.Err()
}
