package tp

import (
	"context"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/identity"
	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/jobs"
	"github.com/ceas-eu/ceas/internal/platform/outbox"
	"github.com/ceas-eu/ceas/internal/platform/refdata"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

type fixture struct {
	svc   *Service
	db    *sqldb.DB
	clock *clock.Fixed
	jobs  *jobs.Queue
}

func newFixture(t *testing.T, db *sqldb.DB) *fixture {
	t.Helper()
	if err := refdata.Seed(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	c := clock.NewFixed(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	q := jobs.New(db, c, "test", nil)
	svc := New(Deps{DB: db, Audit: audit.New(db, c), Outbox: outbox.New(db, c), Jobs: q, Clock: c,
		Index: identity.NewIndex(identity.DefaultConfig())}, DefaultConfig())
	if err := svc.RegisterJobs(context.Background(), q, 24*time.Hour); err != nil {
		t.Fatal(err)
	}
	return &fixture{svc: svc, db: db, clock: c, jobs: q}
}

func officer(org string) context.Context {
	return authz.WithPrincipal(context.Background(), authz.Principal{ID: "officer-" + org, Name: "officer", Org: org,
		Roles: []authz.Role{authz.RoleRegistrationOfficer}, Kind: authz.KindUser})
}

// shevchenko is a person as Germany registers him (German transliteration).
func shevchenko() RegistrationInput {
	return RegistrationInput{ExternalID: "DE-1", Ground: GroundUkrainianNational, RegisteredOn: "2022-03-20",
		Person: PersonRecord{Surname: "Schewtschenko", GivenName: "Oleksandr", Patronymic: "Petrowytsch",
			SurnameCyrillic: "Шевченко", Sex: "M", DateOfBirth: "1985-04-12", PlaceOfBirth: "Kyjiw", Nationality: "UA",
			Documents: []IdentityDocument{{Type: "passport", Number: "FA123456", Country: "UA", ExpiresOn: "2030-01-01"}}},
		Address: "Goethestraße 20", Locality: "Berlin", Region: "Berlin",
		Permit: ResidencePermit{Number: "DE-P-1", IssuedOn: "2022-03-25", ValidUntil: "2023-03-04"}}
}

// szewczenko is the same person as Poland registers him (Polish spelling).
func szewczenko() RegistrationInput {
	return RegistrationInput{ExternalID: "PL-1", Ground: GroundUkrainianNational, RegisteredOn: "2026-03-01",
		Person: PersonRecord{Surname: "Szewczenko", GivenName: "Ołeksandr", Patronymic: "Petrowycz", Sex: "M",
			DateOfBirth: "1985-04-12", PlaceOfBirth: "Kijów", Nationality: "UKR",
			Documents: []IdentityDocument{{Type: "passport", Number: "FA 123456", Country: "UA"}}},
		Address: "ul. Długa 1/5", Locality: "Gdańsk", Region: "pomorskie"}
}
