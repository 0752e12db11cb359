package tp

import (
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
