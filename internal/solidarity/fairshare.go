package solidarity

import (
	"fmt"
	"math/big"
	"sort"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Participant is a state taking part in a solidarity cycle, with the figures of the
// distribution key: population (Eurostat, 1 January) and total GDP (any one currency).
type Participant struct {
	Code       string
	Population int64
	GDP        float64
}

// FairShare is a participant's share of the key and of the annual target.
type FairShare struct {
	Code string
	// Key is 0.5 x population share + 0.5 x GDP share over the participants.
	Key float64
	// Exact is Key x target before rounding; Relocations the rounded share.
	Exact       float64
	Relocations int
}

// FairShares distributes target relocations by the key of Art 66 of Reg. (EU) 2024/1351
// (Art 54 of the 2020 proposal; point 3 of the 2022 declaration's common criteria): 50%
// population and 50% GDP, computed over the participating set only. Largest-remainder
// rounding (Hamilton) makes the parts sum exactly to the target: each gets the floor of
// its exact share, and the units left go to the largest remainders; ties go to the larger
// key, then to the code in alphabetical order, so the result does not depend on input
// order. The arithmetic is exact (rationals), so no float error can move a unit.
func FairShares(ps []Participant, target int) ([]FairShare, error) {
	if err := validateParticipants(ps, target); err != nil {
		return nil, err
	}
	popSum, gdpSum := new(big.Rat), new(big.Rat)
	gdps := make([]*big.Rat, len(ps))
	for i, p := range ps {
		popSum.Add(popSum, new(big.Rat).SetInt64(p.Population))
		gdps[i] = new(big.Rat).SetFloat64(p.GDP)
		gdpSum.Add(gdpSum, gdps[i])
	}
	type part struct {
		key, exact, rem *big.Rat
		share           FairShare
	}
	parts := make([]part, len(ps))
	given := 0
	half := big.NewRat(1, 2)
	for i, p := range ps {
		key := new(big.Rat).Quo(new(big.Rat).SetInt64(p.Population), popSum)
		key.Add(key, new(big.Rat).Quo(gdps[i], gdpSum))
		key.Mul(key, half)
		exact := new(big.Rat).Mul(key, new(big.Rat).SetInt64(int64(target)))
		fl := new(big.Int).Quo(exact.Num(), exact.Denom())
		rem := new(big.Rat).Sub(exact, new(big.Rat).SetInt(fl))
		k, _ := key.Float64()
		e, _ := exact.Float64()
		parts[i] = part{key, exact, rem, FairShare{Code: p.Code, Key: k, Exact: e, Relocations: int(fl.Int64())}}
		given += int(fl.Int64())
	}
	order := make([]int, len(parts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool {
		a, b := parts[order[x]], parts[order[y]]
		if c := a.rem.Cmp(b.rem); c != 0 {
			return c > 0
		}
		if c := a.key.Cmp(b.key); c != 0 {
			return c > 0
		}
		return a.share.Code < b.share.Code
	})
	for k := 0; given < target; k++ {
		parts[order[k]].share.Relocations++
		given++
	}
	out := make([]FairShare, len(parts))
	for i, p := range parts {
		out[i] = p.share
	}
	return out, nil
}

func validateParticipants(ps []Participant, target int) error {
	var v errs.Validation
	if target < 0 {
		v.Add("target", "must not be negative")
	}
	if len(ps) == 0 {
		v.Add("participants", "at least one participant is required")
	}
	seen := map[string]bool{}
	var pop int64
	var gdp float64
	for i, p := range ps {
		f := fmt.Sprintf("participants[%d]", i)
		if p.Code == "" || seen[p.Code] {
			v.Addf(f+".code", "missing or duplicate code %q", p.Code)
		}
		seen[p.Code] = true
		if p.Population < 0 {
			v.Add(f+".population", "must not be negative")
		}
		if !(p.GDP >= 0) || p.GDP > 1e15 {
			v.Add(f+".gdp", "must be a non-negative finite number")
		}
		pop += p.Population
		gdp += max(p.GDP, 0)
	}
	if len(ps) > 0 && (pop == 0 || gdp == 0) {
		v.Add("participants", "total population and total GDP must be positive")
	}
	return v.Err()
}
