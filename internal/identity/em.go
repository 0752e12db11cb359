package identity

import (
	"math/rand/v2"
)

// uSamplePairs is how many random pairs measure u: random pairs are almost all two
// different people, so their level frequencies are u without any labels.
const uSamplePairs = 100_000

// estimateU measures u on random pairs, smoothed towards the prior so that levels never
// seen at random (an equal passport number) keep a small, finite u.
func estimateU(feats []*features, prior *Model) [nFields][maxLevels]float64 {
	var counts [nFields][maxLevels]float64
	n := len(feats)
	rng := rand.New(rand.NewPCG(1, 2)) // fixed seed: the same batch gives the same model
	samples := min(uSamplePairs, n*(n-1)/2)
	for range samples {
		i, j := rng.IntN(n), rng.IntN(n)
		if i == j {
			continue
		}
		g := compare(feats[i], feats[j])
		for f := range nFields {
			counts[f][g[f]]++
		}
	}
	return smooth(counts, prior.U, 50)
}

// smooth turns level counts into probabilities over the non-missing levels, adding
// pseudo-counts from the prior.
func smooth(counts [nFields][maxLevels]float64, prior [nFields][maxLevels]float64, k float64) [nFields][maxLevels]float64 {
	var out [nFields][maxLevels]float64
	for f := range nFields {
		total := 0.0
		for l := 1; l < levels(f); l++ {
			total += counts[f][l]
		}
		for l := 1; l < levels(f); l++ {
			out[f][l] = (counts[f][l] + k*prior[f][l]) / (total + k)
		}
	}
	return out
}

// emIterations bounds expectation-maximisation; it converges in far fewer on real data.
const emIterations = 40

// estimateM runs expectation-maximisation over the comparison patterns of the candidate
// pairs (counted, so the cost is independent of the number of pairs), with u held fixed:
// it learns m and the share of candidate pairs that match.
func estimateM(patterns map[uint64]int, start *Model) *Model {
	m := *start
	type pc struct {
		g gamma
		n float64
	}
	pats := make([]pc, 0, len(patterns))
	total := 0.0
	for p, n := range patterns {
		pats = append(pats, pc{unpack(p), float64(n)})
		total += float64(n)
	}
	if total == 0 {
		return &m
	}
	for range emIterations {
		var mc [nFields][maxLevels]float64
		matches := 0.0
		for _, p := range pats {
			lm, lu := m.Prior, 1-m.Prior
			for f := range nFields {
				if l := p.g[f]; l != 0 {
					lm *= clampP(m.M[f][l])
					lu *= clampP(m.U[f][l])
				}
			}
			post := lm / (lm + lu)
			w := post * p.n
			matches += w
			for f := range nFields {
				mc[f][p.g[f]] += w
			}
		}
		prev := m.Prior
		m.M = smooth(mc, start.M, 5)
		m.Prior = min(max(matches/total, 1e-6), 0.999)
		if abs64(prev-m.Prior) < 1e-7 {
			break
		}
	}
	return &m
}

func abs64(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
