package normalize

import "strings"

// nuktaFolder drops the nukta sign and writes the precomposed nukta
// letters (U+0958–U+095F: क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़) as their base letters; a
// Replacer is safe for concurrent use.
var nuktaFolder = strings.NewReplacer("\u093c", "", "\u0958", "क", "\u0959", "ख", "\u095a", "ग", "\u095b", "ज",
	"\u095c", "ड", "\u095d", "ढ", "\u095e", "फ", "\u095f", "य")

// FoldNukta returns s without nukta: the nukta sign (U+093C) is dropped
// and the precomposed nukta letters become their base letters, so "ख़बर"
// and "खबर", "पढ़ें" and "पढें" read alike. Unlike Fold it changes nothing
// else (case, other signs, spaces), for matching word lists against text
// that keeps its shape. Text without a nukta is returned as it is, without
// allocating.
func FoldNukta(s string) string {
	if !hasNuktaBytes(s) {
		return s
	}
	return nuktaFolder.Replace(s)
}

// hasNuktaBytes reports a nukta or a precomposed nukta letter in s by
// their UTF-8 bytes (E0 A4 BC; E0 A5 98–9F), without decoding s.
func hasNuktaBytes(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] != 0xE0 {
			continue
		}
		if b1, b2 := s[i+1], s[i+2]; b1 == 0xA4 && b2 == 0xBC || b1 == 0xA5 && b2 >= 0x98 && b2 <= 0x9F {
			return true
		}
	}
	return false
}
