package awareness

import (
	"cmp"
	"slices"
)

// PublishedFigure is a published (not synthetic) observation as the report lists it, with
// its changes against the same figure of the comparison years when those were published too
// (asylum applications January to July: about 290 000 in 2021, 375 288 in 2019).
type PublishedFigure struct {
	Observation
	Superseded bool     `json:"superseded,omitempty"` // a later revision is listed too
	Changes    []Change `json:"changes,omitempty"`
}

// published lists every published (not synthetic) figure whose period lies within p or
// within a comparison year, every revision included so the history shows (the report's
// "more than 86 000" stays beside Frontex's later "more than 86 500"), ordered by series,
// route, period and revision.
func published(obs []Observation, p Period, years []int) []PublishedFigure {
	inScope := func(o Observation) bool {
		if p.Contains(o.Period()) {
			return true
		}
		for _, y := range years {
			if (Period{Start: Civil(y, 1, 1), End: Civil(y, 12, 31)}).Contains(o.Period()) {
				return true
			}
		}
		return false
	}
	latest := map[Key]Observation{}
	var in []Observation
	for _, o := range obs {
		if o.Synthetic {
			continue
		}
		if prev, ok := latest[o.Key()]; !ok || o.Revision > prev.Revision {
			latest[o.Key()] = o
		}
		if inScope(o) {
			in = append(in, o)
		}
	}
	slices.SortStableFunc(in, func(a, b Observation) int {
		return cmp.Or(cmp.Compare(a.Series, b.Series), cmp.Compare(a.Geo.Route, b.Geo.Route),
			cmp.Compare(a.PeriodStart, b.PeriodStart), cmp.Compare(a.PeriodEnd, b.PeriodEnd),
			cmp.Compare(a.Measure, b.Measure), cmp.Compare(a.Geo.State, b.Geo.State),
			cmp.Compare(a.Nationality, b.Nationality), cmp.Compare(a.Revision, b.Revision))
	})
	out := make([]PublishedFigure, len(in))
	for i, o := range in {
		out[i] = PublishedFigure{Observation: o, Superseded: latest[o.Key()].Revision > o.Revision}
		if !out[i].Superseded && p.Contains(o.Period()) {
			out[i].Changes = publishedChanges(o, latest, years)
		}
	}
	return out
}

// publishedChanges compares o with the latest published figure for the same key over the
// same days of each comparison year. A lower bound ("more than") compared with an exact
// figure gives a lower bound; any other inexact pair gives an approximate change.
func publishedChanges(o Observation, latest map[Key]Observation, years []int) []Change {
	if o.Unit == UnitPercent {
		return nil // changes of a percentage are points, not per cent
	}
	var out []Change
	for _, y := range years {
		k := o.Key()
		k.Period = o.Period().ShiftYears(y - o.PeriodStart.Year())
		base, ok := latest[k]
		if !ok || base.Value <= 0 {
			continue
		}
		c := Change{Year: y, Base: base.Value, Current: o.Value, Percent: (o.Value/base.Value - 1) * 100,
			Known: true, Qualifier: Approximate}
		switch {
		case o.Qualifier == Exact && base.Qualifier == Exact:
			c.Qualifier = Exact
		case o.Qualifier == MoreThan && base.Qualifier == Exact:
			c.Qualifier = MoreThan
		}
		out = append(out, c)
	}
	return out
}

func suppressPublished(ps []PublishedFigure, threshold float64) []PublishedFigure {
	obs := make([]Observation, len(ps))
	for i, p := range ps {
		obs[i] = p.Observation
	}
	obs = SuppressSmall(obs, threshold, "")
	out := slices.Clone(ps)
	for i := range out {
		out[i].Observation = obs[i]
		if obs[i].Suppressed {
			out[i].Changes = nil
		}
	}
	return out
}
