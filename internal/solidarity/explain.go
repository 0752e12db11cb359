package solidarity

import (
	"fmt"

	"github.com/ceas-eu/ceas/internal/mcmf/assign"
)

// Explanation says why a case went where it did: the parts of its score, how the place
// ranks among those open to it, and the constraints that bound the choice.
type Explanation struct {
	Case  string `json:"case"`
	Place string `json:"place,omitempty"` // empty when unplaced
	State string `json:"state,omitempty"`
	// Employable x Score = Contribution, the case's part of the objective.
	Employable   int     `json:"employable"`
	Score        float64 `json:"score"`
	Contribution float64 `json:"contribution"`
	// Rank of the place among the places open to the case by score (1 = best), and the
	// best of them, for comparison.
	Rank      int     `json:"rank,omitempty"`
	BestPlace string  `json:"best_place,omitempty"`
	BestScore float64 `json:"best_score,omitempty"`
	// Binding lists the constraints that shaped the placement, in words.
	Binding []string `json:"binding,omitempty"`
}

func (m *model) explain(sol *assign.Solution) []Explanation {
	in := m.in
	load := make([]int, len(in.Places))
	for i, b := range sol.Bin {
		if b >= 0 {
			load[b] += in.Cases[i].Size
		}
	}
	out := make([]Explanation, len(in.Cases))
	for i := range in.Cases {
		out[i] = m.explainCase(i, sol.Bin[i], load)
	}
	return out
}

func (m *model) explainCase(i, b int, load []int) Explanation {
	in, c := m.in, &m.in.Cases[i]
	e := Explanation{Case: c.ID, Employable: c.Employable}
	best, rank := -1, 1
	for _, q := range m.open(i) {
		if best < 0 || c.Scores[q] > c.Scores[best] {
			best = q
		}
		if b >= 0 && c.Scores[q] > c.Scores[b] {
			rank++
		}
	}
	if best >= 0 {
		e.BestPlace, e.BestScore = in.Places[best].ID, c.Scores[best]
	}
	e.Binding = m.bindings(i, b, best, load)
	if b < 0 {
		return e
	}
	pl := in.Places[b]
	e.Place, e.State, e.Rank = pl.ID, pl.State, rank
	e.Score = c.Scores[b]
	e.Contribution = float64(m.prob.V(i, b)) / m.unit
	return e
}

// open lists the places the case may go to under its states and the overrides.
func (m *model) open(i int) []int {
	if a := m.prob.Items[i].Allowed; a != nil {
		return a
	}
	all := make([]int, len(m.in.Places))
	for k := range all {
		all[k] = k
	}
	return all
}

func (m *model) bindings(i, b, best int, load []int) []string {
	in, c := m.in, &m.in.Cases[i]
	var out []string
	if m.pinned != nil && m.pinned[i] {
		out = append(out, "pinned by the coordinator")
	} else if c.Mandatory {
		out = append(out, "mandatory: vulnerable household placed first")
	}
	if c.FamilyLinkState != nil {
		out = append(out, "family link in "+*c.FamilyLinkState)
	}
	if c.AllowedStates != nil {
		out = append(out, fmt.Sprintf("allowed states %v", c.AllowedStates))
	}
	if c.UAMCount > 0 {
		out = append(out, "needs places for unaccompanied minors")
	}
	if c.MedicalCount > 0 {
		out = append(out, "needs places with medical care")
	}
	if best >= 0 && best != b {
		bp := in.Places[best]
		if free := bp.Capacity - load[best]; free < c.Size {
			out = append(out, fmt.Sprintf("best place %s is full (%d of %d free)", bp.ID, max(0, free), c.Size))
		} else {
			out = append(out, fmt.Sprintf("best place %s has room but the trade-off with other households favours this choice", bp.ID))
		}
	}
	if b < 0 && !c.Mandatory {
		out = append(out, "not placed: the capacity open to it goes to households with higher expected integration")
	}
	return out
}
