package names

import "testing"

func TestGivenNameEquivalents(t *testing.T) {
	g := NewGivenNames()
	same := [][]string{
		{"Oleksandr", "Aleksandr", "Alexander", "Олександр", "Aliaksandr", "Olexandr", "Aleksander"},
		{"Serhii", "Sergei", "Sergey", "Serhiy", "Сергей", "Siarhei", "Sergej"},
		{"Andrii", "Andrei", "Andrey", "Andriy", "Andrzej", "Andrej"},
		{"Nataliia", "Natalia", "Natalya", "Natalja", "Nathalie"},
		{"Mykola", "Nikolai", "Nikolay", "Mikołaj", "Mikalai"},
		{"Hanna", "Anna", "Ganna"},
		{"Olena", "Elena", "Yelena", "Jelena", "Alena"},
		{"Yevhen", "Evgenii", "Yevgeny", "Jewgeni"},
		{"Dmytro", "Dmitrii", "Dmitry", "Dzmitry"},
	}
	for _, grp := range same {
		want := groupOf(g, grp[0])
		if want == 0 {
			t.Fatalf("%q has no group", grp[0])
		}
		for _, n := range grp[1:] {
			if got := groupOf(g, n); got != want {
				t.Errorf("%q group %d, want %d (as %q)", n, got, want, grp[0])
			}
		}
	}
	if groupOf(g, "Oleksandr") == groupOf(g, "Oleksii") {
		t.Error("Oleksandr and Oleksii must differ")
	}
	if groupOf(g, "Zzyzx") != 0 {
		t.Error("unknown name has a group")
	}
}

func groupOf(g *GivenNames, name string) int32 {
	for _, k := range Keys(Clean(name)) {
		if grp := g.Group(k); grp != 0 {
			return grp
		}
	}
	return 0
}

func TestPatronymicGroup(t *testing.T) {
	g := NewGivenNames()
	cases := []struct{ patronymic, given string }{
		{"Oleksandrovych", "Oleksandr"}, {"Aleksandrovich", "Oleksandr"}, {"Oleksandrivna", "Oleksandr"},
		{"Aleksandrovna", "Oleksandr"}, {"Serhiiovych", "Serhii"}, {"Sergeevich", "Serhii"},
		{"Андріївна", "Andrii"}, {"Андреевич", "Andrii"}, {"Mykolaiovych", "Mykola"}, {"Nikolaevna", "Mykola"},
		{"Petrovych", "Petro"}, {"Ivanovna", "Ivan"},
	}
	for _, c := range cases {
		want := groupOf(g, c.given)
		got := int32(0)
		for _, k := range Keys(Clean(c.patronymic)) {
			if got = g.PatronymicGroup(k); got != 0 {
				break
			}
		}
		if got != want {
			t.Errorf("PatronymicGroup(%q)=%d want %d (%s)", c.patronymic, got, want, c.given)
		}
	}
}
