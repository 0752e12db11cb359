package dublin

import (
	"fmt"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// crossing is an irregular crossing of an external border.
type crossing struct {
	date  Date
	state string
	how   string
}

// irregularCrossing finds the irregular crossing from a third country that brought the
// applicant into the Member States before the decisive moment: the first one after the
// last departure from their territory. An entry's from_third_country left out counts as
// an external border; a Eurodac category 2 hit (Regulation 603/2013 Art 14) is proof of a
// crossing on the day of fingerprinting when no entry is recorded (Annex II).
func (f *facts) irregularCrossing() (crossing, bool) {
	since := f.lastExitBefore(f.decisive)
	var first crossing
	for _, e := range f.entries {
		if !strings.HasPrefix(e.Mode, "irregular") || !yes(e.FromThirdCountry) {
			continue
		}
		if e.Date.After(f.decisive) || (!since.IsZero() && !e.Date.After(since)) {
			continue
		}
		if first.date.IsZero() || e.Date.Before(first.date) {
			first = crossing{e.Date, e.State, fmt.Sprintf("irregular crossing (%s) into %s from a third country on %s", strings.TrimPrefix(e.Mode, "irregular_"), e.State, e.Date)}
		}
	}
	if !first.date.IsZero() {
		return first, true
	}
	for _, h := range f.hits {
		d := h.FingerprintedOn
		if h.Category != 2 || d.IsZero() || d.After(f.decisive) || (!since.IsZero() && !d.After(since)) {
			continue
		}
		if first.date.IsZero() || d.Before(first.date) {
			first = crossing{d, h.State, fmt.Sprintf("Eurodac category 2 hit: fingerprinted in %s on %s after an irregular crossing", h.State, d)}
		}
	}
	return first, !first.date.IsZero()
}

// art13_1 applies Art 13(1): the state whose external border the applicant crossed
// irregularly from a third country. The criterion ceases 12 months after the crossing,
// counted under Art 42, so an application lodged on the last day still falls under it.
func art13_1(f *facts) finding {
	const a = "Art 13(1)"
	x, ok := f.irregularCrossing()
	if !ok {
		return no(a, "no irregular crossing of an external border established")
	}
	ends := timelimit.AddMonths(x.date, 12)
	f.notes.irregularEnds = ends
	if !timelimit.InTime(f.decisive, ends) {
		return no(a, fmt.Sprintf("%s; the criterion ceased on %s, 12 months after the crossing, before lodging on %s", x.how, ends, f.decisive))
	}
	return yesFor(a, x.state, fmt.Sprintf("%s; the criterion runs to %s and the application was lodged on %s", x.how, ends, f.decisive))
}

// art13_2 applies Art 13(2): when Art 13(1) does not or no longer applies, an applicant who
// entered irregularly or whose entry is unknown and lived at least five continuous months
// in a state before lodging; with several such states, the most recent.
func art13_2(f *facts) finding {
	const a = "Art 13(2)"
	if f.regularEntryOnly() {
		return no(a, "the applicant entered regularly")
	}
	var st string
	var until Date
	for _, s := range f.stays {
		if s.From.IsZero() || s.From.After(f.decisive) {
			continue
		}
		to := s.To
		if to.IsZero() || to.After(f.decisive) {
			to = f.decisive
		}
		if timelimit.AddMonths(s.From, 5).After(to) {
			continue
		}
		if st == "" || to.After(until) {
			st, until = s.State, to
		}
	}
	if st == "" {
		return no(a, "no continuous stay of at least 5 months in a Member State before lodging")
	}
	return yesFor(a, st, fmt.Sprintf("lived continuously at least 5 months in %s (until %s), the most recent such state, before lodging", st, until))
}

// regularEntryOnly reports whether every recorded entry was regular.
func (f *facts) regularEntryOnly() bool {
	if len(f.entries) == 0 {
		return false
	}
	for _, e := range f.entries {
		if e.Mode != "regular_visa" && e.Mode != "visa_waived" && e.Mode != "regular" {
			return false
		}
	}
	return true
}

// art14 applies Art 14: entry into a state that waives the visa requirement for the
// applicant makes that state responsible (14(1)), unless the application is lodged in
// another state that also waives it (14(2)).
func art14(f *facts) finding {
	since := f.lastExitBefore(f.decisive)
	var e *Entry
	for i := range f.entries {
		x := &f.entries[i]
		if x.Mode != "visa_waived" || x.Date.After(f.decisive) || (!since.IsZero() && !x.Date.After(since)) {
			continue
		}
		if e == nil || x.Date.Before(e.Date) {
			e = x
		}
	}
	if e == nil {
		return no("Art 14", "no visa-waived entry")
	}
	if f.app.VisaWaivedInStateOfLodging && f.app.State != e.State {
		return yesFor("Art 14(2)", f.app.State, fmt.Sprintf("entered %s visa-free on %s but lodged in %s, which also waives the visa", e.State, e.Date, f.app.State))
	}
	return yesFor("Art 14(1)", e.State, fmt.Sprintf("entered %s on %s where the visa requirement is waived", e.State, e.Date))
}

// art15 applies Art 15: an application made in the international transit area of an
// airport falls to that state.
func art15(f *facts) finding {
	if f.app.Place != PlaceAirportTransit {
		return no("Art 15", "the application was not made in an airport's international transit area")
	}
	return yesFor("Art 15", f.app.State, "application made in the international transit area of an airport of "+f.app.State)
}
