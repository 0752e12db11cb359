package authn_test

import (
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

func TestHashPasswordRoundTripWithDefaultCosts(t *testing.T) {
	h, err := authn.HashPassword("correct horse battery", authn.DefaultArgon2())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q does not carry its parameters in PHC form", h)
	}
	ph, err := authn.ParsePasswordHash(h)
	if err != nil {
		t.Fatal(err)
	}
	if ph.String() != h {
		t.Fatalf("String() = %q, want %q", ph.String(), h)
	}
	if !ph.Verify("correct horse battery") || ph.Verify("correct horse batterY") || ph.Verify("") {
		t.Fatal("Verify accepts the wrong password or refuses the right one")
	}
	h2, _ := authn.HashPassword("correct horse battery", authn.DefaultArgon2())
	if h2 == h {
		t.Fatal("two hashes of one password are equal: the salt is not random")
	}
}

func TestParsePasswordHash(t *testing.T) {
	salt, key := "c2FsdHNhbHRzYWx0c2FsdA", "a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U"
	good := "$argon2id$v=19$m=65536,t=3,p=4$" + salt + "$" + key
	tests := []struct {
		name string
		in   string
		ok   bool
	}{
		{"valid", good, true},
		{"argon2i is refused", strings.Replace(good, "argon2id", "argon2i", 1), false},
		{"bcrypt is refused", "$2a$10$abcdefghijklmnopqrstuu", false},
		{"old version 16", strings.Replace(good, "v=19", "v=16", 1), false},
		{"parameters out of order", strings.Replace(good, "m=65536,t=3,p=4", "t=3,m=65536,p=4", 1), false},
		{"leading zero", strings.Replace(good, "t=3", "t=03", 1), false},
		{"zero iterations", strings.Replace(good, "t=3", "t=0", 1), false},
		{"memory above 1 GiB", strings.Replace(good, "m=65536", "m=4194304", 1), false},
		{"memory below 8 KiB per lane (RFC 9106)", strings.Replace(good, "m=65536", "m=31", 1), false},
		{"zero lanes", strings.Replace(good, "p=4", "p=0", 1), false},
		{"padded base64", strings.Replace(good, salt, salt+"==", 1), false},
		{"short salt", strings.Replace(good, salt, "c2FsdA", 1), false},
		{"short key", strings.Replace(good, key, "a2V5", 1), false},
		{"missing key", "$argon2id$v=19$m=65536,t=3,p=4$" + salt, false},
		{"extra field", good + "$x", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := authn.ParsePasswordHash(tt.in)
			if tt.ok != (err == nil) {
				t.Fatalf("ParsePasswordHash(%q) error %v, want ok=%v", tt.in, err, tt.ok)
			}
			if tt.ok && (h.Params.Memory != 65536 || h.Params.Time != 3 || h.Params.Threads != 4 || h.String() != tt.in) {
				t.Fatalf("parsed %+v, printed %q", h.Params, h.String())
			}
		})
	}
}

func TestWeakerHashesAreUpgraded(t *testing.T) {
	low := authn.Argon2Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
	s, _ := authn.HashPassword("a long enough password", low)
	h, _ := authn.ParsePasswordHash(s)
	if !h.Weaker(authn.DefaultArgon2()) {
		t.Fatal("a 64 KiB hash is not weaker than the defaults")
	}
	if h.Weaker(low) {
		t.Fatal("a hash is weaker than its own parameters")
	}
}

func TestCheckPassword(t *testing.T) {
	tests := []struct {
		name, username, password string
		ok                       bool
	}{
		{"12 characters", "anna", "abcdefghijkl", true},
		{"11 characters", "anna", "abcdefghijk", false},
		{"12 runes in Cyrillic count as 12", "anna", "дорогапароль", true},
		{"the username, whatever its case", "anna.schmidt.de", "ANNA.SCHMIDT.DE", false},
		{"too long", "anna", strings.Repeat("x", 1025), false},
		{"invalid UTF-8", "anna", "abcdefghijk\xff", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := authn.CheckPassword("password", tt.username, tt.password)
			if tt.ok != (err == nil) {
				t.Fatalf("CheckPassword = %v, want ok=%v", err, tt.ok)
			}
			if err != nil {
				if e, _ := errs.As(err); e.Fields[0].Field != "password" {
					t.Fatalf("error names field %q", e.Fields[0].Field)
				}
			}
		})
	}
}

func TestGeneratePasswordPassesThePolicy(t *testing.T) {
	seen := map[string]bool{}
	for range 50 {
		pw, err := authn.GeneratePassword()
		if err != nil {
			t.Fatal(err)
		}
		if len(pw) != 20 || authn.CheckPassword("password", "user", pw) != nil || seen[pw] {
			t.Fatalf("generated %q: wrong length, refused by the policy, or repeated", pw)
		}
		seen[pw] = true
	}
}

func FuzzParsePasswordHash(f *testing.F) {
	good, _ := authn.HashPassword("fuzz seed password", authn.Argon2Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32})
	for _, s := range []string{good, "", "$argon2id$", "$argon2id$v=19$m=8,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA",
		"$argon2id$v=19$m=4294967295,t=1,p=1$x$y", "$argon2id$v=19$m=65536,t=3,p=4$$"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := authn.ParsePasswordHash(s)
		if err != nil {
			return
		}
		// Whatever parses must be within the bounds and print back to the same string.
		if h.Params.Memory > 1<<20 || h.Params.Time > 64 || h.Params.Threads == 0 || len(h.Salt) < 8 || len(h.Key) < 16 {
			t.Fatalf("out-of-bounds parameters accepted: %+v", h.Params)
		}
		if h.String() != s {
			t.Fatalf("round trip: %q -> %q", s, h.String())
		}
	})
}
