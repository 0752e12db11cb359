package synth

import (
	"math/rand/v2"
	"testing"
)

// testGenerator is a generator with default rates, for tests of single knobs.
func testGenerator(t *testing.T) *generator {
	t.Helper()
	opts, err := Options{N: 1, Seed: 1}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	return newGenerator(opts)
}

func (g *generator) testName(t *testing.T, uk string) *givenName {
	for _, list := range [][]givenName{g.names.male, g.names.female} {
		for i := range list {
			if list[i].uk == uk {
				return &list[i]
			}
		}
	}
	t.Fatalf("no name %s", uk)
	return nil
}

func (g *generator) testPlace(t *testing.T, uk string) *place {
	for i := range g.places.places {
		if g.places.places[i].uk == uk {
			return &g.places.places[i]
		}
	}
	t.Fatalf("no place %s", uk)
	return nil
}

func (g *generator) testState(t *testing.T, code string) *stateInfo {
	for i := range g.states {
		if g.states[i].code == code {
			return &g.states[i]
		}
	}
	t.Fatalf("no state %s", code)
	return nil
}

// renders registers p in state n times and returns every value seen per field.
func renders(g *generator, p *person, st *stateInfo, n int) map[string]map[string]bool {
	rng := rand.New(rand.NewPCG(1, 2))
	seen := map[string]map[string]bool{}
	add := func(f, v string) {
		if seen[f] == nil {
			seen[f] = map[string]bool{}
		}
		seen[f][v] = true
	}
	for range n {
		r := g.render(rng, p, st)
		add("surname", r.Surname)
		add("given", r.GivenName)
		add("patronymic", r.Patronymic)
		add("dob", r.DateOfBirth)
		add("pob", r.PlaceOfBirth)
		add("doc", r.DocumentNumber)
		add("sex", r.Sex)
		add("nat", r.Nationality)
	}
	return seen
}

// TestVarianceKnobs registers known persons thousands of times and checks that each kind of
// variation the identity engine must absorb actually occurs.
func TestVarianceKnobs(t *testing.T) {
	g := testGenerator(t)
	man := &person{id: "P1", sex: 'M', given: []*givenName{g.testName(t, "Олександр")}, father: g.testName(t, "Петро"),
		dob: date{1980, 5, 7}, pob: g.testPlace(t, "Харків"), nat: "UKR", passConv: convUA2010, russian: true,
		passport: "FA123456", idType: docInternal, idDoc: "МК123456"}
	man.setSurname("Шевченко")
	woman := &person{id: "P2", sex: 'F', given: []*givenName{g.testName(t, "Наталія")}, father: g.testName(t, "Сергій"),
		dob: date{1975, 11, 3}, pob: g.testPlace(t, "Львів"), nat: "UKR", passConv: convUAOld, russian: true,
		passport: "EK654321", idType: docIDCard, idDoc: "001234567", maiden: "Бондаренко"}
	woman.setSurname("Ковальський")
	chev := &person{id: "P3", sex: 'F', given: []*givenName{g.testName(t, "Ольга"), g.testName(t, "Марія")}, father: g.testName(t, "Микола"),
		dob: date{1990, 1, 20}, pob: g.testPlace(t, "Київ"), nat: "UKR", passConv: convUA2010, idType: docIDCard, idDoc: "123456789"}
	chev.setSurname("Шевченко")
	oldMan := *man
	oldMan.id, oldMan.passConv, oldMan.passport = "P5", convUAOld, "EK111222"
	mel := &person{id: "P4", sex: 'M', given: []*givenName{g.testName(t, "Андрій")}, father: g.testName(t, "Іван"),
		dob: date{1960, 8, 30}, pob: g.testPlace(t, "Одеса"), nat: "UKR", passConv: convUA2010, idType: docIDCard, idDoc: "223456789"}
	mel.setSurname("Мельник")
	tests := []struct {
		name  string
		p     *person
		state string
		field string
		want  []string
	}{
		{"Polish transcription", man, "PL", "surname", []string{"Szewczenko", "Shevchenko", "SHEVCHENKO", "Шевченко"}},
		{"German transcription", man, "DE", "surname", []string{"Schewtschenko"}},
		{"French transcription", man, "FR", "surname", []string{"Chevtchenko"}},
		{"Czech transcription", man, "CZ", "surname", []string{"Ševčenko"}},
		{"Dutch transcription", man, "NL", "surname", []string{"Sjevtsjenko"}},
		{"Italian transcription", man, "IT", "surname", []string{"Scevcenko"}},
		{"Hungarian transcription", man, "HU", "surname", []string{"Sevcsenko"}},
		{"Romanian transcription", man, "RO", "surname", []string{"Șevcenco"}},
		{"Bulgaria writes Cyrillic", man, "BG", "surname", []string{"Шевченко", "ШЕВЧЕНКО"}},
		{"Bulgarian re-spelling", woman, "BG", "surname", []string{"Ковалска", "Ковальська"}},
		{"given: passport, Russian, local, Polish", man, "PL", "given", []string{"Oleksandr", "OLEKSANDR", "Aleksandr", "Aleksander", "Ołeksandr"}},
		{"given: local forms", man, "FR", "given", []string{"Alexandre"}},
		{"given: Latvian ending", man, "LV", "given", []string{"Oleksandrs"}},
		{"given: Lithuanian ending", man, "LT", "given", []string{"Oleksandras"}},
		{"older passport spellings", &oldMan, "DE", "given", []string{"Oleksandr", "Olexandr", "OLEXANDR", "Aleksandr", "Alexandr"}},
		{"surname: Latvian ending", mel, "LV", "surname", []string{"Meļniks", "Meļnik", "Melnyk"}},
		{"surname: Lithuanian ending", mel, "LT", "surname", []string{"Melnykas", "Melnyk"}},
		{"patronymic Ukrainian and Russian", man, "PL", "patronymic", []string{"", "Petrovych", "Petrowycz", "PETROVICH"}},
		{"date variants", man, "DE", "dob", []string{"07.05.1980", "05.07.1980", "1980", "", "01.01.1980", "1980-05-07", "1980-05", "19800507"}},
		{"place exonyms", man, "PL", "pob", []string{"Charków", "Kharkov", "Kharkiv", "KHARKIV", "М. ХАРКІВ/UKR", "Charków, UKR", ""}},
		{"place: Kyiv in every form", chev, "DE", "pob", []string{"Kiew", "Kiev", "Kyiv", "KIIV", "М. КИЇВ/UKR"}},
		{"place exonyms DE", man, "DE", "pob", []string{"Charkiw"}},
		{"document retyped", man, "PL", "doc", []string{"FA123456", "FA 123456", "123456", "MK123456", "МК123456"}},
		{"sex codes", man, "PL", "sex", []string{"M", "male", "Ч", ""}},
		{"nationality", man, "PL", "nat", []string{"UKR", "UA", "ukraińskie", ""}},
		{"feminine and maiden surname", woman, "PL", "surname", []string{"Kowalska", "Kovalska", "Bondarenko", "Kowalski"}},
		{"Czech feminine", woman, "CZ", "surname", []string{"Kovalská"}},
		{"old passport spelling", woman, "DE", "given", []string{"Nataliya", "Natalya", "Natalija"}},
		{"Czech -ová", chev, "CZ", "surname", []string{"Ševčenková", "Shevchenko"}},
		{"double given names", chev, "DE", "given", []string{"Olha-Marija", "Olha Marija", "Olha", "Marija", "OLGA MARIIA"}},
	}
	cache := map[string]map[string]map[string]bool{}
	for _, tt := range tests {
		key := tt.p.id + tt.state
		if cache[key] == nil {
			cache[key] = renders(g, tt.p, g.testState(t, tt.state), 6000)
		}
		for _, w := range tt.want {
			if !cache[key][tt.field][w] {
				t.Errorf("%s: %s in %s never %q", tt.name, tt.field, tt.state, w)
			}
		}
	}
}
