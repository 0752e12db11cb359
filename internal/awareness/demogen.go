package awareness

import (
	"cmp"
	"hash/fnv"
	"math"
	"slices"
)

// The demo generator turns published totals into plausible weekly series. Every generated
// value is a whole number, the pieces of a segment add up exactly to the segment's total,
// and the same inputs always give the same output (the "noise" is a hash of the date).

// segment is a total the generated series must reproduce exactly over [from, to].
type segment struct {
	from, to string
	total    int
}

// shape weighs the days of a year: how arrivals rise and fall with the season.
type shape func(Date) float64

// flat spreads evenly.
func flat(Date) float64 { return 1 }

// seasonal peaks on peakDay (day of year) with the given amplitude (0..1).
func seasonal(peakDay int, amplitude float64) shape {
	return func(d Date) float64 {
		doy := float64(d - Civil(d.Year(), 1, 1))
		return 1 + amplitude*math.Cos(2*math.Pi*(doy-float64(peakDay))/365)
	}
}

// weeklySeries splits each segment into ISO weeks clipped to the segment, so a week that
// straddles a published cut-off (a month end, 25 September) becomes two observations and the
// published total can be read back exactly.
func weeklySeries(base Observation, segs []segment, sh shape, seed string) []Observation {
	var out []Observation
	for _, s := range segs {
		pieces := Period{Start: MustDate(s.from), End: MustDate(s.to)}.Weeks()
		weights := make([]float64, len(pieces))
		for i, p := range pieces {
			for d := p.Start; d <= p.End; d++ {
				weights[i] += sh(d)
			}
			weights[i] *= 1 + 0.12*(2*noise(seed, p.Start)-1)
		}
		for i, v := range apportion(s.total, weights) {
			out = append(out, synth(base, pieces[i], v))
		}
	}
	return out
}

// splitRows divides every row among the codes by their weights (a little varied per row),
// setting the state or the nationality, so the breakdown rows add up to their total row.
func splitRows(rows []Observation, codes []string, weights []float64, byState bool, seed string) []Observation {
	var out []Observation
	for _, r := range rows {
		w := make([]float64, len(weights))
		for i := range weights {
			w[i] = weights[i] * (1 + 0.1*(2*noise(seed+codes[i], r.PeriodStart)-1))
		}
		for i, v := range apportion(int(r.Value), w) {
			o := r
			o.Value = float64(v)
			if byState {
				o.Geo.State = codes[i]
			} else {
				o.Nationality = codes[i]
			}
			out = append(out, o)
		}
	}
	return out
}

func synth(base Observation, p Period, v int) Observation {
	o := base
	o.PeriodStart, o.PeriodEnd, o.Value = p.Start, p.End, float64(v)
	o.Qualifier, o.Synthetic, o.Revision = Exact, true, 0
	o.Source = "CEAS demo generator (synthetic)"
	return o
}

// apportion divides total into whole numbers proportional to weights by the largest
// remainder method, so the parts always add up to total exactly.
func apportion(total int, weights []float64) []int {
	var sum float64
	for _, w := range weights {
		sum += w
	}
	parts := make([]int, len(weights))
	if sum <= 0 || total <= 0 {
		return parts
	}
	type rem struct {
		i int
		r float64
	}
	rems := make([]rem, len(weights))
	left := total
	for i, w := range weights {
		exact := float64(total) * w / sum
		parts[i] = int(math.Floor(exact))
		left -= parts[i]
		rems[i] = rem{i, exact - float64(parts[i])}
	}
	slices.SortStableFunc(rems, func(a, b rem) int { return cmp.Compare(b.r, a.r) })
	for k := 0; k < left; k++ {
		parts[rems[k%len(rems)].i]++
	}
	return parts
}

// noise returns a deterministic number in [0, 1) for seed and d.
func noise(seed string, d Date) float64 {
	h := fnv.New64a()
	h.Write([]byte(seed))
	h.Write([]byte(d.String()))
	return float64(h.Sum64()>>11) / (1 << 53)
}
