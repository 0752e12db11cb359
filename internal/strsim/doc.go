// Package strsim measures how alike two strings are: Jaro-Winkler similarity and
// Damerau-Levenshtein (optimal string alignment) distance, on Unicode code points.
//
// Both functions are written for the identity engine's hot loop: for strings of up to
// maxStack runes they allocate nothing (work arrays live on the stack); longer strings
// fall back to heap buffers. Names and document numbers are far shorter than that.
package strsim

// maxStack is the longest input, in runes, handled without allocation.
const maxStack = 64

// toRunes decodes s into buf when it fits, else allocates.
func toRunes(s string, buf []rune) []rune {
	n := 0
	for _, r := range s {
		if n == len(buf) {
			return []rune(s)
		}
		buf[n] = r
		n++
	}
	return buf[:n]
}
