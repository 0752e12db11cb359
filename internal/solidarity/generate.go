package solidarity

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// genState is a pledging state of the 2022 declaration with its share of the pledged
// places (close to the published pledges: DE 3,500 and FR 3,000 of about 8,000).
type genState struct {
	code, name string
	langs      []string
	english    float64
	weight     float64
}

var genStates = []genState{
	{"DE", "Germany", []string{"de"}, 0.3, 0.33}, {"FR", "France", []string{"fr"}, 0.2, 0.25},
	{"NL", "Netherlands", []string{"nl"}, 0.7, 0.06}, {"BE", "Belgium", []string{"fr", "nl", "de"}, 0.4, 0.05},
	{"LU", "Luxembourg", []string{"fr", "de", "lb"}, 0.5, 0.01}, {"PT", "Portugal", []string{"pt"}, 0.3, 0.06},
	{"IE", "Ireland", []string{"en", "ga"}, 1.0, 0.05}, {"FI", "Finland", []string{"fi", "sv"}, 0.5, 0.04},
	{"LT", "Lithuania", []string{"lt"}, 0.3, 0.025}, {"HR", "Croatia", []string{"hr"}, 0.2, 0.03},
	{"BG", "Bulgaria", []string{"bg"}, 0.2, 0.03}, {"RO", "Romania", []string{"ro"}, 0.3, 0.04},
	{"SI", "Slovenia", []string{"sl"}, 0.3, 0.025},
}

var genNationalities = []Country{
	{"SY", "Syria", []string{"ar", "ku"}}, {"AF", "Afghanistan", []string{"fa", "ps"}},
	{"BD", "Bangladesh", []string{"bn"}}, {"EG", "Egypt", []string{"ar"}}, {"TN", "Tunisia", []string{"ar", "fr"}},
	{"GN", "Guinea", []string{"fr"}}, {"CI", "Cote d'Ivoire", []string{"fr"}}, {"ML", "Mali", []string{"fr"}},
	{"ER", "Eritrea", []string{"ti", "ar"}}, {"SD", "Sudan", []string{"ar", "en"}}, {"SO", "Somalia", []string{"so", "ar"}},
	{"NG", "Nigeria", []string{"en"}}, {"PK", "Pakistan", []string{"ur", "en"}}, {"IQ", "Iraq", []string{"ar", "ku"}},
	{"CM", "Cameroon", []string{"fr", "en"}}, {"CD", "DR Congo", []string{"fr"}}, {"MA", "Morocco", []string{"ar", "fr"}},
}

var genEntryStates = []Country{{Code: "IT", Name: "Italy"}, {Code: "GR", Name: "Greece"}, {Code: "CY", Name: "Cyprus"}, {Code: "MT", Name: "Malta"}, {Code: "ES", Name: "Spain"}}

// GenOptions shape a generated instance.
type GenOptions struct {
	// Candidates is the number of persons (not households).
	Candidates int
	// Seed makes the instance reproducible.
	Seed uint64
	// CapacityRatio is total capacity over candidates (default 0.8, scarcity).
	CapacityRatio float64
	// FloorFraction is each state's floor over its pledge (default 0.9).
	FloorFraction float64
}

// Generate returns a synthetic instance, the same for the same options: the 13 pledging
// states of 2022, regions as places (about 40 for 500 candidates, growing as n^0.4),
// households of 1-7 persons, and scores from a logistic employment model in the manner
// of GeoMatch (language, skills demand, unemployment, diaspora). Synthetic data only.
func Generate(o GenOptions) *Instance {
	if o.CapacityRatio == 0 {
		o.CapacityRatio = 0.8
	}
	if o.FloorFraction == 0 {
		o.FloorFraction = 0.9
	}
	g := &generator{o: o, rng: rand.New(rand.NewPCG(o.Seed, uint64(o.Candidates)))}
	in := &Instance{Schema: InstanceSchema, Name: fmt.Sprintf("synthetic-%d-seed%d", o.Candidates, o.Seed),
		Policy:      Policy{Regime: "scarcity", CapacityRatio: o.CapacityRatio, FloorFraction: o.FloorFraction, Mandatory: "vulnerable", ScoreDecimals: 4, Objective: "max sum_c sum_p employable_c * score_cp * x_cp"},
		EntryStates: genEntryStates, Nationalities: genNationalities}
	g.cases(in)
	g.places(in)
	g.capacities(in)
	g.restrictions(in)
	g.scores(in)
	return in
}

type generator struct {
	o   GenOptions
	rng *rand.Rand
}

var sizeWeights = []float64{0.46, 0.145, 0.13, 0.10, 0.12, 0.025, 0.02}

func (g *generator) pick(w []float64) int {
	x := g.rng.Float64()
	for k, p := range w {
		if x < p {
			return k
		}
		x -= p
	}
	return len(w) - 1
}

// largestRemainder splits total in proportion to weights, each at least lo.
func largestRemainder(total int, weights []float64, lo int) []int {
	out := make([]int, len(weights))
	var sum float64
	for _, w := range weights {
		sum += w
	}
	rest := total - lo*len(weights)
	type rem struct {
		k int
		f float64
	}
	rems := make([]rem, len(weights))
	given := 0
	for k, w := range weights {
		q := float64(max(0, rest)) * w / sum
		out[k] = lo + int(math.Floor(q))
		given += out[k]
		rems[k] = rem{k, q - math.Floor(q)}
	}
	for given < total {
		best := 0
		for k := range rems {
			if rems[k].f > rems[best].f {
				best = k
			}
		}
		out[rems[best].k]++
		rems[best].f = -1
		given++
	}
	return out
}
