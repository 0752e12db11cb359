package identity

import (
	"math"
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
	u := smooth(counts, prior.U, 50)
	// A level never seen among the sampled pairs (two swapped dates, equal passport
	// numbers) is rare, not impossible: keep u at a quarter of its prior at least, or its
	// weight grows with the sample size instead of with the evidence.
	for f := range nFields {
		for l := 1; l < levels(f); l++ {
			u[f][l] = max(u[f][l], prior.U[f][l]/4)
		}
	}
	return u
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
const emIterations = 25

// estimateM runs expectation-maximisation over the comparison patterns of the candidate
// pairs (counted, so the cost is independent of the number of pairs): it learns m, with u
// held at its random-pair estimate.
//
// The posterior of a candidate pair uses the prior over all pairs of the batch, not over
// candidates: with u from random pairs that is the consistent choice (blocked non-matches
// agree far more often than random pairs, and a candidate-level prior lets EM explain
// them as matches). Pairs outside the candidates carry negligible posterior mass. Vetoed
// pairs (twins, families) are held at posterior 0. frac is the share of the candidate
// pairs the patterns were counted on (1: all): the matches found among them are scaled up
// by it to a number per record of the whole batch.
func estimateM(patterns map[uint64]int, start *Model, n int, frac float64) *Model {
	m := *start
	type pc struct {
		g    gamma
		n    float64
		veto bool
	}
	pats := make([]pc, 0, len(patterns))
	total := 0.0
	for p, n := range patterns {
		pats = append(pats, pc{unpack(p), float64(n), p&vetoBit != 0})
		total += float64(n)
	}
	if total == 0 {
		return &m
	}
	for it := range emIterations {
		w := m.weights()
		prior := logit2(m.pairPrior(n))
		var mc [nFields][maxLevels]float64
		matches := 0.0
		for _, p := range pats {
			lo := prior
			for f := range nFields {
				lo += w[f][p.g[f]]
			}
			post := probability(lo)
			if p.veto {
				post = 0 // twins and families are known non-matches; EM must not learn from them
			}
			matches += p.n * post
			for f := range nFields {
				mc[f][p.g[f]] += p.n * post
			}
		}
		prev := m.MatchesPerRecord
		m.MatchesPerRecord = min(max(2*matches/frac/float64(n), 1e-3), 100)
		m.M = smooth(mc, start.M, 5)
		if it > 2 && abs64(prev-m.MatchesPerRecord) < 1e-6 {
			break
		}
	}
	return &m
}

func logit2(p float64) float64 {
	p = min(max(p, 1e-9), 1-1e-9)
	return math.Log2(p / (1 - p))
}

func abs64(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
