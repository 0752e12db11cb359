// Package config holds the settings of a CEAS process: flags with CEAS_* environment
// fallbacks, validated across fields at start and printed with secrets redacted.
package config

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// Config is the whole configuration of one process.
type Config struct {
	Addr    string // listen address of ceas serve
	DataDir string // SQLite database and files
	DB      string // postgres:// URL; empty means SQLite in DataDir
	BaseURL string // public URL, for links in notifications and OIDC redirects

	TLSCert     string // PEM certificate; with TLSKey, serve HTTPS
	TLSKey      string
	ClientCA    string // PEM bundle; when set, client certificates are verified (mTLS)
	ClientCerts string // file mapping certificate fingerprints to organisations and roles

	OIDCIssuer       string
	OIDCClientID     string
	OIDCClientSecret string
	OIDCOrgClaim     string
	OIDCRolesClaim   string

	LogLevel       string // debug, info, warn, error
	SessionTTL     time.Duration
	SessionIdle    time.Duration
	MaxBodyBytes   int64
	ImportMaxBytes int64
	WorkerInterval time.Duration // how often the outbox and job workers poll
	NoWorkers      bool          // replicas that only serve requests
	SmallCount     int           // aggregates below this are suppressed outside the owning state
}

// Default returns the configuration used when nothing is set.
func Default() Config {
	return Config{Addr: "127.0.0.1:8080", DataDir: "./ceas-data", LogLevel: "info",
		SessionTTL: 12 * time.Hour, SessionIdle: 30 * time.Minute, MaxBodyBytes: 1 << 20,
		ImportMaxBytes: 2 << 30, WorkerInterval: 2 * time.Second, SmallCount: 5,
		OIDCOrgClaim: "ceas_org", OIDCRolesClaim: "ceas_roles"}
}

// setting ties one field to its flag and environment variable.
type setting struct {
	flag, env, usage string
	secret           bool
	target           any
}

func (c *Config) settings() []setting {
	return []setting{
		{"addr", "CEAS_ADDR", "listen address", false, &c.Addr},
		{"data-dir", "CEAS_DATA_DIR", "directory of the embedded SQLite database", false, &c.DataDir},
		{"db", "CEAS_DB", "PostgreSQL URL (postgres://...); empty uses SQLite in --data-dir", true, &c.DB},
		{"base-url", "CEAS_BASE_URL", "public URL of this deployment", false, &c.BaseURL},
		{"tls-cert", "CEAS_TLS_CERT", "TLS certificate (PEM)", false, &c.TLSCert},
		{"tls-key", "CEAS_TLS_KEY", "TLS private key (PEM)", false, &c.TLSKey},
		{"client-ca", "CEAS_CLIENT_CA", "CA bundle for client certificates (mTLS)", false, &c.ClientCA},
		{"client-certs", "CEAS_CLIENT_CERTS", "file mapping client certificate fingerprints to organisations", false, &c.ClientCerts},
		{"oidc-issuer", "CEAS_OIDC_ISSUER", "OpenID Connect issuer URL (enables OIDC login)", false, &c.OIDCIssuer},
		{"oidc-client-id", "CEAS_OIDC_CLIENT_ID", "OIDC client id", false, &c.OIDCClientID},
		{"oidc-client-secret", "CEAS_OIDC_CLIENT_SECRET", "OIDC client secret", true, &c.OIDCClientSecret},
		{"oidc-org-claim", "CEAS_OIDC_ORG_CLAIM", "ID token claim naming the organisation", false, &c.OIDCOrgClaim},
		{"oidc-roles-claim", "CEAS_OIDC_ROLES_CLAIM", "ID token claim listing the roles", false, &c.OIDCRolesClaim},
		{"log-level", "CEAS_LOG_LEVEL", "debug, info, warn or error", false, &c.LogLevel},
		{"session-ttl", "CEAS_SESSION_TTL", "absolute lifetime of a login session", false, &c.SessionTTL},
		{"session-idle", "CEAS_SESSION_IDLE", "idle timeout of a login session", false, &c.SessionIdle},
		{"max-body", "CEAS_MAX_BODY", "largest accepted API request body in bytes", false, &c.MaxBodyBytes},
		{"import-max-bytes", "CEAS_IMPORT_MAX_BYTES", "largest accepted import file in bytes", false, &c.ImportMaxBytes},
		{"worker-interval", "CEAS_WORKER_INTERVAL", "poll interval of the outbox and job workers", false, &c.WorkerInterval},
		{"no-workers", "CEAS_NO_WORKERS", "serve requests only; run no background workers", false, &c.NoWorkers},
		{"small-count", "CEAS_SMALL_COUNT", "aggregates below this are suppressed outside the owning state", false, &c.SmallCount},
	}
}

// isDBFlag reports the flags every command that opens the database accepts.
func isDBFlag(name string) bool { return name == "data-dir" || name == "db" }

// Register adds the flags to fs, with defaults taken from getenv where set. When dbOnly is
// true only --data-dir and --db are added, for commands that just open the database.
func (c *Config) Register(fs *flag.FlagSet, getenv func(string) string, dbOnly bool) error {
	var v errs.Validation
	for _, s := range c.settings() {
		if dbOnly && !isDBFlag(s.flag) {
			continue
		}
		usage := s.usage + " (env " + s.env + ")"
		if raw := getenv(s.env); raw != "" {
			if err := setValue(s.target, raw); err != nil {
				v.Addf(s.env, "%v", err)
			}
		}
		fs.Var(value{s.target}, s.flag, usage)
	}
	return v.Err()
}

// Validate checks the settings together and returns every problem, naming each setting.
func (c Config) Validate() error {
	var v errs.Validation
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		v.Addf("addr", "must be host:port: %v", err)
	}
	if c.DB != "" && !sqldb.IsPostgresURL(c.DB) {
		v.Add("db", "must be a postgres:// or postgresql:// URL")
	}
	if c.DB == "" && c.DataDir == "" {
		v.Add("data-dir", "is required when --db is not set")
	}
	if c.BaseURL != "" {
		if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			v.Add("base-url", "must be an absolute http(s) URL")
		}
	}
	v.Check((c.TLSCert == "") == (c.TLSKey == ""), "tls-key", "tls-cert and tls-key go together")
	v.Check(c.ClientCA == "" || c.TLSCert != "", "client-ca", "client certificates need TLS (tls-cert, tls-key)")
	v.Check(c.ClientCerts == "" || c.ClientCA != "", "client-certs", "needs client-ca")
	oidc := c.OIDCIssuer != "" || c.OIDCClientID != "" || c.OIDCClientSecret != ""
	v.Check(!oidc || (c.OIDCIssuer != "" && c.OIDCClientID != "" && c.BaseURL != ""), "oidc-issuer",
		"OIDC needs oidc-issuer, oidc-client-id and base-url together")
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		v.Add("log-level", "must be debug, info, warn or error")
	}
	v.Check(c.SessionTTL >= time.Minute, "session-ttl", "must be at least 1m")
	v.Check(c.SessionIdle >= time.Minute && c.SessionIdle <= c.SessionTTL, "session-idle", "must be between 1m and session-ttl")
	v.Check(c.MaxBodyBytes >= 1024, "max-body", "must be at least 1024 bytes")
	v.Check(c.ImportMaxBytes >= c.MaxBodyBytes, "import-max-bytes", "must be at least max-body")
	v.Check(c.WorkerInterval >= 10*time.Millisecond, "worker-interval", "must be at least 10ms")
	v.Check(c.SmallCount >= 0, "small-count", "must not be negative")
	for _, f := range []struct{ name, path string }{{"tls-cert", c.TLSCert}, {"tls-key", c.TLSKey}, {"client-ca", c.ClientCA}, {"client-certs", c.ClientCerts}} {
		if f.path != "" {
			if _, err := os.Stat(f.path); err != nil {
				v.Addf(f.name, "cannot read %s", f.path)
			}
		}
	}
	return v.Err()
}

// TLS reports whether the server terminates TLS itself.
func (c Config) TLS() bool { return c.TLSCert != "" }

// OIDC reports whether OIDC login is configured.
func (c Config) OIDC() bool { return c.OIDCIssuer != "" }

// Print writes every setting with its value, secrets and database passwords redacted.
func (c Config) Print(w io.Writer) {
	for _, s := range c.settings() {
		val := fmt.Sprint(deref(s.target))
		switch {
		case s.secret && s.flag == "db":
			val = sqldb.RedactURL(val)
		case s.secret && val != "":
			val = "xxxxx"
		}
		fmt.Fprintf(w, "%-20s %s\n", s.flag, val)
	}
}

func deref(p any) any {
	switch t := p.(type) {
	case *string:
		return *t
	case *bool:
		return *t
	case *int:
		return *t
	case *int64:
		return *t
	case *time.Duration:
		return *t
	}
	return p
}

// value adapts a typed field to flag.Value.
type value struct{ p any }

func (v value) String() string {
	if v.p == nil {
		return ""
	}
	return fmt.Sprint(deref(v.p))
}

func (v value) Set(s string) error { return setValue(v.p, s) }

// IsBoolFlag lets boolean settings be given as a bare --flag.
func (v value) IsBoolFlag() bool { _, ok := v.p.(*bool); return ok }

func setValue(p any, s string) error {
	s = strings.TrimSpace(s)
	switch t := p.(type) {
	case *string:
		*t = s
	case *bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return fmt.Errorf("%q is not true or false", s)
		}
		*t = b
	case *int:
		n, err := strconv.Atoi(s)
		if err != nil {
			return fmt.Errorf("%q is not a whole number", s)
		}
		*t = n
	case *int64:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return fmt.Errorf("%q is not a whole number", s)
		}
		*t = n
	case *time.Duration:
		d, err := time.ParseDuration(s)
		if err != nil {
			return fmt.Errorf("%q is not a duration such as 30m or 12h", s)
		}
		*t = d
	default:
		return fmt.Errorf("unsupported setting type %T", p)
	}
	return nil
}
