package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// typo makes one keyboard error: insertion, deletion, transposition or substitution. The
// first letter is kept, as clerks rarely mistype it; very short strings are left alone.
func typo(rng *rand.Rand, s string) string {
	r := []rune(s)
	if len(r) < 4 {
		return s
	}
	i := 1 + rng.IntN(len(r)-1)
	switch rng.IntN(4) {
	case 0: // insert a letter of the word itself (doubling, as in Shevchennko)
		c := r[rng.IntN(len(r))]
		r = append(r[:i], append([]rune{c}, r[i:]...)...)
	case 1:
		r = append(r[:i], r[i+1:]...)
	case 2:
		if i+1 >= len(r) || r[i] == r[i+1] {
			return typo(rng, s)
		}
		r[i], r[i+1] = r[i+1], r[i]
	default:
		r[i] = substitute(rng, r[i])
	}
	return string(r)
}

// substitute replaces a letter with a neighbour on the keyboard of its script (QWERTY or
// the Ukrainian ЙЦУКЕН layout), keeping its case.
func substitute(rng *rand.Rand, c rune) rune {
	rows := []rune("qwertyuiop asdfghjkl zxcvbnm")
	if unicode.Is(unicode.Cyrillic, c) {
		rows = []rune("йцукенгшщзхї фівапролджє ячсмитьбю")
	}
	lc := unicode.ToLower(c)
	i := slices.Index(rows, lc)
	var n rune
	switch {
	case i < 0:
		n = rows[rng.IntN(10)]
	case i > 0 && rows[i-1] != ' ' && (rng.IntN(2) == 0 || i+1 >= len(rows) || rows[i+1] == ' '):
		n = rows[i-1]
	case i+1 < len(rows) && rows[i+1] != ' ':
		n = rows[i+1]
	default:
		n = rows[0]
	}
	if unicode.IsUpper(c) {
		return unicode.ToUpper(n)
	}
	return n
}

// formatDate writes d with the precision known (3 full, 2 year and month, 1 year, 0
// nothing) in the state's format: iso, dmy. (DD.MM.YYYY) or dmy/ (DD/MM/YYYY).
func formatDate(d date, precision int, format string) string {
	switch precision {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("%04d", d.y)
	case 2:
		return fmt.Sprintf("%04d-%02d", d.y, d.m)
	}
	switch format {
	case "dmy.":
		return fmt.Sprintf("%02d.%02d.%04d", d.d, d.m, d.y)
	case "dmy/":
		return fmt.Sprintf("%02d/%02d/%04d", d.d, d.m, d.y)
	case "compact":
		return fmt.Sprintf("%04d%02d%02d", d.y, d.m, d.d)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d)
}

// noisyDate is the date of birth as one registration recorded it: mostly right, sometimes
// with day and month swapped, only the year, the 1 January default for an unknown day, a
// mistyped digit or nothing at all.
func noisyDate(rng *rand.Rand, d date, format string) string {
	prec := 3
	switch x := rng.Float64(); {
	case x < 0.025 && d.d <= 12 && d.d != d.m:
		d.d, d.m = d.m, d.d
	case x < 0.045:
		prec = 1
	case x < 0.05:
		prec = 2
	case x < 0.065:
		prec = 0
	case x < 0.08:
		d.d, d.m = 1, 1
	case x < 0.09 && d.d < 19 && d.d != 10:
		d.d += 10 // one digit wrong in the day
	case x < 0.095:
		d.y += 1 - 2*rng.IntN(2)
	}
	if format != "iso" && rng.Float64() < 0.1 {
		format = "iso" // another system or a form field in ISO order
	} else if rng.Float64() < 0.02 {
		format = "compact" // read from a machine-readable zone
	}
	return formatDate(d, prec, format)
}

// homoglyphs maps letters that look alike in Latin and Cyrillic, both ways.
func homoglyph(c rune) (rune, bool) {
	const lat, cyr = "ABCEHIKMOPTX", "АВСЕНІКМОРТХ"
	if i := strings.IndexRune(lat, c); i >= 0 {
		return []rune(cyr)[i], true
	}
	if i := strings.IndexRune(cyr, c); i >= 0 {
		return rune(lat[i/2]), true
	}
	return c, false
}

// swapScript retypes every letter that has a look-alike in the other script, as a clerk on a
// Latin keyboard does with a Cyrillic series (МК -> MK) or the reverse.
func swapScript(s string) string {
	var b strings.Builder
	for _, c := range s {
		h, _ := homoglyph(c)
		b.WriteRune(h)
	}
	return b.String()
}

// noisyDocNumber is a document number as typed at one registration.
func (g *generator) noisyDocNumber(rng *rand.Rand, num, docType, conv string) string {
	if num == "" || rng.Float64() < 0.015 {
		return ""
	}
	series, rest := splitSeries(num)
	switch x := rng.Float64(); {
	case x < 0.04 && series != "":
		series = swapScript(series)
	case x < 0.06 && series != "":
		series = "" // series dropped: only the digits were typed
	case x < 0.08 && hasCyrillic(series):
		series = g.r.render(series, convUA2010, langUK) // series romanised (ЖС -> ZhS)
	case x < 0.10:
		rest = typoDigits(rng, rest)
	}
	if docType == docInternal && hasCyrillic(series) && conv != convBG && rng.Float64() < 0.5 {
		series = swapScript(series) // a Latin keyboard is the norm outside Bulgaria
	}
	sep := ""
	if series != "" && rng.Float64() < 0.12 {
		sep = " "
	}
	return series + sep + rest
}

// splitSeries separates the letter series from the digits ("I-ЖС 123456" -> "I-ЖС", "123456").
func splitSeries(num string) (string, string) {
	i := strings.LastIndexFunc(num, func(r rune) bool { return !unicode.IsDigit(r) })
	if i < 0 {
		return "", num
	}
	_, size := utf8.DecodeRuneInString(num[i:])
	return strings.TrimSpace(num[:i+size]), num[i+size:]
}

func hasCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// typoDigits transposes two neighbouring digits or changes one.
func typoDigits(rng *rand.Rand, s string) string {
	b := []byte(s)
	if len(b) < 2 {
		return s
	}
	i := 1 + rng.IntN(len(b)-1)
	if rng.IntN(2) == 0 && b[i] != b[i-1] {
		b[i], b[i-1] = b[i-1], b[i]
	} else {
		b[i] = byte('0' + (int(b[i]-'0')+1+rng.IntN(8))%10)
	}
	return string(b)
}

// foldUpper writes a name as a machine-readable zone would: upper case, no diacritics,
// no apostrophes.
func (r *renderer) foldUpper(s string) string {
	return strings.ToUpper(r.fold.Replace(s))
}

// newFolder maps the diacritics the conventions produce to plain letters.
func newFolder() *strings.Replacer {
	const from, to = "ąćęłńóśźżčďěňřšťůžýáéíúäöüăâîșțşţėįūųļņģķōõàèìòùçëïñ", "acelnoszzcdenrstuzyaeiuaouaaisttseiuulngkooaeioucein"
	fr, tr := []rune(from), []rune(to)
	var pairs []string
	for i := range fr {
		pairs = append(pairs, string(fr[i]), string(tr[i]), string(unicode.ToUpper(fr[i])), string(unicode.ToUpper(tr[i])))
	}
	pairs = append(pairs, "ß", "ss", "’", "", "”", "", "'", "")
	return strings.NewReplacer(pairs...)
}
