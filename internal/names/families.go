package names

import (
	"sort"
	"strings"
)

// A family is the reverse of one group of national transliteration conventions: the Latin
// graphemes those conventions write, read back as key sounds. Several conventions share a
// reading (Czech, Slovak, Lithuanian and Latvian all write š, č, ž, c, ch, j).
type family struct {
	name string
	// rules are "latin=sounds" or "latin+next=sounds" (only when the next letter is one of
	// next, '$' standing for the end of the token); the longest matching rule wins.
	rules []rule
	// marks are graphemes only this family writes; they select the family for a token.
	marks []string
	// balticEndings adds a key without the Latvian/Lithuanian masculine ending.
	balticEndings bool
}

type rule struct {
	from, next, to string
}

// familyTable is the data: one line per family, "name | rules | marks".
var familyTable = []string{
	// Ukrainian passport 2010 and older spellings, ICAO 9303, English BGN/PCGN.
	"en | shch=ST zh=S kh=g ch=T sh=S ts=ts gh=g | shch zh kh sh",
	// Spanish: j for х, gu before e/i.
	"es | ch=T sh=S zh=S kh=g j=g gu+ei=g qu=k ll=l c+ei=s | í á ú ñ jr jl jm jn jv jt js jk",
	// Polish.
	"pl | szcz=ST sz=S cz=T rz=S ch=g c=ts ci+aou=T | szcz sz cz rz w ł ż ź ś ć ń ą ę ó",
	// German (Duden).
	"de | schtsch=ST tsch=T dsch=dS sch=S sh=S ch=g ck=k tz=ts z=ts | sch tsch w tz ck ä ö ü",
	// French.
	"fr | chtch=ST tch=T dj=dS ch=S j=S ou=u kh=g gu+ei=g qu=k c+ei=s ph=f | tch ou ï ë é è gue gui",
	// Czech, Slovak, Lithuanian, Latvian (and the diacritic-free form of each).
	"cz | ch=g c=ts | š č ž ř ě ů ť ď ň ý ā ē ī ū ė ų į ķ ļ ņ ģ",
	// Hungarian.
	"hu | scs=ST sz=s zs=S cs=T s=S c=ts | sz cs zs ő ű",
	// Romanian.
	"ro | gh+ei=g ch+ei=k ci+aou=T ci+$=T c+ei=T j=S | ș ş ț ţ ă â î",
	// Italian.
	"it | sci+aou=S sc+ei=S ci+aou=T ci+$=T c+ei=T ch=g gh=g | sc zz",
	// Dutch.
	"nl | sjtsj=ST tsj=T sj=S zj=S ch=g kh=g oe=u | sj tsj zj oe",
}

// families is parsed once from familyTable and never changed.
var families = parseFamilies(familyTable)

func parseFamilies(lines []string) []family {
	out := make([]family, 0, len(lines))
	for _, line := range lines {
		parts := strings.Split(line, "|")
		f := family{name: strings.TrimSpace(parts[0]), marks: strings.Fields(parts[2])}
		for _, r := range strings.Fields(parts[1]) {
			lhs, to, _ := strings.Cut(r, "=")
			from, next, _ := strings.Cut(lhs, "+")
			f.rules = append(f.rules, rule{from: from, next: next, to: to})
		}
		sort.SliceStable(f.rules, func(i, j int) bool { return len(f.rules[i].from) > len(f.rules[j].from) })
		f.balticEndings = f.name == "cz"
		out = append(out, f)
	}
	return out
}

// pickFamilies returns the families whose marks occur most often in token, or all of them
// when no mark occurs: a name like Kovalenko reads the same in every convention.
func pickFamilies(token string) []*family {
	best, scores := 0, make([]int, len(families))
	for i := range families {
		for _, m := range families[i].marks {
			if strings.Contains(token, m) {
				scores[i] = 1 // any mark is evidence; counting would let shch+sh outvote jr
				break
			}
		}
		best = max(best, scores[i])
	}
	out := make([]*family, 0, len(families))
	for i := range families {
		// the Czech reading (j, c, ch as most of Central Europe writes them) is always
		// tried: marks are evidence, not proof (German Sjarhej is not Dutch sj).
		if scores[i] == best || families[i].name == "cz" {
			out = append(out, &families[i])
		}
	}
	return out
}

// sounds reads token through the family's rules, falling back to the shared letter table.
func (f *family) sounds(token string) string {
	var b strings.Builder
	b.Grow(len(token) + 4)
	for i := 0; i < len(token); {
		if r, ok := f.match(token, i); ok {
			b.WriteString(r.to)
			i += len(r.from)
			continue
		}
		c, size := decodeRune(token[i:])
		if k, ok := latinKey[c]; ok {
			b.WriteString(k)
		} else if k, ok := cyrKey[c]; ok {
			b.WriteString(k)
		} else if c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
		i += size
	}
	return b.String()
}

func (f *family) match(token string, i int) (rule, bool) {
	for _, r := range f.rules {
		if !strings.HasPrefix(token[i:], r.from) {
			continue
		}
		if r.next != "" {
			j := i + len(r.from)
			end := j >= len(token) && strings.Contains(r.next, "$")
			if !end && (j >= len(token) || !strings.ContainsRune(r.next, rune(token[j]))) {
				continue
			}
		}
		return r, true
	}
	return rule{}, false
}
