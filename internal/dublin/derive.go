package dublin

import (
	tl "github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// derive re-evaluates the stored facts on today and fills what the service keeps beside
// them: the determination, the stage, the open deadlines and the request's mirror of the
// procedure. Deadlines always come from the pure core, so they follow the facts as they
// stand.
func derive(r *CaseRecord, req *Request, today Date) {
	d := DetermineOn(r.Case, today)
	r.Determination = &d
	r.ResponsibleState, r.Basis = "", d.Basis
	if d.ResponsibleState != nil {
		r.ResponsibleState = *d.ResponsibleState
	}
	r.Stage = effectiveStage(d.Stage, r.closedStage, req)
	r.Deadlines = deadlines(r, &d, req, today)
	r.NextDeadline, r.NextDeadlineKind = Date{}, ""
	if len(r.Deadlines) > 0 {
		r.NextDeadline, r.NextDeadlineKind = r.Deadlines[0].Date, r.Deadlines[0].Kind
	}
	if req != nil {
		mirror(req, r.Case.Procedure, &d, r.Stage, today)
	}
}

// effectiveStage refines the engine's stage with what only the unit knows: a transfer that
// was scheduled (TRANSFER_PENDING) and a case closed by an Art 19 event or an officer's
// determination.
func effectiveStage(engine, closed State, req *Request) State {
	if closed != "" {
		return closed
	}
	if (engine == AcceptedExplicit || engine == AcceptedImplicit) && req != nil &&
		(req.TransferStatus == TransferSchedule || req.TransferStatus == TransferFailed) {
		return TransferPending
	}
	return engine
}

// deadlines lists the limits still open on today, earliest first, with the state that
// must act.
func deadlines(r *CaseRecord, d *Determination, req *Request, today Date) []Deadline {
	var out []Deadline
	add := func(kind string, day Date, article, party string) {
		if day.IsZero() || tl.Expired(day, today) {
			return
		}
		out = append(out, Deadline{Kind: kind, Date: day, Article: article, Party: party, DaysLeft: today.DaysUntil(day)})
	}
	p := r.Case.Procedure
	switch r.Stage {
	case Determining:
		if p == nil && r.ResponsibleState != "" && r.ResponsibleState != r.OwnerOrg {
			typ, day := prospectiveRequest(r)
			add(DeadlineRequest, day, requestArticle(typ), r.OwnerOrg)
		}
	case RequestSent:
		add(DeadlineReply, d.ReplyDeadline, replyArticleOf(p), p.RequestedState)
	case Refused:
		add(DeadlineReexamRequest, d.ReExaminationRequestDeadline, "Reg 1560/2003 Art 5(2)", r.OwnerOrg)
	case ReexamRequested:
		add(DeadlineReexamAnswer, d.ReExaminationAnswerDeadline, "Reg 1560/2003 Art 5(2)", p.RequestedState)
	case AcceptedExplicit, AcceptedImplicit, TransferPending:
		art := "Art 29(1)"
		if p.Extension != nil {
			art = "Art 29(2)"
		}
		add(DeadlineTransfer, d.TransferDeadline, art, r.OwnerOrg)
	}
	for i := 1; i < len(out); i++ { // at most a handful: insertion sort
		for j := i; j > 0 && out[j].Date.Before(out[j-1].Date); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// prospectiveRequest asks the core for the request deadline of the request the unit would
// send to the state the criteria designate: a take back when an application was already
// lodged there (Art 23(2)), else a take charge (Art 21(1)).
func prospectiveRequest(r *CaseRecord) (string, Date) {
	typ := TakeCharge
	for _, a := range r.Case.PreviousApplications {
		if a.State == r.ResponsibleState {
			typ = TakeBack
		}
	}
	c := r.Case
	hit := false
	for _, h := range c.EurodacHits {
		hit = hit || h.State == r.ResponsibleState
	}
	c.Procedure = &Procedure{Type: typ, RequestingState: r.OwnerOrg, RequestedState: r.ResponsibleState, BasedOnEurodacHit: hit}
	return typ, Determine(c).RequestDeadline
}

func requestArticle(typ string) string {
	switch typ {
	case TakeBack:
		return "Art 23(2)"
	case TakeBackNoNewApplication:
		return "Art 24(2)"
	}
	return "Art 21(1)"
}

func replyArticleOf(p *Procedure) string {
	switch {
	case p.Type != TakeCharge:
		return "Art 25(1)"
	case p.Urgent:
		return "Art 22(6)"
	}
	return "Art 22(1)"
}

// mirror copies the procedure and its timers into the shared request row.
func mirror(req *Request, p *Procedure, d *Determination, stage State, today Date) {
	req.Status = stage
	req.ReplyDeadline, req.AcceptanceDate = d.ReplyDeadline, d.AcceptanceDate
	req.ImplicitAcceptance = d.ImplicitAcceptance != nil && *d.ImplicitAcceptance
	req.TransferDeadline = d.TransferDeadline
	if p == nil {
		return
	}
	if p.Reply != nil {
		req.ReplyDecision, req.ReplyOn, req.ReplyReasons = p.Reply.Decision, p.Reply.On, p.Reply.Reasons
	}
	if re := p.ReExamination; re != nil {
		req.ReexamRequestedOn = re.RequestedOn
		if re.Answer != nil {
			req.ReexamDecision, req.ReexamOn = re.Answer.Decision, re.Answer.On
		}
	}
	if !p.TransferCarriedOutOn.IsZero() {
		req.TransferStatus, req.TransferOn = TransferCarriedOut, p.TransferCarriedOutOn
	}
	fillDaysLeft(req, today)
}

// fillDaysLeft sets the time left to reply (while the request waits for an answer) and to
// transfer (while the transfer is due), counted from today.
func fillDaysLeft(req *Request, today Date) {
	req.ReplyDaysLeft, req.TransferDaysLeft = nil, nil
	switch req.Status {
	case RequestSent:
		if !req.ReplyDeadline.IsZero() {
			n := today.DaysUntil(req.ReplyDeadline)
			req.ReplyDaysLeft = &n
		}
	case AcceptedExplicit, AcceptedImplicit, TransferPending:
		if !req.TransferDeadline.IsZero() {
			n := today.DaysUntil(req.TransferDeadline)
			req.TransferDaysLeft = &n
		}
	}
}
