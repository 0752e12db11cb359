package authnhttp

import (
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// CertIdentity is what a client certificate stands for: a national system of an
// organisation, holding roles.
type CertIdentity struct {
	Org   string
	Roles []authz.Role
	Name  string
}

// Fingerprint returns the lower-case hex SHA-256 of a certificate's DER encoding, the key of
// Config.ClientCerts.
func Fingerprint(c *x509.Certificate) string {
	sum := sha256.Sum256(c.Raw)
	return hex.EncodeToString(sum[:])
}

// certPrincipal maps a presented certificate to its configured identity. The handshake has
// proved the client holds the certificate's private key, so pinning by fingerprint is safe
// even without a CA chain; validity dates are checked here because pinning skips them.
func (h *Handler) certPrincipal(c *x509.Certificate) (authz.Principal, error) {
	fp := Fingerprint(c)
	id, ok := h.cfg.ClientCerts[fp]
	if !ok {
		return authz.Principal{}, nil
	}
	now := h.cfg.Clock.Now()
	if now.Before(c.NotBefore) || now.After(c.NotAfter) {
		return authz.Principal{}, errs.Unauthenticated("client certificate expired or not yet valid")
	}
	name := id.Name
	if name == "" {
		name = c.Subject.CommonName
	}
	return authz.Principal{ID: "cert:" + fp[:32], Name: name, Org: id.Org,
		Roles: append([]authz.Role(nil), id.Roles...), Kind: authz.KindToken}, nil
}

// ParseClientCerts reads the client certificate table from configuration: entries separated
// by ';' or new lines, each "FINGERPRINT=ORG:ROLE[,ROLE...][:NAME]", where FINGERPRINT is
// the SHA-256 of the certificate in hex (colons and case ignored, as openssl prints it:
// `openssl x509 -noout -fingerprint -sha256`).
func ParseClientCerts(spec string) (map[string]CertIdentity, error) {
	out := map[string]CertIdentity{}
	var v errs.Validation
	entries := strings.FieldsFunc(spec, func(r rune) bool { return r == ';' || r == '\n' })
	for i, e := range entries {
		e = strings.TrimSpace(e)
		if e == "" {
			continue
		}
		field := fmt.Sprintf("client_certs[%d]", i)
		fp, id, err := parseCertEntry(field, e)
		if err != nil {
			v.Merge("", err)
			continue
		}
		if _, dup := out[fp]; dup {
			v.Add(field, "fingerprint given twice")
			continue
		}
		out[fp] = id
	}
	return out, v.Err()
}

func parseCertEntry(field, e string) (string, CertIdentity, error) {
	fp, rest, ok := strings.Cut(e, "=")
	fp = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(fp), ":", ""))
	if b, err := hex.DecodeString(fp); !ok || err != nil || len(b) != sha256.Size {
		return "", CertIdentity{}, errs.Field(field, "must start with a SHA-256 fingerprint (64 hex digits) and '='")
	}
	parts := strings.SplitN(rest, ":", 3)
	if len(parts) < 2 {
		return "", CertIdentity{}, errs.Field(field, "must read FINGERPRINT=ORG:ROLE[,ROLE...][:NAME]")
	}
	id := CertIdentity{Org: strings.ToUpper(strings.TrimSpace(parts[0]))}
	if len(parts) == 3 {
		id.Name = strings.TrimSpace(parts[2])
	}
	if id.Org == "" {
		return "", CertIdentity{}, errs.Field(field, "organisation is required")
	}
	for r := range strings.SplitSeq(parts[1], ",") {
		role, err := authz.ParseRole(field, strings.TrimSpace(r))
		if err != nil {
			return "", CertIdentity{}, err
		}
		id.Roles = append(id.Roles, role)
	}
	return fp, id, nil
}
