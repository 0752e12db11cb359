package strsim

// DamerauLevenshtein returns the optimal-string-alignment distance between a and b: the
// fewest insertions, deletions, substitutions and transpositions of adjacent runes that
// turn a into b, no substring edited twice. A transposition is one edit because swapped
// adjacent characters are the commonest keying error in registers and documents.
func DamerauLevenshtein(a, b string) int {
	if a == b {
		return 0
	}
	var ba, bb [maxStack]rune
	ra, rb := toRunes(a, ba[:]), toRunes(b, bb[:])
	if len(ra) == 0 {
		return len(rb)
	}
	if len(rb) == 0 {
		return len(ra)
	}
	var r0, r1, r2 [maxStack + 1]int
	p2, p1, cur := r2[:], r1[:], r0[:]
	if len(rb) > maxStack {
		p2, p1, cur = make([]int, len(rb)+1), make([]int, len(rb)+1), make([]int, len(rb)+1)
	}
	for j := 0; j <= len(rb); j++ {
		p1[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d := min(p1[j]+1, cur[j-1]+1, p1[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d = min(d, p2[j-2]+1)
			}
			cur[j] = d
		}
		p2, p1, cur = p1, cur, p2
	}
	return p1[len(rb)]
}

// WithinOne reports whether a and b are at most one Damerau-Levenshtein edit apart,
// without filling a matrix: the common test for document numbers and dates.
func WithinOne(a, b string) bool {
	if a == b {
		return true
	}
	if d := len(a) - len(b); d > 4 || d < -4 {
		return false // one rune is at most four bytes
	}
	return DamerauLevenshtein(a, b) <= 1
}
