package solidarity

import "math"

// restrictions gives about 5% of cases (without special needs) a family link (the state becomes their only
// allowed state) and 3.5% hard preferences for two or three states.
func (g *generator) restrictions(in *Instance) {
	for i := range in.Cases {
		c := &in.Cases[i]
		x := g.rng.Float64()
		if c.UAMCount+c.MedicalCount > 0 {
			continue // special capacity is scarce; restricting these too would make rounds infeasible
		}
		switch {
		case x < 0.05:
			s := genStates[g.pick(stateWeights())].code
			c.FamilyLinkState = &s
			c.AllowedStates = []string{s}
		case x < 0.085:
			k := 2 + g.rng.IntN(2)
			seen := map[string]bool{}
			for len(seen) < k {
				seen[genStates[g.rng.IntN(len(genStates))].code] = true
			}
			for _, s := range genStates {
				if seen[s.code] {
					c.HardPreferenceStates = append(c.HardPreferenceStates, s.code)
				}
			}
			c.AllowedStates = c.HardPreferenceStates
		}
	}
}

func stateWeights() []float64 {
	w := make([]float64, len(genStates))
	for k, s := range genStates {
		w[k] = s.weight
	}
	return w
}

var (
	ageEffect = map[string]float64{"0-17": -0.8, "18-25": 0, "26-45": 0.15, "46-64": -0.45, "65+": -1.5}
	eduEffect = map[string]float64{"none": -0.45, "primary": -0.15, "secondary": 0.15, "tertiary": 0.4}
)

// scores fills each case's predicted employment probability at each place: a logistic
// model of the household's lead member and the region (language, labour demand for the
// member's skill level, unemployment, diaspora of the nationality), with noise.
func (g *generator) scores(in *Instance) {
	stateOf := map[string]int{}
	for k, s := range genStates {
		stateOf[s.code] = k
	}
	for i := range in.Cases {
		c := &in.Cases[i]
		lead := c.Members[0]
		base := -1.15 + ageEffect[lead.AgeGroup] + 0.35*g.rng.NormFloat64()
		high := false
		if lead.Education != nil {
			base += eduEffect[*lead.Education]
			high = *lead.Education == "tertiary" || *lead.Education == "secondary"
		}
		if lead.Sex == "F" {
			base -= 0.35
		}
		if c.SingleParent {
			base -= 0.45
		}
		if c.MedicalCount > 0 {
			base -= 0.3
		}
		c.Scores = make([]float64, len(in.Places))
		for b, p := range in.Places {
			s := genStates[stateOf[p.State]]
			x := base + g.languageEffect(lead.Languages, s)
			demand := p.LowSkillDemand
			if high {
				demand = p.HighSkillDemand
			}
			x += 1.1*demand - 7*(p.UnemploymentRate-0.06) + 0.12*math.Log1p(float64(p.Diaspora[c.Nationality])/500)
			x += 0.3 * g.rng.NormFloat64()
			c.Scores[b] = round4(1 / (1 + math.Exp(-x)))
		}
	}
}

func (g *generator) languageEffect(langs []string, s genState) float64 {
	e := 0.0
	for _, l := range langs {
		for _, o := range s.langs {
			if l == o {
				e = max(e, 0.85)
			}
		}
		if l == "en" {
			e = max(e, 0.45*s.english)
		}
	}
	return e
}
