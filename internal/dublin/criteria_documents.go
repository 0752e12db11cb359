package dublin

import (
	"fmt"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// heldDoc is a document with the state it designates.
type heldDoc struct {
	Document
	state string // the issuer, or the represented state (Art 12(2))
}

// designated returns the state a document designates: the issuer, or the represented
// state when a visa was issued under a representation arrangement (Art 12(2); Visa Code
// Art 8). A fraud the issuer proves was committed after issue removes the document (Art
// 12(5)); a fraud before issue does not.
func designated(d Document) (string, bool) {
	if strings.Contains(strings.ToLower(d.Fraud), "after") {
		return "", false
	}
	if d.Type == DocVisa && d.IssuedOnBehalfOf != "" {
		return d.IssuedOnBehalfOf, true
	}
	return d.IssuingState, true
}

// docsValidOn splits the documents into those valid on day and those that expired before it.
func (f *facts) docsValidOn(day Date) (valid, expired []heldDoc, fraudNote string) {
	for _, d := range f.docs {
		st, ok := designated(d)
		if !ok {
			fraudNote = fmt.Sprintf("; the %s issued by %s is disregarded: the issuer established a fraud after issue (Art 12(5))", d.Type, d.IssuingState)
			continue
		}
		if !d.ValidFrom.IsZero() && d.ValidFrom.After(day) {
			continue // issued after the decisive moment: Art 7(2) ignores it (Art 19(1) may apply)
		}
		h := heldDoc{Document: d, state: st}
		if !d.ValidUntil.IsZero() && d.ValidUntil.Before(day) {
			expired = append(expired, h)
		} else {
			valid = append(valid, h)
		}
	}
	return valid, expired, fraudNote
}

// art12valid applies Art 12(1)-(3): a valid residence document or visa designates its
// issuer; with several from different states, Art 12(3) ranks them.
func art12valid(f *facts) finding {
	valid, _, fraud := f.docsValidOn(f.decisive)
	if len(valid) == 0 {
		return no("Art 12(1)-(3)", "no valid residence document or visa at the decisive moment"+fraud)
	}
	best, article, why := rank(valid)
	return yesFor(article, best.state, why+fraud)
}

// rank picks the document that designates the responsible state among several (Art 12(3)).
// A residence document comes before any visa (Art 12(1) precedes 12(2)).
func rank(docs []heldDoc) (heldDoc, string, string) {
	var res, visas []heldDoc
	for _, d := range docs {
		if d.Type == DocResidence {
			res = append(res, d)
		} else {
			visas = append(visas, d)
		}
	}
	if len(res) > 0 {
		if states(res) == 1 {
			return res[0], "Art 12(1)", fmt.Sprintf("residence document issued by %s", res[0].IssuingState)
		}
		b := best(res, func(a, b heldDoc) int { return cmpLen(a, b) })
		return b, "Art 12(3)", fmt.Sprintf("several residence documents; %s's confers the longest period of residence or, equal, the latest expiry (Art 12(3)(a))", b.IssuingState)
	}
	if states(visas) == 1 {
		return visas[0], "Art 12(2)", visaWhy(visas[0])
	}
	if sameKind(visas) {
		b := best(visas, func(a, b heldDoc) int { return a.ValidUntil.Compare(b.ValidUntil) })
		return b, "Art 12(3)", fmt.Sprintf("several visas of the same type; %s's expires last (Art 12(3)(b))", b.state)
	}
	b := best(visas, func(a, b heldDoc) int { return cmpLen(a, b) })
	return b, "Art 12(3)", fmt.Sprintf("several visas of different kinds; %s's has the longest validity or, equal, the latest expiry (Art 12(3)(c))", b.state)
}

func visaWhy(v heldDoc) string {
	if v.IssuedOnBehalfOf != "" {
		return fmt.Sprintf("visa issued by %s on behalf of %s under a representation arrangement (Visa Code Art 8)", v.IssuingState, v.IssuedOnBehalfOf)
	}
	return fmt.Sprintf("visa issued by %s", v.IssuingState)
}

func states(docs []heldDoc) int {
	seen := map[string]bool{}
	for _, d := range docs {
		seen[d.state] = true
	}
	return len(seen)
}

func sameKind(docs []heldDoc) bool {
	for _, d := range docs[1:] {
		if d.VisaKind != docs[0].VisaKind {
			return false
		}
	}
	return true
}

// cmpLen orders by period of validity, then by expiry (Art 12(3)(a) and (c)).
func cmpLen(a, b heldDoc) int {
	la, lb := length(a), length(b)
	if la != lb {
		if la < lb {
			return -1
		}
		return 1
	}
	return a.ValidUntil.Compare(b.ValidUntil)
}

func length(d heldDoc) int {
	if d.ValidFrom.IsZero() || d.ValidUntil.IsZero() {
		return 0
	}
	return d.ValidFrom.DaysUntil(d.ValidUntil)
}

// best returns the greatest document by cmp; the first listed wins a full tie.
func best(docs []heldDoc, cmp func(a, b heldDoc) int) heldDoc {
	b := docs[0]
	for _, d := range docs[1:] {
		if cmp(d, b) > 0 {
			b = d
		}
	}
	return b
}

// art12expired applies Art 12(4): with only expired documents and while the applicant has
// not left the territory of the Member States, a residence document expired less than two
// years before, or a visa expired less than six months before that actually allowed
// entry, designates as in Art 12(1)-(3) (first subparagraph). Longer-expired documents
// make the state of lodging responsible (second subparagraph, read literally). The limits
// are periods under Art 42 running from the day of expiry, so the last day still counts.
func art12expired(f *facts) finding {
	const a = "Art 12(4)"
	_, expired, _ := f.docsValidOn(f.decisive)
	if len(expired) == 0 {
		return no(a, "no expired residence document or visa")
	}
	var recent, old []heldDoc
	for _, d := range expired {
		limit := timelimit.AddMonths(d.ValidUntil, 24)
		if d.Type == DocVisa {
			limit = timelimit.AddMonths(d.ValidUntil, 6)
			f.notes.visaPlus6 = timelimit.Latest(f.notes.visaPlus6, limit)
			if !yes(d.UsedToEnter) {
				continue // Art 12(4): only a visa that actually allowed entry
			}
		}
		if timelimit.InTime(f.decisive, limit) {
			recent = append(recent, d)
		} else {
			old = append(old, d)
		}
	}
	recent, old = f.stayedSince(recent), f.stayedSince(old)
	if len(recent)+len(old) == 0 {
		return no(a, "no expired document qualifies: a visa that did not allow entry, or the applicant left the territory of the Member States since the document was issued")
	}
	if len(recent) > 0 {
		b, art, why := rank(recent)
		return yesFor(a+" first subparagraph", b.state, fmt.Sprintf("only expired documents; %s (%s applied to a residence document expired less than 2 years or a visa expired less than 6 months before lodging, valid until %s); the applicant has not left the territory", why, art, b.ValidUntil))
	}
	return yesFor(a+" second subparagraph", f.firstState, fmt.Sprintf("only documents expired more than 2 years (residence) or 6 months (visa) before lodging, and the applicant has not left the territory: the state of lodging (%s) is responsible", f.firstState))
}

// stayedSince keeps the documents since whose validity began the applicant has not left the
// territory of the Member States: Art 12(4) applies "for such time as" they have not.
func (f *facts) stayedSince(docs []heldDoc) []heldDoc {
	var out []heldDoc
	for _, d := range docs {
		if !f.leftSince(d.ValidFrom) {
			out = append(out, d)
		}
	}
	return out
}
