package names

import (
	"slices"
	"testing"
)

// ukrainian and russian are names written in Cyrillic that every convention must read back.
var ukrainian = []string{
	"Олександр", "Шевченко", "Сергій", "Андрій", "Наталія", "Юлія", "Ковальчук", "Григорій",
	"Євген", "Щербак", "Мар'яна", "Коваленко", "Ткаченко", "Бондаренко", "Кравчук", "Олійник",
	"Ярослав", "Жовква", "Зінченко", "Хоменко", "Миколаїв", "Ірина", "Михайло", "Дмитро",
	"Тетяна", "Василь", "Поліщук", "Гнатюк", "Юрій", "Ольга", "Богдан", "Яценко",
}

var russian = []string{
	"Александр", "Сергей", "Андрей", "Наталья", "Юлия", "Щербаков", "Евгений", "Жуков",
	"Хрущёв", "Дмитриев", "Васильев", "Кузнецов", "Татьяна", "Ирина", "Михаил", "Николаевич",
	"Тарасова", "Соловьёв", "Зайцев", "Чернышёв",
}

var belarusian = []string{"Аляксандр", "Лукашэвіч", "Ўладзімір", "Сяргей", "Шушкевіч", "Мікалай"}

func TestEveryConventionReadsBack(t *testing.T) {
	all := append(append(append([]string{}, ukrainian...), russian...), belarusian...)
	for _, c := range Conventions() {
		for _, name := range all {
			want := Keys(Clean(name))
			if len(want) != 1 {
				t.Fatalf("Cyrillic %q has %d keys", name, len(want))
			}
			lat := Romanize(name, c)
			got := Keys(lat)
			if !slices.Contains(got, want[0]) {
				t.Errorf("%s: %q -> %q keys %v, want to contain %q", c, name, lat, got, want[0])
			}
		}
	}
}

func TestRomanize(t *testing.T) {
	cases := []struct {
		c          Convention
		name, want string
	}{
		{UkrainianPassport2010, "Олександр Шевченко", "oleksandr shevchenko"},
		{UkrainianPassport2010, "Юлія Яценко", "yuliia yatsenko"},
		{UkrainianPassport2010, "Сергій Гнатюк", "serhii hnatiuk"},
		{UkrainianPassport2010, "Наталія Щербак", "nataliia shcherbak"},
		{UkrainianPassportOld, "Сергій", "serhiy"},
		{UkrainianPassportOld, "Наталія", "nataliya"},
		{ICAO9303, "Сергей Хрущёв", "sergei khrushchev"},
		{ICAO9303, "Юлия", "iuliia"},
		{Polish, "Олександр Шевченко", "oleksandr szewczenko"},
		{Polish, "Щербак", "szczerbak"},
		{German, "Олександр Шевченко", "oleksandr schewtschenko"},
		{German, "Жуков", "schukow"},
		{French, "Олександр Шевченко", "oleksandr chevtchenko"},
		{French, "Юлія", "iouliia"},
		{Czech, "Шевченко", "ševčenko"},
		{Slovak, "Ярослав", "jaroslav"},
		{Hungarian, "Шевченко", "sevcsenko"},
		{Romanian, "Шевченко", "șevcenko"},
		{Lithuanian, "Щербак", "ščerbak"},
		{Latvian, "Хоменко", "homenko"},
		{Dutch, "Шевченко", "sjevtsjenko"},
		{Italian, "Шевченко", "ševčenko"},
		{Italian, "Чорновіл", "čornovil"},
		{Romanian, "Лукашевич", "lukașevici"},
		{Spanish, "Михаил", "mijail"},
		{EnglishBGN, "Юлия Соловьёв", "yuliya solov'yëv"},
	}
	for _, c := range cases {
		if got := Romanize(c.name, c.c); got != c.want {
			t.Errorf("Romanize(%q, %s) = %q, want %q", c.name, c.c, got, c.want)
		}
	}
}

// TestKeysAcrossSpellings checks the spellings quoted in issue 3 and common register forms.
func TestKeysAcrossSpellings(t *testing.T) {
	groups := [][]string{
		{"Шевченко", "SHEVCHENKO", "Szewczenko", "Schewtschenko", "Chevtchenko", "Ševčenko", "Sevcsenko", "Șevcenco", "Sjevtsjenko", "Scevcenko", "Shevchenko"},
		{"Олександр", "OLEKSANDR", "Ołeksandr", "Olexandr", "Oleksandrs", "Oleksandras"},
		{"Сергій", "Serhii", "Serhiy", "Serhij", "Serhiï", "SERHII"},
		{"Наталія", "Nataliia", "Nataliya", "Natalija", "Natalia"},
		{"Хрущёв", "Khrushchev", "KHRUSHCHEV", "Khrouchtchev", "Jrushchev"},
		{"Щербак", "Shcherbak", "Szczerbak", "Schtscherbak", "Chtcherbak", "Ščerbak", "Scserbak", "Sjtsjerbak"},
		{"Юлія", "Yuliia", "Yulia", "Julija", "Ioulia", "Iulia", "Juliia"},
		{"Жовква", "Zhovkva", "Żowkwa", "Žovkva", "Zsovkva", "Jovkva"},
		{"Євген", "Yevhen", "Jewhen", "Ievhen", "Evhen"},
	}
	for _, g := range groups {
		want := Keys(Clean(g[0]))[0]
		for _, s := range g[1:] {
			if got := Keys(Clean(s)); !slices.Contains(got, want) {
				t.Errorf("%q keys %v do not contain %q (key of %q)", s, got, want, g[0])
			}
		}
	}
}

func TestKeysKeepDifferentNamesApart(t *testing.T) {
	pairs := [][2]string{{"Шевченко", "Ковальчук"}, {"Oleksandr", "Oleksii"}, {"Ivanov", "Ivanova"}, {"Petrenko", "Pavlenko"}}
	for _, p := range pairs {
		a, b := Keys(Clean(p[0])), Keys(Clean(p[1]))
		for _, k := range a {
			if slices.Contains(b, k) {
				t.Errorf("%q and %q share key %q", p[0], p[1], k)
			}
		}
	}
}

func TestKey(t *testing.T) {
	if Key("Олександр-Шевченко") != Key("oleksandr shevchenko") {
		t.Errorf("Key differs: %q vs %q", Key("Олександр-Шевченко"), Key("oleksandr shevchenko"))
	}
}
