package synth

import (
	"strings"
)

// tcnTable: third-country nationals and stateless persons who had protection or residence in
// Ukraine (Decision 2022/382 Art 2(1)(b) and 2(2)): nationality | weight | script of the name
// in Ukrainian papers (C Cyrillic, L Latin) | place of birth | surnames | male | female names.
const tcnTable = `AZE|10|C|Баку|Мамедов,Алієв,Гасанов,Гусейнов,Рзаєв|Ельнур,Рашад,Фарід,Орхан|Айгюн,Лейла,Севіль
GEO|6|C|Тбілісі|Беридзе,Капанадзе,Гелашвілі,Джапаридзе|Георгій,Давид,Іраклій|Ніно,Тамара,Кетеван
UZB|6|C|Ташкент|Каримов,Юсупов,Рахімов,Алімов|Рустам,Шерзод,Бахтіяр|Дільноза,Гульнара,Малика
MDA|5|C|Кишинів|Русу,Чебан,Морару,Унгуряну|Іон,Василе,Міхай|Доїна,Родіка,Олена
BLR|5|C|Мінськ|Козлов,Новік,Ковальов,Жук|Дмитро,Олексій,Павло|Ольга,Тетяна,Ірина
ARM|3|C|Єреван|Петросян,Саркісян,Акопян,Григорян|Арам,Давид,Тігран|Анна,Гаяне,Лусіне
XXA|2|C|Харків|Іванов,Мамедов,Гасанов|Руслан,Тимур|Аліна,Мадіна
IND|8|L|New Delhi|Sharma,Kumar,Singh,Patel,Reddy|Rahul,Amit,Arjun,Vikram|Priya,Anjali,Pooja
NGA|6|L|Lagos|Okafor,Adeyemi,Okonkwo,Ibrahim,Eze|Chinedu,Emeka,Oluwaseun,Tunde|Ngozi,Aisha,Funmilayo
MAR|6|L|Casablanca|El Amrani,Benali,Alaoui,El Idrissi|Mohammed,Youssef,Hamza|Fatima,Khadija,Salma
EGY|3|L|Cairo|Hassan,Mahmoud,Abdel Rahman|Ahmed,Mohamed,Omar|Mariam,Nour
AFG|3|L|Kabul|Ahmadi,Rahimi,Karimi,Mohammadi|Ahmad,Mohammad,Ali|Fatima,Zahra
SYR|3|L|Damascus|Al-Ahmad,Haddad,Khoury,Al-Hassan|Mohammad,Khaled,Hussein|Rania,Lina
CMR|2|L|Yaoundé|Mbarga,Nkoulou,Fotso|Jean,Paul,Samuel|Marie,Grace,Esther`

// tcnName is the Latin-script name of a third-country national.
type tcnName struct {
	surname, given string
}

// tcnBook samples third-country nationalities.
type tcnBook struct {
	rows []tcnRow
	cum  []float64
}

type tcnRow struct {
	nat, script, place     string
	surnames, male, female []string
}

func newTCNBook() *tcnBook {
	b := &tcnBook{}
	for _, line := range strings.Split(tcnTable, "\n") {
		f := strings.Split(line, "|")
		b.rows = append(b.rows, tcnRow{nat: f[0], script: f[2], place: f[3], surnames: strings.Split(f[4], ","),
			male: strings.Split(f[5], ","), female: strings.Split(f[6], ",")})
		b.cum = appendCum(b.cum, atoi(f[1]))
	}
	return b
}

// makeTCN turns p into a third-country national with a residence permit from Ukraine and a
// national passport. Names in Cyrillic are rendered like Ukrainian ones; Latin ones vary in
// the ways Latin-script names do (Mohammed/Mohamed, El Amrani/Elamrani).
func (g *generator) makeTCN(p *person) {
	rng := g.rng
	row := &g.tcn.rows[sample(rng, g.tcn.cum)]
	p.nat = row.nat
	given := row.male
	if p.sex == 'F' {
		given = row.female
	}
	surname, first := pick(rng, row.surnames), pick(rng, given)
	if row.script == "C" {
		p.setSurname(surname)
		p.given = []*givenName{{uk: first, ru: first}}
		p.pob = &place{uk: row.place, ru: row.place, exonyms: map[string]string{}, country3: row.nat}
	} else {
		p.tcn = &tcnName{surname: surname, given: first}
		p.pob = &place{uk: row.place, ru: row.place, exonyms: map[string]string{}, country3: row.nat, latin: true}
	}
	p.passConv = convUA2010
	p.passport = string(rune('A'+rng.IntN(26))) + digits(rng, 7)
	p.idType, p.idDoc = docResidence, digits(rng, 9)
}

// latinVariant spells a Latin-script name as another clerk might: transliteration variants
// of Arabic names and joined or split particles.
func latinVariant(s string, roll float64) string {
	swaps := [][2]string{{"Mohammed", "Mohamed"}, {"Mohammad", "Muhammad"}, {"Mohamed", "Mohammed"},
		{"Ahmed", "Ahmad"}, {"Hussein", "Hussain"}, {"Youssef", "Yusuf"}, {"Khaled", "Khalid"},
		{"El ", "El-"}, {"Al-", "Al "}, {"Abdel ", "Abdel"}, {"Fatima", "Fatma"}}
	for i, sw := range swaps {
		if strings.Contains(s, sw[0]) && roll < 0.5+float64(i%3)*0.1 {
			return strings.Replace(s, sw[0], sw[1], 1)
		}
	}
	return s
}
