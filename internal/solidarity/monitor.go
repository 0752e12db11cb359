package solidarity

import (
	"context"
	"fmt"
	"sort"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/refdata"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// StateProgress is one state's line of the Commission's progress report (COM(2022) 740
// monitors "that commitments are honoured"): its fair share, what it pledged, what was
// matched to it and transferred, and the money committed and paid. Aggregates only.
type StateProgress struct {
	State string   `json:"state"`
	Name  string   `json:"name"`
	Roles []string `json:"roles"`
	// FairShare is the state's part of the cycle's target by the 50/50 key (Art 66).
	FairShare  int     `json:"fair_share"`
	Key        float64 `json:"key"`
	Pledged    int64   `json:"pledged_relocations"`
	Withdrawn  int64   `json:"withdrawn_relocations"`
	Offsets    int64   `json:"offset_relocations"`
	Deductions int64   `json:"deducted_relocations"`
	// Equivalent is the pledge valued in relocations (Pact: money at the cycle's EUR per
	// relocation, and offsets); for 2022 it equals the relocations pledged.
	Equivalent float64 `json:"pledge_equivalent"`
	// ShareMet is Equivalent over (FairShare - Deductions), in percent; 0 without a share.
	ShareMet     float64 `json:"share_met_pct"`
	Matched      int64   `json:"matched_persons"`
	Accepted     int64   `json:"accepted_persons"`
	Transferred  int64   `json:"transferred_persons"`
	Remaining    int64   `json:"remaining_pledge"`
	PledgedEUR   int64   `json:"pledged_eur"`
	CommittedEUR int64   `json:"committed_eur"`
	PaidEUR      int64   `json:"paid_eur"`
	Operational  int     `json:"operational_pledges"`
	Need         int64   `json:"need_relocations"`
	Candidates   int64   `json:"candidates_persons"`
	SentOut      int64   `json:"relocated_out_persons"`
}

// Flow is persons from a beneficiary to a receiving state (matched, accepted or
// transferred); a small flow is suppressed outside the two states.
type Flow struct {
	From        string `json:"from"`
	To          string `json:"to"`
	Persons     int64  `json:"persons"`
	Transferred int64  `json:"transferred"`
	Suppressed  bool   `json:"suppressed,omitempty"`
}

// MonthCount is the persons transferred in a month (YYYY-MM).
type MonthCount struct {
	Month   string `json:"month"`
	Persons int64  `json:"persons"`
}

// Monitoring is the progress of a cycle.
type Monitoring struct {
	Cycle  Cycle           `json:"cycle"`
	States []StateProgress `json:"states"`
	Totals StateProgress   `json:"totals"`
	Flows  []Flow          `json:"flows"`
	Months []MonthCount    `json:"months"`
}

// Monitoring computes the progress of a cycle from the ledger, the candidates and the
// transfers. It holds no personal data.
func (s *Service) Monitoring(ctx context.Context, cycleID string) (Monitoring, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermSolidarityRead); err != nil {
		return Monitoring{}, err
	}
	l, err := loadLedger(ctx, s.db.Reader(), cycleID)
	if err != nil {
		return Monitoring{}, err
	}
	counts, err := stepCounts(ctx, s.db.Reader(), l.Cycle.ID)
	if err != nil {
		return Monitoring{}, err
	}
	m, err := progress(l, counts)
	if err != nil {
		return m, err
	}
	if m.Months, err = monthly(ctx, s.db.Reader(), l.Cycle.ID); err != nil {
		return m, err
	}
	for i, f := range m.Flows {
		if f.Persons < int64(s.smallCount) && p.Org != f.From && p.Org != f.To && p.Kind != authz.KindSystem {
			m.Flows[i] = Flow{From: f.From, To: f.To, Suppressed: true}
		}
	}
	return m, nil
}

// stepCount is persons per beneficiary, receiving state and step.
type stepCount struct {
	owner, matched string
	step           Step
	persons        int64
}

func stepCounts(ctx context.Context, q sqldb.Querier, cycle string) ([]stepCount, error) {
	rows, err := q.QueryContext(ctx, `SELECT owner_org, matched_state, step, SUM(size) FROM solidarity_candidates
		WHERE cycle_id = $1 GROUP BY owner_org, matched_state, step`, cycle)
	if err != nil {
		return nil, fmt.Errorf("solidarity: count candidates: %w", err)
	}
	defer rows.Close()
	var out []stepCount
	for rows.Next() {
		var c stepCount
		var step string
		if err := rows.Scan(&c.owner, &c.matched, &step, &c.persons); err != nil {
			return nil, fmt.Errorf("solidarity: scan counts: %w", err)
		}
		c.step = Step(step)
		out = append(out, c)
	}
	return out, rows.Err()
}

func monthly(ctx context.Context, q sqldb.Querier, cycle string) ([]MonthCount, error) {
	rows, err := q.QueryContext(ctx, `SELECT substr(carried_out_on, 1, 7) AS month, SUM(persons) FROM solidarity_transfers
		WHERE cycle_id = $1 AND status = $2 GROUP BY substr(carried_out_on, 1, 7) ORDER BY month`, cycle, TransferCarriedOut)
	if err != nil {
		return nil, fmt.Errorf("solidarity: monthly transfers: %w", err)
	}
	defer rows.Close()
	var out []MonthCount
	for rows.Next() {
		var m MonthCount
		if err := rows.Scan(&m.Month, &m.Persons); err != nil {
			return nil, fmt.Errorf("solidarity: scan month: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// progress is the pure part of Monitoring, also used by Simulate.
func progress(l Ledger, counts []stepCount) (Monitoring, error) {
	m := Monitoring{Cycle: l.Cycle}
	byState := map[string]*StateProgress{}
	get := func(code string) *StateProgress {
		if sp, ok := byState[code]; ok {
			return sp
		}
		sp := &StateProgress{State: code, Name: stateName(code)}
		byState[code] = sp
		return sp
	}
	var contributors []Participant
	for _, p := range l.Participants {
		sp := get(p.State)
		sp.Roles = append(sp.Roles, p.Role)
		// 2022: each contributor pledges against an indicative target (criterion 3); the
		// Pact's reference key covers every participating Member State (Art 66 Reg.
		// 2024/1351), states under pressure asking for deductions instead.
		if p.Role == RoleContributor || l.Cycle.Regime == RegimePact2024 {
			contributors = append(contributors, participantOf(p.State))
		}
	}
	if len(contributors) > 0 {
		shares, err := FairShares(contributors, int(l.Cycle.RelocationTarget))
		if err != nil {
			return m, fmt.Errorf("solidarity: fair shares of %s: %w", l.Cycle.Code, err)
		}
		for _, fs := range shares {
			get(fs.Code).FairShare, get(fs.Code).Key = fs.Relocations, fs.Key
		}
	}
	addPledges(l, get)
	m.Flows = addCounts(counts, get)
	for _, sp := range byState {
		finish(sp, l.Cycle)
		m.States = append(m.States, *sp)
	}
	sort.Slice(m.States, func(i, j int) bool { return m.States[i].State < m.States[j].State })
	m.Totals = total(m.States, l.Cycle)
	return m, nil
}

// participantOf gives a state's key figures from the reference data (solidarity.md §4).
func participantOf(code string) Participant {
	for _, s := range refdata.States() {
		if s.Code == code {
			return Participant{Code: code, Population: s.Population, GDP: float64(s.GDPMUSD)}
		}
	}
	return Participant{Code: code}
}

func addPledges(l Ledger, get func(string) *StateProgress) {
	for _, pl := range l.Pledges {
		sp := get(pl.State)
		switch {
		case pl.Form == FormRelocation && pl.Status == PledgeWithdrawn:
			sp.Withdrawn += pl.Relocations
		case pl.Form == FormRelocation:
			sp.Pledged += pl.Relocations
		case pl.Form == FormFinancial && pl.Status != PledgeWithdrawn:
			sp.PledgedEUR += pl.AmountEUR
			sp.PaidEUR += pl.PaidEUR
			if pl.Status != PledgePledged {
				sp.CommittedEUR += pl.AmountEUR
			}
		case pl.Form == FormOperational && pl.Status != PledgeWithdrawn:
			sp.Operational++
		}
	}
	for _, n := range l.Needs {
		get(n.State).Need += n.Relocations
	}
	for _, o := range l.Offsets {
		sp := get(o.State)
		eq := o.Relocations
		if l.Cycle.EURPerRelocation > 0 {
			eq += o.AmountEUR / l.Cycle.EURPerRelocation
		}
		if o.Kind == OffsetDeduction {
			sp.Deductions += eq
		} else {
			sp.Offsets += eq
		}
	}
}

func addCounts(counts []stepCount, get func(string) *StateProgress) []Flow {
	flows := map[[2]string]*Flow{}
	for _, c := range counts {
		if c.step != StepWithdrawn {
			get(c.owner).Candidates += c.persons
		}
		if c.matched == "" || (c.step != StepMatched && c.step != StepAccepted && c.step != StepTransferred) {
			continue
		}
		to := get(c.matched)
		to.Matched += c.persons
		switch c.step {
		case StepAccepted:
			to.Accepted += c.persons
		case StepTransferred:
			to.Accepted += c.persons
			to.Transferred += c.persons
			get(c.owner).SentOut += c.persons
		}
		k := [2]string{c.owner, c.matched}
		if flows[k] == nil {
			flows[k] = &Flow{From: c.owner, To: c.matched}
		}
		flows[k].Persons += c.persons
		if c.step == StepTransferred {
			flows[k].Transferred += c.persons
		}
	}
	out := make([]Flow, 0, len(flows))
	for _, f := range flows {
		out = append(out, *f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].From+out[i].To < out[j].From+out[j].To })
	return out
}

// finish derives the ratios: the pledge is honoured by transfers (a transfer carried out
// is deducted from the pledge); Pact money counts at the cycle's EUR per relocation.
func finish(sp *StateProgress, c Cycle) {
	sp.Remaining = max(0, sp.Pledged-sp.Transferred)
	sp.Equivalent = float64(sp.Pledged + sp.Offsets)
	if c.EURPerRelocation > 0 {
		sp.Equivalent += float64(sp.PledgedEUR) / float64(c.EURPerRelocation)
	}
	if due := int64(sp.FairShare) - sp.Deductions; due > 0 {
		sp.ShareMet = 100 * sp.Equivalent / float64(due)
	}
}

func total(states []StateProgress, c Cycle) StateProgress {
	t := StateProgress{State: "ALL", Name: "All participants"}
	for _, s := range states {
		t.FairShare += s.FairShare
		t.Pledged += s.Pledged
		t.Withdrawn += s.Withdrawn
		t.Offsets += s.Offsets
		t.Deductions += s.Deductions
		t.Matched += s.Matched
		t.Accepted += s.Accepted
		t.Transferred += s.Transferred
		t.PledgedEUR += s.PledgedEUR
		t.CommittedEUR += s.CommittedEUR
		t.PaidEUR += s.PaidEUR
		t.Operational += s.Operational
		t.Need += s.Need
		t.Candidates += s.Candidates
		t.SentOut += s.SentOut
	}
	finish(&t, c)
	return t
}
