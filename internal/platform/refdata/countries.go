package refdata

import (
	"sort"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Country is an ISO 3166-1 country or territory, for nationalities and places of birth.
type Country struct {
	Code   string `json:"code"`
	Alpha3 string `json:"alpha3"`
	Name   string `json:"name"`
}

// Countries returns the ISO 3166-1 countries known to the Unicode CLDR data of x/text, plus
// XK (Kosovo, a user-assigned code in common use on travel documents), sorted by code. The
// list is derived rather than typed in so it follows CLDR when x/text is updated.
func Countries() []Country {
	names := display.English.Regions()
	var out []Country
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || r.String() != code || !r.IsCountry() {
				continue
			}
			alpha3 := r.ISO3()
			if code == "XK" {
				alpha3 = "XKX"
			}
			name := names.Name(r)
			if len(alpha3) != 3 || alpha3 == "ZZZ" || name == "" || notISO3166(code) {
				continue
			}
			out = append(out, Country{Code: code, Alpha3: alpha3, Name: name})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// CountryByCode returns the country with the alpha-2 code, accepting the alpha-3 code too.
func CountryByCode(code string) (Country, bool) {
	for _, c := range Countries() {
		if c.Code == code || c.Alpha3 == code {
			return c, true
		}
	}
	return Country{}, false
}

// notISO3166 lists the codes CLDR knows that are not current ISO 3166-1 alpha-2 countries:
// exceptionally reserved codes (AC, CP, DG, EA, IC, TA), transitionally reserved or
// withdrawn ones (AN, BU, CS, DD, FX, NT, SU, TP, YU, ZR and the former US islands), and
// CLDR's groupings.
func notISO3166(code string) bool {
	switch code {
	case "AC", "CP", "DG", "EA", "IC", "TA", "AN", "BU", "CS", "DD", "FX", "NT", "SU", "TP", "YU", "ZR",
		"JT", "MI", "PC", "PU", "WK", "FQ", "CQ", "EU", "EZ", "UN", "QO":
		return true
	}
	return false
}
