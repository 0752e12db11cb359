package awareness

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// Job kinds the app registers (recurring).
const (
	// JobEvaluate evaluates the enabled rules on data imported since the last run.
	JobEvaluate = "awareness.evaluate"
	// JobFeeds pulls the aggregates other modules publish (Feed).
	JobFeeds = "awareness.feeds"
)

// notifyDays bounds which raised alerts are sent to inboxes and webhooks: an alert for a week
// that ended more than four weeks ago (history loaded late, a backfill) is stored and listed
// but not pushed, so loading years of data does not flood the network with old news.
const notifyDays = 28

// Evaluation is what one run of the evaluation job did.
type Evaluation struct {
	From     Date `json:"from"` // first week end evaluated; zero when there was nothing new
	Rules    int  `json:"rules"`
	Raised   int  `json:"raised"`
	Notified int  `json:"notified"`
}

// Evaluate runs every enabled rule over the weeks that data imported since the last run can
// have changed (rules only look back, so weeks ending before the earliest new period are
// unchanged), stores each new alert once, and notifies the rule's organisations of recent
// ones through the outbox (inbox and webhook topic awareness.alert). Jobs call it as the
// system; it is idempotent.
func (s *Service) Evaluate(ctx context.Context) (Evaluation, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermAwarenessIngest); err != nil && !p.Can(authz.PermAwarenessManage) {
		return Evaluation{}, err // the job (system) and coordinators (manage) may run it
	}
	var mark string
	if err := s.db.Reader().QueryRowContext(ctx, `SELECT dirty_from FROM awareness_eval WHERE id = 1`).Scan(&mark); err != nil {
		return Evaluation{}, fmt.Errorf("awareness: read evaluation mark: %w", err)
	}
	if mark == "" {
		return Evaluation{}, nil
	}
	from, err := ParseDate(mark)
	if err != nil {
		return Evaluation{}, fmt.Errorf("awareness: evaluation mark %q: %w", mark, err)
	}
	obs, err := s.allObservations(ctx)
	if err != nil {
		return Evaluation{}, err
	}
	rules, err := s.rules(ctx, s.db.Reader(), "")
	if err != nil {
		return Evaluation{}, err
	}
	ev := Evaluation{From: from}
	today := DateOf(s.clock.Now())
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		ev.Rules, ev.Raised, ev.Notified = 0, 0, 0
		for _, r := range rules {
			if !r.Enabled {
				continue
			}
			ev.Rules++
			for _, a := range BacktestAlerts(r.Rule, obs, from, today) {
				if err := s.raise(ctx, tx, r, a, today, &ev); err != nil {
					return err
				}
			}
		}
		// Clear the mark only if no import lowered it meanwhile; that data is evaluated next run.
		_, err := tx.ExecContext(ctx, `UPDATE awareness_eval SET dirty_from = '' WHERE id = 1 AND dirty_from = $1`, mark)
		return err
	})
	if err != nil {
		return Evaluation{}, fmt.Errorf("awareness: evaluate: %w", err)
	}
	return ev, nil
}

// raise stores a and, when it is new and recent, notifies the rule's organisations.
func (s *Service) raise(ctx context.Context, tx *sql.Tx, r RuleConfig, a Alert, today Date, ev *Evaluation) error {
	id, fresh, err := insertAlert(ctx, tx, a, sqldb.UTC(s.clock.Now()))
	if err != nil || !fresh {
		return err
	}
	ev.Raised++
	if err := s.audit.Record(ctx, tx, audit.Event{Action: "awareness.alert.raise", ObjectType: "awareness_alert",
		ObjectID: id, OwnerOrg: "", Detail: map[string]any{"rule_id": a.RuleID, "week_end": a.Week.End.String(), "value": a.Value}}); err != nil {
		return err
	}
	if a.Week.End < today.AddDays(-notifyDays) {
		return nil
	}
	payload := StoredAlert{ID: id, Alert: a}
	for _, org := range r.Notify {
		title := fmt.Sprintf("Early warning: %s — %s", a.RuleName, a.Message)
		if err := s.outbox.Notify(ctx, tx, TopicAlert, org, id, title, "/awareness/alerts", payload); err != nil {
			return err
		}
		ev.Notified++
	}
	return nil
}

// PullFeeds ingests the current aggregates of every feed (the subscriptions to other
// modules' aggregates). A failing feed does not stop the others; their errors are joined.
func (s *Service) PullFeeds(ctx context.Context, feeds []Feed) (ImportResult, error) {
	var total ImportResult
	var errList []error
	for _, f := range feeds {
		obs, err := f.Observations(ctx)
		if err != nil {
			errList = append(errList, fmt.Errorf("awareness: feed %s: %w", f.Name(), err))
			continue
		}
		res, err := s.IngestResult(ctx, obs)
		if err != nil {
			errList = append(errList, fmt.Errorf("awareness: feed %s: %w", f.Name(), err))
			continue
		}
		total.Accepted += res.Accepted
		total.Rejected += res.Rejected
		total.Errors = append(total.Errors, res.Errors...)
		total.Inserted += res.Inserted
		total.Unchanged += res.Unchanged
		total.Revised += res.Revised
	}
	return total, errors.Join(errList...)
}
