package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/ceas-eu/ceas/internal/dublin"
	"github.com/ceas-eu/ceas/internal/dublin/dublinhttp"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/jobs"
	tl "github.com/ceas-eu/ceas/internal/platform/timelimit"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

// dublinModule wires the Dublin unit's tool: cases, requests between states, transfers and
// the deadline monitor.
type dublinModule struct {
	svc *dublin.Service
}

func (m *dublinModule) build(ctx context.Context, a *App) error {
	m.svc = dublin.NewService(a.DB, a.Audit, a.Outbox, a.Jobs, a.Clock).WithSmallCount(a.Config.SmallCount)
	return m.svc.HandleJobs(ctx, a.Jobs, jobs.Recurring{Every: 24 * time.Hour})
}

func (m *dublinModule) mount(a *App) ([]web.NavItem, error) {
	_, err := dublinhttp.Register(a.API, a.mux, dublinhttp.Deps{Service: m.svc, Frame: a.Frame, Fail: a.Fail})
	if err != nil {
		return nil, err
	}
	return dublinhttp.NavItems(), nil
}

// dublinDemoPairs are the requesting and requested states of the demo cases.
var dublinDemoPairs = [...][2]string{{"DE", "IT"}, {"NL", "GR"}, {"FR", "ES"}, {"BE", "HR"}, {"AT", "HU"}, {"DE", "GR"}}

// demoStep is one scenario of the demo: the case is lodged lodgedAgo days before today and
// run through the service by steps, so every demo case has its audit trail and events.
type demoStep struct {
	name      string
	lodgedAgo int
	run       func(d *dublinDemo, c dublin.CaseRecord) error
}

type dublinDemo struct {
	svc                   *dublin.Service
	today                 dublin.Date
	requesting, requested context.Context
	to                    string
}

func (d *dublinDemo) ago(n int) dublin.Date { return tl.AddDays(d.today, -n) }

func (d *dublinDemo) send(c dublin.CaseRecord, ago int) (dublin.Request, error) {
	return d.svc.SendRequest(d.requesting, c.ID, dublin.NewRequest{Type: dublin.TakeCharge, RequestedState: d.to,
		BasedOnEurodacHit: true, SentOn: d.ago(ago)})
}

func (d *dublinDemo) reply(id, decision string, ago int) error {
	in := dublin.ReplyInput{Decision: decision, On: d.ago(ago)}
	if decision == dublin.Refuse {
		in.Reasons = "The evidence does not establish an irregular crossing into our territory (demo)."
	}
	_, err := d.svc.Reply(d.requested, id, in)
	return err
}

func (d *dublinDemo) transfer(id, action string, ago int) error {
	_, err := d.svc.Transfer(d.requesting, id, dublin.TransferInput{Action: action, On: d.ago(ago)})
	return err
}

// accepted sends a request sentAgo days ago and has it accepted acceptAgo days ago.
func (d *dublinDemo) accepted(c dublin.CaseRecord, sentAgo, acceptAgo int) (dublin.Request, error) {
	r, err := d.send(c, sentAgo)
	if err != nil {
		return r, err
	}
	return r, d.reply(r.ID, dublin.Accept, acceptAgo)
}

// dublinDemoSteps reach every stage of dublin.md section 5.
func dublinDemoSteps() []demoStep {
	none := func(*dublinDemo, dublin.CaseRecord) error { return nil }
	return []demoStep{
		{"determining", 10, none},
		{"responsible-self", 30, func(d *dublinDemo, c dublin.CaseRecord) error {
			_, err := d.svc.RecordEvent(d.requesting, c.ID, dublin.EventInput{Kind: dublin.EvDeterminedSelf, On: d.ago(3), Note: "Art 17(1) (demo)"})
			return err
		}},
		{"request-sent", 20, func(d *dublinDemo, c dublin.CaseRecord) error { _, err := d.send(c, 15); return err }},
		{"accepted", 35, func(d *dublinDemo, c dublin.CaseRecord) error { _, err := d.accepted(c, 30, 20); return err }},
		{"accepted-by-silence", 75, func(d *dublinDemo, c dublin.CaseRecord) error { _, err := d.send(c, 70); return err }},
		{"refused", 40, func(d *dublinDemo, c dublin.CaseRecord) error {
			r, err := d.send(c, 35)
			if err != nil {
				return err
			}
			return d.reply(r.ID, dublin.Refuse, 5)
		}},
		{"re-examination", 50, func(d *dublinDemo, c dublin.CaseRecord) error {
			r, err := d.send(c, 45)
			if err == nil {
				err = d.reply(r.ID, dublin.Refuse, 10)
			}
			if err == nil {
				_, err = d.svc.RequestReexamination(d.requesting, r.ID, d.ago(3))
			}
			return err
		}},
		{"refused-final", 50, func(d *dublinDemo, c dublin.CaseRecord) error {
			r, err := d.send(c, 45)
			if err == nil {
				err = d.reply(r.ID, dublin.Refuse, 15)
			}
			if err == nil { // within 3 weeks of the refusal (Reg 1560/2003 Art 5(2))
				_, err = d.svc.RequestReexamination(d.requesting, r.ID, d.ago(12))
			}
			if err == nil {
				_, err = d.svc.AnswerReexamination(d.requested, r.ID, dublin.ReplyInput{Decision: dublin.Refuse, On: d.ago(8),
					Reasons: "Confirmed after re-examination (demo)."})
			}
			return err
		}},
		{"transfer-pending", 45, func(d *dublinDemo, c dublin.CaseRecord) error {
			r, err := d.accepted(c, 40, 30)
			if err == nil {
				_, err = d.svc.Transfer(d.requesting, r.ID, dublin.TransferInput{Action: dublin.TransferSchedule, On: tl.AddDays(d.today, 10)})
			}
			return err
		}},
		{"absconded", 45, func(d *dublinDemo, c dublin.CaseRecord) error {
			r, err := d.accepted(c, 40, 30)
			if err == nil {
				err = d.transfer(r.ID, dublin.TransferSchedule, 15)
			}
			if err == nil {
				err = d.transfer(r.ID, dublin.TransferFailed, 14)
			}
			return err
		}},
		{"suspended-by-appeal", 55, func(d *dublinDemo, c dublin.CaseRecord) error {
			r, err := d.accepted(c, 50, 45)
			if err == nil {
				err = d.transfer(r.ID, dublin.TransferSchedule, 25)
			}
			if err == nil {
				_, err = d.svc.RecordEvent(d.requesting, c.ID, dublin.EventInput{Kind: dublin.EvAppeal, On: d.ago(20), Suspensive: true})
			}
			return err
		}},
		{"transferred", 50, func(d *dublinDemo, c dublin.CaseRecord) error {
			r, err := d.accepted(c, 45, 40)
			if err == nil {
				err = d.transfer(r.ID, dublin.TransferSchedule, 20)
			}
			if err == nil {
				err = d.transfer(r.ID, dublin.TransferCarriedOut, 10)
			}
			return err
		}},
		{"expired", 270, func(d *dublinDemo, c dublin.CaseRecord) error { _, err := d.send(c, 265); return err }},
		{"ceased", 60, func(d *dublinDemo, c dublin.CaseRecord) error {
			r, err := d.accepted(c, 50, 40)
			if err == nil {
				err = d.transfer(r.ID, dublin.TransferSchedule, 30)
			}
			if err == nil {
				_, err = d.svc.RecordEvent(d.requesting, c.ID, dublin.EventInput{Kind: dublin.EvLeftTerritory, On: d.ago(2)})
			}
			return err
		}},
	}
}

// demoCase is a case lodged in from after an irregular crossing into to, found by a Eurodac
// category 2 hit: Art 13(1) designates to.
func demoCase(from, to string, lodged dublin.Date, i int) dublin.Case {
	return dublin.Case{
		Applicant:   &dublin.Person{DateOfBirth: tl.AddYears(lodged, -(19 + i%23))},
		Application: dublin.Application{State: from, LodgedOn: lodged},
		Entries:     []dublin.Entry{{Date: tl.AddDays(lodged, -40), State: to, Mode: "irregular_sea"}},
		EurodacHits: []dublin.EurodacHit{{Category: 2, State: to, FingerprintedOn: tl.AddDays(lodged, -39), HitReceivedOn: tl.AddDays(lodged, 1)}},
	}
}

func demoOfficer(ctx context.Context, state string) context.Context {
	user := strings.ToLower(state) + ".dublin"
	return authz.WithPrincipal(ctx, authz.Principal{ID: "demo:" + user, Name: user, Org: state,
		Roles: []authz.Role{authz.RoleDublinOfficer}, Kind: authz.KindUser})
}

// seedDemo opens, for every demo pair, one case in each stage of the procedure, with dates
// counted back from today. A case whose reference exists is left alone.
func (m *dublinModule) seedDemo(ctx context.Context, a *App, progress Progress) error {
	steps := dublinDemoSteps()
	total, done := len(dublinDemoPairs)*len(steps), 0
	for _, pair := range dublinDemoPairs {
		d := &dublinDemo{svc: m.svc, today: m.svc.Today(), requesting: demoOfficer(ctx, pair[0]),
			requested: demoOfficer(ctx, pair[1]), to: pair[1]}
		for i, st := range steps {
			ref := fmt.Sprintf("%s-DEMO-%s-%02d-%s", pair[0], pair[1], i+1, st.name)
			if err := m.seedCase(d, pair[0], ref, st, i); err != nil {
				return fmt.Errorf("dublin demo %s: %w", ref, err)
			}
			done++
			progress("dublin cases", done, total)
		}
	}
	return nil
}

func (m *dublinModule) seedCase(d *dublinDemo, from, ref string, st demoStep, i int) error {
	existing, _, err := m.svc.ListCases(d.requesting, dublin.CaseFilter{ApplicantRef: ref}, "", 1)
	if err != nil || len(existing) > 0 {
		return err
	}
	lodged := d.ago(st.lodgedAgo)
	c, err := m.svc.OpenCase(d.requesting, dublin.NewCase{ApplicantRef: ref, Origin: dublin.OriginEurodacHit,
		Case: demoCase(from, d.to, lodged, i)})
	if err != nil {
		return err
	}
	return st.run(d, c)
}
