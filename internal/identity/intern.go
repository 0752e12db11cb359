package identity

// interner shares one copy of each distinct string (names, keys, nationalities) between
// records, which is most of the memory of an index of millions of registrations.
type interner struct {
	m map[string]string
}

func newInterner() *interner { return &interner{m: make(map[string]string, 1<<12)} }

func (in *interner) str(s string) string {
	if s == "" {
		return ""
	}
	if v, ok := in.m[s]; ok {
		return v
	}
	in.m[s] = s
	return s
}

func (in *interner) slice(ss []string) {
	for i, s := range ss {
		ss[i] = in.str(s)
	}
}

func (in *interner) name(n *nameF) {
	n.folded = in.str(n.folded)
	in.slice(n.keys)
	in.slice(n.toks)
}

// features rewrites f's strings to their shared copies.
func (in *interner) features(f *features) {
	in.name(&f.surname)
	in.name(&f.given)
	in.name(&f.patronymic)
	in.name(&f.place)
	in.name(&f.locality)
	f.nat = in.str(f.nat)
	f.postcode = in.str(f.postcode)
	f.nameKey = in.str(f.nameKey)
}
