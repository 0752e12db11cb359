package synth

import (
	"math/rand/v2"
	"strings"
)

// nameSource is where one registration took the spelling of the names from.
type nameSource struct {
	conv     string // convention; "" keeps the Cyrillic
	upper    bool   // typed as in the machine-readable zone
	national bool   // transcribed by the host state's officer (may use local name forms)
	lang     lang   // language of the given name and patronymic
	ruSur    bool   // surname in its Russian spelling too
}

// source picks the spelling source of one registration. The document shown decides most:
// a passport is copied or scanned (its 2010 or older romanisation, or its MRZ), while a
// Cyrillic-only document is transcribed by the officer, by the host state's rules, ICAO
// Doc 9303 or the English convention. Bulgaria keeps the Cyrillic.
func (g *generator) source(rng *rand.Rand, p *person, st *stateInfo, latinDoc bool) nameSource {
	s := nameSource{}
	cyr := 0.03
	if st.conv == convBG {
		cyr = 0.5
	}
	x, y := rng.Float64(), rng.Float64()
	switch {
	case x < cyr:
		s.upper = rng.Float64() < 0.5
	case latinDoc && x < cyr+0.8:
		s.conv, s.upper = p.passConv, y < 0.3
	case y < 0.2:
		s.conv, s.upper = convICAO, true
	case y < 0.32:
		s.conv = convEN
	default:
		s.conv, s.national = st.conv, true
		s.upper = rng.Float64() < 0.05
	}
	// Russian forms come from the person (Sergei for Serhii) or from old Soviet-style
	// passports; the 2010 passport always prints the Ukrainian form.
	if p.russian && rng.Float64() < 0.4 && !(s.conv == convUA2010 && !s.national) {
		s.lang = langRU
		s.ruSur = rng.Float64() < 0.3
	}
	return s
}

// render builds one registration of person p in state st.
func (g *generator) render(rng *rand.Rand, p *person, st *stateInfo) Record {
	docType, docNum := g.pickDocument(rng, p)
	src := g.source(rng, p, st, docType == docPassport)
	rec := Record{PersonID: p.id, MemberState: st.code, Hard: p.hard}
	if p.tcn != nil {
		rec.Surname, rec.GivenName = latinVariant(p.tcn.surname, rng.Float64()), latinVariant(p.tcn.given, rng.Float64())
		if src.upper {
			rec.Surname, rec.GivenName = strings.ToUpper(rec.Surname), strings.ToUpper(rec.GivenName)
		}
	} else {
		rec.Surname = g.surnameText(rng, p, st, src)
		rec.GivenName = g.givenText(rng, p, st, src)
		rec.Patronymic = g.patronymicText(rng, p, st, src)
	}
	if rec.Patronymic != "" && rng.Float64() < 0.03 {
		rec.GivenName, rec.Patronymic = rec.GivenName+" "+rec.Patronymic, "" // one name field on the form
	}
	rec.Surname = maybeTypo(rng, rec.Surname, 0.06)
	rec.GivenName = maybeTypo(rng, rec.GivenName, 0.05)
	rec.Patronymic = maybeTypo(rng, rec.Patronymic, 0.03)
	swap := 0.015
	if p.tcn != nil {
		swap = 0.08
	}
	if rng.Float64() < swap {
		rec.Surname, rec.GivenName = rec.GivenName, rec.Surname
	}
	rec.Sex = sexCode(rng, p.sex, st.code)
	rec.DateOfBirth = noisyDate(rng, p.dob, st.dateFormat)
	rec.PlaceOfBirth = g.placeText(rng, p, st)
	rec.Nationality = nationalityText(rng, p.nat, st.code)
	rec.DocumentType, rec.DocumentNumber = docType, g.noisyDocNumber(rng, docNum, docType, st.conv)
	rec.Address, rec.Locality, rec.Postcode = g.address(p.household, st)
	return rec
}

func maybeTypo(rng *rand.Rand, s string, p float64) string {
	if s != "" && rng.Float64() < p {
		s = typo(rng, s)
		if rng.Float64() < 0.1 {
			s = typo(rng, s)
		}
	}
	return s
}

// write renders a Cyrillic name with the source's convention and case.
func (g *generator) write(cyr string, src nameSource, l lang) string {
	out := cyr
	if src.conv != "" {
		out = g.r.render(cyr, src.conv, l)
	}
	if src.upper {
		return g.r.foldUpper(out)
	}
	return out
}

// surnameText is the surname as registered: married or maiden name, the feminine form (or
// the masculine one copied from a husband's or father's document), the Czech and Slovak -ová.
func (g *generator) surnameText(rng *rand.Rand, p *person, st *stateInfo, src nameSource) string {
	cyr := p.surname
	switch {
	case p.maiden != "" && rng.Float64() < 0.4:
		cyr = p.maiden
	case p.maiden != "" && rng.Float64() < 0.05:
		cyr = p.maiden + "-" + p.surname
	case p.sex == 'F' && p.surnameM != p.surname && rng.Float64() < 0.04:
		cyr = p.surnameM
	}
	l := langUK
	if src.ruSur {
		cyr, l = russianSurname(cyr), langRU
	}
	out := g.write(cyr, src, l)
	if src.national && p.sex == 'M' {
		out = balticEnding(rng, out, st.conv) // Meļniks, Melnykas
	}
	if src.national && p.sex == 'F' && (st.conv == convCZ || st.conv == convSK) && rng.Float64() < 0.3 {
		out = czechFeminine(out)
	}
	return out
}

// czechFeminine adds the Czech/Slovak feminine suffix a registry may still apply to a
// foreign woman's surname (Ševčenko -> Ševčenková, Melnyk -> Melnyková).
func czechFeminine(s string) string {
	switch {
	case strings.HasSuffix(s, "á"), strings.HasSuffix(s, "a"):
		return s
	case strings.HasSuffix(s, "o"):
		return strings.TrimSuffix(s, "o") + "ová"
	}
	return s + "ová"
}

// givenText is the given name as registered: Ukrainian or Russian form, a double name in
// full or in part, the host language's own form, Baltic grammatical endings.
func (g *generator) givenText(rng *rand.Rand, p *person, st *stateInfo, src nameSource) string {
	parts := p.given
	if len(parts) == 2 {
		switch x := rng.Float64(); {
		case x < 0.35:
			parts = parts[:1]
		case x < 0.4:
			parts = parts[1:]
		}
	}
	words := make([]string, len(parts))
	for i, n := range parts {
		cyr := n.uk
		if src.lang == langRU {
			cyr = n.ru
		}
		if loc, ok := n.local[st.conv]; ok && src.national && rng.Float64() < 0.35 {
			words[i] = loc
			if src.upper {
				words[i] = g.r.foldUpper(loc)
			}
			continue
		}
		words[i] = g.write(cyr, src, src.lang)
		if src.conv == convUAOld && rng.Float64() < 0.3 {
			words[i] = oldX(words[i]) // Olexandr, Olexiy: a common spelling in older passports
		}
		if src.national && p.sex == 'M' {
			words[i] = balticEnding(rng, words[i], st.conv)
		}
	}
	sep := " "
	if rng.Float64() < 0.5 {
		sep = "-"
	}
	return strings.Join(words, sep)
}

// oldX writes ks as x, as many passports issued before 2010 did.
func oldX(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "ks", "x"), "KS", "X")
}

// balticEnding adds the masculine ending Latvian always and Lithuanian often writes on a
// foreign name (Oleksandrs, Oleksandras; Andrij -> Andrijs; Melnyk -> Meļniks).
func balticEnding(rng *rand.Rand, s, conv string) string {
	if s == "" || (conv != convLV && conv != convLT) {
		return s
	}
	last := s[len(s)-1]
	vowel := strings.IndexByte("aeiouyAEIOUY", last) >= 0
	switch {
	case conv == convLV && !vowel && rng.Float64() < 0.8:
		return s + "s"
	case conv == convLT && !vowel && rng.Float64() < 0.5:
		return s + "as"
	case conv == convLT && last == 'j' && rng.Float64() < 0.5:
		return s + "us"
	}
	return s
}

// patronymicText is the patronymic, when the state's form has the field.
func (g *generator) patronymicText(rng *rand.Rand, p *person, st *stateInfo, src nameSource) string {
	if p.father == nil || rng.Float64() >= st.patronymic {
		return ""
	}
	i := 0
	if p.sex == 'F' {
		i = 1
	}
	cyr := p.father.patUK[i]
	if src.lang == langRU {
		cyr = p.father.patRU[i]
	}
	return g.write(cyr, src, src.lang)
}

// sexCode writes sex as the state's form does: F/M mostly, sometimes the national letter,
// the Cyrillic of the document, a word, nothing, or (rarely) wrong.
func sexCode(rng *rand.Rand, sex byte, state string) string {
	female := sex == 'F'
	pick := func(f, m string) string {
		if female {
			return f
		}
		return m
	}
	switch x := rng.Float64(); {
	case x < 0.01:
		return ""
	case x < 0.013:
		female = !female
	case x < 0.04:
		if f, m := localSex(state); f != "" {
			return pick(f, m)
		}
	case x < 0.05:
		return pick("Ж", "Ч")
	case x < 0.06:
		return pick("female", "male")
	}
	return pick("F", "M")
}

// localSex is the national letter for women and men on a state's forms, where it differs.
func localSex(state string) (string, string) {
	switch state {
	case "PL":
		return "K", "M"
	case "DE", "AT":
		return "W", "M"
	case "CZ", "SK":
		return "Ž", "M"
	case "BG":
		return "Ж", "М"
	case "NL":
		return "V", "M"
	}
	return "", ""
}

// nationalityText writes the nationality: ISO alpha-3 mostly, else alpha-2, a word, or
// (for third-country nationals arriving from Ukraine) wrongly UKR.
func nationalityText(rng *rand.Rand, nat, state string) string {
	switch x := rng.Float64(); {
	case x < 0.02:
		return ""
	case nat != "UKR" && x < 0.1:
		return "UKR"
	case nat == "UKR" && x < 0.07:
		return "UA"
	case nat == "UKR" && x < 0.11:
		return ukrainianIn(state)
	}
	return nat
}

// ukrainianIn is "Ukrainian" as a state's form writes the nationality.
func ukrainianIn(state string) string {
	switch state {
	case "PL":
		return "ukraińskie"
	case "DE", "AT":
		return "ukrainisch"
	case "FR", "BE", "LU":
		return "ukrainienne"
	case "IT":
		return "ucraina"
	case "ES":
		return "ucraniana"
	case "CZ":
		return "ukrajinské"
	}
	return "Ukraine"
}
