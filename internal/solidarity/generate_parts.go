package solidarity

import (
	"fmt"
	"math"
)

var (
	ageGroups  = []string{"0-17", "18-25", "26-45", "46-64", "65+"}
	educations = []string{"none", "primary", "secondary", "tertiary"}
)

// cases draws households until the candidates are used up.
func (g *generator) cases(in *Instance) {
	persons := 0
	for persons < g.o.Candidates {
		size := min(1+g.pick(sizeWeights), g.o.Candidates-persons)
		nat := g.rng.IntN(len(genNationalities))
		c := Case{Index: len(in.Cases), ID: fmt.Sprintf("C%06d", len(in.Cases)+1), Size: size,
			Nationality: genNationalities[nat].Code, EntryState: genEntryStates[g.rng.IntN(len(genEntryStates))].Code}
		uam := size == 1 && g.rng.Float64() < 0.03
		adults := 0
		for k := 0; k < size; k++ {
			m := g.member(len(in.Cases), persons+k, k, uam, nat)
			if m.AgeGroup != "0-17" {
				adults++
			}
			if m.AgeGroup != "0-17" && m.AgeGroup != "65+" {
				c.Employable++
			}
			if m.MedicalNeeds {
				c.MedicalCount++
			}
			if m.UnaccompaniedMinor {
				c.UAMCount++
			}
			c.Members = append(c.Members, m)
		}
		c.SingleParent = adults == 1 && size > 1 && c.Members[0].Sex == "F"
		c.Vulnerable = c.SingleParent || c.UAMCount > 0 || c.MedicalCount > 0 || c.Members[0].AgeGroup == "65+"
		c.Mandatory = c.Vulnerable
		in.Cases = append(in.Cases, c)
		persons += size
	}
}

func (g *generator) member(ci, pi, k int, uam bool, nat int) Member {
	m := Member{ID: fmt.Sprintf("P%07d", pi+1), Sex: []string{"F", "M"}[g.rng.IntN(2)]}
	switch {
	case uam:
		m.AgeGroup, m.UnaccompaniedMinor = "0-17", true
	case k == 0:
		m.AgeGroup = ageGroups[1+g.pick([]float64{0.3, 0.5, 0.15, 0.05})]
	case k == 1:
		m.AgeGroup = ageGroups[g.pick([]float64{0.3, 0.15, 0.4, 0.12, 0.03})]
	default:
		m.AgeGroup = ageGroups[g.pick([]float64{0.85, 0.1, 0.03, 0.01, 0.01})]
	}
	if m.AgeGroup != "0-17" {
		e := educations[g.pick([]float64{0.2, 0.3, 0.35, 0.15})]
		m.Education = &e
	}
	m.Languages = []string{genNationalities[nat].Languages[0]}
	if g.rng.Float64() < 0.35 {
		m.Languages = append(m.Languages, "en")
	}
	if g.rng.Float64() < 0.1 {
		m.Languages = append(m.Languages, []string{"fr", "de", "it"}[g.rng.IntN(3)])
	}
	m.MedicalNeeds = g.rng.Float64() < 0.034
	return m
}

// places creates regions per state, about 40 for 500 candidates.
func (g *generator) places(in *Instance) {
	n := max(len(genStates), int(math.Round(40*math.Pow(float64(g.o.Candidates)/500, 0.4))))
	weights := make([]float64, len(genStates))
	for k, s := range genStates {
		weights[k] = s.weight
	}
	per := largestRemainder(n, weights, 1)
	for k, s := range genStates {
		in.States = append(in.States, State{Code: s.code, Name: s.name, Languages: s.langs, EnglishFactor: &genStates[k].english, NPlaces: per[k]})
		for r := 0; r < per[k]; r++ {
			p := Place{Index: len(in.Places), ID: fmt.Sprintf("%s-%02d", s.code, r+1), State: s.code,
				Urban: g.rng.Float64() < 0.4, UnemploymentRate: round4(0.03 + 0.12*g.rng.Float64()),
				LowSkillDemand: round4(g.rng.Float64()), HighSkillDemand: round4(g.rng.Float64()), Diaspora: map[string]int{}}
			for _, nat := range genNationalities {
				p.Diaspora[nat.Code] = int(math.Exp(4 + 5*g.rng.Float64()))
			}
			in.Places = append(in.Places, p)
		}
	}
}

// capacities spreads CapacityRatio x candidates over states (pledges) and their places,
// with special capacity about twice the unaccompanied minors and medical needs.
func (g *generator) capacities(in *Instance) {
	var uam, med int
	for _, c := range in.Cases {
		uam += c.UAMCount
		med += c.MedicalCount
	}
	weights := make([]float64, len(genStates))
	for k, s := range genStates {
		weights[k] = s.weight
	}
	total := int(math.Round(g.o.CapacityRatio * float64(g.o.Candidates)))
	pledges := largestRemainder(total, weights, 0)
	b := 0
	for k := range in.States {
		s := &in.States[k]
		s.Pledge = max(pledges[k], 8*s.NPlaces)

		w := make([]float64, s.NPlaces)
		for r := range w {
			w[r] = 0.5 + g.rng.Float64()
		}
		caps := largestRemainder(s.Pledge, w, 8)
		for r := range caps {
			p := &in.Places[b]
			p.Capacity = caps[r]
			b++
		}
	}
	// With more places than persons floors scale down so that they can all be met
	// together: they sum to at most FloorFraction x candidates.
	pledged := 0
	for _, s := range in.States {
		pledged += s.Pledge
	}
	factor := min(1, float64(g.o.Candidates)/float64(pledged))
	for k := range in.States {
		s := &in.States[k]
		s.Floor = int(math.Floor(g.o.FloorFraction * float64(s.Pledge) * factor))
	}
	w := make([]float64, len(in.Places))
	for k, p := range in.Places {
		w[k] = float64(p.Capacity) * (0.5 + g.rng.Float64())
	}
	uamCaps := largestRemainder(int(math.Ceil(2.5*float64(uam)))+1, w, 0)
	medCaps := largestRemainder(2*med+1, w, 0)
	var maxUAM, maxMed int
	for _, c := range in.Cases {
		maxUAM, maxMed = max(maxUAM, c.UAMCount), max(maxMed, c.MedicalCount)
	}
	largest := map[string]int{}
	for k := range in.Places {
		p := &in.Places[k]
		p.UAMCapacity, p.MedicalCapacity = min(p.Capacity, uamCaps[k]), min(p.Capacity, medCaps[k])
		if j, ok := largest[p.State]; !ok || p.Capacity > in.Places[j].Capacity {
			largest[p.State] = k
		}
	}
	// The largest place of each state can take any household's special needs, so every
	// household fits somewhere.
	for _, k := range largest {
		p := &in.Places[k]
		p.UAMCapacity = min(p.Capacity, max(p.UAMCapacity, maxUAM))
		p.MedicalCapacity = min(p.Capacity, max(p.MedicalCapacity, maxMed))
	}
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
