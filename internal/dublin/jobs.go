package dublin

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/jobs"
	tl "github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// Job kinds of the deadline monitor.
const (
	// JobDeadline re-evaluates a case on the first day after one of its limits ran out and
	// records what the law makes of the silence: implicit acceptance (Arts 22(7), 25(2)),
	// the shift of responsibility (Art 29(2)), the end of a re-examination (C-47/17), a
	// request period missed (Art 21(1)).
	JobDeadline = "dublin.deadline"
	// JobReminder puts a reminder in the inbox of the state that must act, 7 days and 1 day
	// before a limit.
	JobReminder = "dublin.reminder"
	// JobSweep re-evaluates every open case once a day, a safety net for missed jobs.
	JobSweep = "dublin.sweep"
)

// ReminderDays are how many days before a deadline the reminders go out.
var reminderDays = [...]int{7, 1}

type deadlineJob struct {
	CaseID string `json:"case_id"`
	Kind   string `json:"kind"`
	Date   Date   `json:"date"`
	Days   int    `json:"days,omitempty"`
}

// schedule (re)schedules the reminders and the deadline check of every open limit. Jobs of
// limits that closed stay scheduled and find nothing to do; handlers are idempotent.
func (s *Service) schedule(ctx context.Context, tx *sql.Tx, r *CaseRecord) error {
	if s.jobs == nil {
		return nil
	}
	now := s.clock.Now()
	for _, d := range r.Deadlines {
		for _, n := range reminderDays {
			at := tl.AddDays(d.Date, -n).Time()
			if !at.After(now) {
				continue
			}
			key := fmt.Sprintf("%s/%s/%d", r.ID, d.Kind, n)
			if err := s.jobs.Schedule(ctx, tx, JobReminder, key, at, deadlineJob{r.ID, d.Kind, d.Date, n}); err != nil {
				return err
			}
		}
		// The first moment after the last day: a step on the last day is still in time (Art 42).
		at := tl.AddDays(d.Date, 1).Time()
		if err := s.jobs.Schedule(ctx, tx, JobDeadline, r.ID+"/"+d.Kind, at, deadlineJob{r.ID, d.Kind, d.Date, 0}); err != nil {
			return err
		}
	}
	return nil
}

// HandleJobs registers the deadline monitor's handlers on q.
func (s *Service) HandleJobs(ctx context.Context, q *jobs.Queue, every jobs.Recurring) error {
	q.Handle(JobDeadline, func(ctx context.Context, j jobs.Job) error {
		var p deadlineJob
		if err := json.Unmarshal(j.Payload, &p); err != nil {
			return fmt.Errorf("dublin: deadline job payload: %w", err)
		}
		return s.CheckCase(ctx, p.CaseID)
	})
	q.Handle(JobReminder, func(ctx context.Context, j jobs.Job) error {
		var p deadlineJob
		if err := json.Unmarshal(j.Payload, &p); err != nil {
			return fmt.Errorf("dublin: reminder job payload: %w", err)
		}
		return s.Remind(ctx, p.CaseID, p.Kind, p.Date)
	})
	every.Kind = JobSweep
	return q.HandleRecurring(ctx, every, func(ctx context.Context, _ jobs.Job) error {
		_, err := s.Sweep(ctx)
		return err
	})
}

// Sweep checks every open case; it returns how many changed stage.
func (s *Service) Sweep(ctx context.Context) (int, error) {
	ids, err := openCaseIDs(ctx, s.db.Reader())
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range ids {
		changed, err := s.checkCase(ctx, id)
		if err != nil {
			return n, err
		}
		if changed {
			n++
		}
	}
	return n, nil
}

// CheckCase re-evaluates a case on today as the system and records a change of stage that
// the passing of time brought about, notifying both states.
func (s *Service) CheckCase(ctx context.Context, id string) error {
	_, err := s.checkCase(ctx, id)
	return err
}

func (s *Service) checkCase(ctx context.Context, id string) (bool, error) {
	ctx = authz.WithPrincipal(ctx, authz.System(JobDeadline))
	changed := false
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		r, err := lockedCase(ctx, tx, id)
		if err != nil {
			return err
		}
		req, err := s.loadActive(ctx, tx, &r)
		if err != nil {
			return err
		}
		before := r.Stage
		today := s.Today()
		if r.Case.Procedure == nil && r.closedStage == "" && before == Determining {
			if day := requestDeadlineOf(&r); !day.IsZero() && tl.Expired(day, today) {
				r.closedStage = ResponsibleSelf // Art 21(1) third subparagraph, Art 23(3)
			}
		}
		if _, err := s.save(ctx, tx, &r, req); err != nil {
			return err
		}
		if r.Stage == before {
			return nil
		}
		changed = true
		return s.recordLapse(ctx, tx, &r, req, before)
	})
	return changed, err
}

// requestDeadlineOf is the request limit of a case without a request.
func requestDeadlineOf(r *CaseRecord) Date {
	if r.ResponsibleState == "" || r.ResponsibleState == r.OwnerOrg {
		return Date{}
	}
	_, day := prospectiveRequest(r)
	return day
}

// recordLapse writes the event, the audit entry and the notifications of a change of stage
// caused by a limit running out.
func (s *Service) recordLapse(ctx context.Context, tx *sql.Tx, r *CaseRecord, req *Request, before State) error {
	kind, on := "stage_changed", s.Today()
	d := r.Determination
	switch r.Stage {
	case AcceptedImplicit:
		kind, on = string(EvReplyDeadlinePassed), d.AcceptanceDate
	case Expired:
		kind = string(EvTransferPeriodLapsed)
	case RefusedFinal:
		kind = string(EvReexamClosed)
	case ResponsibleSelf:
		kind = string(EvDeterminedSelf)
	}
	detail := map[string]any{"from": before, "to": r.Stage, "responsible_state": r.ResponsibleState, "basis": r.Basis}
	if err := s.event(ctx, tx, r, kind, on, detail); err != nil {
		return err
	}
	if err := s.record(ctx, tx, "dublin.case.stage", r, detail); err != nil {
		return err
	}
	title := fmt.Sprintf("Dublin case %s: %s (%s)", r.ApplicantRef, stageText(r.Stage), r.Basis)
	if err := s.outbox.Notify(ctx, tx, TopicDeadlinePassed, r.OwnerOrg, r.ID, title, caseLinkPrefix+r.ID,
		map[string]any{"case_id": r.ID, "stage": r.Stage, "responsible_state": r.ResponsibleState}); err != nil {
		return err
	}
	if req == nil {
		return nil
	}
	return s.outbox.Notify(ctx, tx, TopicDeadlinePassed, req.RequestedState, req.ID, title, requestLinkPrefix+req.ID, shared(req))
}

func stageText(s State) string {
	switch s {
	case AcceptedImplicit:
		return "request accepted by silence (Arts 22(7), 25(2))"
	case Expired:
		return "transfer period lapsed, responsibility shifted (Art 29(2))"
	case RefusedFinal:
		return "refusal final"
	case ResponsibleSelf:
		return "request period missed, own state responsible"
	}
	return string(s)
}

// Remind notifies the state that must act that the limit kind of the case ends on day,
// unless the limit has moved or closed since the reminder was scheduled.
func (s *Service) Remind(ctx context.Context, caseID, kind string, day Date) error {
	ctx = authz.WithPrincipal(ctx, authz.System(JobReminder))
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		r, err := lockedCase(ctx, tx, caseID)
		if err != nil {
			return err
		}
		req, err := s.loadActive(ctx, tx, &r)
		if err != nil {
			return err
		}
		derive(&r, req, s.Today())
		for _, d := range r.Deadlines {
			if d.Kind != kind || d.Date != day {
				continue
			}
			title := fmt.Sprintf("Dublin deadline: %s for %s ends on %s (%d days left, %s)", kind, r.ApplicantRef, day, d.DaysLeft, d.Article)
			subject, link := r.ID, caseLinkPrefix+r.ID
			if req != nil && d.Party != r.OwnerOrg {
				subject, link = req.ID, requestLinkPrefix+req.ID // the other state never sees the case id
			}
			return s.outbox.Notify(ctx, tx, TopicDeadlineReminder, d.Party, subject, title, link,
				map[string]any{"kind": kind, "date": day, "days_left": d.DaysLeft})
		}
		return nil
	})
}
