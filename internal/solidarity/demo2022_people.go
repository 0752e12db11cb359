package solidarity

import (
	"context"
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// demoNationalities are the nationalities disembarked in each beneficiary state, with
// their languages (synthetic mix).
func demoNationalities(state string) [][2]string {
	switch state {
	case "IT":
		return [][2]string{{"TN", "ar"}, {"BD", "bn"}, {"EG", "ar"}, {"CI", "fr"}, {"GN", "fr"}}
	case "GR":
		return [][2]string{{"AF", "fa"}, {"SY", "ar"}, {"SO", "so"}, {"IQ", "ar"}}
	case "CY":
		return [][2]string{{"SY", "ar"}, {"CD", "fr"}, {"CM", "fr"}, {"NG", "en"}}
	case "MT":
		return [][2]string{{"SD", "ar"}, {"ER", "ti"}, {"BD", "bn"}}
	}
	return [][2]string{{"MA", "ar"}, {"ML", "fr"}, {"SN", "fr"}}
}

// demoHousehold draws a synthetic household: one to five members, one in twelve an
// unaccompanied minor, some with medical needs, a family link now and then.
func demoHousehold(i int, state string) (string, Profile) {
	x := demoHash("household", i)
	nats := demoNationalities(state)
	nat := nats[x%uint64(len(nats))]
	var p Profile
	if x>>8%12 == 0 {
		p.Members = []Member{{AgeGroup: "0-17", Sex: "M", Languages: []string{nat[1]}, UnaccompaniedMinor: true}}
		p.VulnerabilityFlags = []string{"unaccompanied_minor"}
		return nat[0], p
	}
	size := 1 + int(x>>12%5)
	edus := []string{"none", "primary", "secondary", "tertiary"}
	ages := []string{"18-25", "26-45", "26-45", "46-64"}
	for k := 0; k < size; k++ {
		y := demoHash("member", i, k)
		m := Member{Sex: []string{"F", "M"}[y%2], Languages: []string{nat[1]}}
		if k < 2 {
			m.AgeGroup = ages[y>>4%4]
			e := edus[y>>8%4]
			m.Education = &e
		} else {
			m.AgeGroup = "0-17"
		}
		if y>>12%9 == 0 {
			m.Languages = append(m.Languages, "en")
		}
		m.MedicalNeeds = y>>16%15 == 0
		p.Members = append(p.Members, m)
	}
	if x>>20%10 == 0 {
		p.FamilyLinkState = []string{"DE", "FR", "NL"}[x>>24%3]
	}
	return nat[0], p
}

// seedCandidates proposes the households and takes most through the steps before
// matching: identified in July 2022, informed and interviewed by EUAA, security-checked by
// the beneficiary state; one in ten stops earlier, one in twenty withdraws.
func (s *Service) seedCandidates(ctx context.Context, cycle string, n int, progress func(done, total int)) ([]string, error) {
	var ids []string
	benef := Demo2022Beneficiaries()
	euaa := coordinatorCtx(ctx, EUAA)
	for i := 0; i < n; i++ {
		state := benef[i%len(benef)]
		own := stateCtx(ctx, state)
		nat, prof := demoHousehold(i, state)
		start := demoDay("2022-07-01", i%14)
		c, err := s.ProposeCandidate(own, CandidateInput{CycleID: cycle, Ref: fmt.Sprintf("%s-2022-%04d", state, i+1),
			Nationality: nat, Profile: prof, IdentifiedOn: start})
		if err != nil {
			return nil, fmt.Errorf("demo: candidate %d: %w", i, err)
		}
		x := demoHash("steps", i)
		steps := 4
		if x%10 == 0 {
			steps = int(x >> 8 % 4)
		}
		plan := []struct {
			ctx  context.Context
			step Step
			days int
		}{{euaa, StepInformed, 2}, {own, StepConsented, 4}, {euaa, StepInterviewed, 7}, {own, StepSecurityChecked, 14}}
		for k, st := range plan {
			if k >= steps {
				break
			}
			if _, err := s.Advance(st.ctx, c.ID, StepInput{Step: st.step, On: demoDay(start, st.days)}); err != nil {
				return nil, fmt.Errorf("demo: candidate %d %s: %w", i, st.step, err)
			}
		}
		if x>>16%20 == 0 {
			if _, err := s.Advance(own, c.ID, StepInput{Step: StepWithdrawn, On: demoDay(start, 20), Note: "withdrew consent"}); err != nil {
				return nil, fmt.Errorf("demo: candidate %d withdrawn: %w", i, err)
			}
		}
		ids = append(ids, c.ID)
		if progress != nil {
			progress(i+1, n)
		}
	}
	return ids, nil
}

// seedRound runs the matching on 1 August 2022 and accepts it; the receiving states accept
// most households and transfers follow from mid-August, a few failing or still scheduled.
func (s *Service) seedRound(ctx, ec context.Context, cycle string, _ []string) error {
	// A small floor spreads the households over more receiving states; when the demo has
	// too few households for it, the run goes without.
	out, err := s.StartRun(ec, cycle, RunInput{TimeLimit: 5, FloorFraction: 0.02})
	if e, ok := errs.As(err); ok && e.Kind == errs.KindInvalid {
		out, err = s.StartRun(ec, cycle, RunInput{TimeLimit: 5})
	}
	if err != nil {
		return fmt.Errorf("demo: matching run: %w", err)
	}
	if _, err := s.AcceptRun(ec, out.Run.ID, "2022-08-01"); err != nil {
		return fmt.Errorf("demo: accept run: %w", err)
	}
	matched, err := listCandidates(ctx, s.db.Reader(), CandidateFilter{CycleID: cycle, Step: StepMatched}, "", 0)
	if err != nil {
		return err
	}
	for i, c := range matched {
		x := demoHash("transfer", c.Ref)
		if x%8 == 0 {
			continue // still awaiting the receiving state's answer
		}
		recv := stateCtx(ctx, c.MatchedState)
		if _, err := s.Advance(recv, c.ID, StepInput{Step: StepAccepted, On: demoDay("2022-08-03", i%5)}); err != nil {
			return fmt.Errorf("demo: accept %s: %w", c.Ref, err)
		}
		t, err := s.ScheduleTransfer(stateCtx(ctx, c.OwnerOrg), c.ID, demoDay("2022-08-16", i%60))
		if err != nil {
			return fmt.Errorf("demo: schedule %s: %w", c.Ref, err)
		}
		a := TransferAction{Action: "carry_out", On: t.ScheduledOn}
		switch x >> 8 % 10 {
		case 0:
			continue // scheduled, not yet carried out
		case 1:
			a = TransferAction{Action: "fail", On: t.ScheduledOn, Reason: "flight cancelled"}
		}
		if _, err := s.ActOnTransfer(stateCtx(ctx, c.OwnerOrg), t.ID, a); err != nil {
			return fmt.Errorf("demo: transfer %s: %w", c.Ref, err)
		}
	}
	return nil
}
