package synth

import "strings"

// cities: Ukrainian name | Russian name | weight | exonyms by convention. The weights lean to
// the east and south, where most people who fled in 2022 came from. Exonyms not listed are
// produced by transliterating the Ukrainian name in the host convention.
const cities = `Київ|Киев|120|PL=Kijów DE=Kiew FR=Kiev CZ=Kyjev SK=Kyjev HU=Kijev RO=Kiev LT=Kyjivas LV=Kijiva NL=Kiev IT=Kiev ES=Kiev UAOLD=Kiev
Харків|Харьков|110|PL=Charków DE=Charkiw FR=Kharkiv CZ=Charkov SK=Charkov HU=Harkiv RO=Harkov LT=Charkivas LV=Harkiva NL=Charkov IT=Charkiv ES=Járkov UAOLD=Kharkov
Одеса|Одесса|70|PL=Odessa DE=Odessa FR=Odessa CZ=Oděsa SK=Odesa HU=Odessza NL=Odessa IT=Odessa ES=Odesa UAOLD=Odessa
Дніпро|Днепр|60|PL=Dniepr DE=Dnipro FR=Dnipro CZ=Dnipro NL=Dnipro IT=Dnipro ES=Dnipró UAOLD=Dnepropetrovsk
Запоріжжя|Запорожье|50|PL=Zaporoże DE=Saporischschja FR=Zaporijia CZ=Záporoží SK=Záporožie HU=Zaporizzsja RO=Zaporijjea LT=Zaporožė LV=Zaporižja NL=Zaporizja IT=Zaporižžja ES=Zaporiyia UAOLD=Zaporozhye
Маріуполь|Мариуполь|45|FR=Marioupol UAOLD=Mariupol
Миколаїв|Николаев|35|PL=Mikołajów DE=Mykolajiw FR=Mykolaïv CZ=Mykolajiv UAOLD=Nikolaev
Херсон|Херсон|35|PL=Chersoń DE=Cherson FR=Kherson CZ=Cherson HU=Herszon RO=Herson NL=Cherson IT=Cherson ES=Jersón
Донецьк|Донецк|40|PL=Donieck DE=Donezk FR=Donetsk CZ=Doněck HU=Donyeck RO=Donețk NL=Donetsk IT=Donec'k ES=Donetsk UAOLD=Donetsk
Луганськ|Луганск|25|PL=Ługańsk DE=Luhansk FR=Louhansk CZ=Luhansk UAOLD=Lugansk
Чернігів|Чернигов|20|PL=Czernihów DE=Tschernihiw FR=Tchernihiv CZ=Černihiv UAOLD=Chernigov
Суми|Сумы|20|
Львів|Львов|30|PL=Lwów DE=Lemberg FR=Lviv CZ=Lvov SK=Ľvov HU=Lemberg RO=Liov LT=Lvivas LV=Ļviva IT=Leopoli ES=Leópolis UAOLD=Lvov
Вінниця|Винница|15|PL=Winnica DE=Winnyzja FR=Vinnytsia CZ=Vinnycja UAOLD=Vinnitsa
Полтава|Полтава|15|PL=Połtawa DE=Poltawa
Житомир|Житомир|15|PL=Żytomierz DE=Schytomyr FR=Jytomyr CZ=Žytomyr UAOLD=Zhitomir
Кременчук|Кременчуг|10|PL=Krzemieńczuk DE=Krementschuk UAOLD=Kremenchug
Краматорськ|Краматорск|15|UAOLD=Kramatorsk
Бахмут|Бахмут|10|UAOLD=Artemovsk
Мелітополь|Мелитополь|15|UAOLD=Melitopol
Бердянськ|Бердянск|10|UAOLD=Berdyansk
Черкаси|Черкассы|10|PL=Czerkasy DE=Tscherkassy UAOLD=Cherkassy
Кропивницький|Кропивницкий|8|UAOLD=Kirovograd
Біла Церква|Белая Церковь|8|PL=Biała Cerkiew UAOLD=Belaya Tserkov
Ірпінь|Ирпень|6|
Буча|Буча|5|
Івано-Франківськ|Ивано-Франковск|8|PL=Iwano-Frankiwsk DE=Iwano-Frankiwsk UAOLD=Ivano-Frankovsk
Тернопіль|Тернополь|8|PL=Tarnopol UAOLD=Ternopol
Рівне|Ровно|8|PL=Równe UAOLD=Rovno
Луцьк|Луцк|6|PL=Łuck DE=Luzk UAOLD=Lutsk
Ужгород|Ужгород|6|HU=Ungvár UAOLD=Uzhgorod
Чернівці|Черновцы|8|PL=Czerniowce DE=Czernowitz RO=Cernăuți UAOLD=Chernovtsy
Хмельницький|Хмельницкий|8|UAOLD=Khmelnitskiy
Слов'янськ|Славянск|8|UAOLD=Slavyansk
Нікополь|Никополь|6|UAOLD=Nikopol
Іванівка|Ивановка|6|
Петрівка|Петровка|6|
Миколаївка|Николаевка|5|
Олександрівка|Александровка|6|
Калинівка|Калиновка|4|
Веселе|Весёлое|3|`

// place is one place of birth with its names.
type place struct {
	uk, ru   string
	exonyms  map[string]string
	isLocal  bool // a village: written with its oblast or as "с." in documents
	latin    bool // the name is already in Latin script (third countries)
	country3 string
}

// placeBook samples places of birth by weight.
type placeBook struct {
	places []place
	cum    []float64
}

func newPlaceBook() *placeBook {
	b := &placeBook{}
	for _, line := range strings.Split(cities, "\n") {
		f := strings.Split(line, "|")
		p := place{uk: f[0], ru: f[1], exonyms: map[string]string{}, country3: "UKR"}
		for _, kv := range strings.Fields(f[3]) {
			k, v, _ := strings.Cut(kv, "=")
			p.exonyms[k] = v
		}
		p.isLocal = strings.HasSuffix(p.uk, "івка") || p.uk == "Веселе"
		b.places = append(b.places, p)
		b.cum = appendCum(b.cum, atoi(f[2]))
	}
	return b
}
