package strsim

// Jaro returns the Jaro similarity of a and b in [0, 1]: 1 for equal strings, 0 when
// they share no character within the matching window. Two empty strings are equal (1).
func Jaro(a, b string) float64 {
	if a == b {
		return 1
	}
	var ba, bb [maxStack]rune
	return jaroRunes(toRunes(a, ba[:]), toRunes(b, bb[:]))
}

// JaroWinkler returns the Jaro-Winkler similarity of a and b: the Jaro similarity boosted
// by 0.1 per shared leading rune (at most four), the standard Winkler setting that favours
// names which agree at the start, where transcription errors are rarest.
func JaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	var ba, bb [maxStack]rune
	ra, rb := toRunes(a, ba[:]), toRunes(b, bb[:])
	j := jaroRunes(ra, rb)
	if j <= 0.7 {
		return j
	}
	l := 0
	for l < 4 && l < len(ra) && l < len(rb) && ra[l] == rb[l] {
		l++
	}
	return j + float64(l)*0.1*(1-j)
}

func jaroRunes(a, b []rune) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	window := max(len(b)/2-1, 0)
	var fa, fb [maxStack]bool
	ma, mb := fa[:], fb[:]
	if len(a) > maxStack || len(b) > maxStack {
		ma, mb = make([]bool, len(a)), make([]bool, len(b))
	}
	m := 0
	for i, r := range a {
		lo, hi := max(0, i-window), min(len(b), i+window+1)
		for j := lo; j < hi; j++ {
			if !mb[j] && b[j] == r {
				ma[i], mb[j] = true, true
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	t, j := 0, 0
	for i := range a {
		if !ma[i] {
			continue
		}
		for !mb[j] {
			j++
		}
		if a[i] != b[j] {
			t++
		}
		j++
	}
	fm := float64(m)
	return (fm/float64(len(a)) + fm/float64(len(b)) + (fm-float64(t/2))/fm) / 3
}
