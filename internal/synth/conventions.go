package synth

// The tables below follow the published national practice for writing Ukrainian (and
// Russian) names, simplified where practice itself varies. They are the generator's own
// reading of those conventions; the engine must recognise the results without them.

// base letters shared by the English-style tables.
const enBase = "а=a б=b в=v г=h ґ=g д=d е=e ж=zh з=z и=y і=i к=k л=l м=m н=n о=o п=p " +
	"р=r с=s т=t у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ь= '= ’="

// ruCommon is how Russian letters differ from Ukrainian ones in most tables.
const ruCommon = " г=g и=i ы=y э=e ъ="

// isFront reports whether the next letter is a front vowel that changes the previous
// consonant's spelling in Romance orthographies (Italian ce/ci, Romanian che/chi).
func isFront(next rune, l lang) bool {
	switch next {
	case 'е', 'є', 'і', 'ї', 'я', 'ю', 'ё':
		return true
	case 'и':
		return l == langRU
	}
	return false
}

// between vowels a single s would read as z in German and French, so they write ss.
func ssBetweenVowels(x letterCtx) (string, bool) {
	if x.cur == 'с' && isCyrVowel(x.prev) && isCyrVowel(x.next) {
		return "ss", true
	}
	return "", false
}

// ua2010 is the Ukrainian national romanisation used in passports since 2010 (KMU 55):
// Ye/Yi/Y/Yu/Ya only at a word start, and зг written zgh to keep it apart from ж.
func ua2010() *convention {
	return &convention{
		plain:   table(enBase + " є=ie ї=i й=i ю=iu я=ia"),
		initial: table("є=ye ї=yi й=y ю=yu я=ya"),
		ru:      table(ruCommon + " ё=e е=e й=i ю=iu я=ia ъ=ie"),
		ruInit:  table("ю=yu я=ya й=y"),
		rule: func(x letterCtx) (string, bool) {
			if x.cur == 'г' && x.prev == 'з' && x.lang == langUK {
				return "gh", true
			}
			return "", false
		},
	}
}

// uaOld is the spelling of passports issued before 2010 and of Soviet-era documents:
// y-forms everywhere (Serhiy, Natalya) and Russian names as in Russian passports (Sergey).
func uaOld() *convention {
	return &convention{
		plain: table(enBase + " є=ye ї=yi й=y ю=yu я=ya"),
		ru:    table(ruCommon + " ё=e е=e й=y ю=yu я=ya"),
	}
}

// icao is ICAO Doc 9303 Part 3 (7th ed.) table for Cyrillic, upper case, language-blind.
func icao() *convention {
	return &convention{
		plain: table("а=a б=b в=v г=g ґ=g д=d е=e ё=e є=ie ж=zh з=z и=i і=i ї=i й=i к=k л=l м=m " +
			"н=n о=o п=p р=r с=s т=t у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ=ie ы=y ь= э=e ю=iu я=ia '= ’="),
		upper: true,
	}
}

// bgn is BGN/PCGN 1965, the English-language convention: y-forms after vowels, soft sign ’.
func bgn() *convention {
	return &convention{
		plain:         table(enBase + " є=ie ї=i й=y ю=iu я=ia ь=’"),
		initial:       table("є=ye ї=yi ю=yu я=ya"),
		ru:            table(ruCommon + " ё=ë е=e й=y ю=yu я=ya ъ=”"),
		ruInit:        table("е=ye ё=yë"),
		iotAfterVowel: true,
	}
}

// polish follows the PWN transcription: w, cz, sz, ż; ł hardens l unless a soft vowel or
// soft sign follows; Russian е after a consonant is ie (Siergiej); -ський is -ski.
func polish() *convention {
	return &convention{
		plain: table("а=a б=b в=w г=h ґ=g д=d е=e є=ie ж=ż з=z и=y і=i ї=ji й=j к=k л=ł м=m н=n " +
			"о=o п=p р=r с=s т=t у=u ф=f х=ch ц=c ч=cz ш=sz щ=szcz ь= ю=iu я=ia '= ’="),
		initial:       table("є=je ї=ji ю=ju я=ja"),
		ru:            table(ruCommon + " и=i ё=io е=ie"),
		ruInit:        table("е=je ё=jo"),
		iotAfterVowel: true,
		suffixes:      [][2]string{{"ський", "ski"}, {"ська", "ska"}, {"цький", "cki"}, {"цька", "cka"}, {"ский", "ski"}, {"ская", "ska"}},
		rule:          polishRule,
	}
}

func polishRule(x letterCtx) (string, bool) {
	switch {
	case x.cur == 'л':
		if isSoftener(x.next, x.lang) {
			return "l", true
		}
		return "ł", true
	case x.prev == 'л' && (x.cur == 'я' || x.cur == 'ю' || x.cur == 'є' || x.cur == 'ё' || x.lang == langRU && x.cur == 'е'):
		return polishAfterL(x.cur), true
	case x.next == 'ь' && (x.cur == 'н' || x.cur == 'с' || x.cur == 'з' || x.cur == 'ц'):
		return "", true // the soft sign below writes the accented letter
	case x.cur == 'ь':
		return polishSoft(x.prev), true
	case x.lang == langRU && x.cur == 'е' && (x.prev == 'ж' || x.prev == 'ш' || x.prev == 'ч' || x.prev == 'ц' || x.prev == 'щ'):
		return "e", true
	case x.lang == langRU && x.cur == 'и' && (x.prev == 'ж' || x.prev == 'ш' || x.prev == 'ц'):
		return "y", true
	}
	return "", false
}

// polishAfterL: after l a soft vowel loses its i (Ljuba -> Luba, Ляля -> Lala).
func polishAfterL(r rune) string {
	switch r {
	case 'я':
		return "a"
	case 'ю':
		return "u"
	case 'ё':
		return "o"
	}
	return "e"
}

// polishSoft is the accented letter a soft sign makes of n, s, z, c (Олесь -> Ołeś).
func polishSoft(prev rune) string {
	switch prev {
	case 'н':
		return "ń"
	case 'с':
		return "ś"
	case 'з':
		return "ź"
	case 'ц':
		return "ć"
	}
	return ""
}

// german follows the Duden transcription: w, sch, tsch, schtsch, z for ц, j for й.
func german() *convention {
	return &convention{
		plain: table("а=a б=b в=w г=h ґ=g д=d е=e є=je ж=sch з=s и=y і=i ї=ji й=j к=k л=l м=m н=n " +
			"о=o п=p р=r с=s т=t у=u ф=f х=ch ц=z ч=tsch ш=sch щ=schtsch ь= ю=ju я=ja '= ’="),
		ru:            table(ruCommon + " и=i ё=jo"),
		ruInit:        table("е=je"),
		iotAfterVowel: true,
		rule:          ssBetweenVowels,
	}
}

// french writes ou for у, ch for ш, tch for ч, j for ж, ï for й, gu before e and i.
func french() *convention {
	return &convention{
		plain: table("а=a б=b в=v г=h ґ=g д=d е=e є=ie ж=j з=z и=y і=i ї=ï й=ï к=k л=l м=m н=n " +
			"о=o п=p р=r с=s т=t у=ou ф=f х=kh ц=ts ч=tch ш=ch щ=chtch ь= ю=iou я=ia '= ’="),
		ru:        table(ruCommon + " и=i ё=io е=e"),
		collapseI: true,
		rule: func(x letterCtx) (string, bool) {
			if x.cur == 'г' && x.lang == langRU && isFront(x.next, x.lang) {
				return "gu", true
			}
			return ssBetweenVowels(x)
		},
	}
}

// czech (and Slovak) use háčeks: š č ž, šč for щ, ch for х; -ський is -ský; a soft sign
// after д т н (and л in Slovak) becomes ď ť ň (ľ).
func czech(slovak bool) *convention {
	soft := map[rune]string{'д': "ď", 'т': "ť", 'н': "ň"}
	if slovak {
		soft['л'] = "ľ"
	}
	return &convention{
		plain: table("а=a б=b в=v г=h ґ=g д=d е=e є=je ж=ž з=z и=y і=i ї=ji й=j к=k л=l м=m н=n " +
			"о=o п=p р=r с=s т=t у=u ф=f х=ch ц=c ч=č ш=š щ=šč ь= ю=ju я=ja '= ’="),
		ru:            table(ruCommon + " и=i ё=jo"),
		ruInit:        table("е=je ё=jo"),
		iotAfterVowel: true,
		suffixes:      [][2]string{{"ський", "ský"}, {"ська", "ská"}, {"цький", "cký"}, {"цька", "cká"}, {"ский", "ský"}, {"ская", "ská"}},
		rule: func(x letterCtx) (string, bool) {
			if s, ok := soft[x.cur]; ok && x.next == 'ь' {
				return s, true
			}
			return "", false
		},
	}
}

// hungarian writes s for ш, sz for с, cs for ч, zs for ж, h for х.
func hungarian() *convention {
	return &convention{
		plain: table("а=a б=b в=v г=h ґ=g д=d е=e є=je ж=zs з=z и=i і=i ї=ji й=j к=k л=l м=m н=n " +
			"о=o п=p р=r с=sz т=t у=u ф=f х=h ц=c ч=cs ш=s щ=scs ь= ю=ju я=ja '= ’="),
		ru:            table(ruCommon + " ы=i ё=jo"),
		ruInit:        table("е=je"),
		iotAfterVowel: true,
	}
}

// romanian writes ș ț, î for и, c/ch and ci/c by the following vowel, x for кс.
func romanian() *convention {
	return &convention{
		plain: table("а=a б=b в=v г=h ґ=g д=d е=e є=ie ж=j з=z и=î і=i ї=i й=i к=c л=l м=m н=n " +
			"о=o п=p р=r с=s т=t у=u ф=f х=h ц=ț ч=ci ш=ș щ=șci ь= ю=iu я=ia '= ’="),
		ru:        table(ruCommon + " и=i ы=î ё=io е=e"),
		collapseI: true,
		rule:      romanianRule,
	}
}

func romanianRule(x letterCtx) (string, bool) {
	front := isFront(x.next, x.lang)
	switch {
	case x.cur == 'к' && x.next == 'с':
		return "x", true
	case x.cur == 'с' && x.prev == 'к':
		return "", true
	case x.cur == 'к' && front:
		return "ch", true
	case x.cur == 'ч' && front:
		return "c", true
	case x.cur == 'щ' && front:
		return "șc", true
	case x.cur == 'г' && x.lang == langRU && front:
		return "gh", true
	}
	return "", false
}

// lithuanian uses háčeks like Czech, with ia/iu after consonants.
func lithuanian() *convention {
	return &convention{
		plain: table("а=a б=b в=v г=h ґ=g д=d е=e є=je ж=ž з=z и=y і=i ї=ji й=j к=k л=l м=m н=n " +
			"о=o п=p р=r с=s т=t у=u ф=f х=ch ц=c ч=č ш=š щ=šč ь= ю=iu я=ia '= ’="),
		initial:       table("ю=ju я=ja"),
		ru:            table(ruCommon + " ё=io"),
		ruInit:        table("е=je ё=jo"),
		iotAfterVowel: true,
	}
}

// latvian uses háčeks, h for х, i for и, and ļ ņ for a softened l and n.
func latvian() *convention {
	return &convention{
		plain: table("а=a б=b в=v г=h ґ=g д=d е=e є=je ж=ž з=z и=i і=i ї=ji й=j к=k л=l м=m н=n " +
			"о=o п=p р=r с=s т=t у=u ф=f х=h ц=c ч=č ш=š щ=šč ь= ю=ju я=ja '= ’="),
		ru:            table(ruCommon + " ы=i ё=jo"),
		ruInit:        table("е=je"),
		iotAfterVowel: true,
		rule: func(x letterCtx) (string, bool) {
			switch {
			case x.next == 'ь' && x.cur == 'л':
				return "ļ", true
			case x.next == 'ь' && x.cur == 'н':
				return "ņ", true
			}
			return "", false
		},
	}
}

// dutch writes oe for у, sj for ш, tsj for ч, zj for ж.
func dutch() *convention {
	return &convention{
		plain: table("а=a б=b в=v г=h ґ=g д=d е=e є=je ж=zj з=z и=y і=i ї=ji й=j к=k л=l м=m н=n " +
			"о=o п=p р=r с=s т=t у=oe ф=f х=ch ц=ts ч=tsj ш=sj щ=sjtsj ь= ю=joe я=ja '= ’="),
		ru:            table(ruCommon + " ё=jo"),
		ruInit:        table("е=je"),
		iotAfterVowel: true,
	}
}

// italian writes the sounds of ш and ч as sc/sci and c/ci by the following vowel, z for ц.
func italian() *convention {
	return &convention{
		plain: table("а=a б=b в=v г=h ґ=g д=d е=e є=ie ж=j з=z и=y і=i ї=i й=j к=k л=l м=m н=n " +
			"о=o п=p р=r с=s т=t у=u ф=f х=kh ц=z ч=ci ш=sci щ=scci ь= ю=iu я=ia '= ’="),
		ru:        table(ruCommon + " ё=io"),
		collapseI: true,
		rule: func(x letterCtx) (string, bool) {
			if !isFront(x.next, x.lang) {
				return "", false
			}
			switch {
			case x.cur == 'ч':
				return "c", true
			case x.cur == 'ш':
				return "sc", true
			case x.cur == 'щ':
				return "scc", true
			case x.cur == 'г' && x.lang == langRU:
				return "gh", true
			}
			return "", false
		},
	}
}

// spanish writes j for х, gu before e and i, y at a word start (Yulia).
func spanish() *convention {
	return &convention{
		plain: table("а=a б=b в=v г=h ґ=g д=d е=e є=ie ж=zh з=z и=y і=i ї=i й=i к=k л=l м=m н=n " +
			"о=o п=p р=r с=s т=t у=u ф=f х=j ц=ts ч=ch ш=sh щ=shch ь= ю=iu я=ia '= ’="),
		initial:   table("є=ye ю=yu я=ya"),
		ru:        table(ruCommon + " ё=io"),
		collapseI: true,
		rule: func(x letterCtx) (string, bool) {
			if x.cur == 'г' && x.lang == langRU && isFront(x.next, x.lang) {
				return "gu", true
			}
			return "", false
		},
	}
}

// swedish (also used here for Danish forms) writes sj for ш, tj for ч, zj for ж.
func swedish() *convention {
	return &convention{
		plain: table("а=a б=b в=v г=h ґ=g д=d е=e є=je ж=zj з=z и=y і=i ї=ji й=j к=k л=l м=m н=n " +
			"о=o п=p р=r с=s т=t у=u ф=f х=ch ц=ts ч=tj ш=sj щ=sjtj ь= ю=ju я=ja '= ’="),
		ru:            table(ruCommon + " ё=jo"),
		ruInit:        table("е=je"),
		iotAfterVowel: true,
	}
}

// estonian (and Finnish SFS 4900) writes š, ž, tš for ч and štš for щ, h for х.
func estonian() *convention {
	return &convention{
		plain: table("а=a б=b в=v г=h ґ=g д=d е=e є=je ж=ž з=z и=y і=i ї=ji й=j к=k л=l м=m н=n " +
			"о=o п=p р=r с=s т=t у=u ф=f х=h ц=ts ч=tš ш=š щ=štš ь= ю=ju я=ja '= ’="),
		ru:            table(ruCommon + " ы=õ ё=jo"),
		ruInit:        table("е=je"),
		iotAfterVowel: true,
	}
}

// croatian (and Slovene) writes š ž č like Czech but h for х and i for и.
func croatian() *convention {
	return &convention{
		plain: table("а=a б=b в=v г=h ґ=g д=d е=e є=je ж=ž з=z и=i і=i ї=ji й=j к=k л=l м=m н=n " +
			"о=o п=p р=r с=s т=t у=u ф=f х=h ц=c ч=č ш=š щ=šč ь= ю=ju я=ja '= ’="),
		ru:            table(ruCommon + " ё=jo"),
		ruInit:        table("е=je"),
		iotAfterVowel: true,
	}
}

// portuguese writes ch for ш and tch for ч like French, but u for у.
func portuguese() *convention {
	return &convention{
		plain: table("а=a б=b в=v г=h ґ=g д=d е=e є=ie ж=j з=z и=y і=i ї=i й=i к=k л=l м=m н=n " +
			"о=o п=p р=r с=s т=t у=u ф=f х=kh ц=ts ч=tch ш=ch щ=chtch ь= ю=iu я=ia '= ’="),
		ru:        table(ruCommon + " ё=io"),
		collapseI: true,
		rule: func(x letterCtx) (string, bool) {
			if x.cur == 'г' && x.lang == langRU && isFront(x.next, x.lang) {
				return "gu", true
			}
			return ssBetweenVowels(x)
		},
	}
}

// bulgarian re-spells a Ukrainian name in Bulgarian Cyrillic, as Bulgarian registries do: і
// and и are и, ї is йи, є is е, г (a Ukrainian h) is х, ґ is г, the soft sign goes. The
// engine sees one person in two Cyrillic spellings (Галина / Халина, Олійник / Олийник).
func bulgarian() *convention {
	return &convention{
		plain: table("а=а б=б в=в г=х ґ=г д=д е=е є=е ж=ж з=з и=и і=и ї=йи й=й к=к л=л м=м н=н " +
			"о=о п=п р=р с=с т=т у=у ф=ф х=х ц=ц ч=ч ш=ш щ=щ ь= ю=ю я=я '= ’="),
		initial:       table("є=йе"),
		ru:            table("г=г ы=и э=е ъ=ъ ё=ьо"),
		iotAfterVowel: true,
		rule: func(x letterCtx) (string, bool) {
			if x.cur == 'ь' && x.next == 'о' {
				return "ь", true // Bulgarian keeps ь only before о
			}
			return "", false
		},
	}
}
