package textscan

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"khabar/internal/normalize"
)

// Kind is what a token is made of.
type Kind uint8

// Token kinds.
const (
	// Word is a run of word runes (Options.IsWordRune).
	Word Kind = iota + 1
	// Number is a run of decimal digits of any script; only with
	// Options.Numbers.
	Number
	// Punct is one rune that is neither white space nor part of a word,
	// number or quotation mark.
	Punct
	// Quote is a run of one quotation mark ("“", "‘‘", two ASCII
	// apostrophes); only with Options.Quotes.
	Quote
)

// Role is the part a quotation mark can play. Both is Open|Close.
type Role uint8

// Quotation mark roles.
const (
	// Open marks “ ‘ « „ (they open a quotation).
	Open Role = 1 << iota
	// Close marks ” ’ » (they close one).
	Close
	// Both marks the straight double quote and two ASCII apostrophes
	// (either role).
	Both = Open | Close
)

// Token is one word, number, punctuation mark or quotation mark of a text.
type Token struct {
	// Start and End are the byte span of the token in the text.
	Start, End int
	// Key is what to match on: normalize.Fold of a word, the ASCII digits
	// of a number (normalize.Digits), the text itself otherwise.
	Key string
	// Kind says what the token is.
	Kind Kind
	// Role is the role of a Quote token, 0 for the other kinds.
	Role Role
	// Space is true when white space, or the start of the text, comes
	// right before the token.
	Space bool
	// Break is true when that white space holds a line break.
	Break bool
}

// Options are the ways the callers of Scan and Scanner read text
// differently.
// The zero value makes digits part of words and quotation marks plain
// punctuation.
type Options struct {
	// Numbers makes each run of decimal digits of any script (ASCII,
	// Devanagari, …, as normalize.DigitValue reads them) a Number token.
	// Without it digits are word runes, like letters: "G20" and "२०२५"
	// are words.
	Numbers bool
	// Quotes makes quotation marks Quote tokens, a run of one mark ("‘‘")
	// being one token. Without it every mark is a Punct token of its own.
	Quotes bool
	// WordApostrophe makes a single ’ between two word runes ("Putin’s")
	// a Punct token instead of a closing quotation mark. Needs Quotes.
	WordApostrophe bool
	// DoubleApostrophe makes a run of two or more ASCII apostrophes a
	// quotation mark with role Both. Needs Quotes.
	DoubleApostrophe bool
}

const (
	zwnj = '\u200c'
	zwj  = '\u200d'
)

// IsWordRune reports whether r is part of a word: a letter or a
// combining mark of any script, ZWJ or ZWNJ, and a digit unless
// o.Numbers. Devanagari signs that are punctuation (danda, double danda,
// abbreviation sign U+0970) are not.
func (o Options) IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || !o.Numbers && r >= '0' && r <= '9'
	}
	if r >= 0x0900 && r <= 0x097F { // Devanagari, the common case
		if r >= 0x0964 && r <= 0x0970 { // dandas, digits, abbreviation sign
			return !o.Numbers && normalize.DigitValue(r) >= 0
		}
		return true
	}
	return unicode.IsLetter(r) || unicode.In(r, unicode.Mn, unicode.Mc) || r == zwnj || r == zwj ||
		!o.Numbers && unicode.IsDigit(r)
}

// IsStop reports whether the punctuation key ends a sentence: a danda,
// a double danda, "|" (typed for a danda), "?" or "!". The full stop is
// left to the caller, since it also ends abbreviations ("U.S.", "ई.").
func IsStop(key string) bool {
	switch key {
	case "।", "?", "!", "॥", "|":
		return true
	}
	return false
}

// Scan splits text into tokens. White space (with U+200B, U+FEFF and soft
// hyphens) separates tokens and is no token itself; invalid UTF-8 bytes
// are Punct tokens of one byte.
func Scan(text string, opts Options) []Token {
	toks := make([]Token, 0, len(text)/5+1)
	for s := NewScanner(text, opts); s.Scan(); {
		toks = append(toks, s.Token())
	}
	return toks
}

// Scanner reads the tokens of one text one at a time, as Scan splits
// them: the way for a caller to build tokens of its own type without a
// second slice.
type Scanner struct {
	text string
	opts Options
	// pos is where the next token is looked for.
	pos int
	// space and brk are what Token.Space and Token.Break will be.
	space, brk bool
	tok        Token
	// cache maps the words Fold had to change to their keys: news text
	// repeats its words.
	cache map[string]string
}

// NewScanner returns a Scanner at the start of text.
func NewScanner(text string, opts Options) *Scanner {
	return &Scanner{text: text, opts: opts, space: true}
}

// Token returns the token the last call to Scan read.
func (s *Scanner) Token() Token { return s.tok }

// Scan reads the next token, for Token to return, and reports whether
// there was one before the end of the text.
func (s *Scanner) Scan() bool {
	text := s.text
	for i := s.pos; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = normalize.DecodeRune(text[i:])
		}
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u00ad' {
			s.space = true
			if r == '\n' {
				s.brk = true
			}
			i += size
			continue
		}
		t := Token{Start: i, End: i + size, Kind: Punct, Space: s.space, Break: s.brk}
		switch {
		case s.opts.Numbers && normalize.DigitValue(r) >= 0:
			for t.End < len(text) {
				r2, s2 := rune(text[t.End]), 1
				if r2 >= utf8.RuneSelf {
					r2, s2 = normalize.DecodeRune(text[t.End:])
				}
				if normalize.DigitValue(r2) < 0 {
					break
				}
				t.End += s2
			}
			t.Kind, t.Key = Number, normalize.Digits(text[i:t.End])
		case s.opts.IsWordRune(r):
			ascii := r < utf8.RuneSelf
			// whether the word is plain Devanagari, read as it is scanned
			var pl plain
			if !ascii {
				pl.step(r)
			}
			for t.End < len(text) {
				if e := t.End; text[e] == 0xE0 && e+2 < len(text) && text[e+1]|1 == 0xA5 && text[e+2]&0xC0 == 0x80 {
					// Devanagari, the common case, read here: a word
					// rune but for the dandas, the abbreviation sign and
					// (with Numbers) the digits
					r2 := rune(text[e+1]&0x3F)<<6 | rune(text[e+2]&0x3F)
					if r2 >= 0x0964 && r2 <= 0x0970 && (s.opts.Numbers || r2 < 0x0966 || r2 > 0x096F) {
						break
					}
					if ascii {
						ascii = false
						pl.bad = true // ASCII before: no plain Devanagari word
					}
					pl.step(r2)
					t.End += 3
					continue
				}
				// "U.S." and "ई." keep their dots out; "फिर-से" splits.
				r2, s2 := rune(text[t.End]), 1
				if r2 >= utf8.RuneSelf {
					r2, s2 = normalize.DecodeRune(text[t.End:])
				}
				if !s.opts.IsWordRune(r2) {
					break
				}
				if ascii && r2 >= utf8.RuneSelf {
					ascii = false
					pl.bad = true // ASCII before: no plain Devanagari word
				}
				if !ascii {
					pl.step(r2)
				}
				t.End += s2
			}
			t.Kind, t.Key = Word, s.fold(text[i:t.End], ascii, !ascii && pl.ok())
		case s.opts.Quotes && (role(r) != 0 || s.opts.DoubleApostrophe && r == '\'' && i+1 < len(text) && text[i+1] == '\''):
			for t.End < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[t.End:])
				if r2 != r {
					break
				}
				t.End += s2
			}
			t.Key = text[i:t.End]
			if !(s.opts.WordApostrophe && r == '’' && t.End-i == size && s.inWord(i, t.End)) {
				t.Kind, t.Role = Quote, role(r)
				if r == '\'' {
					t.Role = Both
				}
			}
		default:
			t.Key = text[i:t.End]
		}
		s.tok, s.pos = t, t.End
		s.space, s.brk = false, false
		return true
	}
	s.pos = len(text)
	return false
}

// role says whether r is a quotation mark, and which. The ASCII
// apostrophe is not: it is one only doubled (Options.DoubleApostrophe).
func role(r rune) Role {
	switch r {
	case '“', '‘', '«', '„':
		return Open
	case '”', '’', '»':
		return Close
	case '"':
		return Both
	}
	return 0
}

// inWord reports whether word runes stand on both sides of text[i:j].
func (s *Scanner) inWord(i, j int) bool {
	if i == 0 || j == len(s.text) {
		return false
	}
	p, _ := utf8.DecodeLastRuneInString(s.text[:i])
	n, _ := utf8.DecodeRuneInString(s.text[j:])
	return s.opts.IsWordRune(p) && s.opts.IsWordRune(n)
}

// fold returns normalize.Fold(w), the key of the word w that is all ASCII
// if ascii. Fold keeps a lower-case ASCII word and a plain Devanagari word
// as they are, and only lower-cases other ASCII words; the keys of the
// other words are kept in a cache.
func (s *Scanner) fold(w string, ascii, plainWord bool) string {
	if ascii && !hasUpper(w) || plainWord {
		return w
	}
	if k, ok := s.cache[w]; ok {
		return k
	}
	var k string
	if ascii {
		k = lowerASCII(w)
	} else {
		k = normalize.Fold(w)
	}
	if s.cache == nil {
		s.cache = make(map[string]string, 64)
	}
	s.cache[w] = k
	return k
}

// plainDeva reports whether w is Devanagari that normalize.Fold leaves as
// it is: no nukta, chandrabindu, precomposed nukta letter (ऩ ऱ ऴ among
// them, which Fold writes न र ळ), independent vowel followed by a vowel
// sign, aa sign followed by the e, ai or candra e sign, stress or tone
// mark (NFC may reorder them), and a virama only inside the word after a
// consonant that is no nasal ("स्थित", not "जगत्" or "सम्बन्ध", whose
// viramas Fold drops or makes anusvara); nothing but letters, signs,
// anusvara and visarga. Most words of Hindi news are
// plain (about 97% of the Devanagari words of the five-papers news).
func plainDeva(w string) bool {
	var pl plain
	for i := 0; i < len(w); {
		r, size := normalize.DecodeRune(w[i:])
		i += size
		pl.step(r)
	}
	return pl.ok()
}

// plain reads a word one rune at a time for plainDeva.
type plain struct {
	bad  bool  // a rune that Fold may change, or in a place it changes
	prev uint8 // the devaClass bits of the rune before
}

// The devaClass bits of a Devanagari rune.
const (
	cBad     = 1 << iota // never plain: nukta, nukta letters, stress marks, …
	cVirama              // plain only after a cKeeps consonant, not last
	cVowel               // an independent vowel: no vowel sign may follow
	cAA                  // the aa sign: no e, ai or candra e sign may follow
	cAfterAA             // the e, ai and candra e signs
	cSign                // a sign that may not follow an independent vowel
	cKeeps               // a consonant other than the nasals ङ ञ ण न म
)

// devaClass holds the class bits of U+0900–U+097F (see plainDeva).
var devaClass = func() (t [128]uint8) {
	for i := range t {
		r := rune(0x0900 + i)
		var c uint8
		switch {
		case (r < 0x0905 || r > 0x0963) && r != 0x0902 && r != 0x0903,
			r == 0x093C || r >= 0x0958 && r <= 0x095F || r == 0x0929 || r == 0x0931 || r == 0x0934,
			r >= 0x0951 && r <= 0x0954:
			c = cBad
		}
		if r == 0x094D {
			c |= cVirama
		}
		if r >= 0x0905 && r <= 0x0914 {
			c |= cVowel
		}
		if r == 0x093E {
			c |= cAA
		}
		if r == 0x0945 || r == 0x0947 || r == 0x0948 {
			c |= cAfterAA
		}
		if r >= 0x093A && r <= 0x094F || r >= 0x0955 && r <= 0x0957 || r == 0x0962 || r == 0x0963 {
			c |= cSign
		}
		if r >= 0x0915 && r <= 0x0939 && r != 0x0919 && r != 0x091E && r != 0x0923 && r != 0x0928 && r != 0x092E {
			c |= cKeeps
		}
		t[i] = c
	}
	return t
}()

// step reads the next rune r of the word.
func (p *plain) step(r rune) {
	c := uint8(cBad)
	if d := uint32(r) - 0x0900; d < 0x80 {
		c = devaClass[d]
	}
	p.bad = p.bad || c&cBad != 0 || c&cVirama != 0 && p.prev&cKeeps == 0 ||
		c&cSign != 0 && p.prev&cVowel != 0 || c&cAfterAA != 0 && p.prev&cAA != 0
	p.prev = c
}

// ok reports whether the word read so far is plain: nothing Fold
// changes, and no virama at its end.
func (p *plain) ok() bool { return !p.bad && p.prev&cVirama == 0 }

// hasUpper reports whether the ASCII string s holds an upper-case letter.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

// lowerASCII returns the ASCII string s in lower case, which is what
// normalize.Fold makes of an ASCII word.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Estimate returns about how many tokens Scan finds in text, a little more
// for running text, to size the slices that hold them: a count of the
// spaces, line breaks and common punctuation, which takes a fraction of
// the scan's time. Text of few spaces (code, tables) may hold more; a
// slice appended past the estimate grows as usual.
func Estimate(text string) int {
	n := strings.Count(text, " ") + strings.Count(text, "\n") + strings.Count(text, ",") +
		strings.Count(text, ".") + strings.Count(text, "।")
	return n + n/8 + 16
}
