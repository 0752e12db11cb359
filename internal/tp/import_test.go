package tp

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/errs"

	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

// importCSV is a German file of n rows; rows 5, 9 and 13 are bad: an impossible date, an
// unknown nationality and a Ukrainian passport number in the wrong format.
func importCSV(n int) string {
	var b strings.Builder
	b.WriteString("record_id,surname,given_name,sex,date_of_birth,nationality,document_type,document_number,registered_on,member_state\n")
	for i := 1; i <= n; i++ {
		dob, nat, doc := fmt.Sprintf("%02d.04.1980", 1+i%28), "UKR", fmt.Sprintf("FA%06d", i)
		switch i {
		case 5:
			dob = "31.02.1980"
		case 9:
			nat = "QQ"
		case 13:
			doc = "F12"
		}
		fmt.Fprintf(&b, "DE-%d,Kowalenko%c,Iryna,F,%s,%s,passport,%s,2022-05-01,DE\n", i, rune('a'+i), dob, nat, doc)
	}
	return b.String()
}

func TestImportResumesAfterACrash(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		ctx := officer("DE")
		file := importCSV(23)
		opt := ImportOptions{Format: "csv", Source: "de-2026-03.csv", BatchSize: 5, crashAfter: 2}
		rep, err := f.svc.Import(ctx, strings.NewReader(file), opt)
		if err == nil || rep.Lines != 11 || rep.Status != "failed" {
			t.Fatalf("crashed import: %+v, %v", rep, err)
		}
		opt.crashAfter = 0
		rep, err = f.svc.Import(ctx, strings.NewReader(file), opt)
		if err != nil {
			t.Fatal(err)
		}
		if rep.ResumedAt != 11 || rep.Accepted != 20 || rep.Rejected != 3 || rep.Lines != 24 || rep.Status != "done" {
			t.Fatalf("resumed import: %+v", rep)
		}
		wantLines := []int64{6, 10, 14}
		wantField := []string{"person.date_of_birth", "person.nationality", "person.documents[0].number"}
		for i, rj := range rep.Rejects {
			if rj.Line != wantLines[i] || !namesField(rj.Errors, wantField[i]) {
				t.Errorf("reject %d = %+v, want line %d field %s", i, rj, wantLines[i], wantField[i])
			}
		}
		// A third run of the same source changes nothing; the same rows under another source
		// are idempotent on the external id.
		if again, err := f.svc.Import(ctx, strings.NewReader(file), opt); err != nil || again.Accepted != 20 {
			t.Fatalf("repeat: %+v %v", again, err)
		}
		if _, err := f.svc.Import(ctx, strings.NewReader(file), ImportOptions{Format: "csv", Source: "other"}); err != nil {
			t.Fatal(err)
		}
		var n int
		_ = db.Reader().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM tp_registrations`).Scan(&n)
		if n != 20 {
			t.Fatalf("%d registrations stored, want 20", n)
		}
	})
}

func TestImportRefusesAnotherStatesRowsAndBadFiles(t *testing.T) {
	f := newFixture(t, sqldbtest.SQLite(t))
	ctx := officer("PL")
	rep, err := f.svc.Import(ctx, strings.NewReader(importCSV(2)), ImportOptions{Format: "csv"})
	if err != nil || rep.Rejected != 2 || rep.Rejects[0].Errors[0].Field != "member_state" {
		t.Fatalf("PL importing DE rows: %+v %v", rep, err)
	}
	for _, tc := range []struct{ format, file string }{
		{"csv", "surname,colour\nA,b\n"},
		{"csv", "surname\nA\n"},
		{"xml", "<a/>"},
	} {
		if _, err := f.svc.Import(ctx, strings.NewReader(tc.file), ImportOptions{Format: tc.format}); err == nil {
			t.Errorf("%s %q accepted", tc.format, tc.file)
		}
	}
	nd := `{"external_id":"PL-9","ground":"ukrainian_national","person":{"surname":"Bondar","given_name":"Olha","sex":"F","date_of_birth":"1990","nationality":"UA"}}` +
		"\n{\"external_id\":1}\n\n{\"bogus\":true}\n"
	rep, err = f.svc.Import(ctx, strings.NewReader(nd), ImportOptions{Format: "ndjson"})
	if err != nil || rep.Accepted != 1 || rep.Rejected != 2 || rep.Rejects[1].Line != 4 {
		t.Fatalf("ndjson: %+v %v", rep, err)
	}
}

func namesField(fe []errs.FieldError, field string) bool {
	for _, e := range fe {
		if e.Field == field {
			return true
		}
	}
	return false
}

// TestImportRepeatedRowInOneBatch: a record repeated within one batch updates the
// registration its first line created (last line wins), and two states' rows of the same
// person in one seed batch still find each other.
func TestImportRepeatedRowInOneBatch(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		file := "record_id,surname,given_name,sex,date_of_birth,nationality\n" +
			"DE-1,Bondar,Olha,F,1990,UA\nDE-2,Melnyk,Iryna,F,1991,UA\nDE-1,Bondar,Olga,F,1990,UA\n"
		rep, err := f.svc.Import(officer("DE"), strings.NewReader(file), ImportOptions{Format: "csv"})
		if err != nil || rep.Accepted != 3 {
			t.Fatalf("%+v %v", rep, err)
		}
		got, _, _ := f.svc.Search(officer("DE"), Query{Name: "Bondar"})
		if len(got) != 1 || got[0].GivenName != "Olga" {
			t.Fatalf("registrations of DE-1: %+v", got)
		}
		rows := []SeedRow{{State: "DE", Input: shevchenko()}, {State: "PL", Input: szewczenko()}}
		i := 0
		n, err := f.svc.Seed(officer("DE"), func() (SeedRow, bool, error) {
			if i == len(rows) {
				return SeedRow{}, false, nil
			}
			i++
			return rows[i-1], true, nil
		}, nil)
		if err != nil || n != 0 {
			t.Fatalf("seed on a database with registrations: %d %v", n, err)
		}
	})
}

// TestSeedFindsDuplicatesWithinABatch: the demo seed writes in large batches; a person
// registered in two states within one batch opens a review.
func TestSeedFindsDuplicatesWithinABatch(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		rows := []SeedRow{{State: "DE", Input: shevchenko()}, {State: "PL", Input: szewczenko()}}
		i := 0
		n, err := f.svc.Seed(officer("DE"), func() (SeedRow, bool, error) {
			if i == len(rows) {
				return SeedRow{}, false, nil
			}
			i++
			return rows[i-1], true, nil
		}, nil)
		if err != nil || n != 2 {
			t.Fatalf("seed: %d %v", n, err)
		}
		revs, _, err := f.svc.ListReviews(officer("PL"), "", "", 10)
		if err != nil || len(revs) != 1 || revs[0].OtherState != "DE" {
			t.Fatalf("reviews: %+v %v", revs, err)
		}
		r, err := f.svc.Get(officer("PL"), revs[0].Registration)
		if err != nil || len(r.History) != 1 || len(r.Person.Documents) != 1 {
			t.Fatalf("seeded registration: %+v %v", r, err)
		}
	})
}
