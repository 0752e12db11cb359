// Package authn authenticates the callers of CEAS and manages the credentials they use:
// user accounts with argon2id passwords, browser sessions, API tokens for national systems,
// and logins through an OpenID Connect provider. It turns a credential into an
// authz.Principal; what that principal may do is decided by package authz.
//
// Aggregates and invariants:
//   - A User belongs to exactly one organisation (a state's authority or an EU body) and
//     holds roles a person of that kind of organisation can hold (EligibleRoles). Usernames
//     are unique, lower case, and matched case-insensitively at login.
//   - Passwords are stored only as argon2id PHC strings; session and API token secrets only
//     as SHA-256 hashes. A secret is shown once, when it is created.
//   - A session ends at its absolute expiry, after IdleTimeout without use, at logout, and
//     when its user's password changes or the user is disabled.
//   - After MaxFailedLogins failed passwords an account is locked for LockoutDuration; each
//     client address is also throttled by a token bucket held in memory (per replica: N
//     replicas allow N times the rate, which the per-account lockout still bounds).
//   - Every change is one transaction that checks the caller (an administrator of the same
//     organisation, or a System principal such as the CLI) and writes its audit entry;
//     logins, lockouts and refused tokens are audited as security events.
//
// The package has no HTTP: authnhttp adapts it to cookies, headers and client certificates.
package authn
