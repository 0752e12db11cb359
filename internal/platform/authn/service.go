package authn

import (
	"fmt"

	"github.com/google/uuid"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// Service manages users, sessions and API tokens. Its exported methods are the only way to
// change them; each checks the caller found in the context.
type Service struct {
	db       *sqldb.DB
	audit    *audit.Log
	clock    clock.Clock
	cfg      Config
	throttle *throttle
	// dummyHash is verified when the username is unknown, so an unknown user costs the same
	// time as a wrong password and the answer does not reveal which accounts exist.
	dummyHash PasswordHash
}

// New returns the service over db. The configuration is validated and completed with
// defaults.
func New(db *sqldb.DB, log *audit.Log, c clock.Clock, cfg Config) (*Service, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("authn: config: %w", err)
	}
	cfg = cfg.withDefaults()
	pw, err := GeneratePassword()
	if err != nil {
		return nil, err
	}
	h, err := HashPassword(pw, cfg.Argon2)
	if err != nil {
		return nil, err
	}
	dummy, err := ParsePasswordHash(h)
	if err != nil {
		return nil, err
	}
	return &Service{db: db, audit: log, clock: c, cfg: cfg, dummyHash: dummy,
		throttle: newThrottle(cfg.ThrottleBurst, cfg.ThrottleRefill)}, nil
}

// Config returns the effective configuration.
func (s *Service) Config() Config { return s.cfg }

// authorize checks that p may use perm on the accounts of org: an administrator of that
// organisation, or a System principal (the CLI run by an operator who already holds the
// database, and bootstrap jobs). Another organisation's administrators get Forbidden.
func authorize(p authz.Principal, perm authz.Permission, org string) error {
	if p.Kind == authz.KindSystem && p.ID != "" {
		// The policy of package authz does not grant admin.users/admin.tokens to the system
		// role yet; System principals are trusted here as the bootstrap path.
		return nil
	}
	if err := authz.Require(p, perm); err != nil {
		return err
	}
	if p.Org != org {
		return errs.Forbidden("%s %s of %s may not manage organisation %s", p.Kind, p.Name, p.Org, org)
	}
	return nil
}

// authorizeExisting is authorize for a record that already exists: a record of another
// organisation answers NotFound, so its existence is not disclosed (as authz.RequireOwner).
func authorizeExisting(p authz.Principal, perm authz.Permission, org string) error {
	err := authorize(p, perm, org)
	if errs.KindOf(err) == errs.KindForbidden && authz.Require(p, perm) == nil {
		return errs.NotFound("not found")
	}
	return err
}

// newID returns a time-ordered identifier (UUIDv7).
func newID() (string, error) {
	id, err := uuid.NewV7()
	if err != nil {
		return "", fmt.Errorf("authn: new id: %w", err)
	}
	return id.String(), nil
}

// Clock returns the service's clock, so adapters show states (locked, expired) as the
// service decides them.
func (s *Service) Clock() clock.Clock { return s.clock }
