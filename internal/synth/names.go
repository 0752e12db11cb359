package synth

import "strings"

// maleNames: Ukrainian form | Russian form | patronymics (Ukrainian m/f, Russian m/f) |
// relative frequency. The Russian forms are what a person from a Russian-speaking family,
// or a Soviet-era document, gives (Aleksandr, Sergei, Andrei).
const maleNames = `Олександр|Александр|Олександрович|Олександрівна|Александрович|Александровна|90
Сергій|Сергей|Сергійович|Сергіївна|Сергеевич|Сергеевна|70
Андрій|Андрей|Андрійович|Андріївна|Андреевич|Андреевна|60
Володимир|Владимир|Володимирович|Володимирівна|Владимирович|Владимировна|60
Дмитро|Дмитрий|Дмитрович|Дмитрівна|Дмитриевич|Дмитриевна|50
Микола|Николай|Миколайович|Миколаївна|Николаевич|Николаевна|50
Іван|Иван|Іванович|Іванівна|Иванович|Ивановна|45
Юрій|Юрий|Юрійович|Юріївна|Юрьевич|Юрьевна|40
Віктор|Виктор|Вікторович|Вікторівна|Викторович|Викторовна|40
Олег|Олег|Олегович|Олегівна|Олегович|Олеговна|35
Василь|Василий|Васильович|Василівна|Васильевич|Васильевна|35
Петро|Пётр|Петрович|Петрівна|Петрович|Петровна|30
Михайло|Михаил|Михайлович|Михайлівна|Михайлович|Михайловна|35
Максим|Максим|Максимович|Максимівна|Максимович|Максимовна|40
Артем|Артём|Артемович|Артемівна|Артёмович|Артёмовна|35
Денис|Денис|Денисович|Денисівна|Денисович|Денисовна|25
Ігор|Игорь|Ігорович|Ігорівна|Игоревич|Игоревна|30
Олексій|Алексей|Олексійович|Олексіївна|Алексеевич|Алексеевна|35
Євген|Евгений|Євгенович|Євгенівна|Евгеньевич|Евгеньевна|30
Анатолій|Анатолий|Анатолійович|Анатоліївна|Анатольевич|Анатольевна|20
Віталій|Виталий|Віталійович|Віталіївна|Витальевич|Витальевна|25
Роман|Роман|Романович|Романівна|Романович|Романовна|25
Тарас|Тарас|Тарасович|Тарасівна|Тарасович|Тарасовна|15
Богдан|Богдан|Богданович|Богданівна|Богданович|Богдановна|20
Назар|Назар|Назарович|Назарівна|Назарович|Назаровна|15
Данило|Даниил|Данилович|Данилівна|Даниилович|Данииловна|20
Матвій|Матвей|Матвійович|Матвіївна|Матвеевич|Матвеевна|15
Кирило|Кирилл|Кирилович|Кирилівна|Кириллович|Кирилловна|15
Ярослав|Ярослав|Ярославович|Ярославівна|Ярославович|Ярославовна|15
Степан|Степан|Степанович|Степанівна|Степанович|Степановна|10
Григорій|Григорий|Григорович|Григорівна|Григорьевич|Григорьевна|10
Павло|Павел|Павлович|Павлівна|Павлович|Павловна|25
Вадим|Вадим|Вадимович|Вадимівна|Вадимович|Вадимовна|15
Руслан|Руслан|Русланович|Русланівна|Русланович|Руслановна|20
Костянтин|Константин|Костянтинович|Костянтинівна|Константинович|Константиновна|15
Станіслав|Станислав|Станіславович|Станіславівна|Станиславович|Станиславовна|10
Валерій|Валерий|Валерійович|Валеріївна|Валерьевич|Валерьевна|15
Ілля|Илья|Ілліч|Іллівна|Ильич|Ильинична|15
Геннадій|Геннадий|Геннадійович|Геннадіївна|Геннадьевич|Геннадьевна|10
Владислав|Владислав|Владиславович|Владиславівна|Владиславович|Владиславовна|20
Олесь|Олесь|Олесьович|Олесівна|Олесевич|Олесевна|5
Йосип|Иосиф|Йосипович|Йосипівна|Иосифович|Иосифовна|5`

// femaleNames: Ukrainian form | Russian form | relative frequency.
const femaleNames = `Олена|Елена|80
Наталія|Наталья|70
Тетяна|Татьяна|65
Ірина|Ирина|60
Оксана|Оксана|50
Юлія|Юлия|50
Світлана|Светлана|45
Марія|Мария|45
Людмила|Людмила|35
Ганна|Анна|35
Галина|Галина|30
Анастасія|Анастасия|45
Вікторія|Виктория|45
Катерина|Екатерина|40
Ольга|Ольга|45
Надія|Надежда|25
Лариса|Лариса|20
Валентина|Валентина|20
Любов|Любовь|20
Віра|Вера|15
Софія|София|35
Дарина|Дарья|30
Аліна|Алина|25
Яна|Яна|20
Христина|Кристина|20
Анна|Анна|30
Поліна|Полина|20
Єлизавета|Елизавета|15
Вероніка|Вероника|15
Зоряна|Зоряна|5
Алла|Алла|10
Інна|Инна|15
Мирослава|Мирослава|10
Соломія|Соломия|10
Мар'яна|Марьяна|15
Євгенія|Евгения|15`

// localForms are the host language's own forms of a given name that a registering officer
// may write instead of transliterating (Aleksander in Poland, Alexandre in France).
const localForms = `Олександр PL=Aleksander DE=Alexander FR=Alexandre IT=Alessandro ES=Alejandro CZ=Alexandr NL=Alexander HU=Sándor
Андрій PL=Andrzej DE=Andreas FR=André IT=Andrea ES=Andrés NL=Andreas
Микола PL=Mikołaj DE=Nikolai FR=Nicolas IT=Nicola ES=Nicolás CZ=Mikuláš
Петро PL=Piotr DE=Peter FR=Pierre IT=Pietro ES=Pedro CZ=Petr
Михайло PL=Michał DE=Michael FR=Michel IT=Michele ES=Miguel CZ=Michal
Іван PL=Jan DE=Johann FR=Jean IT=Giovanni ES=Juan
Павло PL=Paweł DE=Paul FR=Paul IT=Paolo ES=Pablo CZ=Pavel
Марія PL=Maria DE=Maria FR=Marie IT=Maria ES=María CZ=Marie
Катерина PL=Katarzyna DE=Katharina FR=Catherine IT=Caterina ES=Catalina CZ=Kateřina
Ганна PL=Anna DE=Anna FR=Anne IT=Anna ES=Ana CZ=Anna
Олена PL=Helena DE=Helena FR=Hélène IT=Elena ES=Elena
Наталія PL=Natalia DE=Natalie FR=Nathalie IT=Natalia ES=Natalia
Юлія PL=Julia DE=Julia FR=Julie IT=Giulia ES=Julia CZ=Julie
Софія PL=Zofia DE=Sophia FR=Sophie IT=Sofia ES=Sofía CZ=Žofie
Єлизавета PL=Elżbieta DE=Elisabeth FR=Élisabeth IT=Elisabetta ES=Isabel
Ольга PL=Olga DE=Olga FR=Olga IT=Olga ES=Olga`

// givenName is one given name with its Russian form and, for men, the patronymics it forms.
type givenName struct {
	uk, ru string
	// patronymics formed from this (male) name: Ukrainian m/f and Russian m/f.
	patUK, patRU [2]string
	local        map[string]string
}

// nameBook holds the name lists with cumulative weights for sampling.
type nameBook struct {
	male, female       []givenName
	maleCum, femaleCum []float64
}

func newNameBook() *nameBook {
	local := map[string]map[string]string{}
	for _, line := range strings.Split(localForms, "\n") {
		f := strings.Fields(line)
		m := map[string]string{}
		for _, kv := range f[1:] {
			k, v, _ := strings.Cut(kv, "=")
			m[k] = v
		}
		local[f[0]] = m
	}
	b := &nameBook{}
	for _, line := range strings.Split(maleNames, "\n") {
		f := strings.Split(line, "|")
		b.male = append(b.male, givenName{uk: f[0], ru: f[1], patUK: [2]string{f[2], f[3]}, patRU: [2]string{f[4], f[5]}, local: local[f[0]]})
		b.maleCum = appendCum(b.maleCum, atoi(f[6]))
	}
	for _, line := range strings.Split(femaleNames, "\n") {
		f := strings.Split(line, "|")
		b.female = append(b.female, givenName{uk: f[0], ru: f[1], local: local[f[0]]})
		b.femaleCum = appendCum(b.femaleCum, atoi(f[2]))
	}
	return b
}

// appendCum extends a cumulative weight table.
func appendCum(cum []float64, w int) []float64 {
	last := 0.0
	if len(cum) > 0 {
		last = cum[len(cum)-1]
	}
	return append(cum, last+float64(w))
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
