package press

import (
	"strings"
	"unicode"
)

func MostlyDevanagari(s string) bool {
	d, l := 0, 0
	for _, r := range s {
		switch {
		case r >= 0x900 && r <= 0x97f:
			d++
		case r < 0x250 && unicode.IsLetter(r):
			l++
		}
	}
	return d > l
}

func LatinLetters(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x250 && unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// collapse joins s's words with single spaces.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
