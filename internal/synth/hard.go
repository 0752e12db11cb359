package synth

import "fmt"

// hardUnit draws a pair of different persons built to be confused: twins, namesakes born the
// same year, or a parent and a child written into the parent's passport.
func (g *generator) hardUnit() *unit {
	var u *unit
	switch x := g.rng.Float64(); {
	case x < 0.4:
		u = g.twins()
	case x < 0.75:
		u = g.namesakes()
	default:
		u = g.parentChild()
	}
	for _, m := range u.members {
		m.hard = u.hard
	}
	return u
}

// twins share surname, date and place of birth, patronymic, household and route; their
// given names differ (sometimes only slightly) and their documents were issued one after
// the other.
func (g *generator) twins() *unit {
	rng := g.rng
	a := g.newPerson(sexDraw(rng), rng.Float64() < 0.6, false)
	b := g.newPerson(a.sex, a.child, false)
	if rng.Float64() < 0.4 {
		b = g.newPerson(otherSex(a.sex), a.child, false)
	}
	b.setSurname(a.surnameM)
	b.maiden = ""
	b.dob, b.pob, b.father, b.household, b.russian = a.dob, a.pob, a.father, a.household, a.russian
	for b.sex == a.sex && b.given[0] == a.given[0] {
		b.given[0] = g.givenFor(b.sex)
	}
	if a.passport != "" && rng.Float64() < 0.7 {
		b.passConv = a.passConv
		b.passport = nextNumber(a.passport)
	}
	if a.idType == docBirthCert {
		b.idType, b.idDoc = docBirthCert, nextNumber(a.idDoc)
	}
	u := &unit{members: []*person{a, b}, hard: HardTwin}
	g.route(u)
	return u
}

// namesakes carry a very common surname and the same birth year, and half the time the
// same given name; otherwise they are unrelated (own households, own routes).
func (g *generator) namesakes() *unit {
	rng := g.rng
	a := g.newPerson(sexDraw(rng), false, false)
	sex := a.sex
	if rng.Float64() < 0.3 {
		sex = otherSex(a.sex)
	}
	b := g.newPerson(sex, false, false)
	common := g.surnames.top[rng.IntN(len(g.surnames.top))]
	a.setSurname(common)
	b.setSurname(common)
	a.maiden, b.maiden = "", "" // the shared surname must be the one they register under
	b.dob = date{a.dob.y, 1 + rng.IntN(12), 1}
	b.dob.d = 1 + rng.IntN(daysIn(b.dob.y, b.dob.m))
	if b.sex == a.sex && rng.Float64() < 0.5 {
		b.given = []*givenName{a.given[0]}
	}
	if b.dob == a.dob {
		b.dob.d = b.dob.d%28 + 1
	}
	u := &unit{members: []*person{a}, hard: HardNamesake}
	g.route(u)
	v := &unit{members: []*person{b}}
	g.route(v)
	u.members = append(u.members, b)
	u.routes = append(u.routes, v.routes[0])
	return u
}

// parentChild is a parent with a child under 14 written into the parent's passport, as
// Ukrainian passports allowed: one surname, one document number, different dates of birth.
func (g *generator) parentChild() *unit {
	rng := g.rng
	sex := byte('F')
	if rng.Float64() < 0.2 {
		sex = 'M'
	}
	parent := g.newPerson(sex, false, false)
	if a := refYear - parent.dob.y; a < 24 || a > 50 {
		parent.dob = birthDate(rng, 24+rng.IntN(27))
	}
	if parent.passport == "" {
		parent.passport = pick(rng, g.passSeries) + digits(rng, 6)
	}
	child := g.childOf(parent)
	child.setSurname(parent.surnameM)
	if sex == 'M' {
		child.father = parent.given[0]
	}
	if a := refYear - child.dob.y; a >= minorPassportAge {
		child.dob = birthDate(rng, rng.IntN(minorPassportAge))
	}
	child.passport = ""
	child.onParent = parent.passport
	child.idType, child.idDoc = docBirthCert, "I-"+pick(rng, g.certSeries)+" "+digits(rng, 6)
	u := &unit{members: []*person{parent, child}, hard: HardParentChild}
	g.route(u)
	return u
}

func sexDraw(rng interface{ Float64() float64 }) byte {
	if rng.Float64() < 0.55 {
		return 'F'
	}
	return 'M'
}

func otherSex(s byte) byte {
	if s == 'F' {
		return 'M'
	}
	return 'F'
}

// nextNumber is the document issued right after num: same series, number plus one.
func nextNumber(num string) string {
	series, digitsPart := splitSeries(num)
	sep := num[len(series) : len(num)-len(digitsPart)]
	n := 0
	for _, c := range digitsPart {
		n = n*10 + int(c-'0')
	}
	return series + sep + fmt.Sprintf("%0*d", len(digitsPart), n+1)
}
