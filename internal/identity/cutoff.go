package identity

// Most candidate pairs of a batch are two different people, and a few fields are enough to
// show it: once the weight so far plus the best the remaining fields could add is below
// the match threshold, the pair cannot be a match and the rest (place of birth and
// residence above all, the costliest comparisons) is not computed. Fields are graded in
// order of cost against the evidence they carry: the date of birth and the document
// first, the address last.

// cutoff holds what compareForMatch needs to stop early.
type cutoff struct {
	w     *[nFields][maxLevels]float64
	best  [nFields]float64 // the largest weight of each field (0 at least: missing)
	total float64          // prior, best term-frequency bonus and every field's best
	min   float64          // the log-odds a match needs
}

// maxTFBonus bounds the term-frequency adjustment (see scorer.tf).
const maxTFBonus = 8

// newCutoff prepares the early exit for the scorer and the match threshold.
func newCutoff(s *scorer, matchThreshold float64) *cutoff {
	c := &cutoff{w: &s.w, min: logit2(matchThreshold) - 1e-6}
	c.total = s.priorLog + maxTFBonus
	for f := range nFields {
		for l := range levels(f) {
			c.best[f] = max(c.best[f], s.w[f][l])
		}
		c.total += c.best[f]
	}
	return c
}

// compareForMatch grades a pair like compare, field by field, and reports false as soon
// as the pair can no longer reach the match threshold (the gamma is then incomplete).
// A pair it reports true for has exactly the gamma compare gives.
func (c *cutoff) compareForMatch(a, b *features) (gamma, bool) {
	var g gamma
	bound := c.total
	set := func(f int, l uint8) {
		g[f] = l
		bound += c.w[f][l] - c.best[f]
	}
	set(fDOB, compareDOB(a.dob, b.dob))
	set(fDocument, compareDocs(a.docs, b.docs))
	set(fSex, compareEq(a.sex != 0 && b.sex != 0, a.sex == b.sex))
	set(fNationality, compareEq(a.nat != "" && b.nat != "", a.nat == b.nat))
	if bound < c.min {
		return g, false
	}
	s := compareName(&a.surname, &b.surname, false)
	gv := compareName(&a.given, &b.given, true)
	if weak(s) && weak(gv) && swapped(a, b) {
		s, gv = nSwapped, nSwapped
	}
	set(fSurname, s)
	set(fGiven, gv)
	if bound < c.min {
		return g, false
	}
	set(fPatronymic, compareName(&a.patronymic, &b.patronymic, true))
	if bound < c.min {
		return g, false
	}
	set(fPlace, comparePlace(&a.place, &b.place))
	if bound < c.min {
		return g, false
	}
	set(fResidence, compareResidence(a, b))
	return g, bound >= c.min
}
