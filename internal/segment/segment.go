package segment

import (
	"context"
	"slices"
	"unicode"
	"unicode/utf8"

	"khabar/internal/news"
	"khabar/internal/textscan"
)

// Stage is the pipeline stage that fills Article.Segments from
// Article.Text. It must run after normalize (offsets refer to the final
// text). The zero value is ready to use and safe for concurrent use.
type Stage struct{}

// Name returns "segment".
func (Stage) Name() string { return "segment" }

// Process sets a.Segments to Split(a.Text).
func (Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Segments = Split(a.Text)
	return nil
}

// Split returns the paragraphs, sentences and tokens of text, in byte
// offsets into text. The package documentation describes the rules. Split
// accepts any string, including invalid UTF-8 (an invalid byte is a
// symbol token of its own).
func Split(text string) *news.Segments {
	est := textscan.Estimate(text)
	seg := &news.Segments{
		Paragraphs: make([]news.Span, 0, est/40+1),
		Sentences:  make([]news.Sentence, 0, est/12+1),
		Tokens:     make([]news.Token, 0, est),
	}
	for start := 0; start < len(text); {
		end, next := lineEnd(text, start)
		ps, pe := trimSpace(text, start, end)
		if ps < pe {
			p := len(seg.Paragraphs)
			seg.Paragraphs = append(seg.Paragraphs, news.Span{Start: ps, End: pe})
			first := len(seg.Tokens)
			seg.Tokens = tokenize(text, ps, pe, seg.Tokens)
			seg.Sentences = sentences(text, seg.Tokens, first, p, seg.Sentences)
		}
		start = next
	}
	// the record keeps the tokens: not the room left over
	if cap(seg.Tokens) > len(seg.Tokens)+len(seg.Tokens)/8+64 {
		seg.Tokens = slices.Clone(seg.Tokens)
	}
	return seg
}

// lineEnd returns the end of the line starting at start and the start of
// the next one. Lines end at "\n", "\r", "\r\n", NEL, U+2028 and U+2029.
func lineEnd(text string, start int) (end, next int) {
	for i := start; i < len(text); i++ {
		switch c := text[i]; c {
		case '\n':
			return i, i + 1
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				return i, i + 2
			}
			return i, i + 1
		case 0xC2:
			if i+1 < len(text) && text[i+1] == 0x85 {
				return i, i + 2
			}
		case 0xE2:
			if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9) {
				return i, i + 3
			}
		}
	}
	return len(text), len(text)
}

// trimSpace returns [s, e) without the spaces and invisible characters at
// its ends.
func trimSpace(text string, s, e int) (int, int) {
	for s < e {
		r, size := decode(text, s, e)
		if c := class(r); c != cSpace && c != cFormat {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if c := class(r); c != cSpace && c != cFormat {
			break
		}
		e -= size
	}
	return s, e
}

// Character classes the tokenizer distinguishes.
const (
	cSym    uint8 = iota // symbols and anything else
	cSpace               // white space
	cLetter              // letters of any script
	cMark                // combining marks: vowel signs, virama, nukta, …
	cDigit               // decimal digits of any script
	cPunct               // punctuation
	cFormat              // invisible format characters (ZWJ, ZWNJ, …)
)

// asciiClass and devaClass are lookup tables for the two common blocks.
var asciiClass, devaClass = buildTables()

func buildTables() (a [128]uint8, d [128]uint8) {
	for r := range rune(128) {
		a[r] = classSlow(r)
		d[r] = classSlow(0x0900 + r)
	}
	return a, d
}

// class returns the character class of r.
func class(r rune) uint8 {
	if r < utf8.RuneSelf {
		return asciiClass[r]
	}
	if r >= 0x0900 && r <= 0x097F {
		return devaClass[r-0x0900]
	}
	return classSlow(r)
}

func classSlow(r rune) uint8 {
	switch {
	case r == utf8.RuneError:
		return cSym
	case unicode.IsSpace(r):
		return cSpace
	case unicode.IsLetter(r):
		return cLetter
	case unicode.IsMark(r):
		return cMark
	case unicode.IsDigit(r):
		return cDigit
	case unicode.Is(unicode.Cf, r):
		return cFormat
	case unicode.IsPunct(r):
		return cPunct
	}
	return cSym
}

// decode returns the rune at text[i:e] and its size.
func decode(text string, i, e int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:e])
}

// classAt returns the class of the rune at i, or cSpace at e.
func classAt(text string, i, e int) uint8 {
	if i >= e {
		return cSpace
	}
	r, _ := decode(text, i, e)
	return class(r)
}

func isASCIILetter(c byte) bool {
	return (c|0x20) >= 'a' && (c|0x20) <= 'z'
}

// tokenize appends the tokens of text[s:e] to toks.
func tokenize(text string, s, e int, toks []news.Token) []news.Token {
	// noURL is the end of the last run of host characters that held no
	// URL: tokens starting inside it skip the URL check, which keeps long
	// runs like "a.b.c.d…" linear.
	noURL := s
	for i := s; i < e; {
		r, size := decode(text, i, e)
		c := class(r)
		var end int
		var kind string
		switch c {
		case cSpace, cFormat:
			i += size
			continue
		case cLetter, cMark, cDigit:
			if i >= noURL && r < utf8.RuneSelf {
				var run int
				if end, run = scanURL(text, i, e); end > i {
					kind = news.TokSymbol
					break
				}
				noURL = run
			}
			if c == cDigit {
				end, kind = scanNumber(text, i, e)
			} else {
				end, kind = scanWord(text, i, e), news.TokWord
			}
		default:
			end = i + size
			if r != utf8.RuneError || size > 1 {
				// A run of one repeated character is one token.
				for end < e {
					r2, s2 := decode(text, end, e)
					if r2 != r {
						break
					}
					end += s2
				}
			}
			kind = news.TokSymbol
			if c == cPunct {
				kind = news.TokPunct
			}
			// Combining marks after a symbol (emoji variation selectors)
			// belong to it.
			for end < e && classAt(text, end, e) == cMark {
				_, s2 := decode(text, end, e)
				end += s2
			}
		}
		toks = append(toks, news.Token{Span: news.Span{Start: i, End: end}, Kind: kind})
		i = end
	}
	return toks
}

// scanLetters returns the end of the run of letters, marks and inner
// format characters (ZWJ, ZWNJ) starting at i.
func scanLetters(text string, i, e int) int {
	for i < e {
		r, size := decode(text, i, e)
		switch class(r) {
		case cLetter, cMark:
		case cFormat:
			if c := classAt(text, i+size, e); c != cLetter && c != cMark {
				return i
			}
		default:
			return i
		}
		i += size
	}
	return i
}

// scanWord returns the end of the word starting at i, with its
// abbreviation full stops.
func scanWord(text string, i, e int) int {
	j := i
	for j < e {
		j = scanLetters(text, j, e)
		if j >= e {
			break
		}
		c := text[j]
		switch {
		case c >= '0' && c <= '9':
			j++
			continue
		case c == '\'' || (c == 0xE2 && j+2 < e && text[j+1] == 0x80 && text[j+2] == 0x99): // ' or ’
			// An apostrophe between Latin letters: "India's".
			n := 1
			if c != '\'' {
				n = 3
			}
			if j > i && isASCIILetter(text[j-1]) && j+n < e && isASCIILetter(text[j+n]) {
				j += n
				continue
			}
		case c >= utf8.RuneSelf:
			if r, size := decode(text, j, e); class(r) == cDigit {
				j += size
				continue
			}
		}
		break
	}
	return abbreviation(text, i, j, e)
}

// dotAt returns the length of a full stop or Devanagari abbreviation sign
// "॰" at i, or 0.
func dotAt(text string, i, e int) int {
	if i >= e {
		return 0
	}
	if text[i] == '.' {
		return 1
	}
	if i+2 < e && text[i] == 0xE0 && text[i+1] == 0xA5 && text[i+2] == 0xB0 { // U+0970
		return 3
	}
	return 0
}

// short reports whether text[i:j] is short enough to be one part of a
// dotted abbreviation ("U", "Ph", "कि", "डब्ल्यू").
func short(text string, i, j int) bool {
	if j-i <= 4 {
		return true
	}
	n := 0
	for range text[i:j] {
		n++
	}
	return n <= 7 && text[i] >= utf8.RuneSelf
}

// maxParts is the most dotted parts an abbreviation has ("U.S.A.", "डब्ल्यू.एच.ओ.").
const maxParts = 6

// abbreviation extends the word text[i:j] over the full stops of an
// abbreviation, if it is one, and returns the token's end.
func abbreviation(text string, i, j, e int) int {
	d := dotAt(text, j, e)
	if d == 0 {
		return j
	}
	if d == 3 { // "॰" is only ever an abbreviation sign
		j += d
		for {
			k := scanLetters(text, j, e)
			if k == j || dotAt(text, k, e) != 3 {
				return j
			}
			j = k + 3
		}
	}
	// Dotted parts: "U.S.", "e.g.", "कि.मी.", "जे.पी.".
	if short(text, i, j) {
		parts, single := 1, runeCount(text[i:j]) == 1
		end, final := j, false
		for k := j; parts <= maxParts; {
			after := k + dotAt(text, k, e)
			if after == k {
				break
			}
			if c := classAt(text, after, e); c != cLetter {
				end, final = after, true
				break
			}
			w := scanLetters(text, after, e)
			if !short(text, after, w) {
				break
			}
			parts++
			single = single && runeCount(text[after:w]) == 1
			end, final, k = w, false, w
		}
		if parts >= 2 && parts <= maxParts && (final || single) {
			return end
		}
	}
	if isAbbrev(text[i:j]) {
		return j + 1
	}
	return j
}

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// isAbbrev reports whether w followed by a full stop is an abbreviation
// or an initial.
func isAbbrev(w string) bool {
	if len(w) == 1 {
		return w[0] >= 'A' && w[0] <= 'Z'
	}
	_, ok := abbrevs[w]
	return ok
}

// abbrevs are words written with a full stop that does not end a sentence:
// titles, Latin-script abbreviations, Hindi abbreviations, and the names of
// Latin letters written in Devanagari (initials, as "जे. पी. नड्डा").
var abbrevs = setOf(
	"Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Lt", "Col", "Capt", "Maj", "Sgt",
	"Brig", "Adm", "Cdr", "Rev", "Hon", "Gov", "Govt", "Sen", "Rep", "Supt", "Insp", "Dept",
	"Inc", "Ltd", "Co", "Corp", "Bros", "vs", "etc", "No", "Nos", "Jan", "Feb", "Mar", "Apr",
	"Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Rs", "approx", "Fig", "Vol", "Mt",
	"डॉ", "डा", "श्री", "श्रीमती", "सुश्री", "कु", "प्रो", "स्व", "मो", "रु", "रू", "पं", "सं", "मि", "ई",
	"ए", "बी", "सी", "डी", "एफ", "जी", "एच", "आई", "जे", "के", "एल", "एम", "एन", "ओ", "पी",
	"क्यू", "आर", "एस", "टी", "यू", "वी", "डब्ल्यू", "एक्स", "वाई", "जेड", "ज़ेड",
)

func setOf(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

// scanNumber returns the end and kind of the number starting at i.
func scanNumber(text string, i, e int) (int, string) {
	j := i
	for j < e {
		r, size := decode(text, j, e)
		if class(r) == cDigit {
			j += size
			continue
		}
		if c := text[j]; (c == ',' || c == '.' || c == ':' || c == '/') && classAt(text, j+1, e) == cDigit {
			j++
			continue
		}
		break
	}
	if j < e && isASCIILetter(text[j]) { // "5G", "21st"
		for j < e && (isASCIILetter(text[j]) || (text[j] >= '0' && text[j] <= '9')) {
			j++
		}
		return j, news.TokWord
	}
	return j, news.TokNumber
}
