package synth

import (
	"math/rand/v2"
	"testing"
	"unicode"
	"unicode/utf8"
)

// osa is the optimal-string-alignment distance (edits plus adjacent transpositions).
func osa(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

func TestTypoIsOneEdit(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	kinds := map[int]int{} // length change -> count
	for _, s := range []string{"Shevchenko", "Szewczenko", "Ševčenko", "Шевченко", "Oleksandr", "Anna"} {
		for range 500 {
			got := typo(rng, s)
			if d := osa(s, got); d != 1 {
				t.Fatalf("typo(%q) = %q, distance %d, want 1", s, got, d)
			}
			if hasCyrillic(got) != hasCyrillic(s) || hasLatin(got) != hasLatin(s) {
				t.Fatalf("typo(%q) = %q mixes scripts", s, got)
			}
			if []rune(got)[0] != []rune(s)[0] {
				t.Fatalf("typo(%q) = %q changed the first letter", s, got)
			}
			kinds[utf8.RuneCountInString(got)-utf8.RuneCountInString(s)]++
		}
	}
	if kinds[-1] == 0 || kinds[1] == 0 || kinds[0] == 0 {
		t.Fatalf("typo kinds by length change: %v, want deletions, insertions and same-length edits", kinds)
	}
	if got := typo(rng, "Li"); got != "Li" {
		t.Errorf("typo of a 2-letter name = %q, want unchanged", got)
	}
}

func TestNoisyDateShares(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	d := date{1980, 5, 7}
	counts := map[string]int{}
	const n = 20000
	for range n {
		counts[noisyDate(rng, d, "dmy.")]++
	}
	tests := []struct {
		value    string
		min, max float64
	}{
		{"07.05.1980", 0.75, 0.86}, // right, in the state's format
		{"1980-05-07", 0.07, 0.12}, // right, in ISO
		{"05.07.1980", 0.015, 0.04},
		{"1980", 0.01, 0.03},
		{"", 0.01, 0.025},
		{"01.01.1980", 0.008, 0.02},
		{"17.05.1980", 0.003, 0.015},
	}
	for _, tt := range tests {
		if s := float64(counts[tt.value]) / n; s < tt.min || s > tt.max {
			t.Errorf("share of %q = %.4f, want in [%v, %v]", tt.value, s, tt.min, tt.max)
		}
	}
}

func TestFormatDate(t *testing.T) {
	d := date{2001, 2, 3}
	tests := []struct {
		prec   int
		format string
		want   string
	}{
		{3, "iso", "2001-02-03"}, {3, "dmy.", "03.02.2001"}, {3, "dmy/", "03/02/2001"},
		{3, "compact", "20010203"}, {2, "dmy.", "2001-02"}, {1, "dmy/", "2001"}, {0, "iso", ""},
	}
	for _, tt := range tests {
		if got := formatDate(d, tt.prec, tt.format); got != tt.want {
			t.Errorf("formatDate(%d, %s) = %q, want %q", tt.prec, tt.format, got, tt.want)
		}
	}
}

func TestDocumentHelpers(t *testing.T) {
	split := []struct{ in, series, digits string }{
		{"FA123456", "FA", "123456"}, {"I-ЖС 123456", "I-ЖС", "123456"}, {"МК123456", "МК", "123456"},
		{"001234567", "", "001234567"}, {"FA 123456", "FA", "123456"},
	}
	for _, tt := range split {
		if s, d := splitSeries(tt.in); s != tt.series || d != tt.digits {
			t.Errorf("splitSeries(%q) = %q, %q", tt.in, s, d)
		}
	}
	swap := []struct{ in, want string }{{"МК", "MK"}, {"EK", "ЕК"}, {"ВМ", "BM"}, {"FA", "FА"}, {"ЖС", "ЖC"}}
	for _, tt := range swap {
		if got := swapScript(tt.in); got != tt.want {
			t.Errorf("swapScript(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	next := []struct{ in, want string }{{"FA123456", "FA123457"}, {"I-ЖС 000099", "I-ЖС 000100"}, {"001234567", "001234568"}}
	for _, tt := range next {
		if got := nextNumber(tt.in); got != tt.want {
			t.Errorf("nextNumber(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSurnameForms(t *testing.T) {
	fem := []struct{ in, want string }{
		{"Шевченко", "Шевченко"}, {"Ковальчук", "Ковальчук"}, {"Мельник", "Мельник"},
		{"Ковальський", "Ковальська"}, {"Левицький", "Левицька"}, {"Іванов", "Іванова"},
		{"Ковальов", "Ковальова"}, {"Бережний", "Бережна"}, {"Бойко", "Бойко"},
	}
	for _, tt := range fem {
		if got := feminine(tt.in); got != tt.want {
			t.Errorf("feminine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	ru := []struct{ in, want string }{{"Олійник", "Олейник"}, {"Ковальський", "Ковальский"}, {"Поліщук", "Полищук"}, {"Шевченко", "Шевченко"}}
	for _, tt := range ru {
		if got := russianSurname(tt.in); got != tt.want {
			t.Errorf("russianSurname(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	cz := []struct{ in, want string }{{"Ševčenko", "Ševčenková"}, {"Melnyk", "Melnyková"}, {"Kovalská", "Kovalská"}}
	for _, tt := range cz {
		if got := czechFeminine(tt.in); got != tt.want {
			t.Errorf("czechFeminine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldUpper(t *testing.T) {
	r := newRenderer()
	tests := []struct{ in, want string }{
		{"Ševčenko", "SEVCENKO"}, {"Ołeksandr", "OLEKSANDR"}, {"Șevcenco", "SEVCENCO"},
		{"Prykhod’ko", "PRYKHODKO"}, {"Meļnik", "MELNIK"}, {"Straße", "STRASSE"}, {"Шевченко", "ШЕВЧЕНКО"},
	}
	for _, tt := range tests {
		if got := r.foldUpper(tt.in); got != tt.want {
			t.Errorf("foldUpper(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestHardPairShapes checks what makes each hard negative hard, on the true identities.
func TestHardPairShapes(t *testing.T) {
	g := testGenerator(t)
	for range 300 {
		tw := g.twins().members
		a, b := tw[0], tw[1]
		if a.dob != b.dob || a.surnameM != b.surnameM || a.father != b.father || a.household != b.household || a.id == b.id {
			t.Fatalf("twins differ in what they share: %+v / %+v", a, b)
		}
		if a.sex == b.sex && a.given[0] == b.given[0] {
			t.Fatalf("twins with one name and sex: %s", a.given[0].uk)
		}
		ns := g.namesakes().members
		if ns[0].surnameM != ns[1].surnameM || ns[0].dob.y != ns[1].dob.y || ns[0].dob == ns[1].dob || ns[0].household == ns[1].household {
			t.Fatalf("namesakes: %+v / %+v", ns[0], ns[1])
		}
		pc := g.parentChild().members
		p, c := pc[0], pc[1]
		if c.onParent == "" || c.onParent != p.passport || c.surnameM != p.surnameM || c.dob == p.dob || refYear-c.dob.y > minorPassportAge {
			t.Fatalf("parent and child: %+v / %+v", p, c)
		}
	}
}

// FuzzRender: any input in any convention renders without panicking, as valid UTF-8.
func FuzzRender(f *testing.F) {
	r := newRenderer()
	for _, s := range []string{"Шевченко", "ЗГУРСЬКИЙ", "Мар'яна", "Наталья", "Ь", "a-Б c", "", "\xff"} {
		f.Add(s, uint8(0))
	}
	convs := []string{convUA2010, convUAOld, convICAO, convEN, convPL, convDE, convFR, convCZ, convSK,
		convHU, convRO, convLT, convLV, convNL, convIT, convES, convSV, convET, convHR, convPT, convBG}
	f.Fuzz(func(t *testing.T, s string, c uint8) {
		if !utf8.ValidString(s) {
			return
		}
		out := r.render(s, convs[int(c)%len(convs)], lang(c/128))
		if !utf8.ValidString(out) || !utf8.ValidString(r.foldUpper(out)) {
			t.Fatalf("render(%q) = %q: invalid UTF-8", s, out)
		}
	})
}

func hasLatin(s string) bool {
	for _, r := range s {
		if r < 128 && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
