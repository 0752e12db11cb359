package dublin

import (
	"testing"

	tl "github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// deriveCase is a DE application after an irregular crossing into IT (Art 13(1)) with a
// category 2 Eurodac hit received on 2026-02-21.
func deriveCase(p *Procedure) CaseRecord {
	return CaseRecord{ID: "c", OwnerOrg: "DE", LodgedOn: tl.MustParse("2026-02-20"), Case: Case{
		Application: Application{State: "DE", LodgedOn: tl.MustParse("2026-02-20")},
		Entries:     []Entry{{Date: tl.MustParse("2026-01-10"), State: "IT", Mode: "irregular_sea"}},
		EurodacHits: []EurodacHit{{Category: 2, State: "IT", HitReceivedOn: tl.MustParse("2026-02-21")}},
		Procedure:   p,
	}}
}

func sent(typ string, on string) *Procedure {
	return &Procedure{Type: typ, RequestingState: "DE", RequestedState: "IT", RequestSentOn: tl.MustParse(on)}
}

func TestDeriveDeadlinesFollowTheStage(t *testing.T) {
	d := tl.MustParse
	urgent := sent(TakeCharge, "2026-03-02")
	urgent.Urgent = true
	refused := sent(TakeCharge, "2026-03-02")
	refused.Reply = &Reply{Decision: Refuse, On: d("2026-03-10")}
	reexam := sent(TakeCharge, "2026-03-02")
	reexam.Reply = &Reply{Decision: Refuse, On: d("2026-03-10")}
	reexam.ReExamination = &ReExamination{RequestedOn: d("2026-03-12")}
	accepted := sent(TakeCharge, "2026-03-02")
	accepted.Reply = &Reply{Decision: Accept, On: d("2026-03-10")}
	absconded := sent(TakeCharge, "2026-03-02")
	absconded.Reply = &Reply{Decision: Accept, On: d("2026-03-10")}
	absconded.Extension = &Extension{Reason: Absconding, NotifiedOn: d("2026-04-01")}
	for _, tc := range []struct {
		name    string
		p       *Procedure
		today   string
		stage   State
		kind    string
		date    string
		article string
		party   string
	}{
		{"Art 21(1): request within 2 months of the Eurodac hit", nil, "2026-03-02", Determining, DeadlineRequest, "2026-04-21", "Art 21(1)", "DE"},
		{"Art 22(1): reply within 2 months", sent(TakeCharge, "2026-03-02"), "2026-03-02", RequestSent, DeadlineReply, "2026-05-02", "Art 22(1)", "IT"},
		{"Art 22(6): urgent reply within 1 month", urgent, "2026-03-02", RequestSent, DeadlineReply, "2026-04-02", "Art 22(6)", "IT"},
		{"Art 25(1): take back reply within 1 month", sent(TakeBack, "2026-03-02"), "2026-03-02", RequestSent, DeadlineReply, "2026-04-02", "Art 25(1)", "IT"},
		{"Reg 1560/2003 Art 5(2): re-examination asked within 3 weeks", refused, "2026-03-11", Refused, DeadlineReexamRequest, "2026-03-31", "Reg 1560/2003 Art 5(2)", "DE"},
		{"Reg 1560/2003 Art 5(2): answer within 2 weeks", reexam, "2026-03-12", ReexamRequested, DeadlineReexamAnswer, "2026-03-26", "Reg 1560/2003 Art 5(2)", "IT"},
		{"Art 29(1): transfer within 6 months of acceptance", accepted, "2026-03-10", AcceptedExplicit, DeadlineTransfer, "2026-09-10", "Art 29(1)", "DE"},
		{"Art 29(2): 18 months after absconding", absconded, "2026-04-01", AcceptedExplicit, DeadlineTransfer, "2027-09-10", "Art 29(2)", "DE"},
		{"Art 22(7): silence accepted, transfer from the last day", sent(TakeCharge, "2026-03-02"), "2026-05-03", AcceptedImplicit, DeadlineTransfer, "2026-11-02", "Art 29(1)", "DE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := deriveCase(tc.p)
			derive(&r, nil, d(tc.today))
			if r.Stage != tc.stage {
				t.Fatalf("stage %s, want %s", r.Stage, tc.stage)
			}
			if len(r.Deadlines) != 1 {
				t.Fatalf("deadlines %+v", r.Deadlines)
			}
			got := r.Deadlines[0]
			if got.Kind != tc.kind || got.Date.String() != tc.date || got.Article != tc.article || got.Party != tc.party {
				t.Errorf("deadline %+v, want %s %s %s %s", got, tc.kind, tc.date, tc.article, tc.party)
			}
			if r.NextDeadline != got.Date || got.DaysLeft != d(tc.today).DaysUntil(got.Date) {
				t.Errorf("next deadline %s, days left %d", r.NextDeadline, got.DaysLeft)
			}
		})
	}
}

func TestEffectiveStage(t *testing.T) {
	scheduled := &Request{TransferStatus: TransferSchedule}
	failed := &Request{TransferStatus: TransferFailed}
	cancelled := &Request{TransferStatus: TransferCancel}
	for _, tc := range []struct {
		engine, closed State
		req            *Request
		want           State
	}{
		{AcceptedExplicit, "", scheduled, TransferPending},
		{AcceptedImplicit, "", failed, TransferPending}, // Art 29(2): the extended period still runs
		{AcceptedExplicit, "", cancelled, AcceptedExplicit},
		{AcceptedExplicit, "", nil, AcceptedExplicit},
		{Expired, "", scheduled, Expired},
		{TransferPending, Ceased, scheduled, Ceased}, // Art 19(2)
		{Determining, ResponsibleSelf, nil, ResponsibleSelf},
	} {
		if got := effectiveStage(tc.engine, tc.closed, tc.req); got != tc.want {
			t.Errorf("effectiveStage(%s, %q, %+v) = %s, want %s", tc.engine, tc.closed, tc.req, got, tc.want)
		}
	}
}
