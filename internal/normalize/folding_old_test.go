package normalize

// The folds as they were before the foldings (TestFoldingsMatchOld): the
// reference each named folding must reproduce byte for byte.

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func oldFold(s string) string {
	t := Text(s)
	f := oldFolder{b: make([]byte, 0, len(t))}
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

// oldFolder accumulates Fold's output.
type oldFolder struct {
	b []byte
	// word is where the current word starts in b.
	word int
	last rune
}

func (f *oldFolder) put(r rune) {
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
func (f *oldFolder) endWord() {
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

func oldNeedsFold(term []byte) bool {
	for i := 0; i < len(term); {
		if term[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(term[i:])
		i += size
		switch {
		case r == candrabindu || r == nukta || r == virama || r >= '\u0958' && r <= '\u095F':
			return true
		case oldDigitValue(r) >= 0:
			return true
		case r >= 0xC0 && r <= 0x24F || r >= 0x1E00 && r <= 0x1EFF || r < 0x0900 && unicode.Is(unicode.Mn, r):
			return true
		}
	}
	return false
}

// oldSearchConsonant is search's consonant test.
func oldSearchConsonant(r rune) bool {
	return r >= '\u0915' && r <= '\u0939' || r >= '\u0958' && r <= '\u095F'
}

var oldZeros = []rune{
	'\u0660', '\u06F0', '\u0966', '\u09E6', '\u0A66', '\u0AE6', '\u0B66',
	'\u0BE6', '\u0C66', '\u0CE6', '\u0D66', '\uFF10',
}

// digitValue returns the value of r as a non-ASCII decimal digit of a
// script in zeros, or -1. The value is DigitValue's.
func oldDigitValue(r rune) int {
	if r < 0x0660 {
		return -1
	}
	d := DigitValue(r)
	if d < 0 || !slices.Contains(oldZeros, r-rune(d)) {
		return -1
	}
	return d
}

// oldTerm is search's fold before the foldings.
func oldTerm(term []byte) []byte {
	rs := []rune(string(term))
	out := make([]rune, 0, len(rs))
	latin := false
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case isNasal(r) && i+2 < len(rs) && rs[i+1] == virama && oldSearchConsonant(rs[i+2]):
			out = append(out, anusvara)
			i++ // the virama
		case r == candrabindu:
			out = append(out, anusvara)
		case r == nukta:
		case r >= '\u0958' && r <= '\u095F':
			// Precomposed nukta letters: their canonical decomposition is
			// base + nukta.
			out = append(out, []rune(norm.NFD.String(string(r)))[0])
		case oldDigitValue(r) >= 0:
			out = append(out, '0'+rune(oldDigitValue(r)))
		default:
			if r >= 0xC0 && r <= 0x24F || r >= 0x1E00 && r <= 0x1EFF || r < 0x0900 && unicode.Is(unicode.Mn, r) {
				latin = true
			}
			out = append(out, r)
		}
	}
	if latin {
		// Decompose and drop combining marks that follow Latin letters.
		d := []rune(norm.NFD.String(string(out)))
		out = out[:0]
		for j, r := range d {
			if unicode.Is(unicode.Mn, r) && j > 0 && unicode.Is(unicode.Latin, oldBaseBefore(d, j)) {
				continue
			}
			out = append(out, r)
		}
	}
	return []byte(string(out))
}

// baseBefore returns the last rune before d[j] that is not a combining mark.
func oldBaseBefore(d []rune, j int) rune {
	for k := j - 1; k >= 0; k-- {
		if !unicode.Is(unicode.Mn, d[k]) {
			return d[k]
		}
	}
	return 0
}

func oldLine(s string) string {
	s = FoldNukta(s)
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		sp := c == ' '
		if c >= 'A' && c <= 'Z' || c >= 0xC2 && c <= 0xDF || c == '\t' || c == '\n' || c == '\r' || (sp && prevSpace) {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean && !prevSpace {
		return s
	}
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

func oldLowerWord(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 0xC3 && c <= 0xDF {
			// ASCII capitals, or a two-byte (Latin-1, Greek, Cyrillic)
			// letter that may have a case.
			return strings.ToLower(s)
		}
	}
	return s
}

func oldTermFold(s string) string {
	if !oldNeedsFold([]byte(s)) {
		return s
	}
	return string(oldTerm([]byte(s)))
}

func oldWordFold(s string) string { return oldLowerWord(FoldNukta(s)) }

// oldNameFold is the entity packages' fold before the foldings.
func oldNameFold(s string) string {
	k := oldFold(s)
	if strings.ContainsAny(k, "ऑॉऍॅ") {
		k = strings.NewReplacer("ऑ", "आ", "ॉ", "ा", "ऍ", "ए", "ॅ", "े").Replace(k)
	}
	if strings.Contains(k, "इ") {
		b := []byte(k)
		for i := 0; i+len("इ") <= len(b); i++ {
			if string(b[i:i+len("इ")]) == "इ" && i > 0 && b[i-1] != ' ' {
				copy(b[i:], "ई")
			}
		}
		k = string(b)
	}
	return k
}

// oldAgencyKey is press's agencyKey before AliasFold.
func oldAgencyKey(s string) string {
	s = strings.ToLower(FoldNukta(s))
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == '-' || r == '‐' || r == '–' || r == ' ' || r == '\u00a0' || r == '.' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// shingleByRune folds s with ShingleFold.AppendRune, as dedup's tokenizer
// does: ShingleFold.String must fold as it does. The old fold itself is
// dedup's old tokenizer, which FuzzWordsMatchOld there holds the tokenizer
// to word for word.
func shingleByRune(s string) string {
	var b []byte
	for _, r := range s {
		b = ShingleFold.AppendRune(b, r)
	}
	return string(b)
}

// foldSamples are inputs the foldings differ on, and ordinary text.
var foldSamples = []string{
	"", " ", "  नई  \n\n दिल्ली ", "ट्रम्प", "ट्रम्\u200dप", "ऩ्क", "ज़ेलेंस्की", "\u095bमीन", "हाँ", "जगत्", "जगत्।",
	"२०२५ में", "Donald TRUMP", "Pétain Zürich", "“पुतिन”, (क्रेमलिन)", "U.S. ट्रंप-पुतिन", "अा ाे याेग",
	"१२ ৩ ٣ ۴ ９ ๓", "ÀÉÎ ǅ İstanbul", "ख़बर\tपढ़ें\r\nआगे", "\u00a0NBSP\u2009thin", "a\xffb", "ИВАН Петров",
	"इन्स्टाग्राम", "सम्बन्ध", "ङ्क ञ्च ण्ड", "ऩ्क", "म्\u200c\u200dब", "e\u0301 क\u0301", "ऱ ऴ ऩ", "ＡＢＣ", "ऑस्ट्रेलिया एएनआइ इंडिया", "ाॅ अॉ",
	"P.T.I.", "पी.टी.आई", "आईएएनएस-भाषा", "रॉयटर्स\u00a0‐ – न्यूज़", "ԱՐՄԵՆ Ἀθῆναι ǅ", "१२३ ৪ ১", "यूएनआई।", "  -.- ",
}

func checkFoldings(t *testing.T, s string) {
	t.Helper()
	for _, c := range []struct {
		f   *Folding
		old func(string) string
	}{{KeyFold, oldFold}, {NameFold, oldNameFold}, {TermFold, oldTermFold}, {LineFold, oldLine}, {WordFold, oldWordFold},
		{AliasFold, oldAgencyKey}, {ShingleFold, shingleByRune}} {
		if got, want := c.f.String(s), c.old(s); got != want {
			t.Errorf("%s(%q) = %q, want %q as before", c.f.Name(), s, got, want)
		}
	}
}

// TestFoldingsMatchOld checks that each folding folds as the fold it
// replaced did.
func TestFoldingsMatchOld(t *testing.T) {
	for _, s := range foldSamples {
		checkFoldings(t, s)
	}
}

func FuzzFoldings(f *testing.F) {
	for _, s := range foldSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkFoldings(t, s) })
}
