package names

import (
	"strings"
)

// Convention is a national or international rule for writing Cyrillic names in Latin
// letters. Romanize applies it; the identity engine does not need it (Keys reads every
// convention back), but tests, the synthetic generator and the demo do.
type Convention string

// The conventions CEAS reads. Each is the practice of a Member State's registers or an
// international standard for Ukrainian, Russian and Belarusian names.
const (
	UkrainianPassport2010 Convention = "ua2010" // Cabinet of Ministers Resolution 55 (2010)
	UkrainianPassportOld  Convention = "ua1996" // older passport spellings (Serhiy, Nataliya)
	ICAO9303              Convention = "icao"   // Doc 9303 Part 3 table, the MRZ of Russian passports
	Polish                Convention = "pl"
	German                Convention = "de"
	French                Convention = "fr"
	Czech                 Convention = "cs"
	Slovak                Convention = "sk"
	Hungarian             Convention = "hu"
	Romanian              Convention = "ro"
	Lithuanian            Convention = "lt"
	Latvian               Convention = "lv"
	Dutch                 Convention = "nl"
	Italian               Convention = "it"
	Spanish               Convention = "es"
	EnglishBGN            Convention = "bgn" // BGN/PCGN, Russian
)

// Conventions lists every convention, in a stable order.
func Conventions() []Convention {
	return []Convention{UkrainianPassport2010, UkrainianPassportOld, ICAO9303, Polish, German,
		French, Czech, Slovak, Hungarian, Romanian, Lithuanian, Latvian, Dutch, Italian, Spanish, EnglishBGN}
}

// conventionTable is the data: per convention, "letter=latin" entries where latin may be
// "default/initial" (initial: at the start of a word, and after a vowel when the line is
// marked "vowel-initial") and ",front" for the form before е, є, и, і, ї (Italian and
// Romanian c/ch, sc/sci). Letters not listed fall back to the base line.
var conventionTable = map[Convention]string{
	"base":                "а=a б=b в=v г=h ґ=g д=d е=e ё=io є=ie ж=zh з=z и=y і=i ї=i й=i к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ў=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ= ы=y ь= э=e ю=iu я=ia",
	UkrainianPassport2010: "є=ie/ye ї=i/yi й=i/y ю=iu/yu я=ia/ya",
	UkrainianPassportOld:  "vowel-initial є=ye ї=yi й=y ю=yu я=ya ь='",
	ICAO9303:              "г=g и=i ё=e ъ=ie",
	Polish:                "vowel-initial в=w е=e/je є=ie/je ж=ż ї=ji й=j ю=iu/ju я=ia/ja х=ch ц=c ч=cz ш=sz щ=szcz ё=io/jo",
	German:                "vowel-initial в=w е=e/je є=je ж=sch з=s ї=ji й=j ю=ju я=ja х=ch ц=z ч=tsch ш=sch щ=schtsch ё=jo",
	French:                "ж=j ї=ï й=ï у=ou х=kh ц=ts ч=tch ш=ch щ=chtch ю=iou я=ia",
	Czech:                 "vowel-initial е=e/je є=je ж=ž ї=ji й=j ю=ju я=ja х=ch ц=c ч=č ш=š щ=šč ё=jo",
	Slovak:                "vowel-initial є=je ж=ž ї=ji й=j ю=ju я=ja х=ch ц=c ч=č ш=š щ=šč ё=jo ы=y",
	Hungarian:             "vowel-initial є=je ж=zs и=i ї=ji й=j с=sz ю=ju я=ja х=h ц=c ч=cs ш=s щ=scs ё=jo ы=i",
	Romanian:              "г=h,gh и=i ж=j ї=ii ц=ț ч=ci,c ш=ș щ=șci,șc ы=î х=h",
	Lithuanian:            "vowel-initial є=je ж=ž ї=ji й=j ю=ju я=ja х=ch ц=c ч=č ш=š щ=šč",
	Latvian:               "vowel-initial и=i є=je ж=ž ї=ji й=j ю=ju я=ja х=h ц=c ч=č ш=š щ=šč ы=i",
	Dutch:                 "vowel-initial є=je ж=zj ї=ji й=j у=oe ю=joe я=ja х=ch ч=tsj ш=sj щ=sjtsj ё=jo",
	Italian:               "ж=ž ї=ji й=j ю=ju я=ja х=ch ч=č ш=š щ=šč ы=y",
	Spanish:               "г=g,gu и=i х=j ю=iu я=ia",
	EnglishBGN:            "vowel-initial г=g е=e/ye и=i й=y ю=yu я=ya ы=y ь=' ъ=\" ё=ë/yë",
}

type spelling struct{ def, initial, front string }

type convention struct {
	letters      map[rune]spelling
	vowelInitial bool
}

// conventions is parsed once from conventionTable and never changed.
var conventions = parseConventions(conventionTable)

func parseConventions(table map[Convention]string) map[Convention]convention {
	out := make(map[Convention]convention, len(table))
	for name, line := range table {
		if name == "base" {
			continue
		}
		c := convention{letters: map[rune]spelling{}}
		for _, layer := range []string{table["base"], line} {
			for _, e := range strings.Fields(layer) {
				if e == "vowel-initial" {
					c.vowelInitial = true
					continue
				}
				k, v, _ := strings.Cut(e, "=")
				v, front, _ := strings.Cut(v, ",")
				def, initial, _ := strings.Cut(v, "/")
				if initial == "" {
					initial = def
				}
				if front == "" {
					front = def
				}
				c.letters[[]rune(k)[0]] = spelling{def, initial, front}
			}
		}
		out[name] = c
	}
	return out
}

const cyrVowels = "аеёєиіїоуюяыэ"
const cyrFront = "еєиії"

// Romanize writes a Cyrillic name in Latin letters by convention c, in lower case (the
// caller chooses capitalisation: documents use upper case). Non-Cyrillic letters pass
// through. An unknown convention returns the cleaned input.
func Romanize(s string, c Convention) string {
	conv, ok := conventions[c]
	s = Clean(s)
	if !ok {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		sp, ok := conv.letters[r]
		if !ok {
			b.WriteRune(r)
			continue
		}
		prevVowel := i > 0 && strings.ContainsRune(cyrVowels+"ьъ'", rs[i-1])
		switch {
		case i+1 < len(rs) && strings.ContainsRune(cyrFront, rs[i+1]) && sp.front != sp.def:
			b.WriteString(sp.front)
		case i == 0 || rs[i-1] == ' ' || (conv.vowelInitial && prevVowel):
			b.WriteString(sp.initial)
		default:
			b.WriteString(sp.def)
		}
	}
	return b.String()
}
