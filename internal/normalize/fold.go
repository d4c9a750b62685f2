package normalize

import (
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
func Fold(s string) string {
	t := Text(s)
	f := folder{b: make([]byte, 0, len(t))}
	for i := 0; i < len(t); {
		r, size := rune(t[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(t[i:])
		}
		i += size
		switch {
		case r == ' ' || r == '\n':
			f.endWord()
		case r < utf8.RuneSelf:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			f.put(r)
		case r == nukta || r == zwj || r == zwnj:
		case r == candrabindu:
			f.put(anusvara)
		case r == virama:
			if !isWordRune(nextRune(t[i:])) {
				continue
			}
			f.put(r)
		case isConsonant(r) || hasNukta(r):
			r = stripNukta(r)
			if isNasal(r) {
				if n := nasalCluster(t[i:]); n > 0 {
					f.put(anusvara)
					i += n
					continue
				}
			}
			f.put(r)
		case isVowelSign(r):
			if v := oneVowel(f.last, r); v != 0 {
				f.b = f.b[:len(f.b)-utf8.RuneLen(f.last)]
				f.put(v)
				continue
			}
			f.put(r)
		case unicode.IsDigit(r):
			if d := DigitValue(r); d >= 0 {
				f.put(rune('0' + d))
			} else {
				f.put(r)
			}
		case isLatinExt(r):
			f.put(latinBase(unicode.ToLower(r)))
		case unicode.Is(unicode.Mn, r) && isLatinLetter(f.last):
		default:
			f.put(unicode.ToLower(r))
		}
	}
	f.endWord()
	if n := len(f.b); n > 0 {
		f.b = f.b[:n-1] // the space after the last word
	}
	return string(f.b)
}

// folder accumulates Fold's output.
type folder struct {
	b []byte
	// word is where the current word starts in b.
	word int
	last rune
}

func (f *folder) put(r rune) {
	if r < utf8.RuneSelf {
		f.b = append(f.b, byte(r))
	} else {
		f.b = utf8.AppendRune(f.b, r)
	}
	// Keep the letter a dropped mark belongs to as the last letter.
	f.last = r
}

// endWord trims punctuation at the edges of the current word and starts a
// new one. Words in b are each followed by one space.
func (f *folder) endWord() {
	w := f.b[f.word:]
	start, end := 0, len(w)
	for start < end {
		r, size := utf8.DecodeRune(w[start:end])
		if !isFoldPunct(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRune(w[start:end])
		if !isFoldPunct(r) {
			break
		}
		end -= size
	}
	n := copy(w, w[start:end])
	f.b = f.b[:f.word+n]
	if n > 0 {
		f.b = append(f.b, ' ')
		f.word = len(f.b)
	}
	f.last = 0
}

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

// isLatinExt reports whether r is in the Latin-1 Supplement, Latin
// Extended-A/B or Latin Extended Additional blocks.
func isLatinExt(r rune) bool {
	return (r >= 0xC0 && r <= 0x24F) || (r >= 0x1E00 && r <= 0x1EFF)
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
