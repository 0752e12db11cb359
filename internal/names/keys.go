package names

import (
	"strings"
	"unicode/utf8"
)

// The key alphabet is lower-case ASCII plus two capitals: S for the hushing sibilants
// (ш ж: sh, sz, sch, š, ch in French) and T for ч (ch, cz, tsch, č, cs, tch). To make the
// conventions meet, keys merge sounds the conventions disagree on: г, ґ and х are all g
// (Ukrainian h, Russian g, German ch, Spanish j), з is s (German writes s), й, и, і, ї, ы
// are i (y, j, i, ï), є is e, ц is ts, щ is ST, signs vanish and doubled letters collapse.

// cyrKey maps one lower-case Cyrillic letter (Ukrainian, Russian, Belarusian) to key sounds.
var cyrKey = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e", 'ё': "e", 'є': "ie",
	'ж': "S", 'з': "s", 'и': "i", 'і': "i", 'ї': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ў': "u", 'ф': "f",
	'х': "g", 'ц': "ts", 'ч': "T", 'ш': "S", 'щ': "ST", 'ъ': "", 'ы': "i", 'ь': "", 'э': "e",
	'ю': "iu", 'я': "ia",
}

// latinKey maps a Latin letter with a diacritic to key sounds in every convention: the
// háček and its Polish, Romanian and Hungarian cousins are unambiguous.
var latinKey = map[rune]string{
	'š': "S", 'č': "T", 'ž': "S", 'ś': "S", 'ć': "T", 'ź': "s", 'ż': "S", 'ł': "l", 'ń': "n",
	'ș': "S", 'ş': "S", 'ț': "ts", 'ţ': "ts", 'ř': "rS", 'ě': "e", 'ů': "u", 'ă': "a", 'â': "i",
	'î': "i", 'ï': "i", 'ë': "e", 'é': "e", 'è': "e", 'ê': "e", 'ó': "o", 'ò': "o", 'ö': "o", 'ő': "o",
	'ô': "o", 'ø': "o", 'ü': "u", 'ű': "u", 'ú': "u", 'ù': "u", 'û': "u", 'á': "a", 'à': "a",
	'ä': "a", 'ã': "a", 'í': "i", 'ì': "i", 'ý': "i", 'ÿ': "i", 'ñ': "n", 'ç': "s", 'ā': "a",
	'ē': "e", 'ī': "i", 'ū': "u", 'ģ': "g", 'ķ': "k", 'ļ': "l", 'ņ': "n", 'ė': "e", 'ę': "e",
	'ą': "a", 'į': "i", 'ų': "u", 'ď': "d", 'ť': "t", 'ň': "n", 'ľ': "l", 'ĺ': "l", 'ŕ': "r",
	'ß': "s", 'æ': "ae", 'œ': "e", 'đ': "d",
	'a': "a", 'b': "b", 'c': "k", 'd': "d", 'e': "e", 'f': "f", 'g': "g", 'h': "g", 'i': "i",
	'j': "i", 'k': "k", 'l': "l", 'm': "m", 'n': "n", 'o': "o", 'p': "p", 'q': "k", 'r': "r",
	's': "s", 't': "t", 'u': "u", 'v': "v", 'w': "v", 'x': "ks", 'y': "i", 'z': "s",
}

// Keys returns the comparable keys of one name token (as returned by Tokens(Clean(s))):
// one for a Cyrillic token, one per plausible convention for a Latin token, deduplicated,
// in a stable order. Digits and unknown letters are kept as they are.
func Keys(token string) []string {
	return AppendKeys(nil, token)
}

// AppendKeys appends the keys of token to dst and returns it (see Keys).
func AppendKeys(dst []string, token string) []string {
	if token == "" {
		return dst
	}
	if isCyrillic(token) {
		return append(dst, canon(cyrSounds(token)))
	}
	fams := pickFamilies(token)
	start := len(dst)
	for _, f := range fams {
		k := canon(f.sounds(token))
		dst = appendUnique(dst, start, k)
		if f.balticEndings {
			if s, ok := stripBalticEnding(token); ok {
				dst = appendUnique(dst, start, canon(f.sounds(s)))
			}
		}
	}
	return dst
}

func appendUnique(dst []string, start int, k string) []string {
	for _, have := range dst[start:] {
		if have == k {
			return dst
		}
	}
	return append(dst, k)
}

// Key returns the first key of a whole name: the keys of its tokens joined by spaces. It
// is the stable key used for blocking when one value is needed.
func Key(name string) string {
	toks := Tokens(Clean(name))
	var b strings.Builder
	var buf [8]string
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(AppendKeys(buf[:0], t)[0])
	}
	return b.String()
}

func isCyrillic(s string) bool {
	for _, r := range s {
		if r >= 0x0400 && r <= 0x04FF {
			return true
		}
	}
	return false
}

func cyrSounds(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if k, ok := cyrKey[r]; ok {
			b.WriteString(k)
		} else if k, ok := latinKey[r]; ok {
			b.WriteString(k)
		} else if r < utf8.RuneSelf {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// canon collapses doubled sounds and the iotation the conventions disagree on (ie/e).
func canon(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		n := len(b)
		if n > 0 && b[n-1] == c {
			continue
		}
		// io after a consonant is ё, which ICAO and most registers write as e
		if c == 'o' && n > 1 && b[n-1] == 'i' && !isVowel(b[n-2]) {
			b[n-1] = 'e'
			continue
		}
		if c == 'e' && n > 0 && b[n-1] == 'i' {
			b[n-1] = 'e'
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// stripBalticEnding removes the Latvian -s and Lithuanian -as that those languages add to
// masculine names (Oleksandrs, Oleksandras), when the stem ends in a consonant.
func stripBalticEnding(t string) (string, bool) {
	if len(t) < 5 {
		return "", false
	}
	stem := strings.TrimSuffix(t, "as")
	if stem == t {
		stem = strings.TrimSuffix(t, "s")
	}
	if stem == t || len(stem) < 3 || strings.ContainsRune("aeiouy", rune(stem[len(stem)-1])) {
		return "", false
	}
	return stem, true
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }
