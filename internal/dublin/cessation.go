package dublin

import (
	"fmt"
	"strings"

	tl "github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// cessation is what Art 19 says about the obligations of the state of an earlier application.
type cessation struct {
	ceased      bool
	state       string // the state whose obligations ceased or moved
	takenOverBy string // Art 19(1): the state that issued a residence document
	consequence string
	article     string
}

// art19Fresh applies Art 19(2) and 19(3): the obligations of the state of an earlier
// application end when the person left the territory of the Member States for at least
// three months (unless holding that state's valid residence document), or left under a
// return decision or removal order after withdrawal or rejection. A later application is
// then a new one, with a new determination.
func art19Fresh(c *Case) cessation {
	for _, p := range c.PreviousApplications {
		if p.LodgedOn.IsZero() {
			continue
		}
		if r, ok := removedAfter(c, p); ok {
			return cessation{ceased: true, state: p.State, article: "Art 19(3)",
				consequence: fmt.Sprintf("Art 19(3): the obligations of %s ceased when the person left under a return decision or removal order on %s after the %s application; the application lodged on %s is a new application and responsibility is determined afresh", p.State, r, strings.ReplaceAll(p.Status, "_", " "), c.Application.LodgedOn)}
		}
		if exit, back, ok := absentThreeMonths(c, p); ok {
			return cessation{ceased: true, state: p.State, article: "Art 19(2)",
				consequence: fmt.Sprintf("Art 19(2): the obligations of %s ceased: the person left the territory of the Member States on %s and was away at least 3 months (until %s); the application lodged on %s is a new application and responsibility is determined afresh", p.State, exit, back, c.Application.LodgedOn)}
		}
	}
	return cessation{}
}

func removedAfter(c *Case, p PreviousApplication) (Date, bool) {
	if p.Status != "withdrawn" && !strings.HasPrefix(p.Status, "rejected") {
		return Date{}, false
	}
	for _, r := range c.Removals {
		if !r.Date.IsZero() && r.Date.After(p.LodgedOn) && !r.Date.After(c.Application.LodgedOn) {
			return r.Date, true
		}
	}
	return Date{}, false
}

// absentThreeMonths finds a departure to a third country after application p and a return
// (the next entry, else the new application) at least 3 months later, counted under Art 42.
func absentThreeMonths(c *Case, p PreviousApplication) (exit, back Date, ok bool) {
	for _, e := range c.Exits {
		if IsMemberState(e.To) || !e.Date.After(p.LodgedOn) || e.Date.After(c.Application.LodgedOn) {
			continue
		}
		back = c.Application.LodgedOn
		for _, en := range c.Entries {
			if en.Date.After(e.Date) && en.Date.Before(back) {
				back = en.Date
			}
		}
		if !tl.AddMonths(e.Date, 3).After(back) && !holdsResidence(c, p.State, back) {
			return e.Date, back, true
		}
	}
	return Date{}, Date{}, false
}

func holdsResidence(c *Case, state string, day Date) bool {
	for _, d := range c.Documents {
		if d.Type == DocResidence && d.IssuingState == state && !d.ValidFrom.After(day) && (d.ValidUntil.IsZero() || !d.ValidUntil.Before(day)) {
			return true
		}
	}
	return false
}

// art19Residence applies Art 19(1): a state that issues the applicant a residence document
// after the decisive moment takes over the obligations of the responsible state.
func art19Residence(c *Case, decisive, asOf Date, responsible string) cessation {
	for _, d := range c.Documents {
		issued := d.IssuedOn
		if issued.IsZero() {
			issued = d.ValidFrom
		}
		if d.Type != DocResidence || issued.IsZero() || !issued.After(decisive) || d.IssuingState == responsible {
			continue
		}
		if !asOf.IsZero() && issued.After(asOf) {
			continue
		}
		return cessation{ceased: true, state: responsible, takenOverBy: d.IssuingState, article: "Art 19(1)",
			consequence: fmt.Sprintf("Art 19(1): %s issued a residence document on %s and takes over the obligations of the responsible state", d.IssuingState, issued)}
	}
	return cessation{}
}
