package dublin

import "testing"

// uam is an unaccompanied minor who lodged in BE on 2024-02-10.
const uam = `"applicant": {"date_of_birth": "2008-05-01", "minor_at_lodging": true, "unaccompanied": true}`

func TestCriteria(t *testing.T) {
	tests := []struct {
		name    string
		overlay string
		want    W
	}{
		// Art 8: unaccompanied minors.
		{"Art 8(1): UAM with a sibling legally present in DE", uam + `,
			"family": [{"relation": "sibling", "state": "DE", "status": "legally_present_other", "legally_present": true}]`,
			W{"responsible_state": "DE", "basis": "Art 8(1)"}},
		{"Art 8(1): UAM with a mother applicant in NL (legally present by status)", uam + `,
			"family": [{"relation": "mother", "state": "NL", "status": "applicant"}]`,
			W{"responsible_state": "NL", "basis": "Art 8(1)"}},
		{"Art 8(1): not in the child's best interests: falls to Art 8(4)", uam + `,
			"family": [{"relation": "father", "state": "DE", "legally_present": true}], "best_interests": {"DE": false}`,
			W{"responsible_state": "BE", "basis": "Art 8(4)"}},
		{"Art 8(1): father not legally present: not applicable", uam + `,
			"family": [{"relation": "father", "state": "DE", "status": "outside_member_states", "legally_present": false}]`,
			W{"responsible_state": "BE", "basis": "Art 8(4)"}},
		{"Art 8(1): married minor, spouse legally present", `"applicant": {"minor_at_lodging": true, "unaccompanied": true, "married": true},
			"family": [{"relation": "spouse", "state": "SE", "legally_present": true}, {"relation": "sibling", "state": "DE", "legally_present": true}]`,
			W{"responsible_state": "SE", "basis": "Art 8(1)"}},
		{"Art 8(1): married minor, spouse not legally present: sibling", `"applicant": {"minor_at_lodging": true, "unaccompanied": true, "married": true},
			"family": [{"relation": "spouse", "state": "SE", "legally_present": false}, {"relation": "sibling", "state": "DE", "legally_present": true}]`,
			W{"responsible_state": "DE", "basis": "Art 8(1)"}},
		{"Art 8(1): minority from date of birth when minor_at_lodging is absent", `"applicant": {"date_of_birth": "2007-01-01", "unaccompanied": true},
			"family": [{"relation": "sibling", "state": "AT", "legally_present": true}]`,
			W{"responsible_state": "AT", "basis": "Art 8(1)"}},
		{"Art 8(1): adult at lodging by date of birth: Art 8 not applied", `"applicant": {"date_of_birth": "2006-02-10", "unaccompanied": true},
			"family": [{"relation": "sibling", "state": "AT", "legally_present": true}]`,
			W{"responsible_state": "BE", "basis": "Art 3(2)"}},
		{"Art 8(2): UAM with an uncle who can take care", uam + `,
			"family": [{"relation": "uncle", "state": "FR", "legally_present": true, "can_take_care": true}]`,
			W{"responsible_state": "FR", "basis": "Art 8(2)"}},
		{"Art 8(2): aunt who cannot take care: Art 8(4)", uam + `,
			"family": [{"relation": "aunt", "state": "FR", "legally_present": true, "can_take_care": false}]`,
			W{"responsible_state": "BE", "basis": "Art 8(4)"}},
		{"Art 8(1) before 8(2): sibling in DE wins over grandparent in FR", uam + `,
			"family": [{"relation": "grandparent", "state": "FR", "legally_present": true, "can_take_care": true}, {"relation": "sibling", "state": "DE", "legally_present": true}]`,
			W{"responsible_state": "DE", "basis": "Art 8(1)"}},
		{"Art 8(3): siblings in two states, preferred on best interests", uam + `,
			"family": [{"relation": "sibling", "state": "DE", "legally_present": true}, {"relation": "sibling", "state": "IT", "legally_present": true}],
			"best_interests_preferred": "IT"`,
			W{"responsible_state": "IT", "basis": "Art 8(3)"}},
		{"Art 8(3): several states and no choice: undetermined", uam + `,
			"family": [{"relation": "sibling", "state": "DE", "legally_present": true}, {"relation": "sibling", "state": "IT", "legally_present": true}]`,
			W{"responsible_state": nil, "basis": "Art 8(3)"}},
		{"Art 8(3): only one state assessed in best interests", uam + `,
			"family": [{"relation": "sibling", "state": "DE", "legally_present": true}, {"relation": "sibling", "state": "IT", "legally_present": true}],
			"best_interests": {"DE": true, "IT": false}`,
			W{"responsible_state": "DE", "basis": "Art 8(1)"}},
		{"Art 8(4): UAM with nobody: state of lodging", uam,
			W{"responsible_state": "BE", "basis": "Art 8(4)"}},
		{"Art 8(4): several applications: where present (C-648/11)", uam + `,
			"previous_applications": [{"state": "IT", "lodged_on": "2023-12-01", "status": "pending"}], "present_in": "BE"`,
			W{"responsible_state": "BE", "basis": "Art 8(4)"}},
		{"Art 8(4) before Art 13(1): UAM who crossed irregularly stays with the state of lodging", uam + `,
			"entries": [{"date": "2023-11-03", "state": "HR", "mode": "irregular_land", "from_third_country": true}]`,
			W{"responsible_state": "BE", "basis": "Art 8(4)"}},

		// Art 9 and 10: family members.
		{"Art 9: spouse beneficiary of international protection in SE, written consent", `
			"family": [{"relation": "spouse", "state": "SE", "status": "beneficiary_ip", "written_consent": true}]`,
			W{"responsible_state": "SE", "basis": "Art 9"}},
		{"Art 9: marriage concluded in transit still counts", `
			"family": [{"relation": "spouse", "state": "SE", "status": "beneficiary_ip", "written_consent": true, "family_formed_in_country_of_origin": false}]`,
			W{"responsible_state": "SE", "basis": "Art 9"}},
		{"Art 9: no written consent: not applicable", `
			"family": [{"relation": "spouse", "state": "SE", "status": "beneficiary_ip", "written_consent": false}]`,
			W{"responsible_state": "BE", "basis": "Art 3(2)"}},
		{"Art 9: a sibling is not a family member of an adult (Art 2(g))", `
			"family": [{"relation": "sibling", "state": "SE", "status": "beneficiary_ip", "written_consent": true}]`,
			W{"responsible_state": "BE", "basis": "Art 3(2)"}},
		{"Art 9 before Art 13(1)", `
			"family": [{"relation": "child", "state": "FI", "status": "beneficiary_ip", "written_consent": true}],
			"entries": [{"date": "2023-11-03", "state": "HR", "mode": "irregular_land", "from_third_country": true}]`,
			W{"responsible_state": "FI", "basis": "Art 9"}},
		{"Art 10: spouse applicant in NL, no first decision, family formed in the country of origin", `
			"family": [{"relation": "spouse", "state": "NL", "status": "applicant", "written_consent": true, "family_formed_in_country_of_origin": true}]`,
			W{"responsible_state": "NL", "basis": "Art 10"}},
		{"Art 10: marriage concluded in transit: not applicable", `
			"family": [{"relation": "spouse", "state": "NL", "status": "applicant", "written_consent": true, "family_formed_in_country_of_origin": false}]`,
			W{"responsible_state": "BE", "basis": "Art 3(2)"}},
		{"Art 10 with Art 7(2): first decision before lodging: not applicable", `
			"family": [{"relation": "spouse", "state": "NL", "status": "applicant", "written_consent": true, "family_formed_in_country_of_origin": true, "first_decision_on_substance_on": "2024-01-15"}]`,
			W{"responsible_state": "BE", "basis": "Art 3(2)"}},
		{"Art 10 with Art 7(2): first decision after lodging does not matter", `
			"family": [{"relation": "spouse", "state": "NL", "status": "applicant", "written_consent": true, "family_formed_in_country_of_origin": true, "first_decision_on_substance_on": "2024-03-15"}]`,
			W{"responsible_state": "NL", "basis": "Art 10"}},

		// Art 12: documents.
		{"Art 12(1): valid residence document from FR", `
			"documents": [{"type": "residence_document", "issuing_state": "FR", "valid_from": "2023-01-01", "valid_until": "2025-01-01"}]`,
			W{"responsible_state": "FR", "basis": "Art 12(1)"}},
		{"Art 12(2): valid visa from IT", `
			"documents": [{"type": "visa", "visa_kind": "uniform_C", "issuing_state": "IT", "valid_from": "2024-02-01", "valid_until": "2024-03-01", "used_to_enter": true}]`,
			W{"responsible_state": "IT", "basis": "Art 12(2)"}},
		{"Art 12(2): visa issued by AT representing HU (Visa Code Art 8)", `
			"documents": [{"type": "visa", "visa_kind": "uniform_C", "issuing_state": "AT", "issued_on_behalf_of": "HU", "valid_from": "2024-02-01", "valid_until": "2024-03-01"}]`,
			W{"responsible_state": "HU", "basis": "Art 12(2)"}},
		{"Art 12(3)(a): longest residence wins", `
			"documents": [{"type": "residence_document", "issuing_state": "FR", "valid_from": "2023-01-01", "valid_until": "2025-01-01"},
			              {"type": "residence_document", "issuing_state": "DE", "valid_from": "2022-01-01", "valid_until": "2025-01-01"}]`,
			W{"responsible_state": "DE", "basis": "Art 12(3)"}},
		{"Art 12(3)(a): equal periods: latest expiry", `
			"documents": [{"type": "residence_document", "issuing_state": "FR", "valid_from": "2023-06-01", "valid_until": "2025-06-01"},
			              {"type": "residence_document", "issuing_state": "DE", "valid_from": "2023-01-01", "valid_until": "2025-01-01"}]`,
			W{"responsible_state": "FR", "basis": "Art 12(3)"}},
		{"Art 12(3)(b): visas of the same type: latest expiry", `
			"documents": [{"type": "visa", "visa_kind": "uniform_C", "issuing_state": "ES", "valid_from": "2024-01-01", "valid_until": "2024-04-01"},
			              {"type": "visa", "visa_kind": "uniform_C", "issuing_state": "PT", "valid_from": "2024-02-01", "valid_until": "2024-03-01"}]`,
			W{"responsible_state": "ES", "basis": "Art 12(3)"}},
		{"Art 12(3)(c): visas of different kinds: longest validity", `
			"documents": [{"type": "visa", "visa_kind": "long_stay_D", "issuing_state": "ES", "valid_from": "2023-09-01", "valid_until": "2024-09-01"},
			              {"type": "visa", "visa_kind": "uniform_C", "issuing_state": "PT", "valid_from": "2024-02-01", "valid_until": "2024-12-01"}]`,
			W{"responsible_state": "ES", "basis": "Art 12(3)"}},
		{"Art 12(3): a residence document comes before a visa", `
			"documents": [{"type": "visa", "visa_kind": "long_stay_D", "issuing_state": "ES", "valid_from": "2023-09-01", "valid_until": "2025-09-01"},
			              {"type": "residence_document", "issuing_state": "PL", "valid_from": "2024-01-01", "valid_until": "2024-12-01"}]`,
			W{"responsible_state": "PL", "basis": "Art 12(1)"}},
		{"Art 12(4) first subparagraph: visa expired 5 months before lodging, used to enter", `
			"documents": [{"type": "visa", "visa_kind": "uniform_C", "issuing_state": "CZ", "valid_from": "2023-08-01", "valid_until": "2023-09-15", "used_to_enter": true}]`,
			W{"responsible_state": "CZ", "basis": "Art 12(4) first subparagraph", "visa_expiry_plus_6_months": "2024-03-15"}},
		{"Art 12(4): visa expired exactly 6 months before (Art 42: last day counts)", `
			"documents": [{"type": "visa", "visa_kind": "uniform_C", "issuing_state": "CZ", "valid_until": "2023-08-10", "used_to_enter": true}]`,
			W{"responsible_state": "CZ", "basis": "Art 12(4) first subparagraph", "visa_expiry_plus_6_months": "2024-02-10"}},
		{"Art 12(4) second subparagraph: visa expired 6 months and a day before: state of lodging", `
			"documents": [{"type": "visa", "visa_kind": "uniform_C", "issuing_state": "CZ", "valid_until": "2023-08-09", "used_to_enter": true}]`,
			W{"responsible_state": "BE", "basis": "Art 12(4) second subparagraph", "visa_expiry_plus_6_months": "2024-02-09"}},
		{"Art 12(4): expired visa that did not allow entry: not applicable", `
			"documents": [{"type": "visa", "visa_kind": "uniform_C", "issuing_state": "CZ", "valid_until": "2023-12-01", "used_to_enter": false}]`,
			W{"responsible_state": "BE", "basis": "Art 3(2)"}},
		{"Art 12(4): residence document expired 23 months before", `
			"documents": [{"type": "residence_document", "issuing_state": "SI", "valid_from": "2020-01-01", "valid_until": "2022-03-10"}]`,
			W{"responsible_state": "SI", "basis": "Art 12(4) first subparagraph"}},
		{"Art 12(4) second subparagraph: residence document expired more than 2 years before", `
			"documents": [{"type": "residence_document", "issuing_state": "SI", "valid_from": "2020-01-01", "valid_until": "2022-02-09"}]`,
			W{"responsible_state": "BE", "basis": "Art 12(4) second subparagraph"}},
		{"Art 12(4): expired visa but the applicant left the territory: row skipped, Art 13(1) applies", `
			"documents": [{"type": "visa", "visa_kind": "uniform_C", "issuing_state": "CZ", "valid_until": "2023-09-15", "used_to_enter": true}],
			"left_member_states_since_entry": true,
			"entries": [{"date": "2023-12-01", "state": "GR", "mode": "irregular_sea", "from_third_country": true}]`,
			W{"responsible_state": "GR", "basis": "Art 13(1)"}},
		{"Art 12(4): exit to a third country recorded: row skipped", `
			"documents": [{"type": "visa", "visa_kind": "uniform_C", "issuing_state": "CZ", "valid_until": "2023-09-15", "used_to_enter": true}],
			"exits": [{"date": "2023-10-01", "from_state": "CZ", "to": "third_country"}]`,
			W{"responsible_state": "BE", "basis": "Art 3(2)"}},
		{"Art 12(4): an exit before the visa was issued does not count as leaving", `
			"documents": [{"type": "visa", "visa_kind": "uniform_C", "issuing_state": "CZ", "valid_from": "2023-09-01", "valid_until": "2023-09-15", "used_to_enter": true}],
			"exits": [{"date": "2021-10-01", "from_state": "CZ", "to": "third_country"}]`,
			W{"responsible_state": "CZ", "basis": "Art 12(4) first subparagraph"}},
		{"Art 12(5): visa obtained under a false identity still designates the issuer", `
			"documents": [{"type": "visa", "visa_kind": "uniform_C", "issuing_state": "MT", "valid_from": "2024-01-01", "valid_until": "2024-03-01", "fraud": "false_identity_before_issue"}]`,
			W{"responsible_state": "MT", "basis": "Art 12(2)"}},
		{"Art 12(5): issuer proves the fraud came after issue: document disregarded", `
			"documents": [{"type": "visa", "visa_kind": "uniform_C", "issuing_state": "MT", "valid_from": "2024-01-01", "valid_until": "2024-03-01", "fraud": "committed_after_issue"}]`,
			W{"responsible_state": "BE", "basis": "Art 3(2)"}},
		{"Art 12(1) before Art 13(1)", `
			"documents": [{"type": "residence_document", "issuing_state": "FR", "valid_from": "2023-01-01", "valid_until": "2025-01-01"}],
			"entries": [{"date": "2023-11-03", "state": "HR", "mode": "irregular_land", "from_third_country": true}]`,
			W{"responsible_state": "FR", "basis": "Art 12(1)"}},

		// Art 13: irregular entry and stay.
		{"Art 13(1): irregular sea crossing into IT", `
			"entries": [{"date": "2023-09-01", "state": "IT", "mode": "irregular_sea", "from_third_country": true, "evidence": "proof"}]`,
			W{"responsible_state": "IT", "basis": "Art 13(1)", "irregular_entry_criterion_ends": "2024-09-01"}},
		{"Art 13(1): lodging on the last day of the 12 months still applies", `
			"application": {"state": "BE", "lodged_on": "2023-03-15"}, "as_of": "2023-04-01",
			"entries": [{"date": "2022-03-15", "state": "HU", "mode": "irregular_land", "from_third_country": true}]`,
			W{"responsible_state": "HU", "basis": "Art 13(1)", "irregular_entry_criterion_ends": "2023-03-15"}},
		{"Art 13(1): ceased the day after: falls to Art 3(2)", `
			"application": {"state": "BE", "lodged_on": "2023-03-16"}, "as_of": "2023-04-01",
			"entries": [{"date": "2022-03-15", "state": "HU", "mode": "irregular_land", "from_third_country": true}]`,
			W{"responsible_state": "BE", "basis": "Art 3(2)", "irregular_entry_criterion_ends": "2023-03-15"}},
		{"Art 13(1): crossing on 29 Feb ends on 28 Feb next year", `
			"application": {"state": "BE", "lodged_on": "2025-02-28"}, "as_of": "2025-03-01",
			"entries": [{"date": "2024-02-29", "state": "HU", "mode": "irregular_land", "from_third_country": true}]`,
			W{"responsible_state": "HU", "basis": "Art 13(1)", "irregular_entry_criterion_ends": "2025-02-28"}},
		{"Art 13(1): Eurodac category 2 hit is proof of the crossing", `
			"eurodac_hits": [{"category": 2, "state": "BG", "fingerprinted_on": "2023-10-01", "hit_received_on": "2024-02-11"}]`,
			W{"responsible_state": "BG", "basis": "Art 13(1)", "irregular_entry_criterion_ends": "2024-10-01"}},
		{"Art 13(1): an internal crossing is not from a third country", `
			"entries": [{"date": "2023-11-03", "state": "AT", "mode": "irregular_land", "from_third_country": false}]`,
			W{"responsible_state": "BE", "basis": "Art 3(2)"}},
		{"Art 13(1): the first crossing counts", `
			"entries": [{"date": "2023-10-03", "state": "GR", "mode": "irregular_sea", "from_third_country": true},
			            {"date": "2023-11-03", "state": "HR", "mode": "irregular_land", "from_third_country": true}]`,
			W{"responsible_state": "GR", "basis": "Art 13(1)"}},
		{"Art 3(2): systemic flaws in GR: next criterion designates HR", `
			"entries": [{"date": "2023-10-03", "state": "GR", "mode": "irregular_sea", "from_third_country": true},
			            {"date": "2023-11-03", "state": "HR", "mode": "irregular_land", "from_third_country": false}],
			"stays": [{"state": "HR", "from": "2023-08-01", "to": "2024-01-20"}],
			"systemic_flaws_in": ["GR"]`,
			W{"responsible_state": "HR", "basis": "Art 13(2)"}},
		{"Art 3(2): systemic flaws and no other criterion: first state of lodging", `
			"entries": [{"date": "2023-10-03", "state": "GR", "mode": "irregular_sea", "from_third_country": true}],
			"systemic_flaws_in": ["GR"]`,
			W{"responsible_state": "BE", "basis": "Art 3(2)"}},
		{"Art 3(2) third subparagraph: flaws also in the first state of lodging: the determining state", `
			"entries": [{"date": "2023-10-03", "state": "GR", "mode": "irregular_sea", "from_third_country": true}],
			"previous_applications": [{"state": "GR", "lodged_on": "2023-10-05", "status": "pending"}],
			"systemic_flaws_in": ["GR"]`,
			W{"responsible_state": "BE", "basis": "Art 3(2)"}},
		{"Art 13(2): 13(1) ceased; 5 continuous months in AT", `
			"entries": [{"date": "2022-06-01", "state": "HU", "mode": "irregular_land", "from_third_country": true}],
			"stays": [{"state": "AT", "from": "2023-06-01", "to": "2023-12-01"}]`,
			W{"responsible_state": "AT", "basis": "Art 13(2)", "irregular_entry_criterion_ends": "2023-06-01"}},
		{"Art 13(2): exactly 5 months counts (Art 42)", `
			"stays": [{"state": "AT", "from": "2023-06-01", "to": "2023-11-01"}]`,
			W{"responsible_state": "AT", "basis": "Art 13(2)"}},
		{"Art 13(2): a day short of 5 months does not", `
			"stays": [{"state": "AT", "from": "2023-06-02", "to": "2023-11-01"}]`,
			W{"responsible_state": "BE", "basis": "Art 3(2)"}},
		{"Art 13(2): several states: the most recent", `
			"stays": [{"state": "AT", "from": "2022-01-01", "to": "2022-08-01"}, {"state": "DE", "from": "2023-01-01", "to": "2023-07-01"}]`,
			W{"responsible_state": "DE", "basis": "Art 13(2)"}},
		{"Art 13(2): open stay runs to lodging", `
			"stays": [{"state": "BE", "from": "2023-08-01"}]`,
			W{"responsible_state": "BE", "basis": "Art 13(2)"}},
		{"Art 13(2): regular entry only: not applicable", `
			"entries": [{"date": "2023-01-01", "state": "FR", "mode": "regular_visa"}],
			"stays": [{"state": "AT", "from": "2023-02-01", "to": "2023-12-01"}]`,
			W{"responsible_state": "BE", "basis": "Art 3(2)"}},

		// Art 14 and 15.
		{"Art 14(1): visa-waived entry into NL", `
			"entries": [{"date": "2024-01-20", "state": "NL", "mode": "visa_waived"}]`,
			W{"responsible_state": "NL", "basis": "Art 14(1)"}},
		{"Art 14(2): lodged in another visa-waiving state", `
			"application": {"state": "BE", "lodged_on": "2024-02-10", "visa_waived_in_state_of_lodging": true},
			"entries": [{"date": "2024-01-20", "state": "NL", "mode": "visa_waived"}]`,
			W{"responsible_state": "BE", "basis": "Art 14(2)"}},
		{"Art 15: application in the airport transit area of DE", `
			"application": {"state": "DE", "lodged_on": "2024-02-10", "place": "airport_international_transit_area"}`,
			W{"responsible_state": "DE", "basis": "Art 15"}},

		// Art 3(2) and Art 7(2).
		{"Art 3(2): no criterion: the state of lodging", ``,
			W{"responsible_state": "BE", "basis": "Art 3(2)"}},
		{"Art 3(2): no criterion: the first state where an application was lodged", `
			"previous_applications": [{"state": "SE", "lodged_on": "2023-05-01", "status": "pending"}]`,
			W{"responsible_state": "SE", "basis": "Art 3(2)", "previous_state_obligations_ceased": false}},
		{"Art 7(2): 13(1) judged on the first application, not the later one", `
			"application": {"state": "BE", "lodged_on": "2024-06-01"},
			"previous_applications": [{"state": "DE", "lodged_on": "2023-12-01", "status": "pending"}],
			"entries": [{"date": "2023-01-10", "state": "LT", "mode": "irregular_land", "from_third_country": true}]`,
			W{"responsible_state": "LT", "basis": "Art 13(1)"}},
		{"Art 7(2) and Art 19(1): a residence document issued after lodging is no criterion, but its issuer takes over", `
			"documents": [{"type": "residence_document", "issuing_state": "FR", "valid_from": "2024-03-01", "valid_until": "2024-05-01"}]`,
			W{"responsible_state": "FR", "basis": "Art 19(1)", "previous_state_obligations_ceased": true}},
		{"Art 19(1): not before it is issued (as_of)", `
			"documents": [{"type": "residence_document", "issuing_state": "FR", "valid_from": "2024-07-01", "valid_until": "2025-05-01"}]`,
			W{"responsible_state": "BE", "basis": "Art 3(2)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, m := decide(t, mk(t, tt.overlay))
			expect(t, m, tt.want)
		})
	}
}
