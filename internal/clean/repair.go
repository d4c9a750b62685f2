package clean

import (
	"strings"
	"unicode/utf8"
)

// legacyISign is the character legacy Hindi fonts (Kruti Dev and kin) leave
// for "िं" after a lossy conversion: the sign stands before the consonant
// cluster it belongs to, as the i-matra is drawn, so "¨सह" is "सिंह" and
// "चे¨कग" is "चेकिंग".
const legacyISign = '¨'

// isConsonant reports whether r is a Devanagari consonant (with the nukta
// forms).
func isConsonant(r rune) bool {
	return (r >= 'क' && r <= 'ह') || (r >= '\u0958' && r <= '\u095f')
}

// repairLegacy rewrites legacy-font artefacts into the Unicode text they
// stand for. It changes nothing in text without them.
func repairLegacy(s string) string {
	if !strings.ContainsRune(s, legacyISign) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != legacyISign {
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		// Read the consonant cluster after the sign: C (nukta)? (virama C (nukta)?)*.
		j := i + size
		end := clusterEnd(s, j)
		if end == j {
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		b.WriteString(s[j:end])
		b.WriteString("िं")
		i = end
	}
	return b.String()
}

// clusterEnd returns the end of the consonant cluster starting at s[i:], or
// i when none starts there.
func clusterEnd(s string, i int) int {
	r, size := utf8.DecodeRuneInString(s[i:])
	if !isConsonant(r) {
		return i
	}
	j := i + size
	for {
		r, size = utf8.DecodeRuneInString(s[j:])
		if r == '\u093c' { // nukta
			j += size
			r, size = utf8.DecodeRuneInString(s[j:])
		}
		if r != '\u094d' { // virama
			return j
		}
		r2, size2 := utf8.DecodeRuneInString(s[j+size:])
		if !isConsonant(r2) {
			return j
		}
		j += size + size2
	}
}
