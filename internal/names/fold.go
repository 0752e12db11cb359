package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Clean returns s in NFKC, lower case, with every run of punctuation, symbols and white
// space turned into one space and no space at either end. Diacritics are kept, because
// they tell which convention wrote the name (š is Czech, sz Polish). Hyphens and the
// MRZ filler '<' separate name parts, as they do in documents.
func Clean(s string) string {
	if isPlainLower(s) {
		return s
	}
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == 'ʼ' || r == '`' || r == 'ʹ':
			// apostrophes in Ukrainian names (Мар'яна) and soft-sign marks join, not split
		default:
			space = true
		}
	}
	return b.String()
}

// isPlainLower reports whether s is already clean ASCII (the common case in batch files).
func isPlainLower(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			prevSpace = false
		case c == ' ' && !prevSpace && i != len(s)-1:
			prevSpace = true
		default:
			return false
		}
	}
	return true
}

// Fold returns Clean(s) with diacritics removed and the letters that do not decompose
// (ł, ø, ß, æ, đ, ı, þ) spelled in plain Latin. Cyrillic stays Cyrillic.
func Fold(s string) string {
	s = Clean(s)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf || (r >= 0x0400 && r <= 0x04FF):
			b.WriteRune(r) // Cyrillic keeps й, ї, ё: they are letters, not accents
		case specialLatin[r] != "":
			b.WriteString(specialLatin[r])
		default:
			for _, d := range norm.NFD.String(string(r)) {
				switch {
				case unicode.Is(unicode.Mn, d):
				case specialLatin[d] != "":
					b.WriteString(specialLatin[d]) // ǣ decomposes to æ
				default:
					b.WriteRune(d)
				}
			}
		}
	}
	// a lone combining mark may have stood between spaces
	return strings.Join(strings.Fields(norm.NFC.String(b.String())), " ")
}

// specialLatin spells Latin letters that have no canonical decomposition.
var specialLatin = map[rune]string{
	'ł': "l", 'ø': "o", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'đ': "d", 'ð': "d", 'ı': "i", 'þ': "th", 'ħ': "h",
}

// Tokens splits a cleaned or folded name into its parts.
func Tokens(s string) []string { return strings.Fields(s) }

func decodeRune(s string) (rune, int) {
	r, n := utf8.DecodeRuneInString(s)
	return r, n
}
