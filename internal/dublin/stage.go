package dublin

import tl "github.com/ceas-eu/ceas/internal/platform/timelimit"

// stageOf places the case in the state machine of section 5 on the as_of day, from the
// facts and timers, so the service layer and the UI can show where a case stands.
func stageOf(c *Case, t *timers, responsible string) State {
	if t == nil {
		if responsible != "" && responsible == c.Application.State {
			return ResponsibleSelf
		}
		return Determining
	}
	switch {
	case t.requestMissed:
		return ResponsibleSelf
	case t.transferred:
		return Transferred
	case t.shifted != nil && *t.shifted:
		return Expired
	case t.suspended:
		return SuspendedByAppeal
	case t.accepted && t.implicit != nil && *t.implicit:
		return AcceptedImplicit
	case t.accepted:
		return AcceptedExplicit
	case t.refused:
		return refusedStage(c, t)
	case t.sent:
		return RequestSent
	}
	return Determining
}

// refusedStage distinguishes a refusal that may still be re-examined, a pending
// re-examination, and a final refusal (Reg 1560/2003 Art 5(2); CJEU C-47/17).
func refusedStage(c *Case, t *timers) State {
	asOf := c.AsOf
	re := c.Procedure.ReExamination
	switch {
	case re != nil && !re.RequestedOn.IsZero() && re.Answer == nil && (asOf.IsZero() || !tl.Expired(t.reexamAnswer, asOf)):
		return ReexamRequested
	case re != nil && !re.RequestedOn.IsZero():
		return RefusedFinal
	case asOf.IsZero() || (!t.reexamRequest.IsZero() && !tl.Expired(t.reexamRequest, asOf)):
		return Refused
	}
	return RefusedFinal
}
