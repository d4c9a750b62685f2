package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const (
	candrabindu = '\u0901'
	anusvara    = '\u0902'
)

// Fold returns a matching key for s: two spellings of one name or word
// that Hindi and English news use interchangeably get the same key, as
// "ट्रम्प" and "ट्रंप", "हिन्दी" and "हिंदी", "ज़ेलेंस्की" and "जेलेंस्की",
// "Pétain" and "PETAIN". Keys are for comparison and lookup, never for
// display. The rules, applied in this order:
//
//  1. Text: everything Text does (NFC, invisible characters, dandas, …).
//  2. Case: letters are lower-cased (Latin, and any other cased script).
//  3. Latin diacritics: a Latin letter with a canonical decomposition is
//     replaced by its base letter ("é" → "e"), and combining marks after
//     a Latin letter are dropped.
//  4. Nukta: the nukta sign is removed, and ऩ ऱ ऴ become न र ळ, so "ज़"
//     matches "ज" and "ड़" matches "ड".
//  5. Chandrabindu "ँ" becomes anusvara "ं" ("हाँ" = "हां").
//  6. Nasal + virama before a consonant becomes anusvara: ङ् ञ् ण् न् म्
//     followed by any consonant are written "ं" ("ट्रम्प" = "ट्रंप",
//     "सम्बन्ध" = "संबंध", "इन्स्टाग्राम" = "इंस्टाग्राम"). The rule is applied
//     to every following consonant, not only the homorganic ones, so that
//     both sides of a comparison fold alike.
//  7. A virama that ends a word is dropped ("जगत्" = "जगत").
//  8. ZWJ and ZWNJ are dropped.
//  9. Digits of every script become ASCII digits ("२०२५" = "2025").
//  10. Vowels written as two (vowel + vowel sign, or two vowel signs) are
//     repaired again after the nukta is gone (as Text does: "अा" → "आ",
//     "ाे" → "ो").
//  11. Words are separated by one space (line breaks included), and
//     punctuation at the start and end of each word is stripped (quotes,
//     brackets, dandas, commas, full stops, and the pipe); punctuation
//     inside a word stays ("U.S", "ट्रंप-पुतिन"). A word of punctuation
//     only disappears.
func Fold(s string) string { return KeyFold.String(s) }

// isFoldPunct reports whether Fold strips r at the edge of a word.
func isFoldPunct(r rune) bool {
	return unicode.IsPunct(r) || isPipe(r)
}

// nextRune returns the first rune of s after any ZWJ, ZWNJ or nukta, or
// -1 at the end.
func nextRune(s string) rune {
	for _, r := range s {
		if r != zwj && r != zwnj && r != nukta {
			return r
		}
	}
	return -1
}

// isWordRune reports whether r continues a word: a letter or a mark.
func isWordRune(r rune) bool {
	return r >= 0 && (unicode.IsLetter(r) || unicode.IsMark(r))
}

// isNasal reports whether r is a Devanagari nasal consonant.
func isNasal(r rune) bool {
	return r == 'ङ' || r == 'ञ' || r == 'ण' || r == 'न' || r == 'म'
}

// stripNukta returns the consonant r without its nukta.
func stripNukta(r rune) rune {
	switch r {
	case 0x0929:
		return 0x0928
	case 0x0931:
		return 0x0930
	case 0x0934:
		return 0x0933
	}
	if r >= 0x0958 && r <= 0x095F { // not after Text, but cheap to be sure
		return [...]rune{'क', 'ख', 'ग', 'ज', 'ड', 'ढ', 'फ', 'य'}[r-0x0958]
	}
	return r
}

// nasalCluster reports, for the text s after a nasal consonant, how many
// bytes form "(nukta) virama (ZWJ|ZWNJ)* " before a consonant, or 0 if s
// does not continue that way.
func nasalCluster(s string) int {
	i := 0
	if len(s) >= 3 && s[:3] == "\u093C" {
		i = 3
	}
	if len(s) < i+3 || s[i:i+3] != "\u094D" {
		return 0
	}
	i += 3
	for len(s) >= i+3 && (s[i:i+3] == "\u200D" || s[i:i+3] == "\u200C") {
		i += 3
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	if !isConsonant(r) && !hasNukta(r) {
		return 0
	}
	return i
}

func isLatinLetter(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (isLatinExt(r) && unicode.IsLetter(r))
}

// latinBase returns the base letter of a Latin letter with a canonical
// decomposition ("é" → "e"), or r itself.
func latinBase(r rune) rune {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFD.Properties(buf[:n]).Decomposition()
	if len(d) == 0 {
		return r
	}
	b, _ := utf8.DecodeRune(d)
	return b
}

// Lower returns strings.ToLower(s), the same string, with a short way for
// text of ASCII and Devanagari only (Devanagari has no case): the
// standard library reads every rune of such text through the Unicode
// case tables.
func Lower(s string) string {
	upper := false
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			upper = upper || c >= 'A' && c <= 'Z'
			i++
		case c == 0xE0 && i+2 < len(s) && (s[i+1] == 0xA4 || s[i+1] == 0xA5) && s[i+2]&0xC0 == 0x80:
			i += 3
		default:
			return strings.ToLower(s)
		}
	}
	if !upper {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
