package synth

import (
	"sort"
	"strings"
)

// commonSurnames are the most frequent Ukrainian surnames with a weight in units of 0.01% of
// persons. The weights exaggerate real frequencies a little (Melnyk is about 0.3% of
// Ukrainians) so that blocking on a common surname is a real test.
const commonSurnames = `Мельник 90 Шевченко 85 Коваленко 80 Бондаренко 75 Бойко 70 Ткаченко 65 Кравченко 60
Ковальчук 55 Коваль 55 Олійник 50 Шевчук 50 Поліщук 45 Бондар 40 Ткачук 40 Марченко 40 Мороз 40
Лисенко 35 Руденко 35 Савченко 35 Петренко 35 Кравчук 30 Клименко 30 Павленко 30 Савчук 30
Кузьменко 25 Левченко 25 Гаврилюк 25 Харченко 25 Карпенко 25 Пономаренко 25 Литвиненко 20
Романенко 20 Мельничук 20 Приходько 20 Козак 20 Швець 20 Сидоренко 20 Василенко 20 Іваненко 20
Костенко 18 Мартинюк 18 Гончаренко 18 Кузьмич 15 Онищенко 15 Захарченко 15 Тимошенко 15
Павлюк 15 Антоненко 15 Дем'янчук 10 Дем'яненко 8 Ковальов 12 Іванов 12 Кузнецов 10 Попов 10 Ковальський 12 Вишневський 10
Зеленський 10 Левицький 10 Яковенко 12 Гнатюк 12 Дорошенко 12 Гуменюк 12 Бабенко 12 Хоменко 12`

// stem syllables for the long tail of rarer surnames (Гриценко, Доренко, Салюк ...).
const (
	onsets  = "Бо Ва Гри Да До Жу За Ку Ле Ли Ма Мо На Па По Ро Са Се Ти Фе Ха Шу Ю Бу Ве Го Ду Кі Лу Мі Ні Пи Ру Сте Тру Хо Чу Ше Ос Ярем"
	middles = "бр вр г д з к л лод м н п р с т х ц ш рк рд"
	endings = "енко ук ович ський ак ик ишин ич иш ан ега ун"
)

// surnameBook samples surnames by frequency.
type surnameBook struct {
	names []string
	cum   []float64
	top   []string // the very common ones, for namesake hard negatives
}

func newSurnameBook() *surnameBook {
	b := &surnameBook{}
	f := strings.Fields(commonSurnames)
	for i := 0; i+1 < len(f); i += 2 {
		b.names = append(b.names, f[i])
		b.cum = appendCum(b.cum, atoi(f[i+1]))
		if i < 20 {
			b.top = append(b.top, f[i])
		}
	}
	seen := map[string]bool{}
	for _, n := range b.names {
		seen[n] = true
	}
	var tail []string
	for _, o := range strings.Fields(onsets) {
		for _, m := range strings.Fields(middles) {
			for _, e := range strings.Fields(endings) {
				if n := o + m + e; !seen[n] {
					seen[n] = true
					tail = append(tail, n)
				}
			}
		}
	}
	// Interleave so that the heavier ranks of the tail are spread across stems, then give the
	// tail a Zipf-like law whose mass is about three quarters of all persons.
	sort.Slice(tail, func(i, j int) bool {
		return mix64(uint64(len(tail[i]))^hashString(tail[i])) < mix64(uint64(len(tail[j]))^hashString(tail[j]))
	})
	const tailMass = 9000.0 // in the same units as commonSurnames (0.01%)
	norm := 0.0
	for r := range tail {
		norm += 1 / float64(r+50)
	}
	for r, n := range tail {
		b.names = append(b.names, n)
		last := b.cum[len(b.cum)-1]
		b.cum = append(b.cum, last+tailMass/norm/float64(r+50))
	}
	return b
}

// feminine returns the feminine form of a masculine surname: adjectival and Russian-type
// surnames inflect (Ковальський -> Ковальська, Іванов -> Іванова); -енко, -чук, -ук and
// consonant endings like Мельник do not.
func feminine(s string) string {
	switch {
	case strings.HasSuffix(s, "ський"), strings.HasSuffix(s, "цький"), strings.HasSuffix(s, "ний"):
		return strings.TrimSuffix(s, "ий") + "а"
	case strings.HasSuffix(s, "ов"), strings.HasSuffix(s, "ев"), strings.HasSuffix(s, "ьов"),
		strings.HasSuffix(s, "ін"), strings.HasSuffix(s, "ин") && !strings.HasSuffix(s, "шин"):
		return s + "а"
	}
	return s
}

// russianSurname is the Russian spelling of a Ukrainian surname, as found in documents issued
// in Russian (Олійник -> Олейник, Ковальський -> Ковальский).
func russianSurname(s string) string {
	r := strings.NewReplacer("ський", "ский", "ська", "ская", "цький", "цкий", "цька", "цкая",
		"ій", "ей", "і", "и", "ї", "и", "є", "е", "'", "ь")
	return r.Replace(s)
}

// hashString is FNV-1a, used to derive stable per-key seeds.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix64 is the splitmix64 finaliser: a bijection on 64-bit integers.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
