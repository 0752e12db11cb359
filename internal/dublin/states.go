package dublin

import "strings"

// memberStates lists the states bound by Regulation 604/2013, three bytes each: the 27 EU
// Member States (Denmark by its 2006 agreement) and the associated states CH, IS, LI and NO
// (Recitals 42 and 43 and the association agreements). Codes are ISO 3166-1 alpha-2, so
// Greece is GR. A constant, so no caller can change the list.
const memberStates = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE CH IS LI NO "

// IsMemberState reports whether code is a state applying Dublin III (ISO alpha-2, GR for Greece).
func IsMemberState(code string) bool {
	if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' {
		return false
	}
	i := strings.Index(memberStates, code)
	return i >= 0 && i%3 == 0
}

// MemberStates returns the codes of the states applying Dublin III, EU states first.
func MemberStates() []string { return strings.Fields(memberStates) }

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
