package synth

import (
	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// Hard-negative kinds: records of different persons built to look alike.
const (
	HardTwin        = "twin"         // same surname, date of birth, patronymic and address
	HardNamesake    = "namesake"     // common surname, same birth year, often the same given name
	HardParentChild = "parent_child" // a child written into the parent's passport: same number
)

// Record is one registration as a Member State would exchange it. PersonID and Hard are the
// ground truth; they are never written to records.csv.
type Record struct {
	RecordID       string
	PersonID       string
	MemberState    string
	Surname        string
	GivenName      string
	Patronymic     string
	Sex            string
	DateOfBirth    string
	PlaceOfBirth   string
	Nationality    string
	DocumentType   string
	DocumentNumber string
	Address        string
	Locality       string
	Postcode       string
	// Hard is "", HardTwin, HardNamesake or HardParentChild: the record's person was created as
	// one half of a hard-negative pair.
	Hard string
}

// Options configures a generated population.
type Options struct {
	// N is the number of records (registrations), not of persons.
	N    int
	Seed int64
	// DuplicateRate is the share of persons registered in two or more Member States. Zero
	// selects the default 0.15; a negative value generates no duplicates.
	DuplicateRate float64
	// HardNegativeRate is the share of persons created as one half of a hard-negative pair
	// (twins, namesakes, parent and child on one document). Zero selects the default 0.05; a
	// negative value generates none.
	HardNegativeRate float64
	// States restricts registrations to these Member States (ISO 3166 alpha-2: GR for Greece),
	// weighted by StateWeights. Empty means all 27.
	States []string
}

// Defaults used when Options leave a rate at zero.
const (
	DefaultDuplicateRate    = 0.15
	DefaultHardNegativeRate = 0.05
	maxRecords              = 100_000_000
)

// withDefaults fills zero rates and checks the options, naming each bad field.
func (o Options) withDefaults() (Options, error) {
	switch {
	case o.DuplicateRate == 0:
		o.DuplicateRate = DefaultDuplicateRate
	case o.DuplicateRate < 0:
		o.DuplicateRate = 0
	}
	switch {
	case o.HardNegativeRate == 0:
		o.HardNegativeRate = DefaultHardNegativeRate
	case o.HardNegativeRate < 0:
		o.HardNegativeRate = 0
	}
	var v errs.Validation
	v.Check(o.N > 0 && o.N <= maxRecords, "n", "must be between 1 and 100000000")
	v.Check(o.DuplicateRate <= 0.9, "duplicate_rate", "must be at most 0.9")
	v.Check(o.HardNegativeRate <= 0.5, "hard_negative_rate", "must be at most 0.5")
	w := StateWeights()
	seen := map[string]bool{}
	for _, s := range o.States {
		if _, ok := w[s]; !ok {
			if s == "EL" {
				v.Add("states", `"EL" is the EU code for Greece: use the ISO code GR`)
			} else {
				v.Addf("states", "%q is not an EU Member State code", s)
			}
		}
		seen[s] = true
	}
	v.Check(len(o.States) == 0 || len(seen) >= 2 || o.DuplicateRate == 0, "states",
		"duplicates across states need at least two states")
	return o, v.Err()
}
