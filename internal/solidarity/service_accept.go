package solidarity

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"sort"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// AcceptRun adopts a proposed run: every placed candidate still ready becomes matched to
// its place's state, the other proposed runs of the cycle are superseded, and each receiving
// state is notified with the number of households and persons proposed to it. A candidate
// who moved on since the run (withdrew, was matched elsewhere) is skipped and counted.
func (s *Service) AcceptRun(ctx context.Context, id, on string) (AcceptOutcome, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermSolidarityMatch); err != nil {
		return AcceptOutcome{}, err
	}
	if on == "" {
		on = s.Today()
	}
	var v errs.Validation
	checkDate(&v, "on", on)
	if err := v.Err(); err != nil {
		return AcceptOutcome{}, err
	}
	var out AcceptOutcome
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		r, err := getRun(ctx, tx, id)
		if err != nil {
			return err
		}
		if r.Status != RunProposed {
			return errs.Conflict("solidarity: run %s is %s", id, r.Status)
		}
		inst, err := DecodeInstance(bytes.NewReader(r.Instance))
		if err != nil {
			return fmt.Errorf("solidarity: run %s instance: %w", id, err)
		}
		if out, err = s.applyRun(ctx, tx, &r, inst, on); err != nil {
			return err
		}
		now := sqldb.UTC(s.clock.Now())
		r.Status, r.AcceptedBy, r.AcceptedAt = RunAccepted, p.ID, &now
		if err := setRunStatus(ctx, tx, &r); err != nil {
			return err
		}
		if err := supersedeRuns(ctx, tx, r.CycleID, r.ID); err != nil {
			return err
		}
		out.Run = r.ID
		if err := s.notifyReceiving(ctx, tx, &r, out.PerState); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "solidarity.run.accept", ObjectType: "solidarity_run", ObjectID: r.ID,
			OwnerOrg: p.Org, Detail: map[string]any{"matched": out.Matched, "skipped": out.Skipped}})
	})
	return out, err
}

// AcceptOutcome reports what accepting a run changed.
type AcceptOutcome struct {
	Run      string            `json:"run"`
	Matched  int               `json:"matched"`
	Skipped  int               `json:"skipped"`
	PerState []StateAllocation `json:"per_state"`
}

// StateAllocation is what one receiving state was proposed.
type StateAllocation struct {
	State      string `json:"state"`
	Households int    `json:"households"`
	Persons    int    `json:"persons"`
}

func (s *Service) applyRun(ctx context.Context, tx *sql.Tx, r *Run, inst *Instance, on string) (AcceptOutcome, error) {
	var out AcceptOutcome
	per := map[string]*StateAllocation{}
	for i, b := range r.Result.Solution.Assignment {
		if b < 0 {
			continue
		}
		c, err := getCandidate(ctx, tx, inst.Cases[i].ID)
		if err != nil {
			return out, err
		}
		if c.Step != StepSecurityChecked {
			out.Skipped++
			continue
		}
		place := inst.Places[b]
		c.MatchedState, c.MatchedPlace, c.RunID = place.State, place.ID, r.ID
		if err := s.step(ctx, tx, &c, StepInput{Step: StepMatched, On: maxDate(on, c.StepOn), Note: "run " + r.ID}); err != nil {
			return out, err
		}
		a := per[place.State]
		if a == nil {
			a = &StateAllocation{State: place.State}
			per[place.State] = a
		}
		a.Households++
		a.Persons += c.Size
		out.Matched++
	}
	for _, a := range per {
		out.PerState = append(out.PerState, *a)
	}
	sort.Slice(out.PerState, func(i, j int) bool { return out.PerState[i].State < out.PerState[j].State })
	return out, nil
}

func (s *Service) notifyReceiving(ctx context.Context, tx *sql.Tx, r *Run, per []StateAllocation) error {
	for _, a := range per {
		title := fmt.Sprintf("Relocation: %d households (%d persons) matched to your state", a.Households, a.Persons)
		err := s.outbox.Notify(ctx, tx, TopicMatched, a.State, r.ID, title, "/solidarity/candidates?incoming=1",
			map[string]any{"run": r.ID, "households": a.Households, "persons": a.Persons})
		if err != nil {
			return err
		}
	}
	return nil
}

func maxDate(a, b string) string {
	if a > b {
		return a
	}
	return b
}
