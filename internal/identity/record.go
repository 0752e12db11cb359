package identity

// Record is one registration of a person as a register holds it. Every field but ID is
// optional: the engine compares what both records have.
type Record struct {
	ID          string `json:"id"`
	MemberState string `json:"member_state,omitempty"`
	Surname     string `json:"surname,omitempty"`
	GivenName   string `json:"given_name,omitempty"`
	Patronymic  string `json:"patronymic,omitempty"`
	// Sex is M, F or X (other spellings such as "male", "ж" are understood).
	Sex string `json:"sex,omitempty"`
	// DateOfBirth is a partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD.
	DateOfBirth  string     `json:"date_of_birth,omitempty"`
	PlaceOfBirth string     `json:"place_of_birth,omitempty"`
	Nationality  string     `json:"nationality,omitempty"`
	Documents    []Document `json:"documents,omitempty"`
	Address      string     `json:"address,omitempty"`
	Locality     string     `json:"locality,omitempty"`
	Postcode     string     `json:"postcode,omitempty"`
}

// Document is an identity or travel document quoted in a registration.
type Document struct {
	Type    string `json:"type,omitempty"`
	Number  string `json:"number"`
	Country string `json:"country,omitempty"`
}

// Decision is the outcome for a pair of records.
type Decision string

// The three outcomes of Fellegi-Sunter with two thresholds.
const (
	DecisionMatch         Decision = "match"
	DecisionPossibleMatch Decision = "possible_match" // for review by an officer
	DecisionNonMatch      Decision = "non_match"
)

// FieldComparison explains one field of a pair: the level it reached and the weight that
// level adds to the score (log2 of the likelihood ratio; positive is evidence of one person).
type FieldComparison struct {
	Field  string  `json:"field"`
	Level  string  `json:"level"`
	Weight float64 `json:"weight"`
}

// Match is an indexed record found for a query.
type Match struct {
	ID          string            `json:"id"`
	Probability float64           `json:"probability"`
	Decision    Decision          `json:"decision"`
	Explanation []FieldComparison `json:"explanation"`
}

// Pair is two records of a batch judged to be the same person (A < B).
type Pair struct {
	A           string            `json:"record_id_a"`
	B           string            `json:"record_id_b"`
	Probability float64           `json:"probability"`
	Decision    Decision          `json:"decision"`
	Explanation []FieldComparison `json:"explanation,omitempty"`
}

// Config tunes the engine. The zero value is not usable; start from DefaultConfig.
type Config struct {
	// MatchThreshold is the probability at or above which a pair is the same person.
	MatchThreshold float64 `json:"match_threshold"`
	// ReviewThreshold is the probability at or above which a pair is a possible match.
	ReviewThreshold float64 `json:"review_threshold"`
	// MaxBlock is the largest block compared; larger ones are skipped (issue 3: a surname
	// shared by 2% of records must not create quadratic work).
	MaxBlock int `json:"max_block"`
	// Workers is the number of goroutines comparing pairs in batch mode (0: GOMAXPROCS).
	Workers int `json:"workers"`
	// Explain fills Pair.Explanation in batch mode.
	Explain bool `json:"explain"`
	// SkipEM keeps Model as given instead of estimating it from the batch.
	SkipEM bool `json:"skip_em"`
	// Model holds the m and u probabilities; nil means DefaultModel.
	Model *Model `json:"model,omitempty"`
}

// DefaultConfig returns thresholds and priors that work without estimation, so a register
// can query before it holds data.
func DefaultConfig() Config {
	return Config{MatchThreshold: 0.9, ReviewThreshold: 0.5, MaxBlock: 100}
}

func (c Config) model() *Model {
	if c.Model != nil {
		return c.Model
	}
	return DefaultModel()
}

func (c Config) decide(p float64) Decision {
	switch {
	case p >= c.MatchThreshold:
		return DecisionMatch
	case p >= c.ReviewThreshold:
		return DecisionPossibleMatch
	}
	return DecisionNonMatch
}
