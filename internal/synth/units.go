package synth

// unit is a group of persons generated together: a person alone, a household, or a
// hard-negative pair. Households travel together, so they share one route of states.
type unit struct {
	members []*person
	routes  [][]int // per member: indexes into generator.states, first registration first
	hard    string
}

// nextUnit draws the next unit. A proportional controller keeps the share of persons in
// hard-negative pairs at HardNegativeRate exactly, rather than only in expectation.
func (g *generator) nextUnit() *unit {
	rate := g.opts.HardNegativeRate
	if rate > 0 && float64(g.hardPersons) < rate*float64(g.persons+2) {
		return g.hardUnit()
	}
	u := &unit{}
	switch x := g.rng.Float64(); {
	case x < 0.58:
		sex := byte('M')
		if g.rng.Float64() < 0.6 {
			sex = 'F'
		}
		u.members = []*person{g.newPerson(sex, false, true)}
	case x < 0.9:
		u.members = g.household()
	default:
		u.members = g.couple()
	}
	g.route(u)
	return u
}

// household is a mother with one to three children, the commonest family that fled in 2022.
func (g *generator) household() []*person {
	rng := g.rng
	mother := g.newPerson('F', false, false)
	if a := refYear - mother.dob.y; a < 22 || a > 50 {
		mother.dob = birthDate(rng, 22+rng.IntN(29))
	}
	n := 1
	if x := rng.Float64(); x > 0.85 {
		n = 3
	} else if x > 0.5 {
		n = 2
	}
	father := g.givenFor('M')
	out := []*person{mother}
	for range n {
		c := g.childOf(mother)
		c.father = father
		out = append(out, c)
	}
	return out
}

// childOf draws a child of parent: the family surname, the parent's household, often the
// same place of birth.
func (g *generator) childOf(parent *person) *person {
	rng := g.rng
	sex := byte('M')
	if rng.IntN(2) == 0 {
		sex = 'F'
	}
	c := g.newPerson(sex, true, false)
	c.household = parent.household
	if rng.Float64() < 0.85 {
		c.setSurname(parent.surnameM)
	}
	if rng.Float64() < 0.6 {
		c.pob = parent.pob
	}
	if maxAge := refYear - parent.dob.y - 17; refYear-c.dob.y > maxAge && maxAge > 0 {
		c.dob = birthDate(rng, rng.IntN(maxAge))
	}
	c.russian = parent.russian
	g.documents(c)
	return c
}

// couple is an older married couple: one surname, one household.
func (g *generator) couple() []*person {
	rng := g.rng
	man := g.newPerson('M', false, false)
	if a := refYear - man.dob.y; a < 60 {
		man.dob = birthDate(rng, 60+rng.IntN(25))
	}
	woman := g.newPerson('F', false, false)
	woman.dob = birthDate(rng, refYear-man.dob.y-rng.IntN(6))
	if woman.maiden == "" && rng.Float64() < 0.5 {
		woman.maiden = woman.surname
	}
	woman.setSurname(man.surnameM)
	woman.household = man.household
	return []*person{man, woman}
}

// route assigns the states each member registers in. With probability DuplicateRate the
// unit also registers in one or two further states (secondary movement within the Union).
func (g *generator) route(u *unit) {
	first := g.pickState(-1, -1)
	var extra []int
	if g.rng.Float64() < g.opts.DuplicateRate && len(g.states) > 1 {
		s2 := g.pickState(first, -1)
		extra = append(extra, s2)
		if g.rng.Float64() < 0.2 && len(g.states) > 2 {
			extra = append(extra, g.pickState(first, s2))
		}
	}
	r := append([]int{first}, extra...)
	u.routes = make([][]int, len(u.members))
	for i := range u.members {
		u.routes[i] = r
	}
}

// pickState draws a state by weight, excluding up to two already used.
func (g *generator) pickState(not1, not2 int) int {
	for {
		s := sample(g.rng, g.stateCum)
		if s != not1 && s != not2 {
			return s
		}
	}
}
