package dublin

import (
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/errs"
	tl "github.com/ceas-eu/ceas/internal/platform/timelimit"
)

func ev(kind EventKind, on string) Event { return Event{Kind: kind, On: tl.MustParse(on)} }

func evd(kind EventKind, on, decision string) Event {
	e := ev(kind, on)
	e.Decision = decision
	return e
}

func TestNext(t *testing.T) {
	tests := []struct {
		name string
		from State
		e    Event
		want State
	}{
		{"section 5: determination starts", Lodged, ev(EvDeterminationStarted, "2024-02-10"), Determining},
		{"Art 3(2): determined self", Determining, ev(EvDeterminedSelf, "2024-02-11"), ResponsibleSelf},
		{"Art 21(1): request sent", Determining, ev(EvRequestSent, "2024-03-20"), RequestSent},
		{"Art 22(1): receipt keeps the request open", RequestSent, ev(EvRequestReceived, "2024-03-20"), RequestSent},
		{"Art 22(1): explicit acceptance", RequestSent, evd(EvReply, "2024-04-01", Accept), AcceptedExplicit},
		{"Art 22(1): refusal", RequestSent, evd(EvReply, "2024-04-01", Refuse), Refused},
		{"Art 22(7): silence until the deadline", RequestSent, ev(EvReplyDeadlinePassed, "2024-05-20"), AcceptedImplicit},
		{"Reg 1560/2003 Art 5(2): re-examination requested", Refused, ev(EvReexamRequested, "2024-04-10"), ReexamRequested},
		{"Reg 1560/2003 Art 5(2): re-examination accepted", ReexamRequested, evd(EvReexamAnswer, "2024-04-20", Accept), AcceptedExplicit},
		{"Reg 1560/2003 Art 5(2): re-examination refused", ReexamRequested, evd(EvReexamAnswer, "2024-04-20", Refuse), RefusedFinal},
		{"C-47/17: silence on re-examination closes it", ReexamRequested, ev(EvReexamClosed, "2024-04-25"), RefusedFinal},
		{"C-47/17: a final refusal leaves the case with us", RefusedFinal, ev(EvDeterminedSelf, "2024-05-11"), ResponsibleSelf},
		{"Art 29(1): transfer scheduled after implicit acceptance", AcceptedImplicit, ev(EvTransferScheduled, "2024-05-21"), TransferPending},
		{"Art 27(3): suspensive appeal", TransferPending, Event{Kind: EvAppeal, On: tl.MustParse("2024-06-01"), Suspensive: true}, SuspendedByAppeal},
		{"Art 27: appeal without suspensive effect", TransferPending, ev(EvAppeal, "2024-06-01"), TransferPending},
		{"Art 29(1): appeal dismissed, the period restarts", SuspendedByAppeal, Event{Kind: EvAppealFinal, On: tl.MustParse("2024-08-01"), Upheld: true}, TransferPending},
		{"Art 27: transfer decision annulled", SuspendedByAppeal, ev(EvAppealFinal, "2024-08-01"), ResponsibleSelf},
		{"Art 29(2): extension notified", TransferPending, Event{Kind: EvExtensionNotified, On: tl.MustParse("2024-07-01"), Reason: Absconding}, TransferPending},
		{"Art 29(2): absconded", TransferPending, ev(EvAbsconded, "2024-07-01"), TransferPending},
		{"Art 29(1): transferred", TransferPending, ev(EvTransferred, "2024-07-01"), Transferred},
		{"Art 29(2): the period lapsed", TransferPending, ev(EvTransferPeriodLapsed, "2024-11-21"), Expired},
		{"Art 29(2): responsibility shifts to us", Expired, ev(EvDeterminedSelf, "2024-11-21"), ResponsibleSelf},
		{"Art 19(2): left the territory", TransferPending, ev(EvLeftTerritory, "2024-07-01"), Ceased},
		{"Art 19(3): removed", RequestSent, ev(EvRemoved, "2024-04-01"), Ceased},
		{"Art 19(1): residence document issued", Refused, ev(EvResidenceDocument, "2024-04-01"), ResponsibleSelf},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Next(tt.from, tt.e)
			if err != nil || got != tt.want {
				t.Errorf("Next(%s, %s) = %s, %v; want %s", tt.from, tt.e.Kind, got, err, tt.want)
			}
		})
	}
}

func TestNextRejects(t *testing.T) {
	tests := []struct {
		name string
		from State
		e    Event
		kind errs.Kind
	}{
		{"no reply before a request", Determining, evd(EvReply, "2024-04-01", Accept), errs.KindConflict},
		{"no transfer before acceptance", RequestSent, ev(EvTransferred, "2024-04-01"), errs.KindConflict},
		{"a transferred case is closed", Transferred, ev(EvLeftTerritory, "2024-04-01"), errs.KindConflict},
		{"no re-examination of an acceptance", AcceptedExplicit, ev(EvReexamRequested, "2024-04-01"), errs.KindConflict},
		{"reply without a decision", RequestSent, ev(EvReply, "2024-04-01"), errs.KindInvalid},
		{"event without a date", RequestSent, Event{Kind: EvRequestReceived}, errs.KindInvalid},
		{"extension without a reason (Art 29(2))", TransferPending, ev(EvExtensionNotified, "2024-07-01"), errs.KindInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Next(tt.from, tt.e)
			if err == nil || errs.KindOf(err) != tt.kind || got != tt.from {
				t.Errorf("Next(%s, %s) = %s, %v; want %v error and no move", tt.from, tt.e.Kind, got, err, tt.kind)
			}
		})
	}
}

func TestReplay(t *testing.T) {
	events := []Event{
		ev(EvDeterminationStarted, "2024-02-10"), ev(EvRequestSent, "2024-03-20"), ev(EvRequestReceived, "2024-03-20"),
		ev(EvReplyDeadlinePassed, "2024-05-20"), ev(EvTransferScheduled, "2024-05-21"), ev(EvTransferred, "2024-07-01"),
	}
	if s, err := Replay(events); err != nil || s != Transferred {
		t.Fatalf("Replay = %s, %v", s, err)
	}
	events[3], events[4] = events[4], events[3]
	if s, err := Replay(events); err == nil || s != RequestSent {
		t.Errorf("out of order: %s, %v", s, err)
	}
	back := []Event{ev(EvDeterminationStarted, "2024-02-10"), ev(EvRequestSent, "2024-02-01")}
	if _, err := Replay(back); errs.KindOf(err) != errs.KindInvalid {
		t.Errorf("dated backwards: %v", err)
	}
	for _, s := range []State{ResponsibleSelf, Transferred, Ceased} {
		if !s.Terminal() {
			t.Errorf("%s should be terminal", s)
		}
	}
}
