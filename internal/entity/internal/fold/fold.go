// Package fold turns names into matching keys for the entity packages. It
// is normalize.Fold (nukta, chandrabindu, nasal + virama, case, Latin
// diacritics, digits, outer punctuation) plus one rule names need: the
// candra vowels (ऑ, ॉ, ऍ, ॅ) become their plain neighbours, since
// ऑस्ट्रेलिया and आस्ट्रेलिया name one country.
package fold

import (
	"strings"

	"khabar/internal/normalize"
)

// String folds s for matching.
func String(s string) string {
	k := normalize.Fold(s)
	if strings.ContainsAny(k, "ऑॉऍॅ") {
		k = candra.Replace(k)
	}
	if strings.Contains(k, "इ") {
		k = innerI(k)
	}
	return k
}

// innerI writes an independent इ inside a word as ई: spelled-out letters
// of acronyms take either ("एएनआइ" in Dainik Jagran's style, "एएनआई"
// elsewhere; "सीबीआइ", "आइआइटी"), and Hindi words keep इ for the start
// of a word.
func innerI(k string) string {
	b := []byte(k)
	for i := 0; i+len("इ") <= len(b); i++ {
		if string(b[i:i+len("इ")]) == "इ" && i > 0 && b[i-1] != ' ' {
			copy(b[i:], "ई")
		}
	}
	return string(b)
}

var candra = strings.NewReplacer("ऑ", "आ", "ॉ", "ा", "ऍ", "ए", "ॅ", "े")

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
