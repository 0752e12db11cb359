package solidarity

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// InstanceSchema and SolutionSchema name the two formats of
// shared/formats/relocation-instance.md.
const (
	InstanceSchema = "eu-vsm-relocation-instance/v1"
	SolutionSchema = "eu-vsm-relocation-solution/v1"
)

// Instance is one matching round of the solidarity mechanism: the pledging states and
// their places, and the households (cases) proposed for relocation.
type Instance struct {
	Schema        string          `json:"schema"`
	Name          string          `json:"name"`
	Generator     json.RawMessage `json:"generator,omitempty"`
	Policy        Policy          `json:"policy"`
	EntryStates   []Country       `json:"entry_states"`
	Nationalities []Country       `json:"nationalities"`
	States        []State         `json:"states"`
	Places        []Place         `json:"places"`
	Cases         []Case          `json:"cases"`
	Certificate   *Certificate    `json:"certificate,omitempty"`
	Summary       json.RawMessage `json:"summary,omitempty"`
}

// Policy records the rules the round was set up under.
type Policy struct {
	Regime        string  `json:"regime,omitempty"`
	CapacityRatio float64 `json:"capacity_ratio,omitempty"`
	// FloorFraction is the share of its pledge a state must at least receive.
	FloorFraction float64 `json:"floor_fraction"`
	// Mandatory is "vulnerable" or "all": which cases the producer marked mandatory
	// (the 2022 declaration: vulnerable persons first).
	Mandatory     string `json:"mandatory"`
	Objective     string `json:"objective,omitempty"`
	ScoreDecimals int    `json:"score_decimals"`
}

// Country is an entry state or a nationality.
type Country struct {
	Code      string   `json:"code"`
	Name      string   `json:"name"`
	Languages []string `json:"languages,omitempty"`
}

// State is a pledging (receiving) Member State or associated country.
type State struct {
	Code          string   `json:"code"`
	Name          string   `json:"name"`
	Languages     []string `json:"languages"`
	EnglishFactor *float64 `json:"english_factor,omitempty"`
	NPlaces       int      `json:"n_places,omitempty"`
	// Pledge is the persons pledged: the sum of the capacities of the state's places.
	Pledge int `json:"pledge"`
	// Floor is the fewest persons the state must receive.
	Floor int `json:"floor"`
}

// Place is a region of a pledging state with its reception capacity.
type Place struct {
	Index            int            `json:"index"`
	ID               string         `json:"id"`
	State            string         `json:"state"`
	Capacity         int            `json:"capacity"`
	UAMCapacity      int            `json:"uam_capacity"`
	MedicalCapacity  int            `json:"medical_capacity"`
	Urban            bool           `json:"urban"`
	UnemploymentRate float64        `json:"unemployment_rate"`
	LowSkillDemand   float64        `json:"low_skill_demand"`
	HighSkillDemand  float64        `json:"high_skill_demand"`
	Diaspora         map[string]int `json:"diaspora,omitempty"`
}

// Certificate is a feasible assignment known to the producer of an instance.
type Certificate struct {
	Kind       string `json:"kind,omitempty"`
	Assignment []int  `json:"assignment"`
}

// Assignment is the answer to an instance: a place index or -1 for each case.
type Assignment struct {
	Schema     string  `json:"schema"`
	Instance   string  `json:"instance"`
	Assignment []int   `json:"assignment"`
	Objective  Fixed4  `json:"objective"`
	Bound      Fixed4  `json:"bound"`
	Gap        float64 `json:"gap"`
	Seconds    float64 `json:"seconds"`
}

// Fixed4 is a number written with exactly 4 decimals, as the format requires of
// objectives (they are exact multiples of 0.0001).
type Fixed4 float64

// MarshalJSON writes f with 4 decimals.
func (f Fixed4) MarshalJSON() ([]byte, error) {
	if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
		return nil, fmt.Errorf("solidarity: objective %v is not a number", float64(f))
	}
	return strconv.AppendFloat(nil, float64(f), 'f', 4, 64), nil
}

// DecodeInstance reads an instance and validates it; the error names every bad element.
func DecodeInstance(r io.Reader) (*Instance, error) {
	var in Instance
	dec := json.NewDecoder(r)
	if err := dec.Decode(&in); err != nil {
		return nil, errs.Field("instance", "not a valid JSON instance: "+err.Error())
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	return &in, nil
}
