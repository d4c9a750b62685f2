package translit

import (
	"strings"
)

// Phonetic returns a coarse sound spelling of a name in either script:
// Devanagari is romanised first, then Latin spellings that English and Hindi
// writers use for one sound are made one (ph/f, w/v, z/j, q/k, c/k/s, sh/s,
// ee/i, oo/u, aspirates lose their h, doubled letters are single), and
// vowels keep only their quality (a e i o u). Words are separated by one
// space; everything that is not a letter or digit is dropped.
func Phonetic(name string) string {
	if HasDevanagari(name) {
		name = Romanize(name)
	}
	var out []string
	for _, w := range splitWords(foldLatin(name)) {
		if p := phoneticWord(w); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

// Key returns the consonant skeleton of a name in either script: Phonetic
// without the vowels, except that a word starting with a vowel keeps an "a"
// for it, and a y between vowels dropped. Words are joined by "-". Names
// whose spellings differ only in vowels, aspiration or the usual Hindi and
// English consonant variants share a key: दिमित्री पेस्कोव, दमित्री पेस्कोव and
// "Dmitry Peskov" are all "dmtr-pskv".
func Key(name string) string {
	words := strings.Fields(Phonetic(name))
	keys := make([]string, 0, len(words))
	for _, w := range words {
		if k := skeleton(w); k != "" {
			keys = append(keys, k)
		}
	}
	return strings.Join(keys, "-")
}

func skeleton(w string) string {
	var b strings.Builder
	var prev byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if isVowel(c) {
			if i == 0 {
				b.WriteByte('a')
				prev = 'a'
			}
			continue
		}
		if c == 'y' && i > 0 {
			continue
		}
		if c == prev {
			continue
		}
		b.WriteByte(c)
		prev = c
	}
	return b.String()
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// foldLatin lowercases s and strips Latin diacritics.
func foldLatin(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r < 0x80:
			b.WriteRune(r)
		default:
			if f, ok := latinPlain[r]; ok {
				b.WriteString(f)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

var latinPlain = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'À': "a", 'Á': "a", 'Ä': "a", 'Å': "a",
	'ç': "c", 'č': "c", 'ć': "c", 'Ç': "c", 'Č': "c",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'É': "e", 'È': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'Í': "i",
	'ñ': "n", 'ṅ': "n", 'ṇ': "n", 'ṃ': "m", 'ṁ': "m",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'Ö': "o", 'Ø': "o",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'Ü': "u",
	'ý': "y", 'ÿ': "y",
	'š': "s", 'ś': "s", 'ṣ': "s", 'Š': "s", 'Ś': "s", 'ž': "z", 'Ž': "z", 'ř': "r", 'ṛ': "r",
	'ṭ': "t", 'ḍ': "d", 'ḥ': "h", 'ł': "l", 'Ł': "l",
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ș': "s", 'ț': "t",
}

// splitWords splits a lower-case Latin string into runs of letters and
// digits.
func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

// phoneticWord rewrites one lower-case ASCII word.
func phoneticWord(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	n := len(w)
	at := func(i int) byte {
		if i < 0 || i >= n {
			return 0
		}
		return w[i]
	}
	emit := func(c byte) {
		s := b.String()
		if len(s) > 0 && s[len(s)-1] == c {
			return // doubled letters are one
		}
		b.WriteByte(c)
	}
	for i := 0; i < n; i++ {
		c := w[i]
		next := at(i + 1)
		switch c {
		case 'a', 'e', 'i', 'o', 'u':
			switch {
			case c == 'e' && next == 'e':
				emit('i')
				i++
			case c == 'o' && next == 'o':
				emit('u')
				i++
			case c == 'e' && next == 'a' && i+2 < n: // "sean", "jean" rarely; "ea" mostly i
				emit('i')
				i++
			case c == 'a' && next == 'a':
				emit('a')
				i++
			case c == 'i' && next == 'e' && i+2 >= n: // final -ie
				emit('i')
				i++
			case c == 'a' && (next == 'i' || next == 'y') && i+2 < n && !isVowel(at(i+2)):
				emit('e') // "ai" in Hindi spellings and "ay" mostly sound e
				i++
			case c == 'a' && next == 'u':
				emit('o')
				i++
			case c == 'o' && next == 'u':
				emit('u')
				i++
			default:
				emit(c)
			}
		case 'y':
			if i == 0 || i+1 < n && isVowel(next) && !isVowel(at(i-1)) {
				emit('y')
			} else if i+1 < n && isVowel(next) {
				emit('y')
			} else {
				emit('i')
			}
		case 'h':
			// an h after a consonant marks aspiration or a digraph, handled
			// there; on its own it is kept unless it ends a word after a vowel
			if i > 0 && isVowel(at(i-1)) && i == n-1 && n > 3 {
				continue
			}
			emit('h')
		case 'p':
			if next == 'h' {
				emit('f')
				i++
			} else {
				emit('p')
			}
		case 'f':
			emit('f')
		case 'b', 'd', 'g', 'j', 'k', 't':
			if next == 'h' {
				i++
			}
			emit(c)
		case 'c':
			switch {
			case next == 'h':
				i++
				if at(i+1) == 'h' { // chh
					i++
				}
				emit('c')
			case next == 'k' || next == 'q':
				// ck, cq → k
			case next == 'e' || next == 'i' || next == 'y':
				emit('s')
			default:
				emit('k')
			}
		case 'q':
			emit('k')
			if next == 'u' && i+2 < n && isVowel(at(i+2)) {
				i++
				emit('v')
			}
		case 's':
			if next == 'h' {
				i++
			}
			emit('s')
		case 'w':
			if i > 0 && isVowel(at(i-1)) && (i+1 >= n || !isVowel(next)) {
				emit('u') // "aw", "ow" at a word end are vowels
				continue
			}
			emit('v')
		case 'v':
			emit('v')
		case 'z':
			emit('j')
		case 'x':
			emit('k')
			emit('s')
		default:
			emit(c)
		}
	}
	return b.String()
}
