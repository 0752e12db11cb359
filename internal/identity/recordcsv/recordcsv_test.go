package recordcsv

import (
	"errors"
	"strings"
	"testing"
)

func TestReadRolesAndDates(t *testing.T) {
	in := "\ufeffid,last_name,given_name,date_of_birth,document_number,extra\n" +
		"a,Шевченко,Олександр,1985-03-12,FA123456,x\n" +
		"b,Szewczenko,Aleksander,12.03.1985,,x\n" +
		"c,Kovalenko,Natalia,19900701,,x\n" +
		"d,Melnyk,Iryna,01/07/1990,,x\n" +
		"e,Bondar,Ivan,1979-11,,x\n" +
		"f,Bondar,Petro,1979,,x\n" +
		"g,Bondar,Petro,,,x\n"
	recs, err := Read(strings.NewReader(in), Options{Columns: map[string]string{"record_id": "id", "surname": "last_name"}}, func(e *RowError) {
		t.Errorf("unexpected bad row: %v", e)
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a": "1985-03-12", "b": "1985-03-12", "c": "1990-07-01", "d": "1990-07-01", "e": "1979-11", "f": "1979", "g": ""}
	if len(recs) != len(want) {
		t.Fatalf("got %d records", len(recs))
	}
	for _, r := range recs {
		if r.DateOfBirth != want[r.ID] {
			t.Errorf("%s: date %q, want %q", r.ID, r.DateOfBirth, want[r.ID])
		}
	}
	if recs[0].Surname != "Шевченко" || len(recs[0].Documents) != 1 || recs[0].Documents[0].Number != "FA123456" {
		t.Errorf("record a = %+v", recs[0])
	}
}

func TestReadReportsBadRows(t *testing.T) {
	in := "record_id,surname,date_of_birth\n" +
		"1,Ok,1980-01-01\n" +
		"2,BadDate,1980-13-01\n" + // line 3
		",NoID,1980\n" + // line 4
		"5,Short\n" + // line 5
		"1,Duplicate,1980\n" + // line 6
		"7,\"unterminated,1980\n"
	var lines []int
	recs, err := Read(strings.NewReader(in), Options{}, func(e *RowError) { lines = append(lines, e.Line) })
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].ID != "1" {
		t.Fatalf("records %+v", recs)
	}
	if len(lines) < 4 || lines[0] != 3 || lines[1] != 4 || lines[2] != 5 || lines[3] != 6 {
		t.Fatalf("bad lines %v, want 3,4,5,6,...", lines)
	}
	_, err = Read(strings.NewReader(in), Options{Strict: true}, nil)
	var re *RowError
	if !errors.As(err, &re) || re.Line != 3 {
		t.Fatalf("strict: err %v, want line 3", err)
	}
}

func TestReadHeaderErrors(t *testing.T) {
	cases := []struct {
		name string
		in   string
		cols map[string]string
	}{
		{"no id column", "surname\nx\n", nil},
		{"mapped column missing", "record_id\n1\n", map[string]string{"surname": "last"}},
		{"unknown role", "record_id\n1\n", map[string]string{"shoe_size": "x"}},
		{"empty file", "", nil},
	}
	for _, c := range cases {
		if _, err := Read(strings.NewReader(c.in), Options{Columns: c.cols}, nil); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add("record_id,surname,date_of_birth\n1,Шевченко,12.03.1985\n")
	f.Add("record_id,given_name\n\"a\nb\",x\n")
	f.Add("record_id\n\xff\n")
	f.Add("record_id,date_of_birth\n1,0000-00-00\n2,31/02/2000\n")
	f.Fuzz(func(t *testing.T, in string) {
		recs, err := Read(strings.NewReader(in), Options{}, func(*RowError) {})
		if err != nil {
			return
		}
		for _, r := range recs {
			if r.ID == "" {
				t.Fatal("record without id")
			}
		}
	})
}
