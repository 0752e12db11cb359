package synth

import (
	"strings"
	"unicode"
)

// Conventions the generator renders Cyrillic names into. These tables are written for the
// generator alone and deliberately share nothing with internal/names, so a benchmark of the
// identity engine on generated data does not test the engine against its own tables.
const (
	convUA2010 = "UA2010" // Ukrainian passport romanisation, Cabinet of Ministers Resolution 55 of 2010
	convUAOld  = "UAOLD"  // older Ukrainian/Soviet passport spellings (Serhiy, Natalya, Sergey)
	convICAO   = "ICAO"   // ICAO Doc 9303 Part 3 transliteration table, upper case
	convEN     = "EN"     // BGN/PCGN 1965 (English-language usage), keeps the soft sign as ’
	convPL     = "PL"
	convDE     = "DE"
	convFR     = "FR"
	convCZ     = "CZ"
	convSK     = "SK"
	convHU     = "HU"
	convRO     = "RO"
	convLT     = "LT"
	convLV     = "LV"
	convNL     = "NL"
	convIT     = "IT"
	convES     = "ES"
	convSV     = "SV" // Swedish, also Danish usage
	convET     = "ET" // Estonian and Finnish
	convHR     = "HR" // Croatian and Slovene
	convPT     = "PT"
	convBG     = "BGC" // Bulgarian Cyrillic: the Ukrainian name re-spelt in Bulgarian letters
)

// lang is the language of the Cyrillic source: the same letters sound differently in
// Ukrainian and Russian (г is h in Ukrainian and g in Russian; и is y and i).
type lang uint8

const (
	langUK lang = iota
	langRU
)

// convention is one national way of writing Cyrillic in Latin letters.
type convention struct {
	plain   map[rune]string // a letter after a consonant
	initial map[rune]string // iotated vowels (є ї й ю я, Russian е ё) at a word start or after a vowel
	ru      map[rune]string // overrides when the source is Russian
	ruInit  map[rune]string
	// iotAfterVowel: the initial forms also apply after a vowel, apostrophe or soft sign
	// (Polish Natalija); UA2010 uses them only at the start of a word (Nataliia).
	iotAfterVowel bool
	// collapseI drops the i of ia/iu/ie after an i-sound (French, Italian, Spanish Maria).
	collapseI bool
	suffixes  [][2]string // word endings replaced before letter-by-letter rendering
	rule      func(c letterCtx) (string, bool)
	upper     bool
}

// letterCtx is a letter with its neighbours, for context rules.
type letterCtx struct {
	prev, cur, next rune
	lang            lang
}

// table parses "а=a б=b ь=" into a map; an empty right side renders as nothing.
func table(spec string) map[rune]string {
	m := map[rune]string{}
	for _, f := range strings.Fields(spec) {
		k, v, _ := strings.Cut(f, "=")
		r := []rune(k)
		m[r[0]] = v
	}
	return m
}

func isCyrVowel(r rune) bool { return strings.ContainsRune("аеєиіїоуюяёыэ", r) }

func isConsonant(r rune) bool {
	return r >= 'а' && r <= 'я' && !isCyrVowel(r) && r != 'ь' && r != 'ъ' || r == 'ґ'
}

// softening letters: after them Polish keeps l, Czech writes ď ť ň.
func isSoftener(r rune, l lang) bool {
	if strings.ContainsRune("іїьяюєё", r) {
		return true
	}
	return l == langRU && (r == 'е' || r == 'и')
}

// render writes a Cyrillic name (one or more words, any case) in convention conv.
// An unknown convention, or Latin input, is returned unchanged.
func (r *renderer) render(cyr string, conv string, l lang) string {
	c, ok := r.convs[conv]
	if !ok {
		return cyr
	}
	key := renderKey{cyr, conv, l}
	if s, ok := r.cache[key]; ok {
		return s
	}
	s := c.render(cyr, l)
	if len(r.cache) < renderCacheSize {
		r.cache[key] = s
	}
	return s
}

// renderCacheSize bounds the memo of renderings: names repeat (a few thousand surnames in
// sixteen conventions), so most renderings are looked up, and memory stays bounded.
const renderCacheSize = 200_000

type renderKey struct {
	s, conv string
	l       lang
}

// render writes a Cyrillic name in this convention, word by word.
func (c *convention) render(cyr string, l lang) string {
	var b strings.Builder
	word := make([]rune, 0, 24)
	flush := func() {
		if len(word) > 0 {
			b.WriteString(c.word(word, l))
			word = word[:0]
		}
	}
	for _, ch := range cyr {
		if ch == ' ' || ch == '-' || ch == '/' || ch == '.' {
			flush()
			b.WriteRune(ch)
			continue
		}
		word = append(word, ch)
	}
	flush()
	if c.upper {
		return strings.ToUpper(b.String())
	}
	return b.String()
}

// word renders one word and restores its case: ШЕВЧЕНКО stays upper, Шевченко is titled.
func (c *convention) word(src []rune, l lang) string {
	allUpper := len(src) > 1
	for _, r := range src {
		if unicode.IsLower(r) {
			allUpper = false
		}
	}
	titled := unicode.IsUpper(src[0])
	low := []rune(strings.ToLower(string(src)))
	tail := ""
	for _, s := range c.suffixes {
		if suf := []rune(s[0]); len(low) > len(suf) && string(low[len(low)-len(suf):]) == s[0] {
			low, tail = low[:len(low)-len(suf)], s[1]
			break
		}
	}
	var b strings.Builder
	for i, r := range low {
		ctx := letterCtx{cur: r, lang: l}
		if i > 0 {
			ctx.prev = low[i-1]
		}
		if i+1 < len(low) {
			ctx.next = low[i+1]
		}
		b.WriteString(c.letter(ctx, i == 0))
	}
	b.WriteString(tail)
	out := b.String()
	switch {
	case allUpper:
		return strings.ToUpper(out)
	case titled:
		return titleFirst(out)
	}
	return out
}

// letter renders one letter in context.
func (c *convention) letter(x letterCtx, start bool) string {
	if c.rule != nil {
		if s, ok := c.rule(x); ok {
			return s
		}
	}
	atStart := start || c.iotAfterVowel && (isCyrVowel(x.prev) || x.prev == '\'' || x.prev == '’' || x.prev == 'ь' || x.prev == 'ъ')
	if atStart {
		if x.lang == langRU {
			if s, ok := c.ruInit[x.cur]; ok {
				return s
			}
		}
		if s, ok := c.initial[x.cur]; ok {
			return s
		}
	}
	s, ok := "", false
	if x.lang == langRU {
		s, ok = c.ru[x.cur]
	}
	if !ok {
		s, ok = c.plain[x.cur]
	}
	if !ok {
		return string(x.cur)
	}
	if c.collapseI && len(s) > 1 && s[0] == 'i' && (x.prev == 'і' || x.prev == 'й' || x.lang == langRU && x.prev == 'и') {
		return s[1:]
	}
	return s
}

// titleFirst upper-cases the first letter only ("ševčenko" -> "Ševčenko", "schewtschenko" ->
// "Schewtschenko").
func titleFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// renderer holds the conventions, built once per generator (no package-level state).
type renderer struct {
	convs map[string]*convention
	fold  *strings.Replacer
	cache map[renderKey]string
}

func newRenderer() *renderer {
	return &renderer{convs: map[string]*convention{
		convUA2010: ua2010(), convUAOld: uaOld(), convICAO: icao(), convEN: bgn(),
		convPL: polish(), convDE: german(), convFR: french(), convCZ: czech(false),
		convSK: czech(true), convHU: hungarian(), convRO: romanian(), convLT: lithuanian(),
		convLV: latvian(), convNL: dutch(), convIT: italian(), convES: spanish(),
		convSV: swedish(), convET: estonian(), convHR: croatian(), convPT: portuguese(),
		convBG: bulgarian(),
	}, fold: newFolder(), cache: map[renderKey]string{}}
}
