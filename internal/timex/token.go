package timex

import (
	"unicode"
	"unicode/utf8"

	"khabar/internal/normalize"
)

// kind is what a token is made of.
type kind uint8

// Token kinds.
const (
	kWord kind = iota + 1
	kNum
	kPunct
)

// token is one word, digit run or punctuation mark of the text.
type token struct {
	s, e int // byte span
	kind kind
	// key is the matching key: normalize.Fold of a word, the ASCII digits
	// of a number, the mark itself for punctuation.
	key string
	// num is the value of a digit run (-1 when it has more than 9 digits),
	// nd the number of digits.
	num, nd int
	// space is true when white space (or the start of the text) comes
	// right before the token; brk when that space holds a line break.
	space, brk bool
}

func isWordRune(r rune) bool {
	if r >= 0x0900 && r <= 0x097F { // Devanagari, the common case
		return r != 0x0964 && r != 0x0965 && (r < 0x0966 || r > 0x0970)
	}
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.In(r, unicode.Mn, unicode.Mc) || r == '\u200c' || r == '\u200d'
}

// tokenize splits text into tokens. Keys of Devanagari words are folded
// through normalize.Fold, with a cache since news text repeats its words.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5+1)
	cache := map[string]string{}
	space, brk := true, false
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case unicode.IsSpace(r) || r == '\ufeff' || r == '\u00ad' || r == '\u200b':
			space = true
			if r == '\n' {
				brk = true
			}
			i += size
			continue
		case normalize.DigitValue(r) >= 0:
			j, v, nd := i, 0, 0
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				d := normalize.DigitValue(r2)
				if d < 0 {
					break
				}
				if nd < 9 {
					v = v*10 + d
				}
				nd++
				j += s2
			}
			if nd > 9 {
				v = -1
			}
			toks = append(toks, token{s: i, e: j, kind: kNum, key: normalize.Digits(text[i:j]), num: v, nd: nd, space: space, brk: brk})
			i = j
		case isWordRune(r):
			j := i + size
			ascii := r < utf8.RuneSelf
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) {
					break
				}
				if r2 >= utf8.RuneSelf {
					ascii = false
				}
				j += s2
			}
			w := text[i:j]
			var key string
			if ascii {
				key = lowerASCII(w)
			} else if plainDeva(w) {
				key = w
			} else if k, ok := cache[w]; ok {
				key = k
			} else {
				key = normalize.Fold(w)
				cache[w] = key
			}
			toks = append(toks, token{s: i, e: j, kind: kWord, key: key, space: space, brk: brk})
			i = j
		default:
			toks = append(toks, token{s: i, e: i + size, kind: kPunct, key: text[i : i+size], space: space, brk: brk})
			i += size
		}
		space, brk = false, false
	}
	return toks
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// isStop reports whether punctuation key ends a sentence.
func isStop(key string) bool {
	switch key {
	case "।", ".", "?", "!", "॥", "|":
		return true
	}
	return false
}

// plainDeva reports whether w is Devanagari that normalize.Fold leaves as
// it is: no nukta, chandrabindu, virama, precomposed nukta letter, or
// independent vowel followed by a vowel sign.
func plainDeva(w string) bool {
	prevVowel := false
	for _, r := range w {
		if (r < 0x0905 || r > 0x0963) && r != 0x0902 && r != 0x0903 {
			return false
		}
		switch {
		case r == 0x093C || r == 0x094D || (r >= 0x0958 && r <= 0x095F):
			return false
		case r >= 0x093E && r <= 0x094C && prevVowel:
			return false
		}
		prevVowel = r >= 0x0905 && r <= 0x0914
	}
	return true
}
