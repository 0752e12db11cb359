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

func TestPlaceDecorations(t *testing.T) {
	p := NewPlaces()
	cases := []struct{ in, core, same string }{
		{"М. ХАРКІВ/UKR", "харків", "Kharkiv"},
		{"Lviv (Ukraine)", "lviv", "Lwów"},
		{"Donieck, UKR", "donieck", "Donetsk"},
		{"UKRAINE", "", ""},
		{"Біла Церква, Україна", "біла церква", "Bila Tserkva"},
	}
	for _, c := range cases {
		if got := PlaceCore(c.in); got != c.core {
			t.Errorf("PlaceCore(%q)=%q want %q", c.in, got, c.core)
		}
		if c.same != "" && (p.Group(c.in) == 0 || p.Group(c.in) != p.Group(c.same)) {
			t.Errorf("Group(%q)=%d, Group(%q)=%d", c.in, p.Group(c.in), c.same, p.Group(c.same))
		}
	}
}
