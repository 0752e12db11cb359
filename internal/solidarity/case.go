package solidarity

// Case is a household proposed for relocation: it moves together or not at all.
type Case struct {
	Index       int    `json:"index"`
	ID          string `json:"id"`
	Nationality string `json:"nationality"`
	EntryState  string `json:"entry_state"`
	Size        int    `json:"size"`
	// Employable counts the members aged 18-64, the ones the score is about.
	Employable   int  `json:"employable"`
	UAMCount     int  `json:"uam_count"`
	MedicalCount int  `json:"medical_count"`
	SingleParent bool `json:"single_parent"`
	Vulnerable   bool `json:"vulnerable"`
	// Mandatory cases must be placed.
	Mandatory bool `json:"mandatory"`
	// FamilyLinkState is where a family member lives; a placed case goes there.
	FamilyLinkState      *string  `json:"family_link_state"`
	HardPreferenceStates []string `json:"hard_preference_states"`
	// AllowedStates restricts the states the case may go to; null means any.
	AllowedStates []string `json:"allowed_states"`
	Members       []Member `json:"members"`
	// Scores holds, for each place in index order, the predicted probability that an
	// employable member finds work within two years if placed there.
	Scores []float64 `json:"scores"`
}

// Member is one person of a case.
type Member struct {
	ID                 string   `json:"id"`
	AgeGroup           string   `json:"age_group"`
	Sex                string   `json:"sex"`
	Education          *string  `json:"education"`
	Languages          []string `json:"languages"`
	UnaccompaniedMinor bool     `json:"unaccompanied_minor"`
	MedicalNeeds       bool     `json:"medical_needs"`
}

// stateAllowed reports whether the case may go to a state: within AllowedStates (when
// set) and equal to the family link (when set), since family unity decides the state.
func (c *Case) stateAllowed(code string) bool {
	if c.FamilyLinkState != nil && *c.FamilyLinkState != code {
		return false
	}
	if c.AllowedStates == nil {
		return true
	}
	for _, s := range c.AllowedStates {
		if s == code {
			return true
		}
	}
	return false
}
