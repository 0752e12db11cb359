package solidarity

import (
	"context"
	"fmt"
	"hash/fnv"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// Demo2022Code is the code of the demo's 2022 cycle.
const Demo2022Code = "VSM-2022"

// Demo2022Signatories are the signatories of the Solidarity Declaration of 22 June 2022
// (solidarity.md §1): 18 Member States and NO, CH, LI; Greece as GR.
func Demo2022Signatories() []string {
	return []string{"BE", "BG", "CY", "CZ", "DE", "GR", "ES", "FI", "FR", "HR", "IE", "IT", "LT", "LU", "MT", "NL",
		"PT", "RO", "NO", "CH", "LI"}
}

// Demo2022Beneficiaries are the first-entry states relocations left from in practice.
func Demo2022Beneficiaries() []string { return []string{"IT", "ES", "MT", "CY", "GR"} }

// demoPledge is a relocation pledge of the demo; only DE 3,500 and FR 3,000 were published
// (Solidarity Platform, 27 June 2022), the others are synthetic so that 13 states pledge
// about 8,000 relocations as EUAA counted.
type demoPledge struct {
	state     string
	persons   int64
	synthetic bool
}

func demo2022Relocations() []demoPledge {
	return []demoPledge{{"DE", 3500, false}, {"FR", 3000, false}, {"PT", 350, true}, {"NL", 300, true}, {"IE", 200, true},
		{"BE", 150, true}, {"NO", 150, true}, {"BG", 100, true}, {"FI", 100, true}, {"RO", 100, true}, {"HR", 60, true},
		{"LT", 50, true}, {"LU", 50, true}}
}

// SeedDemo2022 loads the 2022 cycle: signatories, pledges (published where known, else
// marked synthetic), the beneficiaries' needs, synthetic candidates in IT, GR, CY, MT and
// ES taken through their steps, one accepted matching run and transfers from August 2022.
// It does nothing when the cycle exists.
func (s *Service) SeedDemo2022(ctx context.Context, households int, progress func(done, total int)) error {
	if _, err := getCycle(ctx, s.db.Reader(), Demo2022Code); err == nil {
		return nil
	} else if e, ok := errs.As(err); !ok || e.Kind != errs.KindNotFound {
		return err
	}
	ec := coordinatorCtx(ctx, "EC")
	c, err := s.CreateCycle(ec, Cycle{Code: Demo2022Code, Name: "Voluntary Solidarity Mechanism 2022 (Solidarity Declaration of 22 June 2022)",
		Regime: RegimeVSM2022, StartsOn: "2022-06-22", EndsOn: "2023-06-21", RelocationTarget: DefaultVSM2022Target})
	if err != nil {
		return fmt.Errorf("demo: 2022 cycle: %w", err)
	}
	if err := s.seedLedger2022(ec, c.ID); err != nil {
		return err
	}
	ids, err := s.seedCandidates(ctx, c.ID, households, progress)
	if err != nil {
		return err
	}
	return s.seedRound(ctx, ec, c.ID, ids)
}

func coordinatorCtx(ctx context.Context, org string) context.Context {
	return authz.WithPrincipal(ctx, authz.Principal{ID: "demo-" + org, Name: org + " coordinator (demo)", Org: org,
		Roles: []authz.Role{authz.RoleCoordinator}, Kind: authz.KindUser})
}

func stateCtx(ctx context.Context, org string) context.Context {
	return authz.WithPrincipal(ctx, authz.Principal{ID: "demo-" + org, Name: org + " reception (demo)", Org: org,
		Roles: []authz.Role{authz.RoleReceptionCoordinator}, Kind: authz.KindUser})
}

func (s *Service) seedLedger2022(ec context.Context, cycle string) error {
	benef := map[string]bool{}
	for _, b := range Demo2022Beneficiaries() {
		benef[b] = true
	}
	for _, st := range Demo2022Signatories() {
		role := RoleContributor
		if benef[st] {
			role = RoleBeneficiary
		}
		if err := s.Join(ec, cycle, ParticipantInput{State: st, Role: role, JoinedOn: "2022-06-22"}); err != nil {
			return fmt.Errorf("demo: join %s: %w", st, err)
		}
	}
	for _, p := range demo2022Relocations() {
		in := PledgeInput{State: p.state, Form: FormRelocation, Relocations: p.persons, Synthetic: p.synthetic, PledgedOn: "2022-06-27",
			Detail: PledgeDetail{Places: demoRegions(p.state, p.persons)}}
		if p.state == "IE" {
			in.Detail.Preferences.VulnerableOnly = true
		}
		if _, err := s.RecordPledge(ec, cycle, in); err != nil {
			return fmt.Errorf("demo: pledge %s: %w", p.state, err)
		}
	}
	for _, f := range []struct {
		state string
		eur   int64
	}{{"CZ", 5_000_000}, {"CH", 20_000_000}, {"LI", 500_000}} {
		pl, err := s.RecordPledge(ec, cycle, PledgeInput{State: f.state, Form: FormFinancial, AmountEUR: f.eur, Synthetic: true,
			PledgedOn: "2022-06-27", Description: "direct financial contribution (amount synthetic)"})
		if err != nil {
			return fmt.Errorf("demo: financial pledge %s: %w", f.state, err)
		}
		if _, err := s.RecordPayment(ec, pl.ID, PaymentInput{CommittedEUR: f.eur, PaidEUR: f.eur / 2}); err != nil {
			return fmt.Errorf("demo: payment %s: %w", f.state, err)
		}
	}
	for i, b := range Demo2022Beneficiaries() {
		n := Need{State: b, Relocations: []int64{3000, 1500, 800, 1200, 1500}[i], DeclaredOn: "2022-07-01", Note: "synthetic figure"}
		if _, err := s.DeclareNeed(ec, cycle, n); err != nil {
			return fmt.Errorf("demo: need %s: %w", b, err)
		}
	}
	return nil
}

// demoRegions splits the two large pledges into regions; the smaller ones are one national
// place. Every place keeps a twentieth for unaccompanied minors and a tenth for medical needs.
func demoRegions(state string, persons int64) []RelocationPlace {
	if state != "DE" && state != "FR" {
		return []RelocationPlace{{Region: "national", Capacity: int(persons), UAMCapacity: int(persons) / 20,
			MedicalCapacity: int(persons) / 10, UnemploymentRate: 0.06}}
	}
	names := map[string][]string{"DE": {"Bayern", "Nordrhein-Westfalen", "Berlin", "Niedersachsen", "Baden-Wuerttemberg"},
		"FR": {"Ile-de-France", "Auvergne-Rhone-Alpes", "Occitanie", "Grand Est", "Hauts-de-France"}}[state]
	rates := []float64{0.035, 0.07, 0.09, 0.055, 0.04}
	var out []RelocationPlace
	left := int(persons)
	for i, n := range names {
		c := int(persons) / len(names)
		if i == len(names)-1 {
			c = left
		}
		left -= c
		out = append(out, RelocationPlace{Region: n, Capacity: c, UAMCapacity: c / 20, MedicalCapacity: c / 10,
			Urban: i%2 == 0, UnemploymentRate: rates[i]})
	}
	return out
}

// demoHash draws the demo's choices from a hash so every run is the same.
func demoHash(parts ...any) uint64 {
	h := fnv.New64a()
	fmt.Fprint(h, parts...)
	return h.Sum64()
}

func demoDay(base string, days int) string {
	return timelimit.AddDays(timelimit.MustParse(base), days).String()
}
