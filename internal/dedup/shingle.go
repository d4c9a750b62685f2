package dedup

import (
	"unicode"
	"unicode/utf8"

	"khabar/internal/normalize"
)

// Shingle size in words.
const shingleWords = 3

// ZWNJ and ZWJ stay inside a word (ShingleFold drops them).
const (
	zwnj = '\u200C'
	zwj  = '\u200D'
)

// stopwords are function words left out of shingles: edits that only touch
// them do not count, and two texts that share only them share nothing.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		// Hindi postpositions, auxiliaries, pronouns, conjunctions.
		"का", "की", "के", "में", "है", "हैं", "और", "से", "को", "ने", "पर", "कि", "यह", "वह",
		"ये", "वे", "भी", "तो", "था", "थी", "थे", "एक", "लिए", "साथ", "कर", "करने", "करते",
		"करता", "करती", "किया", "किए", "गया", "गई", "गए", "हो", "होने", "होगा", "होगी", "होंगे",
		"हुआ", "हुई", "हुए", "रहा", "रही", "रहे", "ही", "इस", "उस", "इसके", "उसके", "इसे", "उसे",
		"उन्होंने", "इन", "उन", "जो", "व", "एवं", "तथा", "या", "अपने", "अपनी", "अपना", "किसी",
		"कुछ", "अब", "जब", "तब", "नहीं", "न", "द्वारा", "बाद", "दौरान", "लेकर", "बीच", "सकता",
		"सकती", "सकते", "जा", "जाता", "जाती", "जाते", "जाएगा", "जाएगी", "वाले", "वाली", "वाला",
		"कहा", "बताया", "तक", "हम", "मैं", "आप", "लेकिन", "क्योंकि", "अगर", "यदि", "वहीं", "यहां",
		"वहां", "कई", "सभी", "सब", "बहुत", "अभी", "फिर", "दिया", "दी", "दिए", "ले", "दे", "कहना",
		// English.
		"the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "is", "are", "was", "were",
		"be", "been", "by", "with", "at", "from", "that", "this", "it", "as", "has", "have", "had",
		"will", "would", "said", "says", "not", "but", "he", "she", "they", "his", "her", "their",
		"its", "which", "who", "also", "after", "about", "into", "than", "over", "more", "we", "i",
	} {
		m[w] = true
	}
	return m
}()

// tokenizer cuts text into folded words and hashes them. Its buffer is
// reused across calls; it is not safe for concurrent use.
type tokenizer struct {
	buf      []byte
	toks, sh []uint64
}

// words calls fn with the hash of every content word of text, in order,
// and returns the number of content words.
func (t *tokenizer) words(text string, fn func(h uint64)) int {
	return t.each(text, func(_ []byte, h uint64) { fn(h) })
}

// each calls fn with every content word of text, folded, and its hash,
// in order, and returns the number of content words. The word is only
// valid during the call.
func (t *tokenizer) each(text string, fn func(w []byte, h uint64)) int {
	n := 0
	t.buf = t.buf[:0]
	flush := func() {
		if len(t.buf) == 0 {
			return
		}
		if !stopwords[string(t.buf)] {
			fn(t.buf, hashBytes(t.buf))
			n++
		}
		t.buf = t.buf[:0]
	}
	for i := 0; i < len(text); {
		c := text[i]
		// ASCII is read here, lower-cased as ShingleFold does, without a
		// call.
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				t.buf = append(t.buf, c)
			case c >= 'A' && c <= 'Z':
				t.buf = append(t.buf, c+'a'-'A')
			case c == '\'' || c == '-' || c == '.':
				// Inside a word ("U.S.", "ट्रंप-पुतिन") they join; at
				// the edge they are punctuation.
				if len(t.buf) > 0 && i < len(text) && isWordStart(text[i:]) {
					t.buf = append(t.buf, c)
				} else {
					flush()
				}
			default:
				flush()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case r == 0x0964 || r == 0x0965 || r == 0x0970: // dandas, abbreviation sign
			flush()
		case normalize.DevanagariKept(r):
			t.buf = utf8.AppendRune(t.buf, r)
		case r >= 0x0900 && r <= 0x097F, r == zwj, r == zwnj, unicode.IsLetter(r), unicode.IsMark(r), unicode.IsDigit(r):
			t.buf = normalize.ShingleFold.AppendRune(t.buf, r)
		default:
			flush()
		}
	}
	flush()
	return n
}

// isWordStart reports whether s starts with a letter, mark or digit.
func isWordStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// FNV-1a over bytes.
func hashBytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// mix is the splitmix64 finaliser: a bijection that spreads every input
// bit over the output.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// shingles returns the hashes of the word shingles of text (with
// repeats; the slice is reused by the next call) and the number of content
// words. A text of fewer than shingleWords content words has one shingle
// per word.
func (t *tokenizer) shingles(text string) ([]uint64, int) {
	t.toks = t.toks[:0]
	n := t.words(text, func(h uint64) { t.toks = append(t.toks, h) })
	t.sh = t.sh[:0]
	if n < shingleWords {
		for _, h := range t.toks {
			t.sh = append(t.sh, mix(h))
		}
		return t.sh, n
	}
	for i := 0; i+shingleWords <= n; i++ {
		var s uint64
		for j, x := range t.toks[i : i+shingleWords] {
			s = mix(s ^ (x + uint64(j+1)*0x9e3779b97f4a7c15))
		}
		t.sh = append(t.sh, s)
	}
	return t.sh, n
}

// Words calls fn with every content word of text and its hash, in order:
// words folded as for shingles (nukta, ZWJ and ZWNJ dropped, chandrabindu
// as anusvara, digits as ASCII, Latin lower-cased), function words left
// out. The word slice is only valid during the call. Stories use the same
// words for their term vectors.
func Words(text string, fn func(word []byte, hash uint64)) int {
	var t tokenizer
	return t.each(text, fn)
}

// IsStopword reports whether the folded word w is a function word that
// Words leaves out.
func IsStopword(w string) bool { return stopwords[w] }
