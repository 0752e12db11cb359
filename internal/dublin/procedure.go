package dublin

import (
	"fmt"

	tl "github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// timers are the deadlines of a take charge or take back procedure and what follows from
// them on the as_of day.
type timers struct {
	requestDeadline      Date  // last day to send the request (Arts 21(1), 23(2), 24(2), 28(3))
	requestAfterRelease  Date  // the ordinary limit, when detention shortened requestDeadline
	requestInTime        *bool // nil while the request may still be sent
	requestMissed        bool  // the request came late or the period ran out without one
	replyDeadline        Date
	implicit             *bool
	acceptance           Date
	accepted, refused    bool
	implicitArticle      string
	reexamRequest        Date
	reexamAnswer         Date
	transferDeadline     Date
	transferAfterRelease Date
	transferLimit        Date // the limit whose lapse shifts responsibility (Art 29(2))
	shifted              *bool
	transferred          bool
	suspended            bool // a suspensive appeal is pending (Art 27(3))
	sent                 bool
	trail                []string
}

func (t *timers) note(format string, args ...any) {
	t.trail = append(t.trail, fmt.Sprintf(format, args...))
}

// procedureTimers computes every deadline of p for an application lodged on lodged, and
// answers on asOf (a zero asOf answers only what the recorded facts settle).
func procedureTimers(c *Case, p *Procedure, lodged, asOf Date) timers {
	var t timers
	requestTimer(&t, c, p, lodged)
	if !t.requestDeadline.IsZero() {
		sent := p.RequestSentOn
		switch {
		case !sent.IsZero():
			t.requestInTime = boolp(tl.InTime(sent, t.requestDeadline))
			t.requestMissed = !tl.InTime(sent, t.limitForResponsibility())
		case !asOf.IsZero() && tl.Expired(t.limitForResponsibility(), asOf):
			t.requestInTime, t.requestMissed = boolp(false), true
			t.note("no request was sent by %s", t.limitForResponsibility())
		}
	}
	t.sent = !p.RequestSentOn.IsZero() || !p.RequestReceivedOn.IsZero()
	replyTimer(&t, c, p, asOf)
	if t.refused {
		reexamTimer(&t, p)
	}
	if t.accepted {
		transferTimer(&t, c, p, asOf)
	}
	return t
}

// limitForResponsibility is the request limit whose lapse moves responsibility: a missed
// detention limit only ends detention (Art 28(3) second subparagraph).
func (t *timers) limitForResponsibility() Date {
	if !t.requestAfterRelease.IsZero() {
		return t.requestAfterRelease
	}
	return t.requestDeadline
}

// hitReceived returns the earliest day a Eurodac hit of category cat (0: any) was received,
// preferring hits of the requested state.
func hitReceived(c *Case, cat int, requested string) Date {
	var any, own Date
	for _, h := range c.EurodacHits {
		if (cat != 0 && h.Category != cat) || h.HitReceivedOn.IsZero() {
			continue
		}
		any = tl.Earliest(any, h.HitReceivedOn)
		if h.State == requested {
			own = tl.Earliest(own, h.HitReceivedOn)
		}
	}
	if !own.IsZero() {
		return own
	}
	return any
}

// requestTimer sets the last day to send the request.
func requestTimer(t *timers, c *Case, p *Procedure, lodged Date) {
	switch p.Type {
	case TakeCharge:
		// Art 21(1): 3 months from lodging; after a Eurodac hit on Art 14 data (category
		// 2), 2 months from the hit, never beyond the 3 months (CJEU C-670/16 Mengesteab).
		t.requestDeadline = tl.AddMonths(lodged, 3)
		t.note("Art 21(1): take charge request due within 3 months of lodging (%s): %s", lodged, t.requestDeadline)
		if hit := hitReceived(c, 2, p.RequestedState); !hit.IsZero() {
			t.requestDeadline = tl.Earliest(t.requestDeadline, tl.AddMonths(hit, 2))
			t.note("Art 21(1) second subparagraph: Eurodac category 2 hit received %s: within 2 months of the hit and never later than 3 months after lodging: %s", hit, t.requestDeadline)
		}
	case TakeBack:
		// Art 23(2): 2 months from a Eurodac hit; otherwise 3 months from lodging.
		if hit := hitReceived(c, 1, p.RequestedState); !hit.IsZero() {
			t.requestDeadline = tl.AddMonths(hit, 2)
			t.note("Art 23(2): take back request based on a Eurodac hit received %s is due within 2 months: %s", hit, t.requestDeadline)
		} else {
			t.requestDeadline = tl.AddMonths(lodged, 3)
			t.note("Art 23(2): take back request on other evidence is due within 3 months of lodging (%s): %s", lodged, t.requestDeadline)
		}
	case TakeBackNoNewApplication:
		// Art 24(2): 2 months from a Eurodac hit (Reg 603/2013 Art 17), otherwise 3 months
		// from awareness, which the case file does not record.
		if hit := hitReceived(c, 0, p.RequestedState); !hit.IsZero() {
			t.requestDeadline = tl.AddMonths(hit, 2)
			t.note("Art 24(2): take back request without a new application, on a Eurodac hit received %s, is due within 2 months: %s", hit, t.requestDeadline)
		} else {
			t.note("Art 24(2): the request is due within 3 months of becoming aware that another state may be responsible; that date is not in the case file")
		}
		return
	}
	if c.Detained {
		// Art 28(3): for a detained person the request is due within 1 month of lodging;
		// missing it ends detention, and the ordinary limit still governs responsibility.
		det := tl.AddMonths(lodged, 1)
		if det.Before(t.requestDeadline) {
			t.requestAfterRelease, t.requestDeadline = t.requestDeadline, det
		}
		t.note("Art 28(3): the applicant is detained: request due within 1 month of lodging: %s; if missed, the person is released and the ordinary limit %s applies", t.requestDeadline, t.limitForResponsibility())
	}
}

// replyTimer sets the reply deadline and decides acceptance, refusal or silence.
func replyTimer(t *timers, c *Case, p *Procedure, asOf Date) {
	receipt := p.RequestReceivedOn
	if receipt.IsZero() {
		receipt = p.RequestSentOn // DubliNet delivers on the day of sending
	}
	if receipt.IsZero() {
		return
	}
	var period tl.Period
	switch {
	case c.Detained:
		period, t.implicitArticle = tl.Period{N: 2, Unit: tl.Weeks}, "Art 28(3)"
	case p.Type == TakeCharge && p.Urgent:
		period, t.implicitArticle = tl.Period{N: 1, Unit: tl.Months}, "Art 22(7)"
		if !p.RequestedReplyBy.IsZero() {
			t.note("Art 22(6): the requested state should reply by %s as requested, and at the latest within 1 month", p.RequestedReplyBy)
		}
	case p.Type == TakeCharge:
		period, t.implicitArticle = tl.Period{N: 2, Unit: tl.Months}, "Art 22(7)"
	case eurodacBased(c, p):
		period, t.implicitArticle = tl.Period{N: 2, Unit: tl.Weeks}, "Art 25(2)"
	default:
		period, t.implicitArticle = tl.Period{N: 1, Unit: tl.Months}, "Art 25(2)"
	}
	t.replyDeadline = period.End(receipt)
	t.note("%s: reply due within %s of receipt (%s): %s", replyArticle(c, p), period, receipt, t.replyDeadline)
	decideReply(t, p, asOf)
}

// eurodacBased reports whether a take back request rests on Eurodac data (Art 25(1)).
func eurodacBased(c *Case, p *Procedure) bool {
	cat := 1
	if p.Type == TakeBackNoNewApplication {
		cat = 0
	}
	return p.BasedOnEurodacHit || !hitReceived(c, cat, p.RequestedState).IsZero()
}

func replyArticle(c *Case, p *Procedure) string {
	switch {
	case c.Detained:
		return "Art 28(3)"
	case p.Type == TakeCharge && p.Urgent:
		return "Art 22(6)"
	case p.Type == TakeCharge:
		return "Art 22(1)"
	}
	return "Art 25(1)"
}

// decideReply applies Arts 22(7) and 25(2): silence until the reply deadline is acceptance,
// which by project convention takes effect on the deadline's last day; a reply after it
// cannot undo that.
func decideReply(t *timers, p *Procedure, asOf Date) {
	r := p.Reply
	inTime := r != nil && (r.On.IsZero() || tl.InTime(r.On, t.replyDeadline))
	switch {
	case inTime && r.Decision == Accept:
		t.accepted, t.implicit, t.acceptance = true, boolp(false), r.On
		if r.On.IsZero() {
			t.acceptance = t.replyDeadline
		}
		t.note("the request was accepted on %s", t.acceptance)
	case inTime:
		t.refused, t.implicit = true, boolp(false)
		t.note("the request was refused on %s", r.On)
	case r != nil || (!asOf.IsZero() && tl.Expired(t.replyDeadline, asOf)):
		t.accepted, t.implicit, t.acceptance = true, boolp(true), t.replyDeadline
		t.note("%s: no reply by %s: the request is accepted; acceptance takes effect on the last day of the reply period (%s)", t.implicitArticle, t.replyDeadline, t.acceptance)
		if r != nil {
			t.note("the reply (%s) of %s came after the deadline and does not undo the implicit acceptance", r.Decision, r.On)
		}
	default:
		t.implicit = boolp(false)
		t.note("the reply period runs until %s", t.replyDeadline)
	}
}

// reexamTimer applies Reg 1560/2003 Art 5(2): re-examination may be asked within 3 weeks of
// the negative reply and should be answered within 2 weeks; silence is not acceptance.
func reexamTimer(t *timers, p *Procedure) {
	if p.Reply == nil || p.Reply.On.IsZero() {
		return
	}
	t.reexamRequest = tl.AddWeeks(p.Reply.On, 3)
	t.note("Reg 1560/2003 Art 5(2): re-examination may be requested until %s", t.reexamRequest)
	re := p.ReExamination
	if re == nil || re.RequestedOn.IsZero() {
		return
	}
	if !tl.InTime(re.RequestedOn, t.reexamRequest) {
		t.note("Reg 1560/2003 Art 5(2): the re-examination request of %s came after %s", re.RequestedOn, t.reexamRequest)
	}
	t.reexamAnswer = tl.AddWeeks(re.RequestedOn, 2)
	t.note("Reg 1560/2003 Art 5(2): the requested state should answer the re-examination by %s", t.reexamAnswer)
	switch {
	case re.Answer != nil && re.Answer.Decision == Accept:
		t.refused, t.accepted, t.implicit = false, true, boolp(false)
		t.acceptance = re.Answer.On
		if t.acceptance.IsZero() {
			t.acceptance = t.reexamAnswer
		}
		t.note("the re-examination led to acceptance on %s", t.acceptance)
	case re.Answer != nil:
		t.note("the re-examination confirmed the refusal")
	default:
		t.note("no answer to the re-examination: silence is not acceptance (CJEU C-47/17)")
	}
}

// transferTimer applies Art 29: the transfer is due within 6 months of acceptance or of the
// final decision on an appeal with suspensive effect, extended to 1 year for imprisonment
// or 18 months for absconding; when it lapses responsibility shifts to the requesting state.
func transferTimer(t *timers, c *Case, p *Procedure, asOf Date) {
	start, from := t.acceptance, "acceptance"
	if a := p.Appeal; a != nil && a.SuspensiveEffect {
		if a.FinalDecisionOn.IsZero() {
			t.note("Art 29(1): an appeal with suspensive effect is pending: the transfer period does not run")
			t.suspended = true
			return
		}
		start, from = a.FinalDecisionOn, "the final decision on the suspensive appeal"
	}
	six := tl.AddMonths(start, 6)
	t.transferLimit = six
	t.note("Art 29(1): transfer due within 6 months of %s (%s): %s", from, start, six)
	if e := p.Extension; e != nil {
		extend(t, e, start, six)
	} else if !p.AbscondedOn.IsZero() {
		t.note("Art 29(2): the person absconded on %s, but no extension was notified", p.AbscondedOn)
	}
	t.transferDeadline = t.transferLimit
	if c.Detained {
		t.transferAfterRelease, t.transferDeadline = t.transferLimit, tl.AddWeeks(start, 6)
		t.note("Art 28(3): the person is detained: transfer due within 6 weeks (%s); if missed, detention ends and the limit %s applies", t.transferDeadline, t.transferLimit)
	}
	done := p.TransferCarriedOutOn
	switch {
	case !done.IsZero() && tl.InTime(done, t.transferLimit):
		t.transferred, t.shifted = true, boolp(false)
		t.note("the transfer was carried out on %s, in time", done)
	case !done.IsZero() || (!asOf.IsZero() && tl.Expired(t.transferLimit, asOf)):
		t.shifted = boolp(true)
		t.note("Art 29(2): no transfer by %s: the responsible state is relieved and responsibility shifts to the requesting state (CJEU C-201/16 Shiri)", t.transferLimit)
	default:
		t.shifted = boolp(false)
	}
}

// extend applies an extension notified before the 6-month period ran out (Art 29(2);
// Reg 1560/2003 Art 9(2)).
func extend(t *timers, e *Extension, start, six Date) {
	if !e.NotifiedOn.IsZero() && !tl.InTime(e.NotifiedOn, six) {
		t.note("Art 29(2): the extension for %s was notified on %s, after the 6-month period ended (%s): no effect", e.Reason, e.NotifiedOn, six)
		return
	}
	months := 12
	if e.Reason == Absconding {
		months = 18
	}
	t.transferLimit = tl.AddMonths(start, months)
	t.note("Art 29(2): transfer period extended for %s to %d months: %s", e.Reason, months, t.transferLimit)
}
