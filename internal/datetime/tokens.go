package datetime

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"khabar/internal/lexicon"
	"khabar/internal/normalize"
)

// DigitValue reads ASCII and Devanagari digits (normalize.DigitValue, for
// those two scripts only: dates on Indian pages use no others).
func DigitValue(r rune) (int, bool) {
	v := normalize.DevanagariDigit(r)
	if r < 0x80 {
		v = normalize.DigitValue(r)
	}
	return v, v >= 0
}

// IsDeva reports a Devanagari code point. Words end where the script
// changes, so glued text such as "पटनाPublished" reads as two words.
func IsDeva(r rune) bool { return r >= 0x900 && r <= 0x97f }

// IsWordRune reports a letter or sign of a word as the recogniser reads
// words: Latin and Devanagari letters and signs, not dandas or digits.
func IsWordRune(r rune) bool {
	switch {
	case r < 0x80:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	case r >= 0x900 && r <= 0x963, r >= 0x971 && r <= 0x97f:
		// Devanagari letters and signs (not the danda or the digits).
		return true
	case r >= 0x964 && r <= 0x970:
		return false
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// tokenize splits s into numbers, words and punctuation as FindTimes reads
// them (words keyed by normalize.WordFold, split where the script changes);
// spaces separate.
func tokenize(s string) []Token {
	// about two tokens a space (a word and a mark), not one per three bytes
	toks := make([]Token, 0, 2*strings.Count(s, " ")+8)
	prevEnd := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, ok := DigitValue(r); ok {
			j, n, d := i, 0, 0
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				v, ok := DigitValue(r2)
				if !ok {
					break
				}
				n = n*10 + v
				d++
				j += sz
			}
			if d > 9 {
				n = -1
			}
			toks = append(toks, Token{Kind: Number, Start: i, End: j, Num: n, Digits: d, Space: i != prevEnd})
			i, prevEnd = j, j
			continue
		}
		if IsWordRune(r) {
			j := i
			deva := IsDeva(r)
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if !IsWordRune(r2) || IsDeva(r2) != deva {
					break
				}
				j += sz
			}
			toks = append(toks, Token{Kind: Word, Start: i, End: j, Key: normalize.WordFold.String(s[i:j]), Space: i != prevEnd})
			i, prevEnd = j, j
			continue
		}
		if !unicode.IsSpace(r) && r != utf8.RuneError {
			toks = append(toks, Token{Kind: Punct, Start: i, End: i + size, Key: s[i : i+size], Space: i != prevEnd})
			prevEnd = i + size
		}
		i += size
	}
	return toks
}

// stampNames are the month, weekday and clock words of every language
// pack, keyed as tokenize keys words (lower case, no nukta): a page prints
// its dates in any language. dayWords are the number words of the
// Devanagari packs for the days of a month ("चार जून").
var stampNames, dayWords = buildNames()

func buildNames() (*Names, map[string]int) {
	var packs []*lexicon.Pack
	days := map[string]int{}
	key := normalize.WordFold.String
	for _, l := range lexicon.Langs() {
		p := lexicon.Get(l)
		packs = append(packs, p)
		if l == lexicon.English {
			continue
		}
		for _, e := range p.Entries(lexicon.NumberWord) {
			if v := e.Float(); v >= 1 && v <= 31 && v == float64(int(v)) {
				days[key(e.Text)] = int(v)
			}
		}
	}
	return NewNames(packs, key), days
}

// MonthOf returns the month a word names (1–12), or 0; the word is keyed by
// normalize.WordFold. Short names (lexicon.MonthShort) count.
func MonthOf(w string) int {
	return int(stampNames.words[normalize.WordFold.String(w)].month)
}
