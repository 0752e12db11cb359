package solidarity

import (
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

func fieldsOf(err error) map[string]bool {
	out := map[string]bool{}
	if e, ok := errs.As(err); ok {
		for _, f := range e.Fields {
			out[f.Field] = true
		}
	}
	return out
}

// TestCycleValidate: the Pact pool is at least 30,000 relocations and EUR 600 million a
// year (Art 12(2) Reg. (EU) 2024/1351); the 2022 mechanism has no such floor.
func TestCycleValidate(t *testing.T) {
	ok2022 := Cycle{Code: "VSM-2022", Name: "2022", Regime: RegimeVSM2022, StartsOn: "2022-06-22", EndsOn: "2023-06-21", RelocationTarget: 10000}
	pact := Cycle{Code: "POOL-2026", Name: "2026", Regime: RegimePact2024, StartsOn: "2026-07-01", EndsOn: "2027-06-30",
		RelocationTarget: 30000, FinancialFloorEUR: 600_000_000}
	small := pact
	small.RelocationTarget, small.FinancialFloorEUR = 21000, 420_000_000
	badCode := ok2022
	badCode.Code = `a"b`
	backwards := ok2022
	backwards.EndsOn = "2022-01-01"
	for _, tc := range []struct {
		name  string
		c     Cycle
		wants []string
	}{
		{"2022 mechanism", ok2022, nil},
		{"Pact pool at its minimum", pact, nil},
		{"Pact pool below Art 12(2) minimum", small, []string{"relocation_target", "financial_floor_eur"}},
		{"code unsafe in a file name", badCode, []string{"code"}},
		{"ends before it starts", backwards, []string{"ends_on"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := fieldsOf(tc.c.Validate())
			if len(got) != len(tc.wants) {
				t.Errorf("fields %v, want %v", got, tc.wants)
			}
			for _, w := range tc.wants {
				if !got[w] {
					t.Errorf("no error on %s: %v", w, got)
				}
			}
		})
	}
}

// TestStepsGoOneAtATime: the 2022 lifecycle (solidarity.md §1) moves one step forward, or
// to withdrawn before transfer; transferred and withdrawn are final.
func TestStepsGoOneAtATime(t *testing.T) {
	for _, tc := range []struct {
		from, to Step
		want     bool
	}{
		{StepIdentified, StepInformed, true},
		{StepIdentified, StepConsented, false},
		{StepSecurityChecked, StepMatched, true},
		{StepMatched, StepAccepted, true},
		{StepAccepted, StepTransferred, true},
		{StepAccepted, StepWithdrawn, true},
		{StepTransferred, StepWithdrawn, false},
		{StepWithdrawn, StepInformed, false},
		{StepInformed, StepIdentified, false},
	} {
		if got := NextAllowed(tc.from, tc.to); got != tc.want {
			t.Errorf("%s -> %s: %v, want %v", tc.from, tc.to, got, tc.want)
		}
	}
}

// TestTransferActions: only a scheduled transfer changes; carried out it is closed on its
// date, a failure keeps its reason.
func TestTransferActions(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status string
		a      TransferAction
		want   string
		kind   errs.Kind
	}{
		{"carried out", TransferScheduled, TransferAction{Action: "carry_out", On: "2022-08-20"}, TransferCarriedOut, -1},
		{"failed", TransferScheduled, TransferAction{Action: "fail", On: "2022-08-20", Reason: "flight cancelled"}, TransferFailed, -1},
		{"carried out before scheduled", TransferScheduled, TransferAction{Action: "carry_out", On: "2022-08-01"}, TransferScheduled, errs.KindInvalid},
		{"already carried out", TransferCarriedOut, TransferAction{Action: "cancel", On: "2022-08-21"}, TransferCarriedOut, errs.KindConflict},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := Transfer{ID: "t", Status: tc.status, ScheduledOn: "2022-08-15"}
			err := tr.apply(tc.a)
			kind := errs.Kind(-1)
			if e, ok := errs.As(err); ok {
				kind = e.Kind
			}
			if kind != tc.kind || tr.Status != tc.want {
				t.Errorf("status %s err %v, want %s kind %v", tr.Status, err, tc.want, tc.kind)
			}
		})
	}
}

// TestProgressCountsFairSharesAndDeductions: Pact fair shares over every participant
// (Art 66 key, summing to the target; a 2022 beneficiary has none), Pact money valued at
// EUR 20,000 a relocation, a deduction lowering what is due, transfers deducted from the
// pledge.
func TestProgressCountsFairSharesAndDeductions(t *testing.T) {
	l := Ledger{Cycle: Cycle{Code: "P", Regime: RegimePact2024, RelocationTarget: 30000, EURPerRelocation: PactEURPerRelocation},
		Participants: []ParticipantRow{{State: "DE", Role: RoleContributor}, {State: "FR", Role: RoleContributor}, {State: "IT", Role: RoleBeneficiary}},
		Pledges: []Pledge{{State: "DE", Form: FormRelocation, Relocations: 5000, Status: PledgePledged},
			{State: "DE", Form: FormFinancial, AmountEUR: 100_000_000, PaidEUR: 50_000_000, Status: PledgeCommitted},
			{State: "FR", Form: FormRelocation, Relocations: 900, Status: PledgeWithdrawn}},
		Offsets: []Offset{{State: "FR", Kind: OffsetDeduction, Relocations: 1000}}}
	m, err := progress(l, []stepCount{{owner: "IT", matched: "DE", step: StepTransferred, persons: 40},
		{owner: "IT", matched: "DE", step: StepMatched, persons: 10}, {owner: "IT", step: StepSecurityChecked, persons: 7}})
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]StateProgress{}
	for _, s := range m.States {
		by[s.State] = s
	}
	de, fr, it := by["DE"], by["FR"], by["IT"]
	if de.FairShare+fr.FairShare+it.FairShare != 30000 || it.FairShare == 0 {
		t.Errorf("fair shares DE %d FR %d IT %d", de.FairShare, fr.FairShare, it.FairShare)
	}
	l.Cycle.Regime = RegimeVSM2022
	m2022, err := progress(l, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range m2022.States {
		if s.State == "IT" && s.FairShare != 0 {
			t.Errorf("a 2022 beneficiary has a fair share of %d", s.FairShare)
		}
	}
	if de.Equivalent != 10000 || de.Transferred != 40 || de.Matched != 50 || de.Remaining != 4960 || de.CommittedEUR != 100_000_000 {
		t.Errorf("DE %+v", de)
	}
	if fr.Pledged != 0 || fr.Withdrawn != 900 || fr.Deductions != 1000 {
		t.Errorf("FR %+v", fr)
	}
	if it.SentOut != 40 || it.Candidates != 57 || m.Totals.Transferred != 40 {
		t.Errorf("IT %+v totals %+v", it, m.Totals)
	}
}

// TestRoundMakesVulnerableHouseholdsMandatory: vulnerable persons first (2022 declaration,
// criterion 1) unless the coordinator runs the round with vulnerable households optional;
// a family link in a state without a fitting place leaves the household out with a reason.
func TestRoundMakesVulnerableHouseholdsMandatory(t *testing.T) {
	child := Member{AgeGroup: "0-17", Sex: "F", MedicalNeeds: true}
	adult := Member{AgeGroup: "26-45", Sex: "M"}
	ready := []Candidate{
		{ID: "a", Ref: "A", OwnerOrg: "IT", Nationality: "SY", Size: 2, Vulnerable: true, Profile: Profile{Members: []Member{adult, child}}},
		{ID: "b", Ref: "B", OwnerOrg: "IT", Nationality: "SY", Size: 1, Profile: Profile{Members: []Member{adult}}},
		{ID: "c", Ref: "C", OwnerOrg: "GR", Nationality: "AF", Size: 1, Profile: Profile{Members: []Member{adult}, FamilyLinkState: "SE"}},
	}
	l := Ledger{Cycle: Cycle{Code: "R"}, Pledges: []Pledge{{State: "DE", Form: FormRelocation, Relocations: 10,
		Detail: PledgeDetail{Places: []RelocationPlace{{Region: "x", Capacity: 10, MedicalCapacity: 2}}}}}}
	for _, optional := range []bool{false, true} {
		in, ex := buildInstance(roundInput{ledger: l, ready: ready, optional: optional})
		if err := in.Validate(); err != nil {
			t.Fatal(err)
		}
		if len(in.Cases) != 2 || len(ex) != 1 || ex[0].Candidate != "c" {
			t.Fatalf("cases %d excluded %+v", len(in.Cases), ex)
		}
		if in.Cases[0].Mandatory == optional || in.Cases[1].Mandatory {
			t.Errorf("optional=%v: mandatory %v %v", optional, in.Cases[0].Mandatory, in.Cases[1].Mandatory)
		}
		if in.Places[0].ID != "DE-01" || in.Cases[0].MedicalCount != 1 || in.Cases[0].Employable != 1 {
			t.Errorf("place %s case %+v", in.Places[0].ID, in.Cases[0])
		}
	}
}
