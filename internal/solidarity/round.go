package solidarity

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/ceas-eu/ceas/internal/platform/refdata"
)

// Excluded is a ready candidate left out of a round, with the reason, so the coordinator
// sees it rather than an infeasible instance. It names the candidate by id only: runs are
// read by coordinators, who see no candidate record.
type Excluded struct {
	Candidate string `json:"candidate"`
	Reason    string `json:"reason"`
}

// roundInput is what a matching round is built from: the ledger, the ready candidates and
// the places already taken by matched, accepted or transferred households.
type roundInput struct {
	ledger        Ledger
	ready         []Candidate
	taken         []Candidate
	floorFraction float64
	// optional drops the mandatory placement of vulnerable households.
	optional bool
}

// buildInstance turns the ledger into a relocation instance (shared/formats/
// relocation-instance.md): one place per pledged region (or one per pledge without
// regions) with the persons still open, and one case per ready household. Contributors'
// preferences (2022 declaration, criterion 5) and the household's family link and hard
// preferences become allowed states; vulnerable households are mandatory (criterion 1).
func buildInstance(r roundInput) (*Instance, []Excluded) {
	in := &Instance{Schema: InstanceSchema, Name: r.ledger.Cycle.Code + " round",
		Policy: Policy{Regime: r.ledger.Cycle.Regime, FloorFraction: r.floorFraction, Mandatory: "vulnerable", ScoreDecimals: 4}}
	prefs := addPlaces(in, r.ledger.Pledges, r.taken)
	for g := range in.States {
		in.States[g].Floor = int(math.Floor(r.floorFraction * float64(in.States[g].Pledge)))
	}
	maxCap := 0
	for _, p := range in.Places {
		maxCap = max(maxCap, p.Capacity)
	}
	var excluded []Excluded
	entry, nats := map[string]bool{}, map[string]bool{}
	if r.optional {
		in.Policy.Mandatory = ""
	}
	for _, c := range r.ready {
		k, why := buildCase(&c, in, prefs, maxCap)
		k.Mandatory = k.Mandatory && !r.optional
		if why != "" {
			excluded = append(excluded, Excluded{Candidate: c.ID, Reason: why})
			continue
		}
		k.Index = len(in.Cases)
		in.Cases = append(in.Cases, k)
		entry[c.OwnerOrg], nats[c.Nationality] = true, true
	}
	in.EntryStates, in.Nationalities = countries(entry), countries(nats)
	return in, excluded
}

// addPlaces adds the open places of every active relocation pledge and returns each state's
// preferences (a state with several pledges accepts what any of them accepts).
func addPlaces(in *Instance, pledges []Pledge, taken []Candidate) map[string][]Preferences {
	used := map[string][3]int{}
	for _, c := range taken {
		u := used[c.MatchedPlace]
		k := householdCounts(&c.Profile)
		used[c.MatchedPlace] = [3]int{u[0] + c.Size, u[1] + k[0], u[2] + k[1]}
	}
	prefs := map[string][]Preferences{}
	stateIx := map[string]int{}
	for _, pl := range pledges {
		if pl.Form != FormRelocation || pl.Status == PledgeWithdrawn {
			continue
		}
		g, ok := stateIx[pl.State]
		if !ok {
			g = len(in.States)
			stateIx[pl.State] = g
			langs, _ := stateLanguages(pl.State)
			in.States = append(in.States, State{Code: pl.State, Name: stateName(pl.State), Languages: langs})
		}
		prefs[pl.State] = append(prefs[pl.State], pl.Detail.Preferences)
		regions := pl.Detail.Places
		if len(regions) == 0 {
			regions = []RelocationPlace{{Region: "national", Capacity: int(pl.Relocations), UnemploymentRate: 0.06}}
		}
		for _, rg := range regions {
			id := fmt.Sprintf("%s-%02d", pl.State, in.States[g].NPlaces+1)
			in.States[g].NPlaces++
			u := used[id]
			p := Place{Index: len(in.Places), ID: id, State: pl.State, Capacity: max(0, rg.Capacity-u[0]),
				UAMCapacity: max(0, rg.UAMCapacity-u[1]), MedicalCapacity: max(0, rg.MedicalCapacity-u[2]),
				Urban: rg.Urban, UnemploymentRate: rg.UnemploymentRate}
			p.UAMCapacity, p.MedicalCapacity = min(p.UAMCapacity, p.Capacity), min(p.MedicalCapacity, p.Capacity)
			in.States[g].Pledge += p.Capacity
			in.Places = append(in.Places, p)
		}
	}
	return prefs
}

// buildCase makes the case of a household, or says why it cannot enter the round.
func buildCase(c *Candidate, in *Instance, prefs map[string][]Preferences, maxCap int) (Case, string) {
	pr := &c.Profile
	k := Case{ID: c.ID, Nationality: c.Nationality, EntryState: c.OwnerOrg, Size: c.Size, Employable: pr.Employable(),
		Vulnerable: c.Vulnerable, Mandatory: c.Vulnerable, SingleParent: singleParent(pr)}
	counts := householdCounts(pr)
	k.UAMCount, k.MedicalCount = counts[0], counts[1]
	if c.Size > maxCap {
		return k, fmt.Sprintf("household of %d persons is larger than any open place (largest %d)", c.Size, maxCap)
	}
	var allowed []string
	for _, s := range in.States {
		if acceptsAny(prefs[s.Code], c) && (!pr.HardPreference || len(pr.PreferredStates) == 0 || slices.Contains(pr.PreferredStates, s.Code)) {
			allowed = append(allowed, s.Code)
		}
	}
	if pr.FamilyLinkState != "" {
		if !slices.Contains(allowed, pr.FamilyLinkState) {
			return k, "family link in " + pr.FamilyLinkState + ", which offers no place open to this household"
		}
		fl := pr.FamilyLinkState
		k.FamilyLinkState = &fl
	}
	if len(allowed) == 0 {
		return k, "no pledging state's preferences admit this household"
	}
	if !fitsSomewhere(in, &k, allowed) {
		where := fmt.Sprint(allowed)
		if k.FamilyLinkState != nil {
			where = *k.FamilyLinkState + " (family link)"
		}
		return k, fmt.Sprintf("no open place in %s has room for %d persons, %d unaccompanied minors and %d with medical needs",
			where, k.Size, k.UAMCount, k.MedicalCount)
	}
	if len(allowed) < len(in.States) {
		k.AllowedStates = allowed
	}
	if pr.HardPreference {
		k.HardPreferenceStates = pr.PreferredStates
	}
	for i, m := range pr.Members {
		m.ID = fmt.Sprintf("%s-%d", c.ID, i+1) // pseudonymous: the instance is stored with the run
		k.Members = append(k.Members, m)
	}
	k.Scores = make([]float64, len(in.Places))
	for b, p := range in.Places {
		k.Scores[b] = Score(pr, p)
	}
	return k, ""
}

// fitsSomewhere reports whether one place of the allowed states can hold the household with
// its special needs; a household that fits nowhere is left out rather than making the
// round infeasible.
func fitsSomewhere(in *Instance, k *Case, allowed []string) bool {
	for _, p := range in.Places {
		if (k.FamilyLinkState == nil || *k.FamilyLinkState == p.State) && slices.Contains(allowed, p.State) &&
			p.Capacity >= k.Size && p.UAMCapacity >= k.UAMCount && p.MedicalCapacity >= k.MedicalCount {
			return true
		}
	}
	return false
}

func acceptsAny(ps []Preferences, c *Candidate) bool {
	for _, p := range ps {
		if (len(p.Nationalities) == 0 || slices.Contains(p.Nationalities, c.Nationality)) &&
			(len(p.BeneficiaryStates) == 0 || slices.Contains(p.BeneficiaryStates, c.OwnerOrg)) &&
			(!p.VulnerableOnly || c.Vulnerable) {
			return true
		}
	}
	return false
}

// householdCounts returns the unaccompanied minors and the persons with medical needs.
func householdCounts(p *Profile) [2]int {
	var k [2]int
	for _, m := range p.Members {
		if m.UnaccompaniedMinor {
			k[0]++
		}
		if m.MedicalNeeds {
			k[1]++
		}
	}
	return k
}

func singleParent(p *Profile) bool {
	adults := 0
	for _, m := range p.Members {
		if m.AgeGroup != "0-17" {
			adults++
		}
	}
	return adults == 1 && len(p.Members) > 1
}

func countries(set map[string]bool) []Country {
	out := make([]Country, 0, len(set))
	for code := range set {
		name := code
		if c, ok := refdata.CountryByCode(code); ok {
			name = c.Name
		}
		out = append(out, Country{Code: code, Name: name})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

func stateName(code string) string {
	for _, s := range refdata.States() {
		if s.Code == code {
			return s.Name
		}
	}
	return code
}
