package authn

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// User is a person's account. The password hash never leaves the package.
type User struct {
	ID          string       `json:"id"`
	Org         string       `json:"org"`
	Username    string       `json:"username"`
	DisplayName string       `json:"display_name"`
	Roles       []authz.Role `json:"roles"`
	Disabled    bool         `json:"disabled"`
	// OIDCSubject links the account to an identity provider's subject ("issuer#sub").
	OIDCSubject  string    `json:"oidc_subject,omitempty"`
	HasPassword  bool      `json:"has_password"`
	FailedLogins int       `json:"failed_logins"`
	LockedUntil  time.Time `json:"locked_until,omitzero"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`

	passwordHash string
}

// Principal returns the caller a session of u acts as.
func (u User) Principal() authz.Principal {
	return authz.Principal{ID: u.ID, Name: u.Username, Org: u.Org, Roles: append([]authz.Role(nil), u.Roles...),
		Kind: authz.KindUser}
}

// NewUser is the input of Service.CreateUser.
type NewUser struct {
	Org         string
	Username    string
	DisplayName string
	Roles       []string
	// Password may be empty for accounts that log in only through OIDC.
	Password    string
	OIDCSubject string
}

// usernamePattern allows e-mail-like and dotted names; lower case only, since usernames are
// matched case-insensitively.
var usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._@-]{1,63}$`)

// NormalizeUsername trims and lower-cases a username as typed at login.
func NormalizeUsername(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// validate checks the fields that do not need the database; roles are checked against the
// organisation's kind by the service.
func (n *NewUser) validate() error {
	n.Username = NormalizeUsername(n.Username)
	n.Org = strings.ToUpper(strings.TrimSpace(n.Org))
	n.DisplayName = strings.TrimSpace(n.DisplayName)
	var v errs.Validation
	v.Check(n.Org != "", "org", "is required")
	v.Check(usernamePattern.MatchString(n.Username), "username",
		"must be 2 to 64 characters: lower-case letters, digits, '.', '_', '@' or '-', starting with a letter or digit")
	v.Check(n.DisplayName != "" && utf8.RuneCountInString(n.DisplayName) <= 200 && utf8.ValidString(n.DisplayName),
		"display_name", "is required, at most 200 characters")
	if n.Password != "" {
		v.Merge("", CheckPassword("password", n.Username, n.Password))
	}
	return v.Err()
}

// UserPage is one page of a user listing, ordered by username.
type UserPage struct {
	Users []User `json:"users"`
	Next  string `json:"next,omitempty"`
}
