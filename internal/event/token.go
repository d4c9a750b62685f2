package event

import (
	"unicode"
	"unicode/utf8"

	"khabar/internal/normalize"
)

// Token kinds.
const (
	kWord = iota + 1
	kNum
	kPunct
	kQuote
)

// token is a word, a digit run, a punctuation mark or a quotation mark.
type token struct {
	s, e int
	kind uint8
	key  string // normalize.Fold of a word; the text otherwise
	brk  bool   // a line break comes before it
}

func isWordRune(r rune) bool {
	if r >= 0x0900 && r <= 0x097F {
		return r != 0x0964 && r != 0x0965 && (r < 0x0966 || r > 0x0970)
	}
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.In(r, unicode.Mn, unicode.Mc) || r == '\u200c' || r == '\u200d'
}

func isQuoteRune(r rune) bool {
	switch r {
	case '“', '”', '‘', '’', '"', '«', '»', '„':
		return true
	}
	return false
}

func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5+1)
	cache := make(map[string]string, 256)
	brk := false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u00ad':
			if r == '\n' {
				brk = true
			}
			i += size
			continue
		case normalize.DigitValue(r) >= 0:
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if normalize.DigitValue(r2) < 0 {
					break
				}
				j += s2
			}
			toks = append(toks, token{s: i, e: j, kind: kNum, key: normalize.Digits(text[i:j]), brk: brk})
			i = j
		case isWordRune(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) {
					break
				}
				j += s2
			}
			w := text[i:j]
			key, ok := cache[w]
			if !ok {
				if plain(w) {
					key = w
				} else {
					key = normalize.Fold(w)
				}
				cache[w] = key
			}
			toks = append(toks, token{s: i, e: j, kind: kWord, key: key, brk: brk})
			i = j
		case isQuoteRune(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if r2 != r {
					break
				}
				j += s2
			}
			toks = append(toks, token{s: i, e: j, kind: kQuote, key: text[i:j], brk: brk})
			i = j
		default:
			toks = append(toks, token{s: i, e: i + size, kind: kPunct, key: text[i : i+size], brk: brk})
			i += size
		}
		brk = false
	}
	return toks
}

// plain reports whether normalize.Fold leaves w as it is (see the quote
// package's twin): lower-case ASCII letters, or Devanagari without nukta,
// chandrabindu, virama, precomposed nukta letters or a vowel written as
// an independent vowel plus a sign.
func plain(w string) bool {
	prevVowel := false
	for _, r := range w {
		switch {
		case r < utf8.RuneSelf:
			if r < 'a' || r > 'z' {
				return false
			}
		case (r < 0x0905 || r > 0x0963) && r != 0x0902 && r != 0x0903:
			return false
		case r == 0x093C || r == 0x094D || (r >= 0x0958 && r <= 0x095F):
			return false
		case r >= 0x093E && r <= 0x094C && prevVowel:
			return false
		}
		prevVowel = r >= 0x0905 && r <= 0x0914
	}
	return true
}

// isStop reports whether punctuation key ends a sentence.
func isStop(key string) bool {
	switch key {
	case "।", "?", "!", "॥", "|":
		return true
	}
	return false
}
