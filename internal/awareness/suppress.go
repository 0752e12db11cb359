package awareness

import (
	"cmp"
	"slices"
)

// SmallCount is the default suppression threshold: counts of people from 1 to 4 are not
// shown outside the state that owns them. Callers pass their configured threshold.
const SmallCount = 5

// countsPeople reports whether u counts people or their records, the units whose small values
// could point at an individual (GDPR Art 5(1)(c), data minimisation; Art 89(1) safeguards for
// statistics). Places, countries, operations, programmes and percentages are not suppressed.
func countsPeople(u Unit) bool {
	switch u {
	case UnitPersons, UnitCrossings, UnitApplications, UnitHits, UnitDecisions:
		return true
	}
	return false
}

// SuppressSmall returns a copy of obs as shown to viewer (a state code; "" for the
// Commission, agencies and the public): values from 1 to threshold-1 counting people are
// withheld (Suppressed set, Value 0) unless viewer owns the row (Geo.State == viewer). Rows
// without a state belong to no single state and are suppressed for every viewer. When a
// breakdown would let a withheld cell be recomputed from its total (the only suppressed cell
// of its group), the next smallest shown cell of the group is withheld too.
func SuppressSmall(obs []Observation, threshold float64, viewer string) []Observation {
	out := slices.Clone(obs)
	hidden := func(o Observation) bool {
		return countsPeople(o.Unit) && o.Value > 0 && o.Value < threshold && (viewer == "" || o.Geo.State != viewer)
	}
	for i := range out {
		if hidden(out[i]) {
			out[i].Value, out[i].Suppressed = 0, true
		}
	}
	suppressComplements(out, obs, viewer, func(o Observation) Observation { o.Nationality = ""; return o })
	suppressComplements(out, obs, viewer, func(o Observation) Observation { o.Geo.State = ""; return o })
	return out
}

// suppressComplements withholds a second cell in every breakdown group (rows equal once
// group() clears the breakdown dimension) that has exactly one withheld cell.
func suppressComplements(out, orig []Observation, viewer string, group func(Observation) Observation) {
	type gk struct {
		k   Key
		rev int
	}
	groups := map[gk][]int{}
	for i, o := range out {
		if g := group(o); g.Key() != o.Key() { // a breakdown row
			groups[gk{g.Key(), o.Revision}] = append(groups[gk{g.Key(), o.Revision}], i)
		}
	}
	for _, idx := range groups {
		n := 0
		for _, i := range idx {
			if out[i].Suppressed {
				n++
			}
		}
		if n != 1 {
			continue
		}
		shown := slices.DeleteFunc(slices.Clone(idx), func(i int) bool {
			return out[i].Suppressed || !countsPeople(out[i].Unit) || (viewer != "" && out[i].Geo.State == viewer)
		})
		if len(shown) == 0 {
			continue
		}
		j := slices.MinFunc(shown, func(a, b int) int { return cmp.Compare(orig[a].Value, orig[b].Value) })
		out[j].Value, out[j].Suppressed = 0, true
	}
}
