package config_test

import (
	"bytes"
	"flag"
	"io"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/config"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

func load(args []string, env map[string]string) (config.Config, error) {
	c := config.Default()
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if err := c.Register(fs, func(k string) string { return env[k] }, false); err != nil {
		return c, err
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	return c, c.Validate()
}

func TestFlagsOverrideEnvironmentOverDefaults(t *testing.T) {
	c, err := load([]string{"--addr", "0.0.0.0:9000"}, map[string]string{"CEAS_ADDR": "127.0.0.1:1", "CEAS_DATA_DIR": "/srv/ceas", "CEAS_SESSION_IDLE": "10m"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "0.0.0.0:9000" || c.DataDir != "/srv/ceas" || c.SessionIdle.Minutes() != 10 {
		t.Fatalf("got %+v", c)
	}
}

func TestValidateNamesTheSetting(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		env   map[string]string
		field string
	}{
		{"bad address", []string{"--addr", "nonsense"}, nil, "addr"},
		{"mysql url", []string{"--db", "mysql://x"}, nil, "db"},
		{"cert without key", []string{"--tls-cert", "/etc/hosts"}, nil, "tls-key"},
		{"oidc without base url", []string{"--oidc-issuer", "https://id.example", "--oidc-client-id", "c"}, nil, "oidc-issuer"},
		{"idle longer than ttl", []string{"--session-ttl", "1h", "--session-idle", "2h"}, nil, "session-idle"},
		{"bad level", []string{"--log-level", "loud"}, nil, "log-level"},
		{"bad env duration", nil, map[string]string{"CEAS_SESSION_TTL": "forever"}, "CEAS_SESSION_TTL"},
		{"bad env bool", nil, map[string]string{"CEAS_NO_WORKERS": "maybe"}, "CEAS_NO_WORKERS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(tt.args, tt.env)
			e, ok := errs.As(err)
			if !ok || e.Kind != errs.KindInvalid {
				t.Fatalf("got %v, want an invalid-input error", err)
			}
			if e.Fields[0].Field != tt.field {
				t.Fatalf("error names %q, want %q (%v)", e.Fields[0].Field, tt.field, err)
			}
		})
	}
}

func TestPrintRedactsSecrets(t *testing.T) {
	c := config.Default()
	c.DB = "postgres://ceas:hunter2hunter2@db/ceas"
	c.OIDCClientSecret = "s3cr3t-value"
	var b bytes.Buffer
	c.Print(&b)
	out := b.String()
	if strings.Contains(out, "hunter2") || strings.Contains(out, "s3cr3t") {
		t.Fatalf("secret printed:\n%s", out)
	}
	if !strings.Contains(out, "postgres://ceas:xxxxx@db/ceas") {
		t.Fatalf("database location missing:\n%s", out)
	}
}

func FuzzConfigParsing(f *testing.F) {
	f.Add("--addr", "127.0.0.1:8080", "CEAS_SESSION_TTL", "12h")
	f.Add("--db", "postgres://u:p@h/d", "CEAS_MAX_BODY", "-1")
	f.Add("--session-idle", "0s", "CEAS_NO_WORKERS", "true")
	f.Fuzz(func(t *testing.T, flagName, flagValue, envName, envValue string) {
		// Whatever the input, parsing returns a value or an error; it never panics.
		_, _ = load([]string{flagName, flagValue}, map[string]string{envName: envValue})
	})
}
