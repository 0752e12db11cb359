package identity

// The compared fields, in explanation order.
const (
	fSurname = iota
	fGiven
	fPatronymic
	fDOB
	fSex
	fPlace
	fNationality
	fDocument
	fResidence // address, locality and postcode as one field: they are not independent
	nFields
)

// maxLevels bounds the levels of any field; level 0 is always "missing" (weight 0).
const maxLevels = 10

// fieldNames are the names used in explanations and JSON.
var fieldNames = [nFields]string{
	"surname", "given_name", "patronymic", "date_of_birth", "sex", "place_of_birth",
	"nationality", "document", "residence",
}

// Name levels (surname, given name).
const (
	nMissing   = 0
	nExact     = 1 // equal after case, diacritics and punctuation folding
	nTranslit  = 2 // equal after transliteration keys (Шевченко = Szewczenko)
	nEquiv     = 3 // equivalent forms (Oleksandr = Aleksandr = Alexander)
	nJWHigh    = 4 // Jaro-Winkler >= 0.92
	nJWMid     = 5 // Jaro-Winkler >= 0.85
	nContained = 6 // one name is part of the other (double names, married names)
	nSwapped   = 7 // given name and surname exchanged
	nDisagree  = 8
)

// Date-of-birth levels.
const (
	dMissing  = 0
	dExact    = 1
	dSwapped  = 2 // day and month exchanged
	dOneDigit = 3 // one digit or adjacent transposition in YYYYMMDD
	dPartial  = 4 // one date partial, agreeing on what both have
	dJan1     = 5 // same year, one side on the 1 January default
	dYearPM1  = 6 // one year apart, same day and month
	dSameYear = 7
	dDisagree = 8 // within two years
	dFar      = 9 // three or more years apart: another generation or another person
)

// Document levels.
const (
	docMissing  = 0
	docExact    = 1
	docGlyph    = 2 // equal after mapping Cyrillic look-alikes or romanising the series
	docOneEdit  = 3
	docDisagree = 4
)

// Levels of the simple fields: sex, nationality (agree/disagree), place of birth (agree,
// similar, disagree) and residence (same address, same locality only, disagree).
const (
	sMissing  = 0
	sAgree    = 1
	sSimilar  = 2
	sDisagree = 3
)

// levelNames names each level of each field for explanations.
var levelNames = [nFields][]string{
	fSurname:     nameLevelNames,
	fGiven:       nameLevelNames,
	fPatronymic:  nameLevelNames,
	fDOB:         {"missing", "exact", "day_month_swapped", "one_digit", "partial_agree", "january_1_default", "year_plus_minus_1", "same_year", "disagree", "years_apart"},
	fSex:         simpleLevelNames,
	fPlace:       simpleLevelNames,
	fNationality: simpleLevelNames,
	fDocument:    {"missing", "exact", "homoglyph_or_romanised", "one_edit", "disagree"},
	fResidence:   {"missing", "same_address", "same_locality", "disagree"},
}

var nameLevelNames = []string{"missing", "exact", "transliteration", "equivalent_name", "jaro_winkler_high", "jaro_winkler_mid", "contained", "swapped", "disagree"}

var simpleLevelNames = []string{"missing", "agree", "similar", "disagree"}

// gamma is the comparison vector of a pair: one level per field.
type gamma [nFields]uint8

// vetoBit marks a packed pattern whose pair is vetoed (see verdict.veto).
const vetoBit = 1 << 63

// pack encodes a gamma in 4 bits per field, for counting patterns.
func (g gamma) pack() uint64 {
	var p uint64
	for f := nFields - 1; f >= 0; f-- {
		p = p<<4 | uint64(g[f])
	}
	return p
}

func unpack(p uint64) gamma {
	var g gamma
	p &^= vetoBit
	for f := range nFields {
		g[f] = uint8(p & 15)
		p >>= 4
	}
	return g
}
