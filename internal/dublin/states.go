package dublin

// memberStates are the states bound by Regulation 604/2013: the 27 EU Member States
// (Denmark by its 2006 agreement) and the associated states CH, IS, LI and NO (Recitals 42
// and 43 and the association agreements). Codes are ISO 3166-1 alpha-2, so Greece is GR.
var memberStates = map[string]string{
	"AT": "Austria", "BE": "Belgium", "BG": "Bulgaria", "HR": "Croatia", "CY": "Cyprus",
	"CZ": "Czechia", "DK": "Denmark", "EE": "Estonia", "FI": "Finland", "FR": "France",
	"DE": "Germany", "GR": "Greece", "HU": "Hungary", "IE": "Ireland", "IT": "Italy",
	"LV": "Latvia", "LT": "Lithuania", "LU": "Luxembourg", "MT": "Malta", "NL": "Netherlands",
	"PL": "Poland", "PT": "Portugal", "RO": "Romania", "SK": "Slovakia", "SI": "Slovenia",
	"ES": "Spain", "SE": "Sweden",
	"CH": "Switzerland", "IS": "Iceland", "LI": "Liechtenstein", "NO": "Norway",
}

// IsMemberState reports whether code is a state applying Dublin III (ISO alpha-2, GR for Greece).
func IsMemberState(code string) bool {
	_, ok := memberStates[code]
	return ok
}

// MemberStates returns the codes of the states applying Dublin III, in no particular order.
func MemberStates() []string {
	out := make([]string, 0, len(memberStates))
	for k := range memberStates {
		out = append(out, k)
	}
	return out
}

// stateRule explains why code is not accepted, for a validation message.
func stateRule(code string) string {
	switch code {
	case "EL":
		return "unknown state code \"EL\": use the ISO code GR for Greece"
	case "UK", "GB":
		return "the United Kingdom no longer applies Regulation 604/2013"
	}
	if len(code) > 12 {
		code = code[:12] + "..."
	}
	return "unknown state code \"" + code + "\": want an ISO 3166-1 alpha-2 code of a state applying Regulation 604/2013 (EU-27, CH, IS, LI, NO)"
}
