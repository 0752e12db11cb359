// Package refdata holds the reference data every module relies on: the Member States and
// associated states with the EU instruments they apply, the EU bodies that are organisations
// of CEAS users, and the ISO 3166-1 countries used for nationalities. Seed writes them to the
// database idempotently.
package refdata

// Kinds of organisation.
const (
	KindMemberState     = "member_state"
	KindAssociatedState = "associated_state"
	KindEUBody          = "eu_body"
)

// Temporary-protection regimes: the Directive, a national scheme, or none.
const (
	TPDirective = "directive"
	TPNational  = "national"
	TPNone      = "none"
)

// Organisation is a state or an EU body that CEAS users belong to.
type Organisation struct {
	Code           string `json:"code"`
	Name           string `json:"name"`
	Kind           string `json:"kind"`
	AppliesDublin  bool   `json:"applies_dublin"`
	AppliesEurodac bool   `json:"applies_eurodac"`
	TPRegime       string `json:"tp_regime"`
	Schengen       bool   `json:"schengen"`
	// Population on 1 Jan 2024 (Eurostat; national offices for associated states) and GDP
	// 2024 in million USD (IMF proxy, see shared/domain/solidarity.md §4): the inputs of the
	// 50/50 fair-share key of Reg. (EU) 2024/1351 Art 66.
	Population int64 `json:"population"`
	GDPMUSD    int64 `json:"gdp_musd"`
}

// IsState reports whether o is a Member State or an associated state.
func (o Organisation) IsState() bool { return o.Kind != KindEUBody }

// States returns the 27 Member States and the 4 Schengen/Dublin associated states. Greece
// uses ISO code GR (EU documents often write EL). Denmark applies Dublin and Eurodac by
// international agreement and is not bound by the TP Directive (national law instead);
// Ireland and Cyprus are outside Schengen.
func States() []Organisation {
	ms := func(code, name string, schengen bool, pop, gdp int64) Organisation {
		return Organisation{Code: code, Name: name, Kind: KindMemberState, AppliesDublin: true, AppliesEurodac: true,
			TPRegime: TPDirective, Schengen: schengen, Population: pop, GDPMUSD: gdp}
	}
	as := func(code, name string, pop, gdp int64) Organisation {
		return Organisation{Code: code, Name: name, Kind: KindAssociatedState, AppliesDublin: true, AppliesEurodac: true,
			TPRegime: TPNational, Schengen: true, Population: pop, GDPMUSD: gdp}
	}
	dk := ms("DK", "Denmark", true, 5961200, 412000)
	dk.TPRegime = TPNational
	return []Organisation{
		ms("AT", "Austria", true, 9158800, 536000),
		ms("BE", "Belgium", true, 11832000, 662000),
		ms("BG", "Bulgaria", true, 6445500, 108000),
		ms("HR", "Croatia", true, 3862000, 90000),
		ms("CY", "Cyprus", false, 933500, 35000),
		ms("CZ", "Czechia", true, 10900600, 343000),
		dk,
		ms("EE", "Estonia", true, 1374700, 43000),
		ms("FI", "Finland", true, 5603900, 306000),
		ms("FR", "France", true, 68402000, 3200000),
		ms("DE", "Germany", true, 83445000, 4700000),
		ms("GR", "Greece", true, 10397200, 253000),
		ms("HU", "Hungary", true, 9584600, 229000),
		ms("IE", "Ireland", false, 5343800, 561000),
		ms("IT", "Italy", true, 58989700, 2400000),
		ms("LV", "Latvia", true, 1871900, 46000),
		ms("LT", "Lithuania", true, 2885900, 83000),
		ms("LU", "Luxembourg", true, 672100, 91000),
		ms("MT", "Malta", true, 563000, 24000),
		ms("NL", "Netherlands", true, 17942900, 1200000),
		ms("PL", "Poland", true, 36621000, 863000),
		ms("PT", "Portugal", true, 10639700, 303000),
		ms("RO", "Romania", true, 19064400, 381000),
		ms("SK", "Slovakia", true, 5424700, 143000),
		ms("SI", "Slovenia", true, 2123900, 73000),
		ms("ES", "Spain", true, 48610500, 1700000),
		ms("SE", "Sweden", true, 10551700, 609000),
		as("CH", "Switzerland", 8962258, 936600),
		as("IS", "Iceland", 383726, 33000),
		as("LI", "Liechtenstein", 40015, 7000),
		as("NO", "Norway", 5550203, 527000),
	}
}

// EUBodies returns the EU institutions and agencies whose staff use CEAS.
func EUBodies() []Organisation {
	body := func(code, name string) Organisation {
		return Organisation{Code: code, Name: name, Kind: KindEUBody, TPRegime: TPNone}
	}
	return []Organisation{
		body("EC", "European Commission"),
		body("EUAA", "European Union Agency for Asylum"),
		body("FRONTEX", "European Border and Coast Guard Agency (Frontex)"),
		body("EUROPOL", "European Union Agency for Law Enforcement Cooperation (Europol)"),
		body("EULISA", "European Union Agency for the Operational Management of Large-Scale IT Systems (eu-LISA)"),
		body("EDPS", "European Data Protection Supervisor"),
	}
}

// Organisations returns the states followed by the EU bodies.
func Organisations() []Organisation { return append(States(), EUBodies()...) }

// IsStateCode reports whether code is one of the 31 states CEAS serves.
func IsStateCode(code string) bool {
	for _, s := range States() {
		if s.Code == code {
			return true
		}
	}
	return false
}

// IsMemberState reports whether code is one of the 27 Member States.
func IsMemberState(code string) bool {
	for _, s := range States() {
		if s.Code == code && s.Kind == KindMemberState {
			return true
		}
	}
	return false
}
