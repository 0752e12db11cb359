package dublin

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// evidenceCounts applies Art 7(3) to a family member relied on under Art 8 or 10: evidence
// produced later than the decisive moment counts only if produced before another state
// accepted the request and while no earlier application has had a first decision on the
// substance.
func (f *facts) evidenceCounts(m FamilyMember) bool {
	ok := true
	if !m.EvidenceProducedOn.IsZero() {
		if !f.acceptance.IsZero() && m.EvidenceProducedOn.After(f.acceptance) {
			ok = false
		}
		for _, p := range f.prev {
			if p.Status == "rejected_final" || p.Status == "rejected_appeal_pending" {
				ok = false
			}
		}
	}
	if f.notes.evidenceConsidered == nil || !ok {
		f.notes.evidenceConsidered = boolp(ok)
	}
	return ok
}

// candidates returns the distinct states of the family members that pass keep and Art 7(3),
// and the states excluded by a negative best-interests assessment.
func (f *facts) candidates(keep func(FamilyMember) bool, late bool) (states, barred []string) {
	for _, m := range f.family {
		if !keep(m) || (late && !f.evidenceCounts(m)) {
			continue
		}
		if bi, ok := f.c.BestInterests[m.State]; ok && !bi {
			barred = appendUnique(barred, m.State)
			continue
		}
		states = appendUnique(states, m.State)
	}
	return states, barred
}

func appendUnique(xs []string, s string) []string {
	if slices.Contains(xs, s) {
		return xs
	}
	return append(xs, s)
}

// art8_1 applies Art 8(1): an unaccompanied minor goes where a family member or sibling is
// legally present, if in the child's best interests. For a married minor whose spouse is
// not legally present: father, mother, other responsible adult or sibling.
func art8_1(f *facts) finding {
	const a = "Art 8(1)"
	if !f.unaccompanied() {
		return no(a, "the applicant was not an unaccompanied minor at the decisive moment")
	}
	spouse, _ := f.candidates(func(m FamilyMember) bool { return relation(m.Relation) == "spouse" && legallyPresent(m) }, true)
	if f.person.Married && len(spouse) > 0 {
		return f.pick(a, spouse, "the minor's spouse is legally present")
	}
	states, barred := f.candidates(func(m FamilyMember) bool {
		switch relation(m.Relation) {
		case "parent", "responsible_adult", "sibling", "spouse", "child":
			return legallyPresent(m)
		}
		return false
	}, true)
	if len(states) == 0 {
		return no(a, "no family member or sibling legally present in a Member State"+barredNote(barred))
	}
	return f.pick(a, states, "family member or sibling legally present")
}

// art8_2 applies Art 8(2): a relative (aunt, uncle, grandparent; Art 2(h)) legally present
// who can take care of the child, if in the child's best interests.
func art8_2(f *facts) finding {
	const a = "Art 8(2)"
	if !f.unaccompanied() {
		return no(a, "the applicant was not an unaccompanied minor")
	}
	states, barred := f.candidates(func(m FamilyMember) bool {
		return relation(m.Relation) == "relative" && legallyPresent(m) && yes(m.CanTakeCare)
	}, true)
	if len(states) == 0 {
		return no(a, "no relative legally present who can take care of the child"+barredNote(barred))
	}
	return f.pick(a, states, "relative legally present who can take care of the child")
}

// pick designates the one state in states or, when there are several, applies Art 8(3):
// the state chosen on the child's best interests (an input, never computed).
func (f *facts) pick(article string, states []string, why string) finding {
	if len(states) == 1 {
		return yesFor(article, states[0], fmt.Sprintf("%s in %s, in the child's best interests", why, states[0]))
	}
	sort.Strings(states)
	list := strings.Join(states, ", ")
	if p := f.c.BestInterestsPreferred; slices.Contains(states, p) {
		return yesFor("Art 8(3)", p, fmt.Sprintf("%s in several states (%s); %s chosen on the child's best interests", why, list, p))
	}
	var preferred []string
	for _, s := range states {
		if f.c.BestInterests[s] {
			preferred = append(preferred, s)
		}
	}
	if len(preferred) == 1 {
		return yesFor("Art 8(3)", preferred[0], fmt.Sprintf("%s in several states (%s); only %s assessed in the child's best interests", why, list, preferred[0]))
	}
	return finding{article: "Art 8(3)", applies: true, undetermined: true,
		reason: fmt.Sprintf("%s in several states (%s); the choice on the child's best interests is needed (best_interests_preferred)", why, list)}
}

func barredNote(barred []string) string {
	if len(barred) == 0 {
		return ""
	}
	return " in the child's best interests (assessed negative for " + strings.Join(barred, ", ") + ")"
}

// art8_4 applies Art 8(4): with no such person, the state where the minor lodged; with
// several applications, the state where the minor is present (CJEU C-648/11 MA).
func art8_4(f *facts) finding {
	const a = "Art 8(4)"
	if !f.unaccompanied() {
		return no(a, "the applicant was not an unaccompanied minor")
	}
	if len(f.prev) > 0 {
		st := f.app.State
		if f.c.PresentIn != "" {
			st = f.c.PresentIn
		}
		return yesFor(a, st, "unaccompanied minor with no family member, sibling or relative in a Member State and several applications: the state where the minor is present (CJEU C-648/11)")
	}
	return yesFor(a, f.app.State, "unaccompanied minor with no family member, sibling or relative in a Member State: the state where the minor lodged the application")
}

// familyRelation tells whether m is a family member under Art 2(g) for Arts 9 and 10:
// spouse or partner, child, and for a minor applicant the parents or responsible adult.
func (f *facts) familyRelation(m FamilyMember) bool {
	switch relation(m.Relation) {
	case "spouse", "child":
		return true
	case "parent", "responsible_adult":
		return f.minor() && !f.person.Married
	}
	return false
}

// art9 applies Art 9: a family member allowed to reside as a beneficiary of international
// protection, whatever the place the family was formed, if both wish so in writing. Art
// 7(3) names Arts 8, 10 and 16 only, so the timing of the evidence does not bar Art 9.
func art9(f *facts) finding {
	const a = "Art 9"
	for _, m := range f.family {
		if !f.familyRelation(m) || m.Status != StatusBeneficiary || !IsMemberState(m.State) {
			continue
		}
		if !yes(m.WrittenConsent) {
			return no(a, fmt.Sprintf("the %s, a beneficiary of international protection in %s, and the applicant did not consent in writing", m.Relation, m.State))
		}
		return yesFor(a, m.State, fmt.Sprintf("%s is a beneficiary of international protection in %s (wherever the family was formed), with written consent", m.Relation, m.State))
	}
	return no(a, "no family member who is a beneficiary of international protection in a Member State")
}

// art10 applies Art 10: a family member whose application has had no first decision on the
// substance at the decisive moment, the family having existed in the country of origin
// (Art 2(g)), with written consent; late evidence per Art 7(3).
func art10(f *facts) finding {
	const a = "Art 10"
	why := "no family member with a pending application in a Member State"
	for _, m := range f.family {
		if !f.familyRelation(m) || m.Status != StatusApplicant || !IsMemberState(m.State) {
			continue
		}
		switch {
		case !m.FirstDecisionOnSubstanceOn.IsZero() && !m.FirstDecisionOnSubstanceOn.After(f.decisive):
			why = fmt.Sprintf("the %s's application in %s had a first decision on the substance on %s, before the decisive moment", m.Relation, m.State, m.FirstDecisionOnSubstanceOn)
		case !yes(m.FamilyFormedInCountryOfOrigin):
			why = fmt.Sprintf("the family with the %s in %s was not formed in the country of origin (Art 2(g))", m.Relation, m.State)
		case !yes(m.WrittenConsent):
			why = fmt.Sprintf("no written consent to be reunited with the %s in %s", m.Relation, m.State)
		case !f.evidenceCounts(m):
			why = fmt.Sprintf("the evidence of the %s in %s was produced on %s, after acceptance of the request or after a first decision on an earlier application (Art 7(3))", m.Relation, m.State, m.EvidenceProducedOn)
		default:
			return yesFor(a, m.State, fmt.Sprintf("the %s is an applicant in %s with no first decision on the substance; family formed in the country of origin; written consent", m.Relation, m.State))
		}
	}
	return no(a, why)
}
