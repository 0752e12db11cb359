package solidarity

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzCandidateRound decodes a candidate body as the API does; whenever it validates, the
// round built from it is a valid instance (or leaves the household out with a reason), so a
// coordinator's run never fails on an instance of our own making.
func FuzzCandidateRound(f *testing.F) {
	f.Add([]byte(`{"cycle_id":"c","ref":"IT-1","nationality":"SY","identified_on":"2022-07-01","profile":{"members":[{"age_group":"26-45","sex":"F","languages":["ar"]}]}}`))
	f.Add([]byte(`{"cycle_id":"c","ref":"IT-2","nationality":"AF","identified_on":"2022-07-01","profile":{"family_link_state":"DE","members":[{"age_group":"0-17","sex":"M","unaccompanied_minor":true}]}}`))
	f.Add([]byte(`{"cycle_id":"c","ref":"IT-3","nationality":"ER","identified_on":"2022-07-01","profile":{"preferred_states":["FR"],"hard_preference":true,"members":[{"age_group":"46-64","sex":"X","medical_needs":true},{"age_group":"65+","sex":"F"}]}}`))
	f.Add([]byte(`{"profile":{"members":[]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var in CandidateInput
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if dec.Decode(&in) != nil || in.Validate() != nil {
			return
		}
		c := Candidate{ID: "cand", OwnerOrg: "IT", Ref: in.Ref, Nationality: in.Nationality, Size: len(in.Profile.Members),
			Vulnerable: in.Profile.vulnerable(), Eligible: true, Step: StepSecurityChecked, Profile: in.Profile}
		l := Ledger{Cycle: Cycle{Code: "F", Regime: RegimeVSM2022}, Pledges: []Pledge{
			{State: "DE", Form: FormRelocation, Relocations: 30, Detail: PledgeDetail{Places: []RelocationPlace{
				{Region: "a", Capacity: 20, UAMCapacity: 2, MedicalCapacity: 3}, {Region: "b", Capacity: 10}}}},
			{State: "FR", Form: FormRelocation, Relocations: 5, Detail: PledgeDetail{Preferences: Preferences{VulnerableOnly: true}}}}}
		inst, excluded := buildInstance(roundInput{ledger: l, ready: []Candidate{c}, floorFraction: 0})
		if len(inst.Cases)+len(excluded) != 1 {
			t.Fatalf("%d cases and %d excluded for one candidate", len(inst.Cases), len(excluded))
		}
		if err := inst.Validate(); err != nil {
			t.Fatalf("built instance invalid: %v", err)
		}
	})
}
