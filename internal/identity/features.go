package identity

import (
	"strings"
	"sync"

	"github.com/ceas-eu/ceas/internal/names"
)

// nameF is a prepared name: folded text, transliteration keys, and its equivalence group.
type nameF struct {
	folded string   // names.Fold of the whole name
	keys   []string // whole-name keys, one per plausible convention (first is canonical)
	toks   []string // keys of every token, every reading (for the contained level)
	ntok   uint8
	group  int32 // given name or patronymic group, or place exonym group; 0 if unknown
}

func (n *nameF) empty() bool { return n.folded == "" }

func (n *nameF) key0() string {
	if len(n.keys) == 0 {
		return ""
	}
	return n.keys[0]
}

// dob is a partial date of birth; 0 marks an unknown component.
type dob struct {
	y    int16
	m, d int8
}

// docF is a prepared document number.
type docF struct {
	raw    string // upper case, no spaces or punctuation
	glyph  string // Cyrillic look-alikes mapped to Latin, O to 0
	roman  string // the series romanised (СН -> SN)
	digits string // the digits alone
	kind   string // document type, lower case ("" when not given)
}

// features is a record prepared for comparison: every normalisation done once.
type features struct {
	id                         string
	surname, given, patronymic nameF
	dob                        dob
	sex                        byte // 'M', 'F', 'X' or 0
	place                      nameF
	nat                        string
	docs                       []docF
	address                    string
	locality                   nameF
	postcode                   string
	nameKey                    string // surname and given name keys together, for frequencies
}

func (f *features) givenTFKey() string {
	if f.given.group != 0 {
		return groupKey(f.given.group)
	}
	return f.given.key0()
}

func groupKey(g int32) string {
	return "#" + string(rune(g+0x100))
}

// preparer normalises records; it is shared by goroutines. Names repeat (a population
// has far fewer distinct name tokens than records), so token keys and place groups are
// memoised.
type preparer struct {
	given      *names.GivenNames
	places     *names.Places
	intern     func(string) string
	tokenKeys  sync.Map // token -> []string (read-only once stored)
	placeGroup sync.Map // cleaned place -> int32
}

func (p *preparer) keys(token string) []string {
	if v, ok := p.tokenKeys.Load(token); ok {
		return v.([]string)
	}
	ks := names.Keys(token)
	p.tokenKeys.Store(token, ks)
	return ks
}

func (p *preparer) placeGroupOf(place string) int32 {
	if place == "" {
		return 0
	}
	if v, ok := p.placeGroup.Load(place); ok {
		return v.(int32)
	}
	g := p.places.Group(place)
	p.placeGroup.Store(place, g)
	return g
}

func newPreparer(intern func(string) string) *preparer {
	if intern == nil {
		intern = func(s string) string { return s }
	}
	return &preparer{given: names.NewGivenNames(), places: names.NewPlaces(), intern: intern}
}

func (p *preparer) prepare(r *Record) *features {
	f := &features{id: r.ID}
	f.surname = p.name(r.Surname)
	f.given = p.name(r.GivenName)
	f.given.group = p.givenGroup(&f.given)
	if s, g := f.surname.key0(), f.givenTFKey(); s != "" && g != "" {
		f.nameKey = s + "|" + g
	}
	f.patronymic = p.name(r.Patronymic)
	f.patronymic.group = p.patronymicGroup(&f.patronymic)
	f.dob = parseDOB(r.DateOfBirth)
	f.sex = parseSex(r.Sex)
	place := names.PlaceCore(r.PlaceOfBirth)
	f.place = p.name(place)
	f.place.group = p.placeGroupOf(place)
	f.nat = p.intern(parseNationality(r.Nationality))
	for _, d := range r.Documents {
		if df, ok := prepareDoc(d.Number); ok {
			df.kind = p.intern(strings.ToLower(strings.TrimSpace(d.Type)))
			f.docs = append(f.docs, df)
		}
	}
	f.address = names.Fold(r.Address)
	f.locality = p.name(r.Locality)
	f.locality.group = p.placeGroupOf(r.Locality)
	f.postcode = p.intern(strings.ToUpper(strings.ReplaceAll(names.Fold(r.Postcode), " ", "")))
	return f
}

// name prepares one name field.
func (p *preparer) name(s string) nameF {
	clean := names.Clean(s)
	if clean == "" {
		return nameF{}
	}
	toks := names.Tokens(clean)
	n := nameF{folded: p.intern(names.Fold(clean)), ntok: uint8(min(len(toks), 255))}
	per := make([][]string, len(toks))
	for i, t := range toks {
		per[i] = p.keys(t)
		for _, k := range per[i] {
			n.toks = append(n.toks, p.intern(k))
		}
	}
	// whole-name keys: the canonical reading of every token, then each alternative
	// reading of the first token (conventions rarely mix within one name)
	var b strings.Builder
	for i := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(per[i][0])
	}
	if len(toks) == 1 {
		n.keys = n.toks // one token: the whole-name keys are the token keys
		return n
	}
	n.keys = append(n.keys, p.intern(b.String()))
	rest := strings.TrimPrefix(b.String(), per[0][0])
	for _, alt := range per[0][1:] {
		n.keys = append(n.keys, p.intern(alt+rest))
		if len(n.keys) == 4 {
			break
		}
	}
	return n
}

func (p *preparer) givenGroup(n *nameF) int32 {
	for _, k := range n.toks {
		if g := p.given.Group(k); g != 0 {
			return g
		}
	}
	return 0
}

func (p *preparer) patronymicGroup(n *nameF) int32 {
	for _, k := range n.toks {
		if g := p.given.PatronymicGroup(k); g != 0 {
			return g
		}
	}
	return 0
}
