package awareness

// publishedAsylum holds the report's asylum figures (section 3, fn 49). The report counts
// applications without saying "first-time"; the demo stores them under the main measure and
// says so in the note.
func publishedAsylum() []Observation {
	a, u, r := SeriesAsylumApplications, UnitApplications, srcR+" section 3"
	note := "all applications as the report counts them"
	return []Observation{
		fig(a, "2022-01-01", "2022-07-31", 480000, u, Approximate, r).noted("almost 480 000; " + note),
		fig(a, "2021-01-01", "2021-07-31", 290000, u, Approximate, r).noted(note),
		fig(a, "2019-01-01", "2019-07-31", 375288, u, Exact, r).noted(note),
		fig(a, "2022-01-01", "2022-07-31", 21600, u, Approximate, srcR+" fn 49").of("UA").noted("mostly before temporary protection started"),
	}
}

// publishedOther holds the figures of figures-2022.md sections 4 to 9: Eurodac, temporary
// protection, returns, resettlement, reception and the later reference points.
func publishedOther() []Observation {
	ap, mt, ex := Approximate, MoreThan, Exact
	p, ctry := UnitPersons, UnitCountries
	return []Observation{
		// Eurodac, Regulation (EU) 603/2013: category 1 = applicants (Art 9), category 3 =
		// people found staying irregularly (Art 17), compared against category 1 data.
		fig(SeriesEurodacHits, "2022-01-01", "2022-06-30", 166864, UnitHits, ex, srcR+" fn 56").measured("category_1_vs_category_1"),
		fig(SeriesEurodacHits, "2022-01-01", "2022-06-30", 83339, UnitHits, ex, srcR+" fn 57").measured("category_3_vs_category_1"),
		// Temporary protection, Council Implementing Decision (EU) 2022/382 of 4 March 2022.
		fig(SeriesTPRegistrations, "2022-03-04", "2022-10-06", 4e6, p, mt, srcR).noted("TP or adequate protection under national law"),
		fig(SeriesIndicator, "2022-10-06", "2022-10-06", 26, ctry, ex, srcR).measured("states_transposed_tpd").noted("DK not bound, special national law"),
		fig(SeriesIndicator, "2022-10-06", "2022-10-06", 24, ctry, ex, srcR+" fn 10").measured("states_on_tp_platform").noted("SI and SE not yet"),
		fig(SeriesTPRegistrations, "2025-03-31", "2025-03-31", 4.26e6, p, ap, srcR).measured("beneficiaries").noted("later reference point"),
		// Returns, Directive 2008/115/EC.
		fig(SeriesReturns, "2021-01-01", "2021-12-31", 21, UnitPercent, ex, srcR).measured("effective_return_rate").noted("up from 2020"),
		fig(SeriesReturns, "2019-01-01", "2019-12-31", 29, UnitPercent, ex, srcR).measured("effective_return_rate"),
		fig(SeriesReturns, "2021-01-01", "2021-12-31", 70000, p, mt, srcR).noted("after an order to leave; about half of 2019"),
		fig(SeriesReturnDecisions, "2021-01-01", "2021-12-31", 342100, p, ex, srcE).noted("ordered to leave"),
		fig(SeriesReturns, "2021-01-01", "2021-12-31", 82700, p, ex, srcE).measured("to_any_country").noted("including other Member States"),
		fig(SeriesReturns, "2022-01-01", "2022-10-06", 210, UnitOperations, ex, srcR).measured("frontex_charter"),
		fig(SeriesReturns, "2022-01-01", "2022-10-06", 7210, p, ex, srcR).measured("frontex_charter"),
		fig(SeriesReturns, "2022-01-01", "2022-10-06", 10115, p, ex, srcR).measured("frontex_commercial"),
		fig(SeriesReturns, "2022-01-01", "2022-10-06", 40, p, ex, srcR).measured("frontex_led_to_al").noted("first Frontex-led operation, to Albania"),
		fig(SeriesReturns, "2022-01-01", "2022-10-06", 40, p, ex, srcR).measured("frontex_led_to_ng").noted("first Frontex-led operation, to Nigeria"),
		fig(SeriesIndicator, "2022-04-01", "2022-10-06", 24, ctry, ex, srcR).measured("frontex_reintegration_countries").noted("countries of origin, since April 2022"),
		fig(SeriesReturns, "2022-01-01", "2022-06-30", 11184, p, ex, srcS).measured("frontex_supported"),
		fig(SeriesReturns, "2022-07-01", "2022-12-31", 13684, p, ex, srcS).measured("frontex_supported").noted("8 566 scheduled, 5 111 charter, 7 land"),
		fig(SeriesReturns, "2021-01-01", "2021-12-31", 18300, p, ex, srcF).measured("frontex_supported"),
		fig(SeriesReturns, "2023-01-01", "2023-12-31", 39000, p, mt, srcF).measured("frontex_supported").noted("54 % voluntary; later reference point"),
		// Resettlement and humanitarian admission.
		fig(SeriesResettlement, "2021-01-01", "2022-12-31", 65000, p, ap, srcR).measured("pledges").noted("almost 65 000, including humanitarian admission"),
		fig(SeriesResettlement, "2021-01-01", "2022-06-30", 36000, p, mt, srcR).measured("arrivals"),
		// Reception, relocation, agencies, solidarity, funds.
		fig(SeriesReception, "2022-10-06", "2022-10-06", 4400, p, ap, srcR).in("EL").measured("island_camps"),
		fig(SeriesReception, "2019-10-06", "2019-10-06", 42000, p, ap, srcR).in("EL").measured("island_camps"),
		fig(SeriesRelocations, "2020-04-01", "2022-10-06", 4800, p, mt, srcR).in("EL").noted("from Greece to other Member States with EU funds"),
		fig(SeriesReception, "2021-09-30", "2021-09-30", 10000, UnitPlaces, ap, srcR).in("ES").measured("national_asylum_capacity"),
		fig(SeriesReception, "2022-09-30", "2022-09-30", 18000, UnitPlaces, ap, srcR).in("ES").measured("national_asylum_capacity"),
		fig(SeriesIndicator, "2022-10-06", "2022-10-06", 2000, p, mt, srcR).measured("frontex_officers_deployed"),
		fig(SeriesIndicator, "2022-10-06", "2022-10-06", 1000, p, mt, srcR+" fn 53").measured("euaa_experts_deployed"),
		fig(SeriesIndicator, "2022-10-06", "2022-10-06", 12, ctry, ex, srcR+" fn 53").measured("states_supported_by_euaa"),
		fig(SeriesIndicator, "2022-10-06", "2022-10-06", 9, ctry, ex, srcR).measured("states_with_europol_officers").noted("and Moldova"),
		fig(SeriesIndicator, "2022-06-22", "2022-06-22", 21, ctry, ex, srcR+" fn 51").measured("solidarity_declaration_signatories").noted("18 Member States and NO, CH, LI"),
		fig(SeriesIndicator, "2022-10-06", "2022-10-06", 13, ctry, ex, srcR).measured("relocation_offers").noted("first transfers in August 2022"),
		fig(SeriesIndicator, "2022-09-15", "2022-09-15", 15, UnitProgrammes, ex, srcR).measured("home_affairs_programmes_approved").noted("15 of 78 national programmes 2021-27"),
		fig(SeriesRelocations, "2022-06-22", "2024-06-12", 5000, p, ex, srcR).measured("vsm").noted("voluntary solidarity mechanism; later reference point"),
	}
}
