package tp

import (
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

// TestSearchInAnyScript: a name finds its registration in Cyrillic and in the national
// transliterations; document numbers are found with or without separators; dates of
// birth by prefix; another state's registrations are never found.
func TestSearchInAnyScript(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		de, err := f.svc.Register(officer("DE"), shevchenko())
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			org  string
			q    Query
			want int
		}{
			{"DE", Query{Name: "Шевченко"}, 1},
			{"DE", Query{Name: "Shevchenko Oleksandr"}, 1},
			{"DE", Query{Name: "Szewczenko"}, 1},
			{"DE", Query{Name: "Chevtchenko"}, 1},
			{"DE", Query{Name: "Bondarenko"}, 0},
			{"DE", Query{Document: "fa 123-456"}, 1},
			{"DE", Query{Document: "FA123457"}, 0},
			{"DE", Query{DateOfBirth: "1985"}, 1},
			{"DE", Query{DateOfBirth: "1985-04"}, 1},
			{"DE", Query{DateOfBirth: "1986"}, 0},
			{"DE", Query{Name: "Shevchenko", Status: StatusDeregistered}, 0},
			{"PL", Query{Name: "Shevchenko"}, 0},
		}
		for _, c := range cases {
			got, _, err := f.svc.Search(officer(c.org), c.q)
			if err != nil || len(got) != c.want || (c.want == 1 && got[0].ID != de.ID) {
				t.Errorf("%s %+v: %d results (%v), want %d", c.org, c.q, len(got), err, c.want)
			}
		}
		if _, _, err := f.svc.Search(officer("DE"), Query{DateOfBirth: "85"}); err == nil {
			t.Error("a malformed date of birth was accepted")
		}
	})
}

// The name keys the search seeks follow the registration: a changed name is found under
// the new name only, and imported rows are found like registered ones.
func TestSearchFollowsChangesAndImports(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		de, err := f.svc.Register(officer("DE"), shevchenko())
		if err != nil {
			t.Fatal(err)
		}
		in := shevchenko()
		in.Person.Surname, in.Person.SurnameCyrillic = "Bondarenko", "Бондаренко"
		if _, err := f.svc.Update(officer("DE"), de.ID, de.Version, in); err != nil {
			t.Fatal(err)
		}
		rep, err := f.svc.Import(officer("DE"), strings.NewReader("external_id,surname,given_name,sex,date_of_birth,nationality\n"+
			"DE-9,Melnyk,Iryna,F,1962-05-04,UA\n"), ImportOptions{Format: "csv"})
		if err != nil || rep.Accepted != 1 {
			t.Fatalf("import: %+v %v", rep, err)
		}
		for _, c := range []struct {
			name string
			want int
		}{{"Shevchenko", 0}, {"Бондаренко", 1}, {"Bondarenko Oleksandr", 1}, {"Мельник", 1}, {"Melnyk Iryna", 1}} {
			got, _, err := f.svc.Search(officer("DE"), Query{Name: c.name})
			if err != nil || len(got) != c.want {
				t.Errorf("%s: %d results (%v), want %d", c.name, len(got), err, c.want)
			}
		}
	})
}

func TestDateRange(t *testing.T) {
	for _, c := range []struct{ p, lo, hi string }{
		{"1985", "1985", "1986"}, {"1985-04", "1985-04", "1985-05"}, {"1985-12", "1985-12", "1985-13"},
		{"1985-04-09", "1985-04-09", "1985-04-10"}, {"1999", "1999", "2000"},
	} {
		if lo, hi := dateRange(c.p); lo != c.lo || hi != c.hi {
			t.Errorf("dateRange(%q) = %q, %q; want %q, %q", c.p, lo, hi, c.lo, c.hi)
		}
	}
}
