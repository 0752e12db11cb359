package identity

import "github.com/ceas-eu/ceas/internal/strsim"

// compare grades every field of a pair. It allocates nothing.
func compare(a, b *features) gamma {
	var g gamma
	g[fSurname] = compareName(&a.surname, &b.surname, false)
	g[fGiven] = compareName(&a.given, &b.given, true)
	if weak(g[fSurname]) && weak(g[fGiven]) && swapped(a, b) {
		g[fSurname], g[fGiven] = nSwapped, nSwapped
	}
	g[fPatronymic] = compareName(&a.patronymic, &b.patronymic, true)
	g[fDOB] = compareDOB(a.dob, b.dob)
	g[fSex] = compareEq(a.sex != 0 && b.sex != 0, a.sex == b.sex)
	g[fPlace] = comparePlace(&a.place, &b.place)
	g[fNationality] = compareEq(a.nat != "" && b.nat != "", a.nat == b.nat)
	g[fDocument] = compareDocs(a.docs, b.docs)
	g[fResidence] = compareResidence(a, b)
	return g
}

func weak(l uint8) bool { return l == nDisagree || l == nJWMid }

// swapped reports a given name and surname exchanged between the records, a common slip
// when a form orders names differently from the document.
func swapped(a, b *features) bool {
	return agrees(compareName(&a.surname, &b.given, false)) && agrees(compareName(&a.given, &b.surname, false))
}

func agrees(l uint8) bool { return l == nExact || l == nTranslit || l == nJWHigh || l == nContained }

// compareName grades two names. For given names (given=true) the equivalence groups decide
// before string similarity: Oleksandr and Aleksandr are one name, and two different known
// names are different people however alike they look (twins Oleksandr and Oleksii).
func compareName(a, b *nameF, given bool) uint8 {
	if a.empty() || b.empty() {
		return nMissing
	}
	if a.folded == b.folded {
		return nExact
	}
	if intersects(a.keys, b.keys) {
		return nTranslit
	}
	if given && a.group != 0 && b.group != 0 {
		if a.group == b.group {
			return nEquiv
		}
		if a.ntok == 1 && b.ntok == 1 {
			return nDisagree
		}
	}
	jw := bestJW(a, b)
	switch {
	case jw >= 0.92:
		return nJWHigh
	case jw >= 0.85:
		return nJWMid
	case (a.ntok > 1 || b.ntok > 1) && intersects(a.toks, b.toks):
		return nContained
	}
	return nDisagree
}

func intersects(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// bestJW is the best Jaro-Winkler similarity of the folded names and of their keys (the
// keys make a Cyrillic name comparable with a Latin one).
// Only the canonical keys are compared: the other readings serve equality (and blocking),
// and comparing all of them would multiply the cost of the hot loop.
func bestJW(a, b *nameF) float64 {
	best := strsim.JaroWinkler(a.folded, b.folded)
	if best < 0.92 && len(a.keys) > 0 && len(b.keys) > 0 {
		best = max(best, strsim.JaroWinkler(a.keys[0], b.keys[0]))
	}
	return best
}

func compareEq(both, eq bool) uint8 {
	switch {
	case !both:
		return sMissing
	case eq:
		return sAgree
	}
	return sDisagree
}

func comparePlace(a, b *nameF) uint8 {
	switch {
	case a.empty() || b.empty():
		return sMissing
	case a.folded == b.folded || (a.group != 0 && a.group == b.group) || intersects(a.keys, b.keys):
		return sAgree
	case a.group != 0 && b.group != 0:
		return sDisagree // two known, different places
	case bestJW(a, b) >= 0.88:
		return sSimilar
	}
	return sDisagree
}

// compareResidence grades where two records live. Registrations of one person in two
// states differ here, and a household shares it, so it is one field, not three.
func compareResidence(a, b *features) uint8 {
	addr := compareAddress(a, b)
	loc := comparePlace(&a.locality, &b.locality)
	pc := comparePostcode(a.postcode, b.postcode)
	if addr == sMissing && loc == sMissing && pc == sMissing {
		return sMissing
	}
	area := loc == sAgree || loc == sSimilar || pc == sAgree || pc == sSimilar
	areaDiffers := loc == sDisagree && pc != sAgree || pc == sDisagree && loc != sAgree
	switch {
	case (addr == sAgree || addr == sSimilar) && !areaDiffers:
		return sAgree
	case area:
		return sSimilar
	}
	return sDisagree
}

func comparePostcode(a, b string) uint8 {
	switch {
	case a == "" || b == "":
		return sMissing
	case a == b:
		return sAgree
	case strsim.WithinOne(a, b):
		return sSimilar
	}
	return sDisagree
}

func compareAddress(a, b *features) uint8 {
	switch {
	case a.address == "" || b.address == "":
		return sMissing
	case a.address == b.address:
		return sAgree
	}
	common, na, nb := 0, 0, 0
	for ta, rest := nextToken(a.address); ta != ""; ta, rest = nextToken(rest) {
		na++
		for tb, rb := nextToken(b.address); tb != ""; tb, rb = nextToken(rb) {
			if ta == tb {
				common++
				break
			}
		}
	}
	for tb, rb := nextToken(b.address); tb != ""; tb, rb = nextToken(rb) {
		nb++
	}
	union := na + nb - common
	if union > 0 && 2*common >= union {
		return sSimilar
	}
	// a typo in a long address: worth a Jaro-Winkler only when the lengths allow it
	if abs(len(a.address)-len(b.address)) <= 4 && strsim.JaroWinkler(a.address, b.address) >= 0.9 {
		return sSimilar
	}
	return sDisagree
}

// nextToken splits the first space-separated word off s without allocating.
func nextToken(s string) (tok, rest string) {
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			return s[:i], s[i+1:]
		}
	}
	return s, ""
}

func compareDocs(a, b []docF) uint8 {
	if len(a) == 0 || len(b) == 0 {
		return docMissing
	}
	best := uint8(docMissing)
	for i := range a {
		for j := range b {
			x, y := &a[i], &b[j]
			if x.raw != y.raw && x.kind != "" && y.kind != "" && x.kind != y.kind {
				continue // a passport number says nothing about an ID card number
			}
			if best == docMissing {
				best = docDisagree
			}
			switch {
			case x.raw == y.raw:
				return docExact
			case x.glyph == y.glyph || x.roman == y.roman || sameNumber(x, y):
				best = min(best, docGlyph)
			case strsim.WithinOne(x.glyph, y.glyph):
				best = min(best, docOneEdit)
			}
		}
	}
	return best
}

// sameNumber reports two document numbers whose digits agree (at least six) while the
// series was dropped or written differently by one of the clerks (I-КС 780444 / 780444).
func sameNumber(x, y *docF) bool {
	return len(x.digits) >= 6 && x.digits == y.digits
}

// compareDOB grades two partial dates of birth.
func compareDOB(a, b dob) uint8 {
	if a.y == 0 || b.y == 0 {
		return dMissing
	}
	if abs(int(a.y)-int(b.y)) >= 3 {
		return dFar
	}
	if a.d != 0 && b.d != 0 {
		return compareFullDOB(a, b)
	}
	// at least one partial date: compare what both have
	switch {
	case a.y != b.y:
		if abs(int(a.y)-int(b.y)) == 1 {
			return dYearPM1
		}
		return dDisagree
	case a.m == 0 || b.m == 0 || a.m == b.m:
		return dPartial
	}
	return dSameYear
}

func compareFullDOB(a, b dob) uint8 {
	switch {
	case a == b:
		return dExact
	case a.y == b.y && a.m == b.d && a.d == b.m:
		return dSwapped
	case oneDigit(a, b):
		return dOneDigit
	case a.y == b.y && (a.m == 1 && a.d == 1 || b.m == 1 && b.d == 1):
		return dJan1
	case abs(int(a.y)-int(b.y)) == 1 && a.m == b.m && a.d == b.d:
		return dYearPM1
	case a.y == b.y:
		return dSameYear
	}
	return dDisagree
}

// oneDigit reports dates whose YYYYMMDD forms differ in one digit or one adjacent swap.
func oneDigit(a, b dob) bool {
	da, db := digits8(a), digits8(b)
	diff, first := 0, -1
	for i := range da {
		if da[i] != db[i] {
			if diff == 0 {
				first = i
			}
			diff++
		}
	}
	if diff == 1 {
		return true
	}
	return diff == 2 && first < 7 && da[first] == db[first+1] && da[first+1] == db[first]
}

func digits8(d dob) [8]byte {
	var out [8]byte
	v := [3]int{int(d.y), int(d.m), int(d.d)}
	w := [3]int{4, 2, 2}
	pos := 8
	for k := 2; k >= 0; k-- {
		n := v[k]
		for i := 0; i < w[k]; i++ {
			pos--
			out[pos] = byte('0' + n%10)
			n /= 10
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
