package names

import "strings"

// placeGroups lists names of one place in Ukrainian, Russian, Belarusian and the exonyms
// of the Member States' languages (Kyiv is Kiev, Kijów, Kiew, Kiev, Kijev, Kyjev); one
// place per line, forms separated by '|' because place names have several words.
var placeGroups = []string{
	"київ|киев|kyiv|kiev|kijów|kiew|kijev|kyjev|kijevas|kijeva|kiova|kiev",
	"харків|харьков|kharkiv|kharkov|charków|charkiw|charkov|harkov|harkiv|charkovas|harkova|carcovia",
	"львів|львов|lviv|lvov|lwów|lemberg|lvovas|leopoli|lviv",
	"одеса|одесса|odesa|odessa|odeso|odesa",
	"дніпро|днепр|днепропетровськ|днепропетровск|dnipro|dnepr|dnipropetrovsk|dnepropetrovsk|dniepr",
	"запоріжжя|запорожье|zaporizhzhia|zaporozhye|zaporoże|saporischschja|zaporojie|zaporizzja",
	"миколаїв|николаев|mykolaiv|nikolaev|mikołajów|nikolajew",
	"маріуполь|мариуполь|mariupol|mariupol",
	"херсон|kherson|cherson|herson",
	"чернігів|чернигов|chernihiv|chernigov|czernihów|tschernihiw|tchernihiv",
	"вінниця|винница|vinnytsia|vinnitsa|winnica|winnyzja",
	"донецьк|донецк|donetsk|donezk|donieck|donetsk",
	"луганськ|луганск|luhansk|lugansk|ługańsk",
	"полтава|poltava|połtawa|poltawa",
	"житомир|zhytomyr|zhitomir|żytomierz|schytomyr|jytomyr",
	"івано-франківськ|ивано-франковск|ivano-frankivsk|ivano-frankovsk|iwano-frankiwsk|stanisławów|stanislau",
	"тернопіль|тернополь|ternopil|ternopol|tarnopol",
	"чернівці|черновцы|chernivtsi|chernovtsy|czerniowce|czernowitz|cernăuți|cernauti",
	"ужгород|uzhhorod|uzhgorod|użhorod|ungvár|uschhorod",
	"рівне|ровно|rivne|rovno|równe",
	"луцьк|луцк|lutsk|łuck|luzk",
	"хмельницький|хмельницкий|khmelnytskyi|khmelnitsky|chmielnicki|chmelnyzkyj|proskurov|płoskirów",
	"кропивницький|кировоград|kropyvnytskyi|kirovograd|kirowohrad|kropywnyzkyj",
	"черкаси|черкассы|cherkasy|cherkassy|czerkasy|tscherkassy",
	"суми|сумы|sumy",
	"біла церква|белая церковь|bila tserkva|belaya tserkov|biała cerkiew",
	"севастополь|sevastopol|sewastopol|sébastopol",
	"сімферополь|симферополь|simferopol|symferopol",
	"мінськ|минск|мінск|minsk|mińsk|minskas",
	"гомель|гомель|homel|gomel|homiel",
	"гродна|гродно|hrodna|grodno",
	"віцебск|витебск|vitebsk|viciebsk|witebsk",
	"магілёў|могилёв|могилев|mahilyow|mogilev|mohylew",
	"брэст|брест|brest|brześć",
	"москва|moscow|moskva|moskau|moscou|moskwa|mosca|moscú|moskou|maskva",
	"санкт-петербург|sankt-peterburg|saint petersburg|st petersburg|saint-pétersbourg|petersburg|leningrad|ленинград",
	"кишинів|кишинёв|chișinău|chisinau|kishinev|kyshyniv|kiszyniów|chisinev",
	"варшава|warszawa|warsaw|warschau|varsovie|varsovia|varšava|varsó|varsavia|varsovia",
	"краків|kraków|krakow|cracow|krakau|cracovie|cracovia",
	"прага|praha|prague|prag|praga|praag",
	"відень|вена|wien|vienna|vienne|wiedeń|viena|vídeň|bécs",
	"берлін|берлин|berlin|berlino|berlijn",
	"бухарест|bucurești|bucharest|bukarest|bucarest|bukareszt",
	"будапешт|budapest|budapeszt|budapešť",
	"братислава|bratislava|pressburg|pozsony",
	"вільнюс|вильнюс|vilnius|wilno|wilna|vilna",
	"рига|riga|ryga|rīga",
}

// Places resolves place names to exonym groups. Build one with NewPlaces and share it: it
// is read-only after construction.
type Places struct {
	group map[string]int32
}

// NewPlaces builds the resolver from the package's table.
func NewPlaces() *Places {
	p := &Places{group: make(map[string]int32, 1024)}
	for i, line := range placeGroups {
		for _, form := range strings.Split(line, "|") {
			for _, k := range placeKeys(form) {
				if _, taken := p.group[k]; !taken {
					p.group[k] = int32(i + 1)
				}
			}
		}
	}
	return p
}

// placeKeys returns the keys of a whole place name: the token keys concatenated, one per
// reading of the first token (enough for two-word names).
func placeKeys(name string) []string {
	toks := Tokens(Clean(name))
	if len(toks) == 0 {
		return nil
	}
	rest := ""
	for _, t := range toks[1:] {
		rest += " " + AppendKeys(nil, t)[0]
	}
	keys := Keys(toks[0])
	for i := range keys {
		keys[i] += rest
	}
	return keys
}

// Group returns the exonym group of a place name, or 0 when the place is not listed.
// Registers decorate places ("М. ХАРКІВ/UKR", "Lviv (Ukraine)", "Donieck, UKR"); when the
// whole string is not listed, each word and each pair of adjacent words is tried.
func (p *Places) Group(name string) int32 {
	if g := p.whole(name); g != 0 {
		return g
	}
	toks := Tokens(Clean(name))
	if len(toks) < 2 {
		return 0
	}
	for i := range toks {
		if i+1 < len(toks) {
			if g := p.whole(toks[i] + " " + toks[i+1]); g != 0 {
				return g
			}
		}
		for _, k := range Keys(toks[i]) {
			if g := p.group[k]; g != 0 {
				return g
			}
		}
	}
	return 0
}

func (p *Places) whole(name string) int32 {
	for _, k := range placeKeys(name) {
		if g := p.group[k]; g != 0 {
			return g
		}
	}
	return 0
}

// PlaceCore strips what registers add around a place name: settlement-type prefixes
// (м., г., с., смт), the country (UKR, Ukraine, Україна), so that "М. ХАРКІВ/UKR" and
// "Kharkiv" compare as names. A string that is only a country yields "".
func PlaceCore(name string) string {
	toks := Tokens(Clean(name))
	out := toks[:0]
	for _, t := range toks {
		if placeNoise[Fold(t)] {
			continue
		}
		out = append(out, t)
	}
	return strings.Join(out, " ")
}

// placeNoise are the words dropped by PlaceCore.
var placeNoise = map[string]bool{
	"м": true, "г": true, "с": true, "смт": true, "село": true, "місто": true, "город": true, "m": true,
	"ukr": true, "ua": true, "ukraine": true, "україна": true, "украина": true, "ukraina": true, "ukrajina": true,
	"ucraina": true, "ucrania": true, "oekraine": true, "rus": true, "russia": true, "blr": true, "belarus": true,
	"mda": true, "moldova": true, "city": true, "oblast": true, "obl": true, "область": true, "обл": true,
}
