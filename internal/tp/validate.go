package tp

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/refdata"
	"github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// activation is the day ReviewDecision 2022/382 entered into force (its Art 4); no registration
// under it can be older.
var activation = timelimit.MustDate(2022, 3, 4)

var zeroDate timelimit.Date

// Normalize tidies input before validation: trimmed text, upper-case codes and document
// numbers without spaces or hyphens, alpha-3 country codes turned into alpha-2.
func (in *RegistrationInput) Normalize() {
	p := &in.Person
	for _, s := range []*string{&p.Surname, &p.GivenName, &p.Patronymic, &p.SurnameCyrillic,
		&p.GivenNameCyrillic, &p.PatronymicCyrillic, &p.PlaceOfBirth, &p.DateOfBirth, &in.Address,
		&in.Locality, &in.Postcode, &in.Region, &in.RegisteredOn, &in.ExternalID} {
		*s = strings.Join(strings.Fields(*s), " ")
	}
	p.Sex = strings.ToUpper(strings.TrimSpace(p.Sex))
	p.Nationality = countryCode(p.Nationality)
	for i := range p.Documents {
		d := &p.Documents[i]
		d.Type = strings.ToLower(strings.TrimSpace(d.Type))
		d.Number = NormalizeDocumentNumber(d.Number)
		d.Country = countryCode(d.Country)
	}
	in.Ground = Ground(strings.ToLower(strings.TrimSpace(string(in.Ground))))
}

// countryCode upper-cases c and maps an alpha-3 code to alpha-2 (XXA, stateless, stays).
func countryCode(c string) string {
	c = strings.ToUpper(strings.TrimSpace(c))
	if len(c) == 3 && !statelessCode(c) {
		if a2, ok := countryCodes()[c]; ok {
			return a2
		}
	}
	return c
}

// statelessCode reports the ICAO 9303 codes for stateless persons and refugees.
func statelessCode(c string) bool { return c == "XXA" || c == "XXB" || c == "XXC" || c == "XXX" }

// Validate checks the input against the rules of the platform on the given day, naming each
// field that breaks one. state is the registering Member State.
func (in *RegistrationInput) Validate(state string, today timelimit.Date) error {
	var v errs.Validation
	validatePerson(&v, &in.Person, today)
	validateGround(&v, in.Ground, state)
	if in.RegisteredOn != "" {
		checkDate(&v, "registered_on", in.RegisteredOn, today)
		if d, err := timelimit.Parse(in.RegisteredOn); err == nil && d.Before(activation) {
			v.Add("registered_on", "must be on or after 2022-03-04, when ReviewDecision 2022/382 entered into force")
		}
	}
	validatePermit(&v, &in.Permit)
	for i, r := range in.Rights {
		v.Check(slices.Contains(rightsList, r), fmt.Sprintf("rights[%d]", i),
			"must be one of "+strings.Join(rightsList, ", "))
	}
	if in.Household.HeadID != "" {
		v.Check(slices.Contains([]string{"child", "spouse", "partner", "dependant", "other"}, in.Household.Relationship),
			"household.relationship", "must be child, spouse, partner, dependant or other")
	}
	v.Check(len(in.ExternalID) <= 100, "external_id", "must be at most 100 characters")
	return v.Err()
}

func validatePerson(v *errs.Validation, p *PersonRecord, today timelimit.Date) {
	v.Check(p.Surname != "" || p.SurnameCyrillic != "", "person.surname", "is required (in Latin or Cyrillic script)")
	v.Check(p.GivenName != "" || p.GivenNameCyrillic != "", "person.given_name", "is required (in Latin or Cyrillic script)")
	for _, f := range []struct{ name, val string }{{"person.surname", p.Surname}, {"person.given_name", p.GivenName},
		{"person.patronymic", p.Patronymic}} {
		v.Check(isName(f.val, false), f.name, "must hold letters, spaces, hyphens and apostrophes only")
	}
	for _, f := range []struct{ name, val string }{{"person.surname_cyrillic", p.SurnameCyrillic},
		{"person.given_name_cyrillic", p.GivenNameCyrillic}, {"person.patronymic_cyrillic", p.PatronymicCyrillic}} {
		v.Check(isName(f.val, true), f.name, "must be written in Cyrillic letters")
	}
	v.Check(p.Sex == "M" || p.Sex == "F" || p.Sex == "X", "person.sex", "must be M, F or X")
	if p.DateOfBirth == "" {
		v.Add("person.date_of_birth", "is required (YYYY, YYYY-MM or YYYY-MM-DD)")
	} else if err := CheckPartialDate(p.DateOfBirth, today); err != nil {
		v.Add("person.date_of_birth", err.Error())
	}
	if !validCountry(p.Nationality) {
		v.Add("person.nationality", "unknown country code "+quote(p.Nationality)+" (ISO 3166-1, or XXA for stateless)")
	}
	v.Check(len(p.PlaceOfBirth) <= 200, "person.place_of_birth", "must be at most 200 characters")
	for i, d := range p.Documents {
		validateDocument(v, fmt.Sprintf("person.documents[%d]", i), d, today)
	}
}

func validateDocument(v *errs.Validation, prefix string, d IdentityDocument, today timelimit.Date) {
	v.Check(slices.Contains(DocumentTypes(), d.Type), prefix+".type", "must be one of "+strings.Join(DocumentTypes(), ", "))
	if !validCountry(d.Country) || statelessCode(d.Country) {
		v.Add(prefix+".country", "unknown issuing country "+quote(d.Country)+" (ISO 3166-1)")
	}
	if rule := CheckDocumentNumber(d.Type, d.Country, d.Number); rule != "" {
		v.Add(prefix+".number", rule)
	}
	if d.IssuedOn != "" {
		checkDate(v, prefix+".issued_on", d.IssuedOn, today)
	}
	if d.ExpiresOn != "" {
		checkDate(v, prefix+".expires_on", d.ExpiresOn, timelimit.Date{})
	}
	if d.IssuedOn != "" && d.ExpiresOn != "" && d.ExpiresOn < d.IssuedOn {
		v.Add(prefix+".expires_on", "must not be before issued_on")
	}
}

func validateGround(v *errs.Validation, g Ground, state string) {
	if !slices.Contains(Grounds(), g) {
		v.Add("ground", "must be one of ukrainian_national, protection_in_ukraine, family_member, permanent_resident, national_scheme (ReviewDecision 2022/382 Art 2)")
		return
	}
	// Denmark is not bound by the Directive (Protocol No 22) and registers under national law.
	if o, ok := stateOrg(state); ok && o.TPRegime == refdata.TPNational && g != GroundNationalScheme {
		v.Add("ground", state+" applies a national scheme, not the Directive: the ground must be national_scheme")
	}
}

func validatePermit(v *errs.Validation, p *ResidencePermit) {
	for _, f := range []struct{ name, val string }{{"permit.issued_on", p.IssuedOn}, {"permit.valid_until", p.ValidUntil}} {
		if f.val != "" {
			checkDate(v, f.name, f.val, timelimit.Date{})
		}
	}
	if p.IssuedOn != "" && p.ValidUntil != "" && p.ValidUntil < p.IssuedOn {
		v.Add("permit.valid_until", "must not be before issued_on")
	}
	prev := p.ValidUntil
	for i, e := range p.Extensions {
		name := fmt.Sprintf("permit.extensions[%d]", i)
		checkDate(v, name+".on", e.On, timelimit.Date{})
		checkDate(v, name+".valid_until", e.ValidUntil, timelimit.Date{})
		v.Check(e.ValidUntil > prev, name+".valid_until", "must extend the validity: later than the previous valid_until")
		prev = e.ValidUntil
	}
}

// checkDate adds an error when s is not a full ISO date, or is after notAfter when given.
func checkDate(v *errs.Validation, field, s string, notAfter timelimit.Date) {
	d, err := timelimit.Parse(s)
	if err != nil {
		v.Add(field, "must be a date in the form YYYY-MM-DD that exists in the calendar")
		return
	}
	if !notAfter.IsZero() && d.After(notAfter) {
		v.Add(field, "must not be in the future")
	}
}

// CheckPartialDate checks a partial ISO date of birth (YYYY, YYYY-MM or YYYY-MM-DD) that
// must exist, not lie in the future and not before 1900.
func CheckPartialDate(s string, today timelimit.Date) error {
	var y, m, d int
	var err error
	switch len(s) {
	case 4:
		_, err = fmt.Sscanf(s, "%4d", &y)
		m, d = 1, 1
	case 7:
		_, err = fmt.Sscanf(s, "%4d-%2d", &y, &m)
		d = 1
		if err == nil && s[4] != '-' {
			err = fmt.Errorf("bad separator")
		}
	case 10:
		var date timelimit.Date
		date, err = timelimit.Parse(s)
		y, m, d = date.Year, int(date.Month), date.Day
	default:
		err = fmt.Errorf("bad length")
	}
	if err != nil || !digitsAndDashes(s) || m < 1 || m > 12 {
		return fmt.Errorf("must be a date YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar")
	}
	if y < 1900 {
		return fmt.Errorf("must not be before 1900")
	}
	if first, ok := timelimit.New(y, time.Month(m), d); !ok || (!today.IsZero() && first.After(today)) {
		return fmt.Errorf("must not be in the future")
	}
	return nil
}

func digitsAndDashes(s string) bool {
	for i, r := range s {
		if !(unicode.IsDigit(r) && r < 128) && !(r == '-' && (i == 4 || i == 7)) {
			return false
		}
	}
	return true
}

func isName(s string, cyrillic bool) bool {
	for _, r := range s {
		switch {
		case r == ' ' || r == '-' || r == '\'' || r == '’' || r == 'ʼ' || r == '.':
		case cyrillic && unicode.Is(unicode.Cyrillic, r):
		case !cyrillic && unicode.IsLetter(r) && !unicode.Is(unicode.Cyrillic, r):
		case !cyrillic && unicode.Is(unicode.Mn, r):
		default:
			return false
		}
	}
	return true
}

func validCountry(c string) bool {
	if statelessCode(c) {
		return true
	}
	a2, ok := countryCodes()[c]
	return ok && a2 == c
}

// countryCodes maps every ISO 3166-1 alpha-2 and alpha-3 code to the alpha-2 code. It is
// computed once: refdata derives the list from CLDR on each call, too slow for bulk rows.
var countryCodes = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, c := range refdata.Countries() {
		m[c.Code], m[c.Alpha3] = c.Code, c.Code
	}
	return m
})

func stateOrg(code string) (refdata.Organisation, bool) {
	o, ok := statesByCode()[code]
	return o, ok
}

// statesByCode is refdata.States by code, built once: the list is constant, and building
// it for every imported row was a tenth of an import's time.
var statesByCode = sync.OnceValue(func() map[string]refdata.Organisation {
	m := map[string]refdata.Organisation{}
	for _, o := range refdata.States() {
		m[o.Code] = o
	}
	return m
})

func quote(s string) string { return "\"" + s + "\"" }
