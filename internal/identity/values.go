package identity

import (
	"strings"
	"unicode"

	"github.com/ceas-eu/ceas/internal/names"
)

// ParseDate reads a date of birth in any of the forms registers write (YYYY-MM-DD,
// YYYYMMDD, DD.MM.YYYY, DD/MM/YYYY, YYYY-MM, YYYY) and returns it as a partial ISO date
// (YYYY, YYYY-MM or YYYY-MM-DD). ok is false when s is not a plausible date.
func ParseDate(s string) (iso string, ok bool) {
	d, ok := parseDate(strings.TrimSpace(s))
	if !ok {
		return "", false
	}
	return d.String(), true
}

// String formats a partial date as ISO.
func (d dob) String() string {
	var b strings.Builder
	b.WriteString(pad(int(d.y), 4))
	if d.m != 0 {
		b.WriteString("-" + pad(int(d.m), 2))
		if d.d != 0 {
			b.WriteString("-" + pad(int(d.d), 2))
		}
	}
	return b.String()
}

func pad(n, width int) string {
	s := itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [12]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}

func parseDate(s string) (dob, bool) {
	num := func(t string) (int, bool) {
		if t == "" || len(t) > 4 {
			return 0, false
		}
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
			n = n*10 + int(t[i]-'0')
		}
		return n, true
	}
	var y, m, d int
	var ok1, ok2, ok3 bool
	switch {
	case len(s) == 8 && !strings.ContainsAny(s, "-./"):
		y, ok1 = num(s[:4])
		m, ok2 = num(s[4:6])
		d, ok3 = num(s[6:])
	case strings.Count(s, "-") == 2:
		p := strings.Split(s, "-")
		y, ok1 = num(p[0])
		m, ok2 = num(p[1])
		d, ok3 = num(p[2])
		ok1 = ok1 && len(p[0]) == 4
	case strings.Count(s, "-") == 1:
		p := strings.Split(s, "-")
		y, ok1 = num(p[0])
		m, ok2 = num(p[1])
		ok1, ok3 = ok1 && len(p[0]) == 4, true
	case strings.Count(s, ".") == 2 || strings.Count(s, "/") == 2:
		p := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '/' })
		if len(p) != 3 {
			return dob{}, false
		}
		d, ok3 = num(p[0])
		m, ok2 = num(p[1])
		y, ok1 = num(p[2])
		ok1 = ok1 && len(p[2]) == 4
	case len(s) == 4:
		y, ok1 = num(s)
		ok2, ok3 = true, true
	default:
		return dob{}, false
	}
	if !ok1 || !ok2 || !ok3 || y < 1800 || y > 2200 || m > 12 || d > 31 || (m == 0 && d != 0) {
		return dob{}, false
	}
	if d != 0 && d > daysIn(y, m) {
		return dob{}, false
	}
	return dob{y: int16(y), m: int8(m), d: int8(d)}, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func parseDOB(s string) dob {
	d, _ := parseDate(strings.TrimSpace(s))
	return d
}

// parseSex reads M/F/X in the spellings of the Member States' and Ukrainian forms.
func parseSex(s string) byte {
	switch names.Fold(s) {
	case "m", "male", "man", "h", "homme", "mann", "mannlich", "maschio", "hombre", "muz", "ч", "чол", "чоловiча", "чоловіча", "м", "муж", "мужской", "1":
		return 'M'
	case "f", "female", "woman", "femme", "w", "weiblich", "frau", "k", "kobieta", "mujer", "donna", "zena", "z", "ж", "жiноча", "жіноча", "жен", "женский", "2":
		return 'F'
	case "x", "other", "u", "unknown":
		return 'X'
	}
	return 0
}

// nationalities maps the common spellings to ISO 3166 alpha-3, the form of the MRZ.
var nationalities = map[string]string{
	"ua": "UKR", "ukr": "UKR", "ukraine": "UKR", "ukrainian": "UKR", "україна": "UKR", "ukraina": "UKR", "ukraine ua": "UKR",
	"ru": "RUS", "rus": "RUS", "russia": "RUS", "russian federation": "RUS", "росія": "RUS", "россия": "RUS",
	"by": "BLR", "blr": "BLR", "belarus": "BLR", "білорусь": "BLR", "беларусь": "BLR",
	"md": "MDA", "mda": "MDA", "moldova": "MDA",
	"xxa": "XXA", "stateless": "XXA",
}

// nationalityPrefixes recognise the adjective forms states write (ukraińskie,
// ukrainienne, ukrajinské, ucraina, oekraïens; rosyjskie; białoruskie).
var nationalityPrefixes = []struct{ prefix, iso string }{
	{"ukr", "UKR"}, {"ucr", "UKR"}, {"oekr", "UKR"}, {"укр", "UKR"},
	{"russ", "RUS"}, {"rosyj", "RUS"}, {"rusk", "RUS"}, {"рос", "RUS"},
	{"belarus", "BLR"}, {"bielorus", "BLR"}, {"bialorus", "BLR"}, {"weissruss", "BLR"}, {"білорус", "BLR"}, {"беларус", "BLR"},
	{"moldov", "MDA"},
}

func parseNationality(s string) string {
	f := names.Fold(s)
	if f == "" {
		return ""
	}
	if iso, ok := nationalities[f]; ok {
		return iso
	}
	for _, p := range nationalityPrefixes {
		if strings.HasPrefix(f, p.prefix) {
			return p.iso
		}
	}
	return strings.ToUpper(f)
}

// glyphs maps Cyrillic letters that look like Latin ones, as clerks and OCR confuse them.
var glyphs = map[rune]rune{
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C',
	'Т': 'T', 'Х': 'X', 'І': 'I', 'У': 'Y',
}

// roman romanises the Cyrillic series letters of Ukrainian documents (КА -> KA, СН -> SN).
var roman = map[rune]string{
	'А': "A", 'Б': "B", 'В': "V", 'Г': "H", 'Д': "D", 'Е': "E", 'Є': "IE", 'Ж': "ZH", 'З': "Z",
	'И': "Y", 'І': "I", 'Ї': "I", 'Й': "I", 'К': "K", 'Л': "L", 'М': "M", 'Н': "N", 'О': "O",
	'П': "P", 'Р': "R", 'С': "S", 'Т': "T", 'У': "U", 'Ф': "F", 'Х': "KH", 'Ц': "TS", 'Ч': "CH",
	'Ш': "SH", 'Щ': "SHCH", 'Ю': "IU", 'Я': "IA",
}

// prepareDoc normalises a document number three ways: as written, as it looks, as it sounds.
func prepareDoc(s string) (docF, bool) {
	var raw, glyph, rom, digits strings.Builder
	for _, r := range strings.ToUpper(s) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		raw.WriteRune(r)
		if r >= '0' && r <= '9' {
			digits.WriteRune(r)
		}
		g := r
		if l, ok := glyphs[r]; ok {
			g = l
		}
		if g == 'O' {
			g = '0' // O and 0 are confused on every form
		}
		glyph.WriteRune(g)
		if l, ok := roman[r]; ok {
			rom.WriteString(l)
		} else {
			rom.WriteRune(r)
		}
	}
	if raw.Len() == 0 {
		return docF{}, false
	}
	return docF{raw: raw.String(), glyph: glyph.String(), roman: rom.String(), digits: digits.String()}, true
}
