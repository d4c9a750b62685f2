// Package fold turns names and tokens into matching keys for the entity
// packages with normalize.NameFold: normalize.Fold (nukta, chandrabindu,
// nasal + virama, case, Latin diacritics, digits, outer punctuation) plus
// the rules names need (candra vowels, an inner इ).
package fold

import (
	"strings"

	"khabar/internal/normalize"
)

// String folds s for matching: normalize.NameFold.
func String(s string) string { return normalize.NameFold.String(s) }

// IsConsonant reports whether r is a Devanagari consonant letter.
func IsConsonant(r rune) bool {
	return (r >= '\u0915' && r <= '\u0939') || (r >= '\u0958' && r <= '\u095F') || r == '\u0979' || r == '\u097A'
}

// Word is the folded form of one token used for lookups and features:
// String of it (which strips outer punctuation, so "एस." is "एस"), with a
// Latin possessive "'s" removed. A token of punctuation alone gives "",
// except "-" and "&", which stand for themselves.
func Word(tok string) string {
	if tok == "-" || tok == "&" {
		return tok
	}
	w := String(tok)
	if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	}
	return w
}

// IsPunct reports whether r is punctuation that never belongs to a name.
func IsPunct(r rune) bool {
	return strings.ContainsRune(".,;:!?'\"()[]{}-–—‘’“”/\\|।॥…", r)
}
