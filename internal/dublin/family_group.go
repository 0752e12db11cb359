package dublin

import (
	"fmt"
	"sort"
)

// memberFacts builds the facts of one family applicant, falling back on the case's lists.
func memberFacts(c *Case, a FamilyApplicant, acceptance Date, fresh bool) *facts {
	f := caseFacts(c, acceptance, fresh)
	f.person = a.Person
	if a.Applicant != nil {
		f.person = *a.Applicant
	}
	if a.Application != nil {
		f.app = *a.Application
	}
	f.docs = pick(a.Documents, c.Documents)
	f.entries = pick(a.Entries, c.Entries)
	f.exits = pick(a.Exits, c.Exits)
	f.stays = pick(a.Stays, c.Stays)
	f.hits = pick(a.EurodacHits, c.EurodacHits)
	f.family = pick(a.Family, c.Family)
	f.prev = pick(a.PreviousApplications, c.PreviousApplications)
	f.settle(fresh)
	return f
}

func pick[T any](own, shared []T) []T {
	if own != nil {
		return own
	}
	return shared
}

// familyOutcome determines each family applicant separately, makes accompanying minors
// follow their family member (Art 20(3)), and regroups the family under Art 11 when their
// applications were lodged together and the criteria would split them.
func familyOutcome(c *Case, acceptance Date, fresh bool, n *notes) (outcome, map[string]*string) {
	outs := map[string]outcome{}
	var o outcome
	for _, a := range c.Applicants {
		if a.Accompanies != "" {
			continue
		}
		f := memberFacts(c, a, acceptance, fresh)
		f.notes = n
		r := applyCriteria(f)
		outs[a.Ref] = r
		for _, line := range r.trail {
			o.trail = append(o.trail, "["+a.Ref+"] "+line)
		}
	}
	individual := map[string]*string{}
	for _, a := range c.Applicants {
		lead := leader(c.Applicants, a.Ref)
		r := outs[lead]
		if a.Ref != lead {
			o.trail = append(o.trail, fmt.Sprintf("[%s] Art 20(3): the accompanying minor follows %s: %s", a.Ref, lead, orNone(r.state)))
		}
		outs[a.Ref] = r
		individual[a.Ref] = nilIfEmpty(r.state)
	}
	first := outs[c.Applicants[0].Ref]
	o.state, o.basis = first.state, first.basis
	counts := map[string]int{}
	for _, a := range c.Applicants {
		counts[outs[a.Ref].state]++
	}
	if len(counts) <= 1 {
		return o, individual
	}
	if !c.ApplicationsSimultaneous {
		o.trail = append(o.trail, "Art 11: does not apply: the family members did not lodge simultaneously or close enough together; each application follows its own criteria; the first applicant's outcome is reported")
		return o, individual
	}
	o.state, o.basis = art11(c, counts, outs)
	o.trail = append(o.trail, fmt.Sprintf("%s: applying the criteria separately would split the family (%s); all applications fall to %s", o.basis, describe(counts), o.state))
	return o, individual
}

// leader follows accompanies links to the adult a minor travels with (Art 20(3)).
func leader(as []FamilyApplicant, ref string) string {
	by := map[string]string{}
	for _, a := range as {
		by[a.Ref] = a.Accompanies
	}
	for range as {
		next := by[ref]
		if next == "" {
			return ref
		}
		ref = next
	}
	return ref
}

// art11 picks (a) the state responsible for the largest number of family members or,
// failing that, (b) the state responsible for the oldest of them.
func art11(c *Case, counts map[string]int, outs map[string]outcome) (string, string) {
	best, top, tie := "", 0, false
	for st, n := range counts {
		switch {
		case st == "":
		case n > top:
			best, top, tie = st, n, false
		case n == top:
			tie = true
		}
	}
	if !tie && best != "" {
		return best, "Art 11(a)"
	}
	var oldest *FamilyApplicant
	for i := range c.Applicants {
		a := &c.Applicants[i]
		dob := birth(a)
		if !dob.IsZero() && (oldest == nil || dob.Before(birth(oldest))) {
			oldest = a
		}
	}
	if oldest == nil {
		oldest = &c.Applicants[0]
	}
	return outs[oldest.Ref].state, "Art 11(b)"
}

func birth(a *FamilyApplicant) Date {
	if a.Applicant != nil && !a.Applicant.DateOfBirth.IsZero() {
		return a.Applicant.DateOfBirth
	}
	return a.DateOfBirth
}

func describe(counts map[string]int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	s := ""
	for i, k := range keys {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%s: %d", orNone(k), counts[k])
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func nilIfEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
