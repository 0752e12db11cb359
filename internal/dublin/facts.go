package dublin

import (
	"slices"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// facts is one applicant's view of the case at the decisive moment, with the case-wide
// facts (family, stays, procedure) filled in where the applicant gives none of their own.
type facts struct {
	c          *Case
	person     Person
	app        Application
	decisive   Date   // Art 7(2): when the first application was lodged
	firstState string // the first state where an application was lodged (Art 3(2))
	docs       []Document
	entries    []Entry
	exits      []Exit
	stays      []Stay
	hits       []EurodacHit
	family     []FamilyMember
	prev       []PreviousApplication
	acceptance Date // when another state accepted the request, for Art 7(3)
	notes      *notes
}

// notes are dates and flags found while applying the criteria, reported in the output.
type notes struct {
	irregularEnds      Date
	visaPlus6          Date
	evidenceConsidered *bool
}

// caseFacts builds the facts of the main applicant.
func caseFacts(c *Case, acceptance Date, fresh bool) *facts {
	f := &facts{c: c, app: c.Application, docs: c.Documents, entries: c.Entries, exits: c.Exits,
		stays: c.Stays, hits: c.EurodacHits, family: c.Family, prev: c.PreviousApplications,
		acceptance: acceptance, notes: &notes{}}
	if c.Applicant != nil {
		f.person = *c.Applicant
	}
	if f.app.LodgedOn.IsZero() && len(c.Applicants) > 0 && c.Applicants[0].Application != nil {
		f.app = *c.Applicants[0].Application
	}
	f.settle(fresh)
	return f
}

// settle fixes the decisive moment: the first application lodged in any state (Art 7(2)),
// or the current one when earlier obligations ceased under Art 19(2)-(3) (fresh).
func (f *facts) settle(fresh bool) {
	if fresh {
		f.prev = nil
	}
	f.decisive, f.firstState = f.app.LodgedOn, f.app.State
	for _, p := range f.prev {
		if !p.LodgedOn.IsZero() && p.LodgedOn.Before(f.decisive) {
			f.decisive, f.firstState = p.LodgedOn, p.State
		}
	}
}

// minor tells whether the applicant was a minor at the decisive moment (Art 2(i)).
func (f *facts) minor() bool {
	if f.person.MinorAtLodging != nil {
		return *f.person.MinorAtLodging
	}
	dob := f.person.DateOfBirth
	return !dob.IsZero() && f.decisive.Before(timelimit.AddYears(dob, 18))
}

// unaccompanied tells whether Art 8 applies: a minor who arrived unaccompanied (Art 2(j)).
func (f *facts) unaccompanied() bool { return f.minor() && f.person.Unaccompanied }

// leftSince tells whether the applicant left the territory of the Member States after
// since (the start of a document's validity; zero for any time) and before the decisive
// moment (Art 12(4)).
func (f *facts) leftSince(since Date) bool {
	if f.c.LeftMemberStatesSinceEntry {
		return true
	}
	for _, e := range f.exits {
		if !IsMemberState(e.To) && !e.Date.After(f.decisive) && !e.Date.Before(since) {
			return true
		}
	}
	return false
}

// lastExitBefore returns the last day the applicant left the Member States before d.
func (f *facts) lastExitBefore(d Date) Date {
	var last Date
	for _, e := range f.exits {
		if !IsMemberState(e.To) && e.Date.Before(d) && e.Date.After(last) {
			last = e.Date
		}
	}
	return last
}

// flawed tells whether transfers to state are impossible for systemic flaws (Art 3(2)).
func (f *facts) flawed(state string) bool { return slices.Contains(f.c.SystemicFlawsIn, state) }

// determiningState is the state conducting the determination (Art 3(2) third subparagraph).
func (f *facts) determiningState() string {
	if p := f.c.Procedure; p != nil && p.RequestingState != "" {
		return p.RequestingState
	}
	return f.app.State
}

// relation maps the relation words a unit may use onto the categories of Art 2(g)-(h).
func relation(r string) string {
	switch r = strings.ToLower(strings.TrimSpace(r)); r {
	case "spouse", "husband", "wife", "partner", "unmarried_partner":
		return "spouse"
	case "child", "son", "daughter":
		return "child"
	case "mother", "father", "parent":
		return "parent"
	case "other_responsible_adult", "responsible_adult", "guardian":
		return "responsible_adult"
	case "sibling", "brother", "sister":
		return "sibling"
	case "aunt", "uncle", "grandparent", "grandmother", "grandfather", "relative":
		return "relative"
	}
	return r
}

// legallyPresent tells whether a family member is legally present in a Member State.
func legallyPresent(m FamilyMember) bool {
	if !IsMemberState(m.State) {
		return false
	}
	if m.LegallyPresent != nil {
		return *m.LegallyPresent
	}
	switch m.Status {
	case StatusBeneficiary, StatusApplicant, StatusLegalOther:
		return true
	}
	return false
}

// yes reads an optional fact that the unit records only when it is doubtful: nil counts as
// established, and the reasoning says so.
func yes(b *bool) bool { return b == nil || *b }

func boolp(b bool) *bool { return &b }

func strp(s string) *string { return &s }
