package synth

import (
	"fmt"
	"math/rand/v2"
)

// refYear..refDay is the reference date for ages: the week temporary protection was
// activated (Council Implementing Decision (EU) 2022/382 of 4 March 2022).
const (
	refYear  = 2022
	refMonth = 3
)

// date is a date of birth; all fields are known for a true identity.
type date struct{ y, m, d int }

// person is the true identity behind one or more registrations.
type person struct {
	id        string
	household uint64 // persons of one household share an address in a state
	sex       byte   // 'F' or 'M'
	surname   string // Cyrillic, in the form for the person's sex
	surnameM  string // Cyrillic, masculine form (the family's form in a man's document)
	maiden    string // Cyrillic surname before marriage, when it changed
	given     []*givenName
	father    *givenName // the patronymic derives from it; nil when none is used
	tcn       *tcnName   // set for a third-country national with a Latin-script name
	dob       date
	pob       *place
	nat       string // ISO 3166 alpha-3 as in the MRZ
	passConv  string // convention of the person's passport: UA2010, or UAOLD for older ones
	russian   bool   // sometimes gives the Russian form of the names
	passport  string // foreign (biometric) passport number, Latin series; "" when none
	idDoc     string // internal passport (Cyrillic series), ID card (9 digits) or birth certificate
	idType    string
	onParent  string // the parent's passport number when the child is written into it
	hard      string
	child     bool
}

// Document types as written in records.csv.
const (
	docPassport      = "passport"
	docIDCard        = "id_card"
	docInternal      = "internal_passport"
	docBirthCert     = "birth_certificate"
	docResidence     = "residence_permit"
	passportSeries   = "FA FB FC FE FF FH FK FM FP FR FT FU FX"
	oldSeries        = "EA EB EC EH EK EM EN ET EX"
	internalSeries   = "АА АК АМ ВК ВМ ЕН ЕМ ЕР КА КВ КЕ МК МН СО СН ТТ"
	birthCertSeries  = "ЖС КС ЛР НВ ОД ОР ПР СР"
	minorPassportAge = 14
)

// pick returns a uniformly chosen word of a space-separated list.
func pick(rng *rand.Rand, list []string) string { return list[rng.IntN(len(list))] }

// digits returns n random decimal digits.
func digits(rng *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + rng.IntN(10))
	}
	return string(b)
}

// age draws an age for an adult woman, adult man or child with the 2022 mix: men of
// military age (18-60) could not leave, so adult men are mostly older or very young.
func age(rng *rand.Rand, sex byte, child bool) int {
	switch {
	case child:
		return rng.IntN(18)
	case sex == 'F':
		if rng.Float64() < 0.13 {
			return 65 + rng.IntN(25)
		}
		return 18 + min(46, max(0, int(rng.NormFloat64()*10+20)))
	default:
		switch r := rng.Float64(); {
		case r < 0.55:
			return 60 + rng.IntN(28)
		case r < 0.8:
			return 18 + rng.IntN(5)
		default:
			return 23 + rng.IntN(37)
		}
	}
}

// birthDate turns an age at the reference date into a full date of birth.
func birthDate(rng *rand.Rand, years int) date {
	y := refYear - years
	m := 1 + rng.IntN(12)
	if m >= refMonth {
		y-- // not yet had this year's birthday
	}
	return date{y, m, 1 + rng.IntN(daysIn(y, m))}
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// documents gives a person the documents a Ukrainian of that age would carry.
func (g *generator) documents(p *person) {
	rng := g.rng
	years := refYear - p.dob.y
	p.passConv = convUA2010
	if years >= 25 && rng.Float64() < 0.2 {
		p.passConv = convUAOld // passport issued before 2010, still valid or kept
	}
	if (years >= minorPassportAge && rng.Float64() < 0.7) || (years < minorPassportAge && rng.Float64() < 0.45) {
		series := g.passSeries
		if p.passConv == convUAOld {
			series = g.oldSeries
		}
		p.passport = pick(rng, series) + digits(rng, 6)
	}
	switch {
	case years < minorPassportAge:
		p.idType, p.idDoc = docBirthCert, "I-"+pick(rng, g.certSeries)+" "+digits(rng, 6)
	case p.dob.y < 2000 && rng.Float64() < 0.5:
		p.idType, p.idDoc = docInternal, pick(rng, g.intSeries)+digits(rng, 6)
	default:
		p.idType, p.idDoc = docIDCard, digits(rng, 9)
	}
}

// newPerson draws a Ukrainian (or, at the TCN rate, a third-country national) of the given
// sex and kind, with no family ties yet.
func (g *generator) newPerson(sex byte, child, allowTCN bool) *person {
	rng := g.rng
	p := &person{id: g.nextPersonID(), sex: sex, child: child, nat: "UKR"}
	p.household = mix64(uint64(g.opts.Seed) ^ uint64(g.personSeq)<<20)
	p.dob = birthDate(rng, age(rng, sex, child))
	p.russian = rng.Float64() < 0.3
	if !child && allowTCN && rng.Float64() < 0.14 { // singles are a third of persons: ~5% of all
		g.makeTCN(p)
		return p
	}
	p.setSurname(g.surnames.names[sample(rng, g.surnames.cum)])
	p.given = []*givenName{g.givenFor(sex)}
	if rng.Float64() < 0.04 {
		p.given = append(p.given, g.givenFor(sex)) // double given name (Анна-Марія)
	}
	p.father = g.givenFor('M')
	p.pob = g.placeFor()
	if sex == 'F' && !child && p.dob.y < 2000 && rng.Float64() < 0.12 {
		p.maiden = g.surnameFor('F') // married: documents in both names exist
	}
	g.documents(p)
	return p
}

func (g *generator) surnameFor(sex byte) string {
	s := g.surnames.names[sample(g.rng, g.surnames.cum)]
	if sex == 'F' {
		return feminine(s)
	}
	return s
}

// setSurname gives p the family surname (masculine form) in the form for p's sex.
func (p *person) setSurname(masc string) {
	p.surnameM, p.surname = masc, masc
	if p.sex == 'F' {
		p.surname = feminine(masc)
	}
}

func (g *generator) givenFor(sex byte) *givenName {
	if sex == 'F' {
		return &g.names.female[sample(g.rng, g.names.femaleCum)]
	}
	return &g.names.male[sample(g.rng, g.names.maleCum)]
}

func (g *generator) placeFor() *place { return &g.places.places[sample(g.rng, g.places.cum)] }

// nextPersonID returns an opaque, unique person id.
func (g *generator) nextPersonID() string {
	g.personSeq++
	return fmt.Sprintf("P%010x", permute40(uint64(g.personSeq), uint64(g.opts.Seed)^0x5bd1e995))
}

// sample draws an index from a cumulative weight table.
func sample(rng *rand.Rand, cum []float64) int {
	x := rng.Float64() * cum[len(cum)-1]
	lo, hi := 0, len(cum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if cum[mid] <= x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// permute40 is a keyed bijection on 40-bit integers, so sequential counters become ids that
// reveal neither order nor grouping.
func permute40(x, key uint64) uint64 {
	const mask = 1<<40 - 1
	x = (x ^ key) & mask
	for i := 0; i < 3; i++ {
		x = (x * 0x9E3779B97F4A7C15) & mask
		x ^= x >> 19
		x = (x*0xBF58476D1CE4E5B9 + key) & mask
	}
	return x
}
