package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Code points Text and Fold treat specially.
const (
	zwnj   = '\u200C'
	zwj    = '\u200D'
	nukta  = '\u093C'
	virama = '\u094D'
	danda  = '\u0964'
	ddanda = '\u0965'
)

// Text returns s in khabar's canonical form for article text: NFC,
// consistent nukta letters, no invisible characters, normalised dandas,
// spaces and line breaks. The package documentation lists every rule.
func Text(s string) string {
	if s == "" {
		return s
	}
	// nfcLines checks every line with quickNFC (the check of the whole
	// text, line after line) and puts through NFC those it is unsure of
	s = nfcLines(strip(s))
	return layout(s)
}

// nfcLines returns norm.NFC.String(s), putting through NFC only the lines
// of s that quickNFC is unsure of (the precomposed nukta letters, which
// NFC takes apart, make a Hindi text fail it): a line break is a
// character that never reorders or combines with its neighbours, so NFC
// of the text is NFC of each line, joined by the breaks.
func nfcLines(s string) string {
	var b []byte // the lines so far, once one changed
	for start := 0; start <= len(s); {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		line := s[start:end]
		if !quickNFC(line) {
			if n := norm.NFC.String(line); n != line {
				if b == nil {
					b = make([]byte, 0, len(s)+len(s)/16)
					b = append(b, s[:start]...)
				}
				line = n
			}
		}
		if b != nil {
			b = append(b, line...)
			if end < len(s) {
				b = append(b, '\n')
			}
		}
		start = end + 1
	}
	if b == nil {
		return s
	}
	return string(b)
}

// quickNFC reports whether s is certainly in NFC, for the common case of
// text made of ASCII, Devanagari, general punctuation and currency signs;
// it answers false (not known) for anything else. It is a faster stand-in
// for the NFC quick check on Hindi text.
func quickNFC(s string) bool {
	var prev rune
	var prevCCC uint8
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			prev, prevCCC = rune(c), 0
			i++
			continue
		}
		if i+2 >= len(s) || c != 0xE0 && c != 0xE2 {
			return false
		}
		r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		var ccc uint8
		switch {
		case r >= 0x0900 && r <= 0x097F:
			switch {
			case r >= 0x0958 && r <= 0x095F:
				return false // decomposes
			case r == nukta:
				if composeNukta(prev) != 0 {
					return false // composes with the consonant before
				}
				ccc = 7
			case r == virama:
				ccc = 9
			case r == 0x0951 || r == 0x0953 || r == 0x0954:
				ccc = 230
			case r == 0x0952:
				ccc = 220
			}
		case r >= 0x2002 && r <= 0x206F, r >= 0x20A0 && r <= 0x20CF:
		default:
			return false
		}
		if ccc != 0 && prevCCC > ccc {
			return false // marks out of canonical order
		}
		prev, prevCCC = r, ccc
		i += 3
	}
	return true
}

// strip maps line breaks and spaces and drops invisible characters. It
// runs before NFC so that dropping a character can never leave text that
// is not NFC.
func strip(s string) string {
	if !needsStrip(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	// virama is true while the combining marks after the last base
	// character written include a virama.
	virama := false
	// next is the first visible rune at or after byte nextAt, cached so a
	// long run of invisible characters is scanned once.
	next, nextAt := rune(-1), -1
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			virama = false
			switch {
			case c == '\r':
				b = append(b, '\n')
				if i+1 < len(s) && s[i+1] == '\n' {
					i++
				}
			case c == '\t':
				b = append(b, ' ')
			case c == '\v' || c == '\f':
				b = append(b, '\n')
			case c == '\n' || (c >= 0x20 && c != 0x7F):
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := DecodeRune(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = utf8.AppendRune(b, utf8.RuneError)
		case r == zwj || r == zwnj:
			if i >= nextAt {
				next, nextAt = nextVisible(s[i:])
				nextAt += i
			}
			if keepJoiner(r, b, virama, next) {
				b = utf8.AppendRune(b, r)
				virama = false
			}
		case r == '\u0085' || r == '\u2028':
			b = append(b, '\n')
		case r == '\u2029':
			b = append(b, '\n', '\n')
		case isSpace(r):
			b = append(b, ' ')
		case isInvisible(r):
		default:
			b = append(b, s[i:i+size]...)
			if isVirama(r) {
				virama = true
			} else if !isMark(r) {
				virama = false
			}
			i += size
			continue
		}
		virama = false
		i += size
	}
	return string(b)
}

// needsStrip reports whether strip would change s.
func needsStrip(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n') || c == 0x7F {
				return true
			}
			i++
			continue
		}
		r, size := DecodeRune(s[i:])
		if (r == utf8.RuneError && size == 1) || r == zwj || r == zwnj ||
			r == '\u0085' || r == '\u2028' || r == '\u2029' || isSpace(r) || isInvisible(r) {
			return true
		}
		i += size
	}
	return false
}

// isSpace reports whether r is a space separator other than U+0020.
func isSpace(r rune) bool {
	switch {
	case r == '\u00A0' || r == '\u1680' || r == '\u202F' || r == '\u205F' || r == '\u3000':
		return true
	case r >= '\u2000' && r <= '\u200A':
		return true
	}
	return false
}

// isInvisible reports whether r is a non-ASCII character Text drops
// outright (ZWJ and ZWNJ are decided by context, elsewhere).
func isInvisible(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9F: // C1 controls (NEL is mapped before this)
		return true
	case r == '\u00AD', r == '\u061C', r == '\u180E',
		r == '\u200B', r == '\u200E', r == '\u200F', r == '\u2060',
		r == '\uFEFF', r == '\uFFFE', r == '\uFFFF':
		return true
	case r >= '\u202A' && r <= '\u202E', r >= '\u2061' && r <= '\u2069':
		return true
	}
	return false
}

// keepJoiner decides whether a ZWJ or ZWNJ carries meaning, given the
// output so far, whether the marks at its end include a virama, and the
// next visible rune of the input.
func keepJoiner(r rune, out []byte, virama bool, next rune) bool {
	if next < 0 {
		return false
	}
	// Conjunct control: a virama before, a letter after.
	if virama && unicode.IsLetter(next) {
		return true
	}
	prev, _ := utf8.DecodeLastRune(out)
	if r == zwnj && isArabic(prev) && isArabic(next) {
		return true
	}
	if r == zwj && isPictographic(prev) && isPictographic(next) {
		return true
	}
	return false
}

// nextVisible returns the first rune of s that strip would not drop and
// its byte offset, or -1 and len(s).
func nextVisible(s string) (rune, int) {
	for i, r := range s {
		if r == zwj || r == zwnj || isInvisible(r) {
			continue
		}
		return r, i
	}
	return -1, len(s)
}

// isMark reports whether r is a combining mark (Mn or Mc).
func isMark(r rune) bool {
	if r >= 0x0900 && r <= 0x097F { // Devanagari, the common case
		return (r >= 0x0900 && r <= 0x0903) || (r >= 0x093A && r <= 0x094F && r != 0x093D) ||
			(r >= 0x0951 && r <= 0x0957) || r == 0x0962 || r == 0x0963
	}
	return unicode.In(r, unicode.Mn, unicode.Mc)
}

// isVirama reports whether r is the virama (halant) of an Indic script.
func isVirama(r rune) bool {
	switch r {
	case '\u094D', '\u09CD', '\u0A4D', '\u0ACD', '\u0B4D', '\u0BCD', '\u0C4D', '\u0CCD', '\u0D4D':
		return true
	}
	return false
}

func isArabic(r rune) bool {
	return (r >= 0x0600 && r <= 0x06FF) || (r >= 0x0750 && r <= 0x077F) ||
		(r >= 0x08A0 && r <= 0x08FF) || (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF)
}

func isPictographic(r rune) bool {
	return r == '\uFE0F' || (r >= 0x1F3FB && r <= 0x1F3FF) || unicode.Is(unicode.So, r)
}

// isDeva reports whether r is a Devanagari letter, sign or digit (not a
// danda).
func isDeva(r rune) bool {
	return (r >= 0x0900 && r <= 0x097F && r != danda && r != ddanda) || (r >= 0xA8E0 && r <= 0xA8FF)
}

// isDevaLetter reports whether r is a Devanagari letter or sign (no
// digits, no dandas).
func isDevaLetter(r rune) bool {
	return isDeva(r) && DevanagariDigit(r) < 0
}

// isPipe reports whether r is an ASCII pipe or a look-alike typed as a
// danda.
func isPipe(r rune) bool {
	return r == '|' || r == '\uFF5C' || r == '\u01C0' || r == '\u2223'
}

func isDandaLike(r rune) bool {
	return r == danda || r == ddanda || isPipe(r)
}

// isClosing reports whether r closes a quotation or bracket.
func isClosing(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '’', '”', '»', '›':
		return true
	}
	return unicode.In(r, unicode.Pe, unicode.Pf)
}

// dandaFollows reports whether the text after a danda candidate allows
// reading it as a danda: end of line, a space, another danda or a closing
// quote.
func dandaFollows(rest string) bool {
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return r == ' ' || r == '\n' || isDandaLike(r) || isClosing(r)
}

// layout rewrites spaces, lines and dandas and repairs Devanagari
// sequences, on NFC text.
func layout(s string) string {
	w := writer{b: make([]byte, 0, len(s)+8)}
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\n' {
			w.newline()
			i++
			continue
		}
		if c == ' ' {
			w.space = w.lineStart < len(w.b) // no leading spaces
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = DecodeRune(s[i:])
		}
		rest := s[i+size:]
		switch {
		case (r == danda || r == ddanda) ||
			(isPipe(r) && (w.afterDanda() || (isDeva(w.last) && dandaFollows(rest)))) ||
			(r == 'l' && isDevaLetter(w.last) && dandaFollows(rest)):
			w.danda(r == ddanda)
		default:
			w.rune(r, s[i:i+size])
		}
		i += size
	}
	return string(w.b)
}

// writer accumulates layout's output.
type writer struct {
	b []byte
	// lineStart is where the current line starts in b.
	lineStart int
	// blank is the number of line breaks waiting to be written.
	blank int
	// space is true when a space waits to be written before the next
	// character of the line.
	space bool
	// forceSpace is true right after a danda: the next character gets a
	// space before it unless it is a closing quote.
	forceSpace bool
	// last is the last character written on the current line.
	last rune
}

func (w *writer) newline() {
	if len(w.b) > 0 {
		if w.lineStart < len(w.b) {
			w.blank = 1
		} else if w.blank < 2 {
			w.blank++
		}
	}
	w.space, w.forceSpace, w.last = false, false, 0
	w.lineStart = len(w.b) + w.blank
}

// flush writes waiting line breaks and the space before the next
// character r.
func (w *writer) flush(r rune) {
	if w.blank > 0 {
		for range w.blank {
			w.b = append(w.b, '\n')
		}
		w.blank = 0
		w.lineStart = len(w.b)
	}
	if w.space || (w.forceSpace && !isClosing(r)) {
		w.b = append(w.b, ' ')
	}
	w.space, w.forceSpace = false, false
}

func (w *writer) afterDanda() bool {
	return w.last == danda || w.last == ddanda
}

// danda writes a danda (or a double danda), merging it with a danda just
// before.
func (w *writer) danda(double bool) {
	if w.afterDanda() {
		if w.last == danda {
			w.b = w.b[:len(w.b)-len("।")]
			w.b = append(w.b, "॥"...)
			w.last = ddanda
		}
		w.space, w.forceSpace = false, true
		return
	}
	w.space = false
	w.flush(danda)
	w.last = danda
	if double {
		w.last = ddanda
	}
	w.b = utf8.AppendRune(w.b, w.last)
	w.forceSpace = true
}

// rune writes r (whose encoding is enc), repairing Devanagari sequences.
func (w *writer) rune(r rune, enc string) {
	if w.space || w.forceSpace || w.blank > 0 || w.lineStart == len(w.b) {
		w.flush(r)
		w.b = append(w.b, enc...)
		w.last = r
		return
	}
	switch {
	case r == nukta:
		if w.nukta() {
			return
		}
	case isVowelSign(r):
		if v := oneVowel(w.last, r); v != 0 {
			w.b = w.b[:len(w.b)-utf8.RuneLen(w.last)]
			w.b = utf8.AppendRune(w.b, v)
			w.last = v
			return
		}
	}
	w.b = append(w.b, enc...)
	w.last = r
}

// nukta handles a nukta that follows w.last directly and reports whether
// it has been dealt with (dropped or moved).
func (w *writer) nukta() bool {
	switch {
	case w.last == nukta || hasNukta(w.last):
		return true // second nukta
	case isVowelSign(w.last):
		// "कि़": find the letter before the vowel sign.
		body := w.b[w.lineStart : len(w.b)-utf8.RuneLen(w.last)]
		prev, size := utf8.DecodeLastRune(body)
		if prev == nukta || hasNukta(prev) {
			return true
		}
		if !isConsonant(prev) {
			return false
		}
		vs := w.last
		w.b = w.b[:len(w.b)-utf8.RuneLen(vs)-size]
		if c := composeNukta(prev); c != 0 {
			w.b = utf8.AppendRune(w.b, c)
		} else {
			w.b = utf8.AppendRune(w.b, prev)
			w.b = utf8.AppendRune(w.b, nukta)
		}
		w.b = utf8.AppendRune(w.b, vs)
		return true
	}
	return false
}

// isConsonant reports whether r is a Devanagari consonant.
func isConsonant(r rune) bool {
	return (r >= 0x0915 && r <= 0x0939) || (r >= 0x0958 && r <= 0x095F) || (r >= 0x0978 && r <= 0x097F)
}

// hasNukta reports whether r is a consonant that NFC keeps precomposed
// with its nukta.
func hasNukta(r rune) bool {
	return r == 0x0929 || r == 0x0931 || r == 0x0934
}

// composeNukta returns the precomposed form of consonant + nukta that NFC
// uses, or 0 if NFC keeps the pair decomposed.
func composeNukta(r rune) rune {
	switch r {
	case 0x0928:
		return 0x0929
	case 0x0930:
		return 0x0931
	case 0x0933:
		return 0x0934
	}
	return 0
}

// isVowelSign reports whether r is a Devanagari dependent vowel sign.
func isVowelSign(r rune) bool {
	return (r >= 0x093A && r <= 0x094C && r != nukta && r != 0x093D) ||
		r == 0x094E || r == 0x094F || (r >= 0x0955 && r <= 0x0957) || r == 0x0962 || r == 0x0963
}

// oneVowel returns the independent vowel or vowel sign that v followed
// by vowel sign s imitates, or 0. The pairs are the Devanagari sequences
// the Unicode Standard (chapter 12, "Do not use") lists, and a vowel sign
// typed as two (the aa sign followed by the e or ai sign for "ो" or "ौ",
// as in "याेग", left by old font converters).
func oneVowel(v, s rune) rune {
	switch v {
	case 'ा':
		switch s {
		case 'े':
			return 'ो'
		case 'ै':
			return 'ौ'
		case 'ॅ':
			return 'ॉ'
		}
	case 'अ':
		switch s {
		case 'ा':
			return 'आ'
		case 'ॆ':
			return 'ऄ'
		case 'ॅ':
			return 'ॲ'
		case 'ॉ':
			return 'ऑ'
		case 'ॊ':
			return 'ऒ'
		case 'ो':
			return 'ओ'
		case 'ौ':
			return 'औ'
		case '\u093A':
			return '\u0973'
		case '\u093B':
			return '\u0974'
		case '\u094F':
			return '\u0975'
		case '\u0956':
			return '\u0976'
		case '\u0957':
			return '\u0977'
		}
	case 'आ':
		switch s {
		case 'ॅ':
			return 'ऑ'
		case 'ॆ':
			return 'ऒ'
		case 'े':
			return 'ओ'
		case 'ै':
			return 'औ'
		case '\u093A':
			return '\u0974'
		}
	case 'उ':
		if s == 'ु' {
			return 'ऊ'
		}
	case 'ए':
		switch s {
		case 'ॅ':
			return 'ऍ'
		case 'ॆ':
			return 'ऎ'
		case 'े':
			return 'ऐ'
		}
	}
	return 0
}

// DecodeRune is utf8.DecodeRuneInString with a short way for Devanagari,
// the common case of khabar's texts (the standard library takes its slow
// path for every character of three bytes).
func DecodeRune(s string) (rune, int) {
	if len(s) >= 3 && s[0] == 0xE0 && (s[1] == 0xA4 || s[1] == 0xA5) && s[2]&0xC0 == 0x80 {
		return rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s)
}
