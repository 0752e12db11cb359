package dublin

import (
	"context"
	"fmt"
	"sort"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	tl "github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// SmallCount is the default threshold below which a non-zero count is suppressed for callers
// outside the two states of a pair: aggregates must not single out a person.
const SmallCount = 5

// PairStats are the aggregates of the requests from one state to another. A nil count was
// suppressed (between 1 and the threshold minus 1, and the caller is neither of the two states).
type PairStats struct {
	RequestingState      string   `json:"requesting_state"`
	RequestedState       string   `json:"requested_state"`
	Requests             *int     `json:"requests"`
	Acceptances          *int     `json:"acceptances"`
	Refusals             *int     `json:"refusals"`
	ImplicitAcceptances  *int     `json:"implicit_acceptances"`
	Transfers            *int     `json:"transfers"`
	TransferRate         *float64 `json:"transfer_rate"`
	Suppressed           bool     `json:"suppressed,omitempty"`
	acc, ref, imp, trans int
	requests             int
}

// Stats returns the request aggregates per state pair (requests, explicit and implicit
// acceptances, refusals, transfers and the share of requests that ended in a transfer).
// They carry no personal data; small counts are suppressed outside the pair.
func (s *Service) Stats(ctx context.Context) ([]PairStats, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermDublinStats); err != nil {
		return nil, err
	}
	rows, err := pairCounts(ctx, s.db.Reader())
	if err != nil {
		return nil, err
	}
	for i := range rows {
		own := p.Org == rows[i].RequestingState || p.Org == rows[i].RequestedState || p.Kind == authz.KindSystem
		rows[i].publish(own, s.smallCount)
	}
	return rows, nil
}

// publish fills the exported counts, suppressing small ones unless own.
func (ps *PairStats) publish(own bool, small int) {
	show := func(n int) *int {
		if !own && n > 0 && n < small {
			ps.Suppressed = true
			return nil
		}
		return &n
	}
	ps.Requests, ps.Acceptances, ps.Refusals = show(ps.requests), show(ps.acc), show(ps.ref)
	ps.ImplicitAcceptances, ps.Transfers = show(ps.imp), show(ps.trans)
	if ps.Requests != nil && ps.Transfers != nil && ps.requests > 0 {
		rate := float64(ps.trans) / float64(ps.requests)
		ps.TransferRate = &rate
	}
}

func pairCounts(ctx context.Context, q sqldb.Querier) ([]PairStats, error) {
	rows, err := q.QueryContext(ctx, `SELECT requesting_state, requested_state, COUNT(*),
		SUM(CASE WHEN acceptance_date IS NOT NULL AND implicit_acceptance = FALSE THEN 1 ELSE 0 END),
		SUM(CASE WHEN reply_decision = 'refuse' AND implicit_acceptance = FALSE THEN 1 ELSE 0 END),
		SUM(CASE WHEN implicit_acceptance = TRUE THEN 1 ELSE 0 END),
		SUM(CASE WHEN transfer_status = 'carried_out' THEN 1 ELSE 0 END)
		FROM dublin_requests GROUP BY requesting_state, requested_state ORDER BY requesting_state, requested_state`)
	if err != nil {
		return nil, fmt.Errorf("dublin: stats: %w", err)
	}
	defer rows.Close()
	var out []PairStats
	for rows.Next() {
		var ps PairStats
		if err := rows.Scan(&ps.RequestingState, &ps.RequestedState, &ps.requests, &ps.acc, &ps.ref, &ps.imp, &ps.trans); err != nil {
			return nil, fmt.Errorf("dublin: stats: %w", err)
		}
		out = append(out, ps)
	}
	return out, rows.Err()
}

// CalendarItem is one deadline in a unit's calendar.
type CalendarItem struct {
	Date         Date   `json:"date"`
	Kind         string `json:"kind"`
	DaysLeft     int    `json:"days_left"`
	ApplicantRef string `json:"applicant_ref"`
	// Href is the page where the unit acts: its case, or the request it received.
	Href string `json:"href"`
	// Incoming is true for a reply the unit owes to another state.
	Incoming bool   `json:"incoming"`
	Other    string `json:"other_state,omitempty"`
}

// Calendar lists the caller's deadlines from today for days days: the next limit of each of
// its open cases and the replies it owes on requests it received, earliest first.
func (s *Service) Calendar(ctx context.Context, days int) ([]CalendarItem, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermDublinRead); err != nil {
		return nil, err
	}
	if days <= 0 || days > 366 {
		days = 90
	}
	today := s.Today()
	until := tl.AddDays(today, days)
	items, err := calendarRows(ctx, s.db.Reader(), p.Org, today, until)
	if err != nil {
		return nil, err
	}
	for i := range items {
		items[i].DaysLeft = today.DaysUntil(items[i].Date)
	}
	return items, nil
}

func calendarRows(ctx context.Context, q sqldb.Querier, org string, from, until Date) ([]CalendarItem, error) {
	rows, err := q.QueryContext(ctx, `SELECT next_deadline, next_deadline_kind, applicant_ref, id, FALSE, '' FROM dublin_cases
		WHERE owner_org = $1 AND next_deadline >= $2 AND next_deadline <= $3
		UNION ALL
		SELECT reply_deadline, 'reply', applicant_ref, id, TRUE, requesting_state FROM dublin_requests
		WHERE requested_state = $1 AND active = TRUE AND status = 'REQUEST_SENT' AND reply_deadline >= $2 AND reply_deadline <= $3
		UNION ALL
		SELECT r.reexam_requested_on, 're_examination_answer', r.applicant_ref, r.id, TRUE, r.requesting_state FROM dublin_requests r
		WHERE r.requested_state = $1 AND r.active = TRUE AND r.status = 'REEXAM_REQUESTED'
		ORDER BY 1, 3`, org, from, until)
	if err != nil {
		return nil, fmt.Errorf("dublin: calendar: %w", err)
	}
	defer rows.Close()
	var out []CalendarItem
	for rows.Next() {
		var it CalendarItem
		var id string
		if err := rows.Scan(&it.Date, &it.Kind, &it.ApplicantRef, &id, &it.Incoming, &it.Other); err != nil {
			return nil, fmt.Errorf("dublin: calendar: %w", err)
		}
		if it.Kind == DeadlineReexamAnswer {
			it.Date = tl.AddWeeks(it.Date, 2) // Reg 1560/2003 Art 5(2)
			if it.Date.Before(from) {
				continue
			}
		}
		it.Href = caseLinkPrefix + id
		if it.Incoming {
			it.Href = requestLinkPrefix + id
		}
		out = append(out, it)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out, rows.Err()
}
