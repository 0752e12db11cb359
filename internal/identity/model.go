package identity

import "math"

// Model holds the Fellegi-Sunter parameters: for each field and level, m is the chance of
// that level when both records describe one person and u when they describe two (u is
// measured on random pairs). Weights are log2(m/u).
//
// MatchesPerRecord is how many other records of the same person a record has on average.
// The prior of a pair is MatchesPerRecord/(N-1) for N records: a prior over all pairs, not
// over blocked candidates, so that it agrees with the random-pair u and so that a query
// against millions of records demands more evidence than one against thousands.
type Model struct {
	MatchesPerRecord float64                     `json:"matches_per_record"`
	M                [nFields][maxLevels]float64 `json:"m"`
	U                [nFields][maxLevels]float64 `json:"u"`
}

// priorTable lists m then u per level (from level 1) for each field: priors chosen from
// the error rates of registration data, used until EM has estimated them from the data.
var priorTable = [nFields][2][]float64{
	fSurname:     {{.70, .12, .01, .06, .03, .03, .01, .04}, {.002, .001, .0005, .003, .01, .0005, .0001, .98}},
	fGiven:       {{.60, .10, .15, .05, .03, .02, .01, .04}, {.02, .005, .005, .01, .03, .002, .0001, .93}},
	fPatronymic:  {{.60, .15, .10, .05, .03, .01, .01, .05}, {.02, .005, .005, .01, .03, .002, .0001, .93}},
	fDOB:         {{.80, .02, .05, .05, .01, .01, .02, .03, .01}, {.0001, .00005, .001, .01, .0005, .0003, .013, .05, .925}},
	fSex:         {{.97, .001, .03}, {.5, .001, .5}},
	fPlace:       {{.85, .05, .10}, {.05, .02, .93}},
	fNationality: {{.97, .001, .03}, {.7, .001, .3}},
	fDocument:    {{.60, .10, .05, .25}, {.00001, .000005, .0001, .9999}},
	fResidence:   {{.20, .20, .60}, {.0005, .02, .9795}},
}

// DefaultModel returns the prior model: it works for one-record queries before any data
// has been seen.
func DefaultModel() *Model {
	m := &Model{MatchesPerRecord: 0.3}
	for f := range nFields {
		for l, v := range priorTable[f][0] {
			m.M[f][l+1] = v
		}
		for l, v := range priorTable[f][1] {
			m.U[f][l+1] = v
		}
	}
	return m
}

// pairPrior is the prior probability that two records of a population of n are one person.
func (m *Model) pairPrior(n int) float64 {
	return min(m.MatchesPerRecord/float64(max(n-1, 1)), 0.5)
}

// levels returns how many levels field f has (including missing).
func levels(f int) int { return len(levelNames[f]) }

// weights returns log2(m/u) for every field and level; missing weighs 0.
func (m *Model) weights() [nFields][maxLevels]float64 {
	var w [nFields][maxLevels]float64
	for f := range nFields {
		for l := 1; l < levels(f); l++ {
			w[f][l] = math.Log2(clampP(m.M[f][l]) / clampP(m.U[f][l]))
		}
	}
	// Swapped names are one piece of evidence, not two, and as strong as both names
	// agreeing: random pairs are almost never swapped, so log2(m/u) would overstate it.
	w[fSurname][nSwapped] = w[fSurname][nExact] + w[fGiven][nExact]
	w[fGiven][nSwapped] = 0
	return w
}

func clampP(p float64) float64 { return min(max(p, 1e-7), 1) }

// scorer turns comparison vectors into probabilities, with term-frequency adjustment.
type scorer struct {
	w         [nFields][maxLevels]float64
	priorLog  float64
	uExact    [nFields]float64 // u of the exact level of surname and given name
	surnameTF map[string]int32 // count of records per surname key
	givenTF   map[string]int32
	nameTF    map[string]int32 // count of records per surname and given name together
	total     int
}

// minTFRecords is the size below which frequencies are too noisy to adjust weights.
const minTFRecords = 1000

// newScorer builds a scorer for a population of n records.
func newScorer(m *Model, n int) *scorer { return newScorerWeights(m, m.weights(), n) }

// newScorerWeights is newScorer with the weights already computed.
func newScorerWeights(m *Model, w [nFields][maxLevels]float64, n int) *scorer {
	s := &scorer{w: w}
	s.priorLog = logit2(m.pairPrior(n))
	s.uExact[fSurname] = clampP(m.U[fSurname][nExact] + m.U[fSurname][nTranslit])
	s.uExact[fGiven] = clampP(m.U[fGiven][nExact] + m.U[fGiven][nTranslit] + m.U[fGiven][nEquiv])
	return s
}

// tfAdjust returns the term-frequency correction of a name agreement: agreeing on
// Kovalenko, borne by many, is weaker evidence than agreeing on a rare surname.
func (s *scorer) tfAdjust(f int, key string) float64 {
	tab := s.surnameTF
	if f == fGiven {
		tab = s.givenTF
	}
	if tab == nil || s.total < minTFRecords || key == "" {
		return 0
	}
	freq := max(float64(tab[key]), 1) / float64(s.total)
	return min(max(math.Log2(s.uExact[f]/freq), -5), 5)
}

// logOdds returns the total weight of a pair (prior included).
func (s *scorer) logOdds(g gamma, a, b *features) float64 {
	t := s.priorLog
	for f := range nFields {
		t += s.w[f][g[f]]
	}
	return t + s.tf(g, a, b)
}

// tf is the term-frequency adjustment of a pair. When both names agree it uses the
// frequency of the full name: surnames and given names are not independent (a population
// from one country shares a small pool of both), so the product of their separate
// frequencies would overstate how rare "Adeyemi Aisha" is.
func (s *scorer) tf(g gamma, a, b *features) float64 {
	swap := g[fSurname] == nSwapped
	sAgree := swap || g[fSurname] == nExact || g[fSurname] == nTranslit
	gAgree := swap || g[fGiven] == nExact || g[fGiven] == nTranslit || g[fGiven] == nEquiv
	switch {
	case sAgree && gAgree && s.nameTF != nil && s.total >= minTFRecords && a.nameKey != "":
		k := rarerKey(s.nameTF, a.nameKey, b.nameKey)
		freq := max(float64(s.nameTF[k]), 1) / float64(s.total)
		return min(max(math.Log2(s.uExact[fSurname]*s.uExact[fGiven]/freq), -10), 8)
	case sAgree:
		return s.tfAdjust(fSurname, rarerKey(s.surnameTF, a.surname.key0(), b.surname.key0()))
	case gAgree:
		return s.tfAdjust(fGiven, rarerKey(s.givenTF, a.givenTFKey(), b.givenTFKey()))
	}
	return 0
}

func rarerKey(tab map[string]int32, a, b string) string {
	if tab[b] < tab[a] {
		return b
	}
	return a
}

func probability(logOdds float64) float64 { return 1 / (1 + math.Exp2(-logOdds)) }
