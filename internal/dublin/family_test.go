package dublin

import "testing"

func TestFamilyAndCessation(t *testing.T) {
	tests := []struct {
		name    string
		overlay string
		want    W
	}{
		// Art 7(3): late family evidence.
		{"Art 7(3): family evidence produced after acceptance is ignored", uam + `,
			"family": [{"relation": "sibling", "state": "DE", "legally_present": true, "evidence_produced_on": "2024-04-15"}],
			"entries": [{"date": "2023-11-03", "state": "HR", "mode": "irregular_land", "from_third_country": true}],
			"procedure": {"type": "take_charge", "requesting_state": "BE", "requested_state": "HR", "request_sent_on": "2024-03-01",
			  "reply": {"decision": "accept", "on": "2024-04-01"}}`,
			W{"responsible_state": "HR", "family_evidence_considered": false}},
		{"Art 7(3): family evidence produced before acceptance counts", uam + `,
			"family": [{"relation": "sibling", "state": "DE", "legally_present": true, "evidence_produced_on": "2024-03-15"}],
			"as_of": "2024-03-20"`,
			W{"responsible_state": "DE", "basis": "Art 8(1)", "family_evidence_considered": true}},
		{"Art 7(3): late evidence for Art 10 after acceptance is ignored", `
			"family": [{"relation": "spouse", "state": "NL", "status": "applicant", "written_consent": true, "family_formed_in_country_of_origin": true, "evidence_produced_on": "2024-05-01"}],
			"entries": [{"date": "2023-11-03", "state": "HR", "mode": "irregular_land", "from_third_country": true}],
			"procedure": {"type": "take_charge", "requesting_state": "BE", "requested_state": "HR", "request_sent_on": "2024-03-01",
			  "reply": {"decision": "accept", "on": "2024-04-01"}}`,
			W{"responsible_state": "HR", "basis": "Art 13(1)", "family_evidence_considered": false}},
		{"Art 7(3): late evidence after a first decision on an earlier application is ignored", `
			"family": [{"relation": "spouse", "state": "NL", "status": "applicant", "written_consent": true, "family_formed_in_country_of_origin": true, "evidence_produced_on": "2024-03-01"}],
			"previous_applications": [{"state": "SE", "lodged_on": "2023-09-01", "status": "rejected_final"}]`,
			W{"responsible_state": "SE", "basis": "Art 3(2)", "family_evidence_considered": false}},

		// Art 11 and Art 20(3): families.
		{"Art 20(3): a child follows the parent; individual outcomes", `"applicant": null,
			"applicants": [
			  {"ref": "mother", "date_of_birth": "1990-01-01", "application": {"state": "BE", "lodged_on": "2024-02-10"},
			   "entries": [{"date": "2023-11-03", "state": "HR", "mode": "irregular_land", "from_third_country": true}]},
			  {"ref": "child", "date_of_birth": "2018-01-01", "accompanies": "mother", "application": {"state": "BE", "lodged_on": "2024-02-10"}}]`,
			W{"responsible_state": "HR", "basis": "Art 13(1)", "individual_outcomes": map[string]any{"mother": "HR", "child": "HR"}}},
		{"Art 11(a): the state responsible for the largest number", `"applicant": null, "applications_simultaneous": true,
			"applicants": [
			  {"ref": "father", "date_of_birth": "1980-01-01", "application": {"state": "BE", "lodged_on": "2024-02-10"},
			   "documents": [{"type": "visa", "visa_kind": "uniform_C", "issuing_state": "FR", "valid_from": "2024-01-01", "valid_until": "2024-03-01"}]},
			  {"ref": "mother", "date_of_birth": "1985-01-01", "application": {"state": "BE", "lodged_on": "2024-02-11"},
			   "entries": [{"date": "2023-11-03", "state": "HR", "mode": "irregular_land", "from_third_country": true}]},
			  {"ref": "son", "date_of_birth": "2015-01-01", "accompanies": "mother", "application": {"state": "BE", "lodged_on": "2024-02-11"}}]`,
			W{"responsible_state": "HR", "basis": "Art 11(a)", "individual_outcomes": map[string]any{"father": "FR", "mother": "HR", "son": "HR"}}},
		{"Art 11(b): a tie goes to the state responsible for the oldest", `"applicant": null, "applications_simultaneous": true,
			"applicants": [
			  {"ref": "wife", "date_of_birth": "1985-01-01", "application": {"state": "BE", "lodged_on": "2024-02-10"},
			   "entries": [{"date": "2023-11-03", "state": "HR", "mode": "irregular_land", "from_third_country": true}]},
			  {"ref": "husband", "date_of_birth": "1980-01-01", "application": {"state": "BE", "lodged_on": "2024-02-10"},
			   "documents": [{"type": "visa", "visa_kind": "uniform_C", "issuing_state": "FR", "valid_from": "2024-01-01", "valid_until": "2024-03-01"}]}]`,
			W{"responsible_state": "FR", "basis": "Art 11(b)", "individual_outcomes": map[string]any{"wife": "HR", "husband": "FR"}}},
		{"Art 11: not simultaneous: no regrouping", `"applicant": null,
			"applicants": [
			  {"ref": "wife", "date_of_birth": "1985-01-01", "application": {"state": "BE", "lodged_on": "2024-02-10"},
			   "entries": [{"date": "2023-11-03", "state": "HR", "mode": "irregular_land", "from_third_country": true}]},
			  {"ref": "husband", "date_of_birth": "1980-01-01", "application": {"state": "BE", "lodged_on": "2024-02-10"},
			   "documents": [{"type": "visa", "visa_kind": "uniform_C", "issuing_state": "FR", "valid_from": "2024-01-01", "valid_until": "2024-03-01"}]}]`,
			W{"responsible_state": "HR", "basis": "Art 13(1)", "individual_outcomes": map[string]any{"wife": "HR", "husband": "FR"}}},
		{"Art 11: family case without a top-level application", `"applicant": null, "application": null, "applications_simultaneous": true,
			"applicants": [
			  {"ref": "a", "application": {"state": "AT", "lodged_on": "2024-02-10"}},
			  {"ref": "b", "application": {"state": "AT", "lodged_on": "2024-02-12"}}]`,
			W{"responsible_state": "AT", "basis": "Art 3(2)", "individual_outcomes": map[string]any{"a": "AT", "b": "AT"}}},

		// Art 19: cessation.
		{"Art 19(2): left for 3 months: a new application, determined afresh", `
			"previous_applications": [{"state": "DE", "lodged_on": "2022-05-01", "status": "pending"}],
			"exits": [{"date": "2023-01-10", "from_state": "DE", "to": "third_country", "evidence": "proof"}],
			"entries": [{"date": "2023-11-03", "state": "HR", "mode": "irregular_land", "from_third_country": true}]`,
			W{"responsible_state": "HR", "basis": "Art 13(1)", "previous_state_obligations_ceased": true}},
		{"Art 19(2): away less than 3 months: no cessation", `
			"previous_applications": [{"state": "DE", "lodged_on": "2022-05-01", "status": "pending"}],
			"exits": [{"date": "2023-09-10", "from_state": "DE", "to": "third_country"}],
			"entries": [{"date": "2023-11-03", "state": "HR", "mode": "irregular_land", "from_third_country": true}]`,
			W{"responsible_state": "DE", "basis": "Art 3(2)", "previous_state_obligations_ceased": false}},
		{"Art 19(2): exactly 3 months away counts (Art 42)", `
			"previous_applications": [{"state": "DE", "lodged_on": "2022-05-01", "status": "pending"}],
			"exits": [{"date": "2023-08-03", "from_state": "DE", "to": "third_country"}],
			"entries": [{"date": "2023-11-03", "state": "HR", "mode": "irregular_land", "from_third_country": true}]`,
			W{"responsible_state": "HR", "previous_state_obligations_ceased": true}},
		{"Art 19(3): removed under a return decision after rejection", `
			"previous_applications": [{"state": "DE", "lodged_on": "2022-05-01", "status": "rejected_final"}],
			"removals": [{"date": "2023-02-01", "state": "DE", "under": "return_decision"}]`,
			W{"responsible_state": "BE", "basis": "Art 3(2)", "previous_state_obligations_ceased": true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, m := decide(t, mk(t, tt.overlay))
			expect(t, m, tt.want)
		})
	}
}
