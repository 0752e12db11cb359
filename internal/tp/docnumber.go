package tp

import (
	"regexp"
	"strings"
)

// NormalizeDocumentNumber upper-cases a document number and removes spaces, hyphens and
// slashes, the separators officers and scanners add ("FF 198514", "I-ЖС183998").
func NormalizeDocumentNumber(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if r == ' ' || r == '-' || r == '/' || r == '\t' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Ukrainian document formats: the biometric passport for travel abroad (two Latin letters,
// six digits), the ID card (nine digits, the record number printed separately), the old
// internal passport booklet (two Cyrillic letters, six digits) and the birth certificate
// (series: Roman numeral and two Cyrillic letters, six digits). Foreign systems often hold
// the Cyrillic series transliterated (КН -> KN), which is accepted as well.
var (
	uaPassport  = regexp.MustCompile(`^[A-Z]{2}[0-9]{6}$`)
	uaIDCard    = regexp.MustCompile(`^[0-9]{9}$`)
	uaInternal  = regexp.MustCompile(`^([А-ЯІЇЄҐ]{2}|[A-Z]{2})[0-9]{6}$`)
	uaBirthCert = regexp.MustCompile(`^[IVXLC1]{1,4}([А-ЯІЇЄҐ]{2}|[A-Z]{2})[0-9]{6}$`)
	generic     = regexp.MustCompile(`^[A-Z0-9А-ЯІЇЄҐ]{4,20}$`)
)

// CheckDocumentNumber returns the rule a normalised document number breaks for its type and
// issuing country, or "" when it is well formed.
func CheckDocumentNumber(docType, country, number string) string {
	if number == "" {
		return "is required"
	}
	if country == "UA" {
		switch docType {
		case "passport":
			return ruleOf(uaPassport, number, "a Ukrainian passport number is two Latin letters and six digits (e.g. FA123456)")
		case "id_card":
			return ruleOf(uaIDCard, number, "a Ukrainian ID card number is nine digits")
		case "internal_passport":
			return ruleOf(uaInternal, number, "a Ukrainian internal passport number is two Cyrillic (or transliterated) letters and six digits (e.g. КН123456)")
		case "birth_certificate":
			return ruleOf(uaBirthCert, number, "a Ukrainian birth certificate number is a series (Roman numeral, two Cyrillic letters) and six digits (e.g. I-ЖС123456)")
		}
	}
	return ruleOf(generic, number, "must be 4 to 20 letters and digits")
}

func ruleOf(re *regexp.Regexp, number, rule string) string {
	if re.MatchString(number) {
		return ""
	}
	return rule
}
