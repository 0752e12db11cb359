package identity

import (
	"fmt"
	"sync"
	"testing"
)

// people is a small hand-written register: the same persons written by different states.
var people = []Record{
	{ID: "ua-1", Surname: "Шевченко", GivenName: "Олександр", Patronymic: "Іванович", Sex: "M", DateOfBirth: "1985-03-12", PlaceOfBirth: "Київ", Nationality: "UKR", Documents: []Document{{Number: "FA123456"}}},
	{ID: "ua-2", Surname: "Коваленко", GivenName: "Наталія", Sex: "F", DateOfBirth: "1990-07-01", PlaceOfBirth: "Харків", Nationality: "UKR"},
	{ID: "ua-3", Surname: "Бондаренко", GivenName: "Андрій", Sex: "M", DateOfBirth: "1979-11-30", PlaceOfBirth: "Одеса", Nationality: "UKR"},
	{ID: "ua-4", Surname: "Бондаренко", GivenName: "Олексій", Sex: "M", DateOfBirth: "1979-11-30", PlaceOfBirth: "Одеса", Nationality: "UKR"}, // twin of ua-3
	{ID: "ua-5", Surname: "Мельник", GivenName: "Ірина", Sex: "F", DateOfBirth: "1962", PlaceOfBirth: "Львів", Nationality: "UKR"},
}

func TestIndexFindsAcrossConventions(t *testing.T) {
	ix := NewIndex(DefaultConfig())
	for _, r := range people {
		ix.Add(r)
	}
	cases := []struct {
		name string
		q    Record
		want string // "" means no match expected
	}{
		{"Polish spelling, Russian given name", Record{ID: "pl-1", Surname: "Szewczenko", GivenName: "Aleksander", Sex: "M", DateOfBirth: "12.03.1985", PlaceOfBirth: "Kijów"}, "ua-1"},
		{"German spelling, day and month swapped", Record{ID: "de-1", Surname: "Schewtschenko", GivenName: "Oleksandr", Sex: "M", DateOfBirth: "1985-12-03", PlaceOfBirth: "Kiew"}, "ua-1"},
		{"MRZ with document", Record{ID: "mrz-1", Surname: "SHEVCHENKO", GivenName: "OLEKSANDR", DateOfBirth: "1985-03-12", Documents: []Document{{Number: "FA 123456"}}}, "ua-1"},
		{"French, Russian form", Record{ID: "fr-1", Surname: "Kovalenko", GivenName: "Natalia", Sex: "F", DateOfBirth: "1990-07-01", PlaceOfBirth: "Kharkov"}, "ua-2"},
		{"twin stays apart", Record{ID: "cz-4", Surname: "Bondarenko", GivenName: "Oleksii", Sex: "M", DateOfBirth: "1979-11-30", PlaceOfBirth: "Oděsa"}, "ua-4"},
		{"partial date", Record{ID: "it-5", Surname: "Melnyk", GivenName: "Iryna", Sex: "F", DateOfBirth: "1962-05-04", PlaceOfBirth: "Leopoli"}, "ua-5"},
		{"stranger", Record{ID: "x", Surname: "Novak", GivenName: "Jan", Sex: "M", DateOfBirth: "1985-03-12"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ix.Query(c.q, 3)
			var best []Match
			for _, m := range got {
				if m.Decision == DecisionMatch {
					best = append(best, m)
				}
			}
			if c.want == "" {
				if len(best) > 0 {
					t.Fatalf("unexpected match %+v", best[0])
				}
				return
			}
			if len(best) != 1 || best[0].ID != c.want {
				t.Fatalf("matches %+v, want exactly %s", got, c.want)
			}
			if len(best[0].Explanation) == 0 {
				t.Error("no explanation")
			}
		})
	}
}

func TestIndexAddRemove(t *testing.T) {
	ix := NewIndex(DefaultConfig())
	for _, r := range people {
		ix.Add(r)
	}
	ix.Add(people[0]) // replacing keeps one copy
	if ix.Len() != len(people) {
		t.Fatalf("Len=%d", ix.Len())
	}
	ix.Remove("ua-1")
	ix.Remove("nope")
	if ix.Len() != len(people)-1 {
		t.Fatalf("Len after remove=%d", ix.Len())
	}
	for _, m := range ix.Query(Record{ID: "q", Surname: "Shevchenko", GivenName: "Oleksandr", DateOfBirth: "1985-03-12"}, 0) {
		if m.ID == "ua-1" {
			t.Fatal("removed record returned")
		}
	}
}

func TestIndexConcurrent(t *testing.T) {
	ix := NewIndex(DefaultConfig())
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 200 {
				r := people[i%len(people)]
				r.ID = fmt.Sprintf("%d-%d", w, i)
				ix.Add(r)
				_ = ix.Query(r, 5)
				if i%7 == 0 {
					ix.Remove(r.ID)
				}
			}
		})
	}
	wg.Wait()
	if ix.Len() == 0 {
		t.Fatal("empty index")
	}
}
