package dedup

// The tokenizer as it was before its fold moved to normalize.ShingleFold
// (FuzzWordsMatchOld): the reference the tokenizer must reproduce word for
// word, so that stored sketches stay valid.

import (
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"

	"khabar/internal/normalize"
)

func oldWords(text string) []string {
	var out []string
	var buf []byte
	flush := func() {
		if len(buf) > 0 && !stopwords[string(buf)] {
			out = append(out, string(buf))
		}
		buf = buf[:0]
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				buf = append(buf, c)
			case c >= 'A' && c <= 'Z':
				buf = append(buf, c+'a'-'A')
			case c == '\'' || c == '-' || c == '.':
				if len(buf) > 0 && i < len(text) && isWordStart(text[i:]) {
					buf = append(buf, c)
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
		case r == '\u093C' || r == zwj || r == zwnj:
		case r == '\u0901':
			buf = utf8.AppendRune(buf, '\u0902')
		case normalize.DevanagariDigit(r) >= 0:
			buf = append(buf, byte('0'+normalize.DevanagariDigit(r)))
		case r >= 0x0958 && r <= 0x095F:
			buf = utf8.AppendRune(buf, [...]rune{'क', 'ख', 'ग', 'ज', 'ड', 'ढ', 'फ', 'य'}[r-0x0958])
		case r == 0x0964 || r == 0x0965 || r == 0x0970:
			flush()
		case r >= 0x0900 && r <= 0x097F:
			buf = utf8.AppendRune(buf, r)
		case r < 0x0530 && unicode.IsLetter(r):
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		case unicode.IsLetter(r) || unicode.IsMark(r):
			buf = utf8.AppendRune(buf, r)
		case unicode.IsDigit(r):
			if d := normalize.DigitValue(r); d >= 0 {
				buf = append(buf, byte('0'+d))
			} else {
				buf = utf8.AppendRune(buf, r)
			}
		default:
			flush()
		}
	}
	flush()
	return out
}

var wordSamples = []string{
	"", "ज़मीन पर ख़बर फ़ैली", "\u095bमीन \u0958लम", "हाँ, वह आया।", "२०२५ में १२ लोग", "U.S. ट्रंप-पुतिन",
	"म्\u200c\u200dब क\u0301", "ԱՐՄԵՆ Ἀθῆναι ǅ ИВАН ＡＢＣ", "১২ ٣ ۴ ９ ๓", "e\u0301 Pétain", "a\xffb", "यूएनआई॥ ॰ ऩ ऱ",
	"रॉयटर्स\u00a0‐ – न्यूज़ 'quoted' -x- .x.", "Ⅻ ² ¾",
}

func checkWords(t *testing.T, s string) {
	t.Helper()
	var got []string
	Words(s, func(w []byte, h uint64) {
		if h != hashBytes(w) {
			t.Errorf("%q: hash of %q differs", s, w)
		}
		got = append(got, string(w))
	})
	if want := oldWords(s); !slices.Equal(got, want) {
		t.Errorf("Words(%q) = %q, want %q as before", s, got, want)
	}
}

// FuzzWordsMatchOld checks that the tokenizer cuts and folds words as it
// did before its fold became normalize.ShingleFold (go test runs the
// samples).
func FuzzWordsMatchOld(f *testing.F) {
	for _, s := range wordSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkWords(t, s) })
}
