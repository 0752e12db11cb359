package names

import (
	"strings"
	"testing"
)

func TestPlaceExonyms(t *testing.T) {
	p := NewPlaces()
	same := [][]string{
		{"Київ", "Kyiv", "Kiev", "Kijów", "Kiew", "KYIV", "Kijev"},
		{"Харків", "Kharkiv", "Kharkov", "Charków", "Charkiw", "Harkov"},
		{"Львів", "Lviv", "Lvov", "Lwów", "Lemberg"},
		{"Одеса", "Odesa", "Odessa", "Одесса"},
		{"Запоріжжя", "Zaporizhzhia", "Zaporozhye", "Zaporoże"},
		{"Біла Церква", "Bila Tserkva", "bila-tserkva"},
		{"Мінськ", "Minsk", "Mińsk"},
	}
	for _, g := range same {
		want := p.Group(g[0])
		if want == 0 {
			t.Fatalf("%q has no group", g[0])
		}
		for _, n := range g[1:] {
			if got := p.Group(n); got != want {
				t.Errorf("%q group %d, want %d (%s)", n, got, want, g[0])
			}
		}
	}
	if p.Group("Kyiv") == p.Group("Lviv") {
		t.Error("Kyiv and Lviv share a group")
	}
	if p.Group("Timbuktu") != 0 {
		t.Error("unknown place has a group")
	}
}

func FuzzNormalise(f *testing.F) {
	for _, s := range []string{"Олександр", "Szewczenko", "  O'Brien-Smith ", "\xff\xfe", "ǅ", "SHEVCHENKO<<OLEKSANDR", "ﬁ"} {
		f.Add(s)
	}
	g, p := NewGivenNames(), NewPlaces()
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if Clean(c) != c {
			t.Fatalf("Clean not idempotent: %q -> %q -> %q", s, c, Clean(c))
		}
		if strings.HasPrefix(c, " ") || strings.HasSuffix(c, " ") || strings.Contains(c, "  ") {
			t.Fatalf("Clean left spacing: %q", c)
		}
		fo := Fold(s)
		if Fold(fo) != fo {
			t.Fatalf("Fold not idempotent: %q", fo)
		}
		for _, tok := range Tokens(c) {
			ks := Keys(tok)
			if len(ks) == 0 {
				t.Fatalf("no keys for %q", tok)
			}
			for _, k := range ks {
				_ = g.Group(k)
				_ = g.PatronymicGroup(k)
			}
		}
		_ = Key(s)
		_ = p.Group(s)
		for _, conv := range Conventions() {
			_ = Romanize(s, conv)
		}
	})
}
