package dublin

import (
	"encoding/json"
	"fmt"

	"github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// Date is the civil calendar date of every fact in a case file.
type Date = timelimit.Date

// FormatVersion names the case file format this package reads.
const FormatVersion = "dublin-case/v1"

// Case is one application as the Dublin unit knows it on the day AsOf (dublin-case/v1).
// Absent keys and null mean unknown or not applicable.
type Case struct {
	Format                     string                `json:"format,omitempty"`
	AsOf                       Date                  `json:"as_of,omitzero"`
	Applicant                  *Person               `json:"applicant,omitempty"`
	Applicants                 []FamilyApplicant     `json:"applicants,omitempty"`
	Application                Application           `json:"application"`
	ApplicationsSimultaneous   bool                  `json:"applications_simultaneous,omitempty"`
	Family                     []FamilyMember        `json:"family,omitempty"`
	Documents                  []Document            `json:"documents,omitempty"`
	Entries                    []Entry               `json:"entries,omitempty"`
	Exits                      []Exit                `json:"exits,omitempty"`
	Stays                      []Stay                `json:"stays,omitempty"`
	EurodacHits                []EurodacHit          `json:"eurodac_hits,omitempty"`
	PreviousApplications       []PreviousApplication `json:"previous_applications,omitempty"`
	Removals                   []Removal             `json:"removals,omitempty"`
	LeftMemberStatesSinceEntry bool                  `json:"left_member_states_since_entry,omitempty"`
	FoundIrregularlyStayingIn  string                `json:"found_irregularly_staying_in,omitempty"`
	PresentIn                  string                `json:"present_in,omitempty"`
	Detained                   bool                  `json:"detained,omitempty"`
	SystemicFlawsIn            []string              `json:"systemic_flaws_in,omitempty"`
	BestInterests              map[string]bool       `json:"best_interests,omitempty"`
	BestInterestsPreferred     string                `json:"best_interests_preferred,omitempty"`
	Procedure                  *Procedure            `json:"procedure,omitempty"`
}

// Person is the applicant's own situation at the decisive moment (Art 7(2)).
type Person struct {
	DateOfBirth    Date  `json:"date_of_birth,omitzero"`
	MinorAtLodging *bool `json:"minor_at_lodging,omitempty"`
	Unaccompanied  bool  `json:"unaccompanied,omitempty"`
	Married        bool  `json:"married,omitempty"`
}

// FamilyApplicant is one member of a family that applies together (Art 11, Art 20(3)).
// Personal facts may be given inline or under "applicant"; absent lists fall back to the
// case's own.
type FamilyApplicant struct {
	Ref         string  `json:"ref"`
	Accompanies string  `json:"accompanies,omitempty"`
	Applicant   *Person `json:"applicant,omitempty"`
	Person
	Application          *Application          `json:"application,omitempty"`
	Documents            []Document            `json:"documents,omitempty"`
	Entries              []Entry               `json:"entries,omitempty"`
	Exits                []Exit                `json:"exits,omitempty"`
	Stays                []Stay                `json:"stays,omitempty"`
	EurodacHits          []EurodacHit          `json:"eurodac_hits,omitempty"`
	Family               []FamilyMember        `json:"family,omitempty"`
	PreviousApplications []PreviousApplication `json:"previous_applications,omitempty"`
}

// Application is the application for international protection being determined.
type Application struct {
	State                      string `json:"state"`
	LodgedOn                   Date   `json:"lodged_on,omitzero"`
	RegisteredOn               Date   `json:"registered_on,omitzero"`
	Place                      string `json:"place,omitempty"`
	VisaWaivedInStateOfLodging bool   `json:"visa_waived_in_state_of_lodging,omitempty"`
	After                      string `json:"after,omitempty"`
}

// PlaceAirportTransit marks an application made in an airport's international transit area (Art 15).
const PlaceAirportTransit = "airport_international_transit_area"

// FamilyMember is a family member, sibling or relative of the applicant (Art 2(g), 2(h)).
type FamilyMember struct {
	Relation                      string `json:"relation"`
	State                         string `json:"state,omitempty"`
	Status                        string `json:"status,omitempty"`
	LegallyPresent                *bool  `json:"legally_present,omitempty"`
	CanTakeCare                   *bool  `json:"can_take_care,omitempty"`
	WrittenConsent                *bool  `json:"written_consent,omitempty"`
	FamilyFormedInCountryOfOrigin *bool  `json:"family_formed_in_country_of_origin,omitempty"`
	FirstDecisionOnSubstanceOn    Date   `json:"first_decision_on_substance_on,omitzero"`
	AppealPending                 bool   `json:"appeal_pending,omitempty"`
	EvidenceProducedOn            Date   `json:"evidence_produced_on,omitzero"`
}

// Family member statuses.
const (
	StatusBeneficiary   = "beneficiary_ip"
	StatusApplicant     = "applicant"
	StatusLegalOther    = "legally_present_other"
	StatusOutsideStates = "outside_member_states"
)

// Document is a residence document or visa (Art 2(l), 2(m)).
type Document struct {
	Type             string `json:"type"`
	VisaKind         string `json:"visa_kind,omitempty"`
	IssuingState     string `json:"issuing_state"`
	IssuedOnBehalfOf string `json:"issued_on_behalf_of,omitempty"`
	IssuedOn         Date   `json:"issued_on,omitzero"`
	ValidFrom        Date   `json:"valid_from,omitzero"`
	ValidUntil       Date   `json:"valid_until,omitzero"`
	UsedToEnter      *bool  `json:"used_to_enter,omitempty"`
	Fraud            string `json:"fraud,omitempty"`
}

// Document types.
const (
	DocResidence = "residence_document"
	DocVisa      = "visa"
)

// Entry is a crossing into a Member State.
type Entry struct {
	Date             Date   `json:"date,omitzero"`
	State            string `json:"state"`
	Mode             string `json:"mode,omitempty"`
	FromThirdCountry *bool  `json:"from_third_country,omitempty"`
	Evidence         string `json:"evidence,omitempty"`
}

// Exit is a departure from a Member State.
type Exit struct {
	Date      Date   `json:"date,omitzero"`
	FromState string `json:"from_state,omitempty"`
	To        string `json:"to,omitempty"`
	Evidence  string `json:"evidence,omitempty"`
}

// Stay is a period of continuous presence in a Member State known to the authorities.
type Stay struct {
	State string `json:"state"`
	From  Date   `json:"from,omitzero"`
	To    Date   `json:"to,omitzero"`
}

// EurodacHit is a hit in Eurodac (Regulation (EU) No 603/2013): category 1 applicant,
// 2 irregular border crosser (Art 14), 3 found irregularly staying (Art 17).
type EurodacHit struct {
	Category        int    `json:"category"`
	State           string `json:"state"`
	FingerprintedOn Date   `json:"fingerprinted_on,omitzero"`
	HitReceivedOn   Date   `json:"hit_received_on,omitzero"`
	SearchCategory  any    `json:"search_category,omitempty"`
}

// PreviousApplication is an earlier application in a Member State.
type PreviousApplication struct {
	State    string `json:"state"`
	LodgedOn Date   `json:"lodged_on,omitzero"`
	Status   string `json:"status,omitempty"`
}

// Removal is a departure under a return decision or removal order (Art 19(3)).
type Removal struct {
	Date  Date   `json:"date,omitzero"`
	State string `json:"state,omitempty"`
	Under string `json:"under,omitempty"`
}

// Procedure is a take charge or take back request between two states (Arts 21-25, 29).
type Procedure struct {
	Type                 string         `json:"type"`
	RequestingState      string         `json:"requesting_state,omitempty"`
	RequestedState       string         `json:"requested_state,omitempty"`
	BasedOnEurodacHit    bool           `json:"based_on_eurodac_hit,omitempty"`
	Urgent               bool           `json:"urgent,omitempty"`
	RequestedReplyBy     Date           `json:"requested_reply_by,omitzero"`
	RequestSentOn        Date           `json:"request_sent_on,omitzero"`
	RequestReceivedOn    Date           `json:"request_received_on,omitzero"`
	Reply                *Reply         `json:"reply,omitempty"`
	ReExamination        *ReExamination `json:"re_examination,omitempty"`
	Appeal               *Appeal        `json:"appeal,omitempty"`
	Extension            *Extension     `json:"extension,omitempty"`
	AbscondedOn          Date           `json:"absconded_on,omitzero"`
	TransferCarriedOutOn Date           `json:"transfer_carried_out_on,omitzero"`
}

// Procedure types.
const (
	TakeCharge               = "take_charge"
	TakeBack                 = "take_back"
	TakeBackNoNewApplication = "take_back_no_new_application"
)

// Reply is the requested state's answer; a refusal states its reasons (Reg 1560/2003 Art 5(1)).
type Reply struct {
	Decision string `json:"decision"`
	On       Date   `json:"on,omitzero"`
	Reasons  string `json:"reasons,omitempty"`
}

// Reply decisions.
const (
	Accept = "accept"
	Refuse = "refuse"
)

// ReExamination is a request to re-examine a refusal (Reg 1560/2003 Art 5(2)).
type ReExamination struct {
	RequestedOn Date    `json:"requested_on,omitzero"`
	Answer      *Answer `json:"answer,omitempty"`
}

// Answer is the reply to a re-examination request: "accept", "refuse" or
// {"decision": ..., "on": ...}.
type Answer Reply

// UnmarshalJSON accepts an answer as a bare decision string or as an object.
func (a *Answer) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		a.Decision = s
		return nil
	}
	var r struct {
		Decision string `json:"decision"`
		On       Date   `json:"on"`
		Reasons  string `json:"reasons"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return fmt.Errorf("re_examination.answer: %w", err)
	}
	*a = Answer(r)
	return nil
}

// Appeal is an appeal against the transfer decision (Art 27).
type Appeal struct {
	LodgedOn         Date `json:"lodged_on,omitzero"`
	SuspensiveEffect bool `json:"suspensive_effect,omitempty"`
	FinalDecisionOn  Date `json:"final_decision_on,omitzero"`
}

// Extension is the notified extension of the transfer period (Art 29(2)).
type Extension struct {
	Reason     string `json:"reason"`
	NotifiedOn Date   `json:"notified_on,omitzero"`
}

// Extension reasons.
const (
	Imprisonment = "imprisonment"
	Absconding   = "absconding"
)
