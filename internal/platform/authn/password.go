package authn

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Argon2Params are the cost parameters of argon2id (RFC 9106). They are stored in every
// hash, so raising them later only affects new hashes; older ones are re-hashed at the
// next successful login (see Params.Weaker).
type Argon2Params struct {
	Memory  uint32 // KiB
	Time    uint32 // iterations
	Threads uint8
	SaltLen uint32
	KeyLen  uint32
}

// DefaultArgon2 returns the OWASP password storage recommendation for argon2id (19 MiB,
// 2 iterations, 1 thread); raise it in Config when the servers allow.
func DefaultArgon2() Argon2Params {
	return Argon2Params{Memory: 19 * 1024, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}
}

// Bounds a stored hash must respect, so a crafted row cannot make a login allocate
// gigabytes or loop for minutes.
const (
	maxArgonMemory  = 1 << 20 // 1 GiB in KiB
	maxArgonTime    = 64
	minSaltLen      = 8
	maxSaltLen      = 64
	minKeyLen       = 16
	maxKeyLen       = 128
	phcPrefix       = "$argon2id$"
	argonVersionTag = "v=19"
)

// Password policy (NIST SP 800-63B 5.1.1.2: length, not composition rules).
const (
	MinPasswordLen = 12
	maxPasswordLen = 1024 // bytes; bounds the work an attacker can make us hash
)

// PasswordHash is a parsed PHC string: $argon2id$v=19$m=..,t=..,p=..$salt$key.
type PasswordHash struct {
	Params Argon2Params
	Salt   []byte
	Key    []byte
}

var errPHC = errors.New("authn: malformed argon2id hash")

var b64 = base64.RawStdEncoding

// HashPassword derives an argon2id key from password with a fresh random salt and returns it
// in PHC string format.
func HashPassword(password string, p Argon2Params) (string, error) {
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("authn: salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return PasswordHash{Params: p, Salt: salt, Key: key}.String(), nil
}

// String formats h as a PHC string.
func (h PasswordHash) String() string {
	return fmt.Sprintf("%s%s$m=%d,t=%d,p=%d$%s$%s", phcPrefix, argonVersionTag,
		h.Params.Memory, h.Params.Time, h.Params.Threads, b64.EncodeToString(h.Salt), b64.EncodeToString(h.Key))
}

// ParsePasswordHash parses a PHC argon2id string, refusing other algorithms, versions and
// parameters outside safe bounds.
func ParsePasswordHash(s string) (PasswordHash, error) {
	rest, ok := strings.CutPrefix(s, phcPrefix)
	if !ok {
		return PasswordHash{}, errPHC
	}
	parts := strings.Split(rest, "$")
	if len(parts) != 4 || parts[0] != argonVersionTag {
		return PasswordHash{}, errPHC
	}
	p, err := parseArgonParams(parts[1])
	if err != nil {
		return PasswordHash{}, err
	}
	salt, err1 := b64.Strict().DecodeString(parts[2])
	key, err2 := b64.Strict().DecodeString(parts[3])
	// The decoder skips CR and LF; re-encoding refuses them and any other non-canonical form.
	if err1 != nil || err2 != nil || b64.EncodeToString(salt) != parts[2] || b64.EncodeToString(key) != parts[3] ||
		len(salt) < minSaltLen || len(salt) > maxSaltLen ||
		len(key) < minKeyLen || len(key) > maxKeyLen {
		return PasswordHash{}, errPHC
	}
	p.SaltLen, p.KeyLen = uint32(len(salt)), uint32(len(key))
	return PasswordHash{Params: p, Salt: salt, Key: key}, nil
}

// parseArgonParams reads "m=19456,t=2,p=1" in exactly that order.
func parseArgonParams(s string) (Argon2Params, error) {
	fields := strings.Split(s, ",")
	if len(fields) != 3 {
		return Argon2Params{}, errPHC
	}
	var vals [3]uint64
	for i, name := range []string{"m=", "t=", "p="} {
		v, ok := strings.CutPrefix(fields[i], name)
		if !ok || v == "" || (len(v) > 1 && v[0] == '0') {
			return Argon2Params{}, errPHC
		}
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil {
			return Argon2Params{}, errPHC
		}
		vals[i] = n
	}
	m, t, p := vals[0], vals[1], vals[2]
	// RFC 9106 3.1: memory must be at least 8 KiB per lane.
	if p < 1 || p > 255 || t < 1 || t > maxArgonTime || m < 8*p || m > maxArgonMemory {
		return Argon2Params{}, errPHC
	}
	return Argon2Params{Memory: uint32(m), Time: uint32(t), Threads: uint8(p)}, nil
}

// Verify reports whether password derives to h's key, comparing in constant time.
func (h PasswordHash) Verify(password string) bool {
	key := argon2.IDKey([]byte(password), h.Salt, h.Params.Time, h.Params.Memory, h.Params.Threads, uint32(len(h.Key)))
	return subtle.ConstantTimeCompare(key, h.Key) == 1
}

// Weaker reports whether h was made with lower costs than p, so it should be re-hashed.
func (h PasswordHash) Weaker(p Argon2Params) bool {
	return h.Params.Memory < p.Memory || h.Params.Time < p.Time || uint32(len(h.Key)) < p.KeyLen ||
		uint32(len(h.Salt)) < p.SaltLen
}

// CheckPassword applies the password policy: at least MinPasswordLen characters, at most
// 1024 bytes, valid UTF-8, and not the username itself (NIST SP 800-63B 5.1.1.2 asks to refuse
// context-specific words such as the username).
func CheckPassword(field, username, password string) error {
	var v errs.Validation
	switch {
	case !utf8.ValidString(password):
		v.Add(field, "must be valid UTF-8")
	case utf8.RuneCountInString(password) < MinPasswordLen:
		v.Addf(field, "must have at least %d characters", MinPasswordLen)
	case len(password) > maxPasswordLen:
		v.Addf(field, "must have at most %d bytes", maxPasswordLen)
	case username != "" && strings.EqualFold(strings.TrimSpace(password), username):
		v.Add(field, "must not be the username")
	}
	return v.Err()
}

// GeneratePassword returns a random password of 20 characters from an alphabet of 61
// without look-alike characters (about 118 bits of entropy), for accounts an operator creates.
func GeneratePassword() (string, error) {
	const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_.+!"
	const limit = 256 - 256%len(alphabet) // rejection sampling keeps every character equally likely
	out := make([]byte, 0, 20)
	buf := make([]byte, 32)
	for len(out) < cap(out) {
		if _, err := rand.Read(buf); err != nil {
			return "", fmt.Errorf("authn: generate password: %w", err)
		}
		for _, c := range buf {
			if int(c) < limit && len(out) < cap(out) {
				out = append(out, alphabet[int(c)%len(alphabet)])
			}
		}
	}
	return string(out), nil
}
