package tp

import (
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

// A batch prepared ahead is used as prepared only when nothing but the import's own
// previous batch changed the index since; else its queries run again.
func TestPreparedBatchIsCurrent(t *testing.T) {
	cases := []struct {
		name           string
		gen, now, prev int64
		want           bool
	}{
		{"nothing written since", 7, 7, 3, true},
		{"only the previous batch of the import", 7, 8, 8, true},
		{"another state's registration", 7, 8, 5, false},
		{"the previous batch and another write", 7, 9, 9, false},
		{"first batch, another write", 7, 8, -1, false},
	}
	for _, c := range cases {
		b := &readyBatch{gen: c.gen}
		if got := b.current(c.now, c.prev); got != c.want {
			t.Errorf("%s: current = %v, want %v", c.name, got, c.want)
		}
	}
}

// An import whose batches are prepared ahead stores the same as before and finds a
// registration another state made before it started.
func TestPipelinedImportFindsOtherStates(t *testing.T) {
	f := newFixture(t, sqldbtest.SQLite(t))
	if _, err := f.svc.Register(officer("DE"), shevchenko()); err != nil {
		t.Fatal(err)
	}
	csv := "external_id,surname,given_name,patronymic,sex,date_of_birth,place_of_birth,nationality,document_type,document_number\n" +
		"PL-0,Kowalenko,Natalia,,F,1990-07-01,Charków,UA,,\n" +
		"PL-1,Szewczenko,Ołeksandr,Petrowycz,M,1985-04-12,Kijów,UA,passport,FA123456\n" +
		"PL-2,Melnyk,Iryna,,F,1962-05-04,Lwów,UA,,\n"
	rep, err := f.svc.Import(officer("PL"), strings.NewReader(csv), ImportOptions{Format: "csv", BatchSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Accepted != 3 || rep.Matches != 1 {
		t.Fatalf("accepted %d, hits %d; want 3 and 1 (%+v)", rep.Accepted, rep.Matches, rep.Rejects)
	}
}
