package identity

// cannotLinkLogOdds is the weight below which two records strongly disagree: clustering
// never puts them in one person, whatever links them through others.
const cannotLinkLogOdds = -6

// verdict is the scored outcome of one pair.
type verdict struct {
	logOdds float64
	prob    float64
	veto    bool // two different known given names: twins or siblings, never one person
	family  bool // given name and date both differ, or known different given names
}

// judge scores a pair's comparison vector.
func (s *scorer) judge(g gamma, a, b *features) verdict {
	lo := s.logOdds(g, a, b)
	return verdict{logOdds: lo, prob: probability(lo), veto: vetoed(g, a, b),
		family: knownDifferent(g, a, b) || (noDocument(g) && familyLike(g))}
}

// vetoed reports a pair that can never be a match, only a possible match for review.
func vetoed(g gamma, a, b *features) bool {
	return knownDifferent(g, a, b) || (noDocument(g) && (familyLike(g) || g[fDOB] == dFar || dateConflict(g, a, b)))
}

// noDocument reports a pair without a shared document to overrule other disagreements.
func noDocument(g gamma) bool { return g[fDocument] == docMissing || g[fDocument] == docDisagree }

// dateConflict reports two full dates of birth that differ in a way no keying error
// explains (not swapped, not one digit, not a 1 January default, not one year off): a
// passport date is exact, so these are two people, however alike their names.
func dateConflict(g gamma, a, b *features) bool {
	return a.dob.d != 0 && b.dob.d != 0 && (g[fDOB] == dSameYear || g[fDOB] == dDisagree)
}

// familyLike reports a pair that disagrees on both the given name and the date of birth:
// however much else agrees (surname, address, place of birth), that is two members of one
// family, not one person, unless a document says otherwise (see vetoed).
func familyLike(g gamma) bool {
	return g[fGiven] == nDisagree && (g[fDOB] == dDisagree || g[fDOB] == dFar)
}

// knownDifferent reports two single given names that are both known and not equivalent
// (Oleksandr and Oleksii, Anna and Olena): the signature of twins and siblings, and of a
// child written into a parent's passport (so an identical document does not lift it). A
// name unknown to the table may be a corruption of the other, so it does not veto.
func knownDifferent(g gamma, a, b *features) bool {
	return g[fGiven] == nDisagree && a.given.group != 0 && b.given.group != 0 &&
		a.given.group != b.given.group
}

// decision applies the two thresholds and the twin veto.
func (c Config) decision(v verdict) Decision {
	d := c.decide(v.prob)
	if d == DecisionMatch && v.veto {
		return DecisionPossibleMatch
	}
	return d
}

// cannotLink reports a pair that must not end up in one cluster.
// A date conflict alone does not forbid the link: a record whose date was mistyped may
// still join the person through another of its records; two different people never may.
func (v verdict) cannotLink() bool { return v.family || v.logOdds < cannotLinkLogOdds }

// explain lists each field's level and weight for an officer or the API, and, when the
// names agree, a "name_frequency" line: the correction for how common the name is.
func (s *scorer) explain(g gamma, a, b *features) []FieldComparison {
	out := make([]FieldComparison, 0, nFields+1)
	for f := range nFields {
		if g[f] == 0 {
			continue
		}
		out = append(out, FieldComparison{Field: fieldNames[f], Level: levelNames[f][g[f]], Weight: round2(s.w[f][g[f]])})
	}
	if adj := s.tf(g, a, b); adj != 0 {
		level := "rare"
		if adj < 0 {
			level = "common"
		}
		out = append(out, FieldComparison{Field: "name_frequency", Level: level, Weight: round2(adj)})
	}
	return out
}

func round2(x float64) float64 {
	if x < 0 {
		return -float64(int(-x*100+0.5)) / 100
	}
	return float64(int(x*100+0.5)) / 100
}
