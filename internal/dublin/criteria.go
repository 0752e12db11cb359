package dublin

import "fmt"

// finding is the result of trying one criterion.
type finding struct {
	article      string // e.g. "Art 13(1)"
	applies      bool
	state        string // the state designated when applies
	undetermined bool   // applies but the facts do not pick one state (Art 8(3) without a choice)
	reason       string
}

// outcome is the result of the hierarchy for one applicant.
type outcome struct {
	state string
	basis string
	trail []string
}

// criterion is one rule of Chapter III, tried in order.
type criterion func(f *facts) finding

// hierarchy lists the criteria in the order of Chapter III; Art 7(1) applies them in this
// order and the first that applies wins. Art 11 is applied over the family by Determine.
func hierarchy() [11]criterion {
	return [...]criterion{art8_1, art8_2, art8_4, art9, art10, art12valid, art12expired, art13_1, art13_2, art14, art15}
}

// applyCriteria runs the hierarchy for one applicant and records every criterion tried.
func applyCriteria(f *facts) outcome {
	var o outcome
	o.trail = append(o.trail, fmt.Sprintf("Art 7(2): facts taken as they stood on %s, when the first application was lodged (%s)", f.decisive, f.firstState))
	for _, rule := range hierarchy() {
		r := rule(f)
		if !r.applies {
			o.trail = append(o.trail, r.article+": does not apply: "+r.reason)
			continue
		}
		if r.undetermined {
			o.trail = append(o.trail, r.article+": applies but no single state follows from the facts: "+r.reason)
			o.basis = r.article
			return o
		}
		if f.flawed(r.state) {
			o.trail = append(o.trail, fmt.Sprintf("%s: would designate %s (%s), but transfer there is impossible for systemic flaws (Art 3(2) second subparagraph); continuing with the next criterion", r.article, r.state, r.reason))
			continue
		}
		o.trail = append(o.trail, fmt.Sprintf("%s: applies: %s; responsible: %s", r.article, r.reason, r.state))
		o.state, o.basis = r.state, r.article
		return o
	}
	return fallback(f, o)
}

// fallback applies Art 3(2): with no criterion (or none designating a state to which
// transfer is possible), the first state where an application was lodged; if transfers there
// are impossible too, the determining state (Art 3(2) third subparagraph).
func fallback(f *facts, o outcome) outcome {
	o.basis = "Art 3(2)"
	if f.flawed(f.firstState) {
		st := f.determiningState()
		o.trail = append(o.trail, fmt.Sprintf("Art 3(2) third subparagraph: no criterion designates a state to which transfer is possible; the determining state %s is responsible", st))
		o.state = st
		return o
	}
	o.state = f.firstState
	o.trail = append(o.trail, fmt.Sprintf("Art 3(2) first subparagraph: no criterion applies; the first state in which an application was lodged (%s) is responsible", o.state))
	return o
}

func no(article, reason string) finding { return finding{article: article, reason: reason} }

func yesFor(article, state, reason string) finding {
	return finding{article: article, applies: true, state: state, reason: reason}
}
