package quote

import (
	"unicode"
	"unicode/utf8"

	"khabar/internal/normalize"
)

// Token kinds.
const (
	kWord = iota + 1
	kPunct
	kQuote
)

// Quotation mark roles.
const (
	qOpen  = 1
	qClose = 2
	qBoth  = 3
)

// token is a word, a punctuation mark, or a run of one quotation mark.
type token struct {
	s, e int
	kind uint8
	// q is the role of a quotation mark: qOpen, qClose or qBoth.
	q uint8
	// key is normalize.Fold of a word, the mark itself otherwise.
	key string
	// brk is true when a line break comes before the token.
	brk bool
	// space is true when white space comes right before the token.
	space bool
}

func isWordRune(r rune) bool {
	if r >= 0x0900 && r <= 0x097F {
		return r != 0x0964 && r != 0x0965 && r != 0x0970
	}
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc) || r == '\u200c' || r == '\u200d'
}

// quoteRole says whether r is a quotation mark, and which.
func quoteRole(r rune) uint8 {
	switch r {
	case '“', '‘', '«', '„':
		return qOpen
	case '”', '’', '»':
		return qClose
	case '"':
		return qBoth
	}
	return 0
}

func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5+1)
	cache := make(map[string]string, 256)
	space, brk := true, false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u00ad':
			space = true
			if r == '\n' {
				brk = true
			}
			i += size
			continue
		case isWordRune(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) {
					// "U.S." and "ई." keep their dots out; "फिर-से" splits.
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
			toks = append(toks, token{s: i, e: j, kind: kWord, key: key, brk: brk, space: space})
			i = j
		case quoteRole(r) != 0 || (r == '\'' && i+1 < len(text) && text[i+1] == '\''):
			// A run of one mark ("‘‘", "''") is one token.
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if r2 != r {
					break
				}
				j += s2
			}
			role := quoteRole(r)
			if r == '\'' {
				role = qBoth
			}
			// An apostrophe inside a word ("Putin’s") is no mark.
			if r == '’' && j-i == size && i > 0 && j < len(text) {
				p, _ := utf8.DecodeLastRuneInString(text[:i])
				n, _ := utf8.DecodeRuneInString(text[j:])
				if isWordRune(p) && isWordRune(n) {
					toks = append(toks, token{s: i, e: j, kind: kPunct, key: text[i:j], brk: brk, space: space})
					i = j
					break
				}
			}
			toks = append(toks, token{s: i, e: j, kind: kQuote, q: role, key: text[i:j], brk: brk, space: space})
			i = j
		default:
			toks = append(toks, token{s: i, e: i + size, kind: kPunct, key: text[i : i+size], brk: brk, space: space})
			i += size
		}
		space, brk = false, false
	}
	return toks
}

// isStop reports whether a punctuation key ends a sentence.
func isStop(key string) bool {
	switch key {
	case "।", "?", "!", "॥", "|":
		return true
	}
	return false
}

// plain reports whether normalize.Fold leaves w as it is: lower-case
// ASCII letters and digits, or Devanagari without nukta, chandrabindu,
// virama, precomposed nukta letters, or an independent vowel followed by a
// vowel sign.
func plain(w string) bool {
	prevVowel := false
	for _, r := range w {
		switch {
		case r < utf8.RuneSelf:
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
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
