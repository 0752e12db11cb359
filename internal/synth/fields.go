package synth

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// placeText writes the place of birth as one registration recorded it: the host language's
// exonym (Kijów, Kiew, Lemberg), the Russian or Soviet name (Kiev, Kharkov, Dnepropetrovsk),
// the passport's Cyrillic ("М. КИЇВ/UKR"), a transliteration (Kyiv, KIIV), with or without
// the country, or nothing.
func (g *generator) placeText(rng *rand.Rand, p *person, st *stateInfo) string {
	pl := p.pob
	if pl.latin {
		if rng.Float64() < 0.3 {
			return g.r.foldUpper(pl.uk)
		}
		return pl.uk
	}
	var s string
	switch x := rng.Float64(); {
	case x < 0.04:
		return ""
	case x < 0.06:
		return "UKRAINE"
	case x < 0.14:
		prefix := "М. "
		if pl.isLocal {
			prefix = "С. "
		}
		return prefix + strings.ToUpper(pl.uk) + "/" + pl.country3
	case x < 0.26:
		if ex, ok := pl.exonyms[convUAOld]; ok {
			s = ex
		} else {
			s = g.r.render(pl.ru, st.conv, langRU)
		}
	case x < 0.31:
		return g.r.render(pl.uk, convICAO, langUK) // KIIV, as an ICAO-table transliteration gives
	case x < 0.7:
		if ex, ok := pl.exonyms[st.conv]; ok {
			s = ex
		} else {
			s = g.r.render(pl.uk, st.conv, langUK)
		}
	default:
		s = g.r.render(pl.uk, convUA2010, langUK)
	}
	switch x := rng.Float64(); {
	case x < 0.1:
		s += ", UKR"
	case x < 0.15:
		s += " (Ukraine)"
	case x < 0.2:
		s = strings.ToUpper(s)
	}
	return s
}

// pickDocument is the identity document shown at one registration. A child written into a
// parent's passport shows the parent's passport number.
func (g *generator) pickDocument(rng *rand.Rand, p *person) (typ, num string) {
	switch {
	case p.onParent != "" && rng.Float64() < 0.75:
		typ, num = docPassport, p.onParent
	case p.passport != "" && rng.Float64() < 0.8:
		typ, num = docPassport, p.passport
	case p.idDoc != "":
		typ, num = p.idType, p.idDoc
	case p.passport != "":
		typ, num = docPassport, p.passport
	}
	if rng.Float64() < 0.01 {
		return "", "" // registered without a document
	}
	return typ, num
}

// address draws the household's address in a state. It is derived from the household and
// the state alone, so members of one household registered in one state share it, whatever
// order they are generated in.
func (g *generator) address(household uint64, st *stateInfo) (addr, loc, post string) {
	h := household ^ hashString(st.code) ^ uint64(g.opts.Seed)
	next := func(n int) int { h = mix64(h + 0x9e3779b97f4a7c15); return int(h % uint64(n)) }
	l := st.localities[next(len(st.localities))]
	street := st.streets[next(len(st.streets))]
	n := 1 + next(120)
	if next(10) < 4 {
		n = 1 + next(20) // small numbers are more frequent
	}
	addr = strings.Replace(st.addrTpl, "{s}", street, 1)
	addr = strings.Replace(addr, "{n}", strconv.Itoa(n), 1)
	addr = strings.Replace(addr, "{a}", strconv.Itoa(1+next(60)), 1)
	if next(100) < 8 {
		addr = "" // collective accommodation or not yet known
	}
	return addr, l.name, postcode(next, st.postcode, l.prefix)
}

// postcode fills a pattern (9 digit, A letter) starting with the locality's prefix.
func postcode(next func(int) int, pattern, prefix string) string {
	b := []byte(pattern)
	pre := []byte(prefix)
	j := 0
	for i, c := range b {
		switch c {
		case '9':
			if j < len(pre) && pre[j] >= '0' && pre[j] <= '9' {
				b[i] = pre[j]
				j++
			} else {
				b[i] = byte('0' + next(10))
			}
		case 'A':
			if j < len(pre) && pre[j] >= 'A' && pre[j] <= 'Z' {
				b[i] = pre[j]
				j++
			} else {
				b[i] = byte('A' + next(26))
			}
		}
	}
	return string(b)
}
