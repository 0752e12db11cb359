package identity

import "testing"

// prep prepares a record for comparison tests.
func prep(r Record) *features { return newPreparer(nil).prepare(&r) }

// TestNameLevels covers every name level of issue 3 (item 3).
func TestNameLevels(t *testing.T) {
	cases := []struct {
		name       string
		a, b       Record
		surname    uint8
		givenLevel uint8
	}{
		{"exact after folding", Record{Surname: "Ševčenko", GivenName: "Oleksandr"}, Record{Surname: "SEVCENKO", GivenName: "oleksandr"}, nExact, nExact},
		{"transliteration", Record{Surname: "Шевченко", GivenName: "Олександр"}, Record{Surname: "Szewczenko", GivenName: "Oleksandr"}, nTranslit, nTranslit},
		{"equivalent given name", Record{Surname: "Shevchenko", GivenName: "Oleksandr"}, Record{Surname: "Shevchenko", GivenName: "Aleksandr"}, nExact, nEquiv},
		{"Jaro-Winkler high", Record{Surname: "Shevchenko", GivenName: "Zoryslav"}, Record{Surname: "Shevchneko", GivenName: "Zoryslav"}, nJWHigh, nExact},
		{"Jaro-Winkler mid", Record{Surname: "Kovalchuk", GivenName: "Taras"}, Record{Surname: "Kovalyshyn", GivenName: "Taras"}, nJWMid, nExact},
		{"double surname contained", Record{Surname: "Kovalenko-Shevchenko", GivenName: "Iryna"}, Record{Surname: "Shevchenko", GivenName: "Iryna"}, nContained, nExact},
		{"swapped", Record{Surname: "Shevchenko", GivenName: "Taras"}, Record{Surname: "Taras", GivenName: "Shevchenko"}, nSwapped, nSwapped},
		{"known different given names (twins)", Record{Surname: "Bondar", GivenName: "Oleksandr"}, Record{Surname: "Bondar", GivenName: "Oleksii"}, nExact, nDisagree},
		{"missing", Record{Surname: "Bondar"}, Record{GivenName: "Ivan"}, nMissing, nMissing},
		{"disagree", Record{Surname: "Bondar", GivenName: "Ivan"}, Record{Surname: "Melnyk", GivenName: "Ivan"}, nDisagree, nExact},
	}
	for _, c := range cases {
		g := compare(prep(c.a), prep(c.b))
		if g[fSurname] != c.surname || g[fGiven] != c.givenLevel {
			t.Errorf("%s: surname %s, given %s; want %s, %s", c.name,
				levelNames[fSurname][g[fSurname]], levelNames[fGiven][g[fGiven]],
				levelNames[fSurname][c.surname], levelNames[fGiven][c.givenLevel])
		}
	}
}

// TestDateLevels covers every date-of-birth level of issue 3.
func TestDateLevels(t *testing.T) {
	cases := []struct {
		a, b string
		want uint8
	}{
		{"1985-03-12", "12.03.1985", dExact},
		{"1985-03-12", "1985-12-03", dSwapped},
		{"1985-03-12", "1985-03-13", dOneDigit},
		{"1985-03-12", "1958-03-12", dFar},
		{"1985-03-12", "1985-03-21", dOneDigit}, // adjacent digits transposed
		{"1985-03-12", "1985", dPartial},
		{"1985-03-12", "1985-03", dPartial},
		{"1985-03-12", "1985-01-01", dJan1},
		{"1985-03-12", "1984-03-12", dOneDigit},
		{"1985-03-12", "1986-03-12", dOneDigit},
		{"1989-03-12", "1990-03-12", dYearPM1},
		{"1985-03-12", "1985-07-25", dSameYear},
		{"1985-03-12", "1986-07-25", dDisagree},
		{"1985-03-12", "", dMissing},
		{"1985", "1987", dDisagree},
		{"1985", "1990", dFar},
	}
	for _, c := range cases {
		got := compareDOB(parseDOB(norm(c.a)), parseDOB(norm(c.b)))
		if got != c.want {
			t.Errorf("%s vs %s: %s, want %s", c.a, c.b, levelNames[fDOB][got], levelNames[fDOB][c.want])
		}
	}
}

func norm(s string) string {
	iso, _ := ParseDate(s)
	return iso
}

// TestDocumentLevels covers document numbers: exact, look-alike letters, romanised
// series, series dropped, one edit.
func TestDocumentLevels(t *testing.T) {
	cases := []struct {
		a, b string
		want uint8
	}{
		{"FA123456", "fa 123456", docExact},
		{"СН123456", "CH123456", docGlyph}, // Cyrillic С Н typed as Latin look-alikes
		{"СН123456", "SN123456", docGlyph}, // series romanised
		{"I-КС 780444", "780444", docGlyph},
		{"FA123456", "FA123465", docOneEdit},
		{"FA123456", "FB987654", docDisagree},
		{"FA123456", "", docMissing},
	}
	for _, c := range cases {
		var a, b []Document
		if c.a != "" {
			a = []Document{{Number: c.a}}
		}
		if c.b != "" {
			b = []Document{{Number: c.b}}
		}
		g := compare(prep(Record{Documents: a}), prep(Record{Documents: b}))
		if g[fDocument] != c.want {
			t.Errorf("%s vs %s: %s, want %s", c.a, c.b, levelNames[fDocument][g[fDocument]], levelNames[fDocument][c.want])
		}
	}
}

func TestSimpleFieldLevels(t *testing.T) {
	cases := []struct {
		name  string
		a, b  Record
		field int
		want  uint8
	}{
		{"sex spellings", Record{Sex: "ж"}, Record{Sex: "F"}, fSex, sAgree},
		{"sex differs", Record{Sex: "male"}, Record{Sex: "K"}, fSex, sDisagree},
		{"place exonym", Record{PlaceOfBirth: "Kiew"}, Record{PlaceOfBirth: "М. КИЇВ/UKR"}, fPlace, sAgree},
		{"places differ", Record{PlaceOfBirth: "Lviv"}, Record{PlaceOfBirth: "Odesa"}, fPlace, sDisagree},
		{"nationality adjective", Record{Nationality: "ukraińskie"}, Record{Nationality: "UKR"}, fNationality, sAgree},
		{"same address", Record{Address: "ul. Długa 5/2", Locality: "Gdańsk"}, Record{Address: "Długa 5/2", Locality: "Gdansk"}, fResidence, sAgree},
		{"same town only", Record{Address: "ul. Długa 5", Locality: "Gdańsk"}, Record{Address: "ul. Polna 9", Locality: "Gdańsk"}, fResidence, sSimilar},
	}
	for _, c := range cases {
		g := compare(prep(c.a), prep(c.b))
		if g[c.field] != c.want {
			t.Errorf("%s: %s, want %s", c.name, levelNames[c.field][g[c.field]], levelNames[c.field][c.want])
		}
	}
}

func TestParseDate(t *testing.T) {
	cases := map[string]string{
		"1985-03-12": "1985-03-12", "19850312": "1985-03-12", "12.03.1985": "1985-03-12",
		"12/03/1985": "1985-03-12", "1985-03": "1985-03", "1985": "1985",
		"1985-02-30": "", "85-03-12": "", "1985-13": "", "abcd": "", "": "", "12.03.85": "",
	}
	for in, want := range cases {
		got, ok := ParseDate(in)
		if got != want || ok != (want != "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestVetoes(t *testing.T) {
	sc := newScorer(DefaultModel(), 1000)
	twinA := prep(Record{Surname: "Bondarenko", GivenName: "Andrii", DateOfBirth: "1979-11-30", PlaceOfBirth: "Odesa", Address: "Main 1", Locality: "Wien"})
	twinB := prep(Record{Surname: "Bondarenko", GivenName: "Oleksii", DateOfBirth: "1979-11-30", PlaceOfBirth: "Odesa", Address: "Main 1", Locality: "Wien"})
	if v := sc.judge(compare(twinA, twinB), twinA, twinB); !v.veto || DefaultConfig().decision(v) == DecisionMatch {
		t.Errorf("twins not vetoed: %+v", v)
	}
	parent := prep(Record{Surname: "Bondarenko", GivenName: "Andrii", DateOfBirth: "1979-11-30", Documents: []Document{{Number: "FA1"}}})
	child := prep(Record{Surname: "Bondarenko", GivenName: "Taras", DateOfBirth: "2012-05-01", Documents: []Document{{Number: "FA1"}}})
	if v := sc.judge(compare(parent, child), parent, child); DefaultConfig().decision(v) == DecisionMatch {
		t.Errorf("parent and child on one passport matched: %+v", v)
	}
}

func BenchmarkCompare(b *testing.B) {
	x := prep(Record{Surname: "Шевченко", GivenName: "Олександр", DateOfBirth: "1985-03-12", PlaceOfBirth: "Київ", Documents: []Document{{Number: "FA123456"}}, Address: "вул. Хрещатик 1", Locality: "Київ"})
	y := prep(Record{Surname: "Szewczenko", GivenName: "Aleksander", DateOfBirth: "1985-12-03", PlaceOfBirth: "Kijów", Documents: []Document{{Number: "FA123465"}}, Address: "ul. Długa 5", Locality: "Gdańsk"})
	for b.Loop() {
		_ = compare(x, y)
	}
}
