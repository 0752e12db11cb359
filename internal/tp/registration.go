package tp

import "time"

// Status is where a registration is in its lifecycle.
type Status string

// The lifecycle: registered (recorded, permit not yet issued), active (permit issued, rights
// open), deregistered (ended; the person may register again, COM(2022) 740).
const (
	StatusRegistered   Status = "registered"
	StatusActive       Status = "active"
	StatusDeregistered Status = "deregistered"
)

// Ground is the eligibility ground under ReviewDecision 2022/382 Art 2.
type Ground string

// The grounds of ReviewDecision 2022/382.
const (
	GroundUkrainianNational   Ground = "ukrainian_national"    // Art 2(1)(a)
	GroundProtectionInUkraine Ground = "protection_in_ukraine" // Art 2(1)(b): TCN or stateless with protection in Ukraine
	GroundFamilyMember        Ground = "family_member"         // Art 2(1)(c) and 2(4)
	GroundPermanentResident   Ground = "permanent_resident"    // Art 2(2): permanent residents who cannot return
	GroundNationalScheme      Ground = "national_scheme"       // Art 2(2)-(3) adequate protection under national law; DK
)

// Grounds lists the eligibility grounds in the order forms show them.
func Grounds() []Ground {
	return []Ground{GroundUkrainianNational, GroundProtectionInUkraine, GroundFamilyMember,
		GroundPermanentResident, GroundNationalScheme}
}

// Reason is why a registration was deregistered (platform workflow, domain file §4).
type Reason string

// The deregistration reasons.
const (
	ReasonReturnedToUkraine   Reason = "returned_to_ukraine"
	ReasonMovedToOtherState   Reason = "moved_to_other_state"
	ReasonProtectionEnded     Reason = "protection_ended"
	ReasonObtainedOtherStatus Reason = "obtained_other_status"
	ReasonDeceased            Reason = "deceased"
	ReasonDuplicate           Reason = "duplicate"
)

// Reasons lists the deregistration reasons.
func Reasons() []Reason {
	return []Reason{ReasonReturnedToUkraine, ReasonMovedToOtherState, ReasonProtectionEnded,
		ReasonObtainedOtherStatus, ReasonDeceased, ReasonDuplicate}
}

// Rights a beneficiary may take up (Directive Arts 12-14).
var rightsList = []string{"employment", "housing", "social_welfare", "medical_care", "education"}

// Rights lists the rights a registration records as taken up.
func Rights() []string { return append([]string(nil), rightsList...) }

// DocumentTypes lists the identity documents a registration may quote.
func DocumentTypes() []string {
	return []string{"passport", "id_card", "internal_passport", "birth_certificate", "travel_document",
		"residence_permit", "other"}
}

// PersonRecord is the identity of the registered person as written in the document, with the
// Cyrillic spelling when known. Field names follow the roles of `ceas match`.
type PersonRecord struct {
	Surname            string             `json:"surname,omitempty" maxLength:"200"`
	GivenName          string             `json:"given_name,omitempty" maxLength:"200"`
	Patronymic         string             `json:"patronymic,omitempty" maxLength:"200"`
	SurnameCyrillic    string             `json:"surname_cyrillic,omitempty" maxLength:"200"`
	GivenNameCyrillic  string             `json:"given_name_cyrillic,omitempty" maxLength:"200"`
	PatronymicCyrillic string             `json:"patronymic_cyrillic,omitempty" maxLength:"200"`
	Sex                string             `json:"sex" maxLength:"1" doc:"M, F or X."`
	DateOfBirth        string             `json:"date_of_birth" maxLength:"10" doc:"Partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD."`
	PlaceOfBirth       string             `json:"place_of_birth,omitempty" maxLength:"200"`
	Nationality        string             `json:"nationality" maxLength:"3" doc:"ISO 3166-1 alpha-2 (alpha-3 accepted); XXA stateless."`
	Documents          []IdentityDocument `json:"documents,omitempty" maxItems:"10"`
	PhotoRef           string             `json:"photo_ref,omitempty" maxLength:"200" doc:"Reference of the photo in the national system."`
}

// IdentityDocument is an identity or travel document.
type IdentityDocument struct {
	Type      string `json:"type" maxLength:"40"`
	Number    string `json:"number" maxLength:"40"`
	Country   string `json:"country" maxLength:"3" doc:"Issuing country, ISO 3166-1."`
	IssuedOn  string `json:"issued_on,omitempty" maxLength:"10"`
	ExpiresOn string `json:"expires_on,omitempty" maxLength:"10"`
}

// ResidencePermit is the residence permit of Directive Art 8, with its extensions.
type ResidencePermit struct {
	Number     string            `json:"number,omitempty" maxLength:"40"`
	IssuedOn   string            `json:"issued_on,omitempty" maxLength:"10"`
	ValidUntil string            `json:"valid_until,omitempty" maxLength:"10"`
	Extensions []PermitExtension `json:"extensions,omitempty" maxItems:"20"`
}

// PermitExtension is one prolongation of a permit (Directive Art 4 extensions of TP).
type PermitExtension struct {
	On         string `json:"on" maxLength:"10"`
	ValidUntil string `json:"valid_until" maxLength:"10"`
}

// HouseholdLink links a registration to the registration of the adult it is registered with.
type HouseholdLink struct {
	HeadID       string `json:"head_id,omitempty" maxLength:"64" doc:"Registration id of the accompanying adult, same state."`
	Relationship string `json:"relationship,omitempty" maxLength:"40" doc:"child, spouse, partner, dependant, other."`
}

// RegistrationInput is what a state submits to register a person or change a registration.
type RegistrationInput struct {
	ExternalID    string          `json:"external_id,omitempty" maxLength:"100" doc:"The state's own record id; imports are idempotent on it."`
	Person        PersonRecord    `json:"person"`
	Ground        Ground          `json:"ground" maxLength:"40"`
	RegisteredOn  string          `json:"registered_on,omitempty" maxLength:"10" doc:"Default: today."`
	Address       string          `json:"address,omitempty" maxLength:"300"`
	Locality      string          `json:"locality,omitempty" maxLength:"200"`
	Postcode      string          `json:"postcode,omitempty" maxLength:"20"`
	Region        string          `json:"region,omitempty" maxLength:"100"`
	Household     HouseholdLink   `json:"household,omitempty"`
	Unaccompanied bool            `json:"unaccompanied_minor,omitempty"`
	Permit        ResidencePermit `json:"permit,omitempty"`
	Rights        []string        `json:"rights,omitempty" maxItems:"5"`
}

// Registration is a stored registration as its owner sees it.
type Registration struct {
	ID             string    `json:"id"`
	State          string    `json:"state"`
	Status         Status    `json:"status"`
	DeregisteredOn string    `json:"deregistered_on,omitempty"`
	DeregReason    Reason    `json:"deregistration_reason,omitempty"`
	Erased         bool      `json:"erased,omitempty"`
	Version        int64     `json:"version"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
	RegistrationInput
	Links   []CrossStateLink `json:"links"`
	History []HistoryEvent   `json:"history,omitempty"`
}

// CrossStateLink is another state's registration decided to be the same person: minimal data only.
type CrossStateLink struct {
	ReviewID     string `json:"review_id"`
	State        string `json:"state"`
	RegisteredOn string `json:"registered_on"`
	Status       Status `json:"status"`
}

// HistoryEvent is one transition or change in a registration's history.
type HistoryEvent struct {
	At         time.Time `json:"at"`
	On         string    `json:"on"`
	Kind       string    `json:"kind"`
	FromStatus Status    `json:"from_status,omitempty"`
	ToStatus   Status    `json:"to_status,omitempty"`
	Reason     string    `json:"reason,omitempty"`
	Actor      string    `json:"actor"`
}

// RegistrationSummary is one row of a search result.
type RegistrationSummary struct {
	ID           string `json:"id"`
	ExternalID   string `json:"external_id,omitempty"`
	Surname      string `json:"surname"`
	GivenName    string `json:"given_name"`
	SurnameCyr   string `json:"surname_cyrillic,omitempty"`
	DateOfBirth  string `json:"date_of_birth"`
	Nationality  string `json:"nationality"`
	Status       Status `json:"status"`
	RegisteredOn string `json:"registered_on"`
}
