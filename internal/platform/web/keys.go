package web

import (
	"regexp"
	"sort"
	"strconv"
)

// keyPatterns find literal catalogue lookups in template text: {{t "key"}}, (t "key" .N),
// and the default of {{t (or .Label "key")}}.
var keyPatterns = []*regexp.Regexp{
	regexp.MustCompile(`[{(\s]t\s+("(?:[^"\\]|\\.)*")`),
	regexp.MustCompile(`[{(\s]t\s+\(or\s+[^\s()]+\s+("(?:[^"\\]|\\.)*")\)`),
}

// usedKeys returns the sorted, distinct keys that the templates pass literally to t. Keys
// passed as data (labels of nav items, cards, fields) cannot be found this way; they fall
// back to their own text at run time.
func usedKeys(groups ...[]source) []string {
	seen := map[string]bool{}
	for _, g := range groups {
		for _, s := range g {
			for _, re := range keyPatterns {
				for _, m := range re.FindAllStringSubmatch(s.text, -1) {
					if k, err := strconv.Unquote(m[1]); err == nil {
						seen[k] = true
					}
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
