package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// A Folding is one of khabar's folds: a set of the rules below, applied by
// one implementation (Folding.String). The seven foldings the stages use
// are named here and differ on purpose; each leaves out rules for a reason
// its doc comment gives. TestFoldingsDiffer holds the differences.
//
//   - KeyFold (Fold): every rule; matching keys for names and phrases.
//   - TermFold: the search index's fold of one token its tokenizer has cut
//     and lower-cased. It keeps what existing indexes were built with: no
//     punctuation stripped, no words joined, a word-final virama, ZWJ and
//     ZWNJ and ऩ ऱ ऴ kept, only the digits of the Indic, Arabic and
//     full-width scripts folded, Latin diacritics dropped by decomposing
//     the whole term. Changing it means a new index schema version.
//   - LineFold: a line of page text for the cleaner's vocabulary tests: no
//     nukta, lower case, runs of white space one space.
//   - NameFold: KeyFold and two rules names need (the entity stage's
//     key): the candra vowels ऑ ॉ ऍ ॅ become their plain neighbours
//     (ऑस्ट्रेलिया and आस्ट्रेलिया name one country), and an independent इ
//     inside a word becomes ई (acronyms spelled out: "एएनआइ" and "एएनआई").
//   - WordFold: a word for the recognisers' month, weekday and label tables
//     (datetime, press): no nukta, lower case; every other letter as
//     written (chandrabindu, nasal + virama), which those tables are
//     written against.
//   - AliasFold: an agency's or outlet's name, or a run of words, for the
//     press recognisers' indexes: WordFold, with spaces, no-break spaces,
//     hyphens, dashes and full stops as one space between words ("P.T.I."
//     and "p t i" are one key). Other white space is kept: the indexes
//     were built so.
//   - ShingleFold: a word of the copy detector's shingles (dedup) and the
//     stories' term vectors, folded one character at a time (AppendRune)
//     as its tokenizer reads it: no nukta, ZWJ or ZWNJ, chandrabindu as
//     anusvara, the digits of every script as ASCII, and only letters
//     below U+0530 (Latin, Greek, Cyrillic) lower-cased; nasal clusters,
//     viramas and vowels as written. Stored sketches were made with it:
//     changing it changes which stored articles are copies.
type Folding struct {
	name string
	// text: Text first, then words split at spaces, punctuation stripped
	// at the edges of each word, one space between words.
	text bool
	// lower: letters lower-cased.
	lower bool
	// nukta: which nukta forms are removed.
	nukta nuktaRule
	// candra: chandrabindu written as anusvara.
	candra bool
	// nasal: which nasal + virama clusters become anusvara.
	nasal nasalRule
	// finalVirama: a virama that ends a word dropped.
	finalVirama bool
	// joiners: ZWJ and ZWNJ dropped.
	joiners bool
	// digits: which scripts' digits become ASCII.
	digits digitRule
	// vowels: vowels written as two repaired.
	vowels bool
	// latin: how Latin diacritics go.
	latin latinRule
	// spaces: which runs become one space, none at the ends.
	spaces spaceRule
	// caseBelow: when set, only letters below it are lower-cased.
	caseBelow rune
	// candraVowels: ऑ ॉ ऍ ॅ written आ ा ए े, after the rest.
	candraVowels bool
	// innerI: an independent इ inside a word written ई, after the rest.
	innerI bool
	// nuktaFirst: FoldNukta runs before anything else, and decides
	// with the nukta gone whether the rest applies.
	nuktaFirst bool
	// when: what makes a string need folding; others are returned as
	// they are.
	when trigger
	// caseOnly: no rule but lower (and spaces) applies after the nukta
	// (set by init).
	caseOnly bool
}

func init() {
	for _, f := range []*Folding{KeyFold, NameFold, TermFold, LineFold, WordFold, AliasFold, ShingleFold} {
		g := Folding{lower: true, spaces: f.spaces, nukta: f.nukta, nuktaFirst: f.nuktaFirst, when: f.when, name: f.name}
		f.caseOnly = f.nuktaFirst && *f == g && f.spaces != spacesAlias
	}
}

type spaceRule uint8

const (
	_ spaceRule = iota // white space kept
	// spacesWhite: runs of white space one space, none at the ends.
	spacesWhite
	// spacesAlias: runs of spaces, no-break spaces, hyphens, dashes
	// (U+2010, U+2013) and full stops one space, none at the ends; other
	// white space kept.
	spacesAlias
)

// isAliasSpace reports whether r separates words for spacesAlias.
func isAliasSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '-' || r == '‐' || r == '–' || r == '.'
}

type nuktaRule uint8

const (
	nuktaKeep nuktaRule = iota
	// nuktaSign drops the nukta sign and writes U+0958–U+095F as their
	// base letters (FoldNukta).
	nuktaSign
	// nuktaAll also writes ऩ ऱ ऴ as न र ळ.
	nuktaAll
)

type nasalRule uint8

const (
	_ nasalRule = iota // nasal clusters kept
	// nasalAdjacent: nasal, virama, consonant (U+0915–U+0939,
	// U+0958–U+095F), nothing between.
	nasalAdjacent
	// nasalLoose: nasal, nukta, virama, joiners, any consonant.
	nasalLoose
)

type digitRule uint8

const (
	_ digitRule = iota // digits kept
	// digitsAll: the decimal digits of every script (DigitValue).
	digitsAll
	// digitsIndexed: the digits of the scripts in indexZeros.
	digitsIndexed
)

type latinRule uint8

const (
	_ latinRule = iota // Latin letters kept
	// latinToBase: a Latin letter with a decomposition becomes its base
	// letter, marks after a Latin letter are dropped.
	latinToBase
	// latinTerm: a term holding a Latin extended letter or a combining
	// mark below Devanagari is decomposed whole (NFD) and marks after a
	// Latin base dropped.
	latinTerm
)

type trigger uint8

const (
	_ trigger = iota // always fold
	// termNeeds: a nukta, chandrabindu, virama, nukta letter, indexed
	// digit, Latin extended letter or mark below Devanagari.
	termNeeds
	// lineNeeds: an ASCII capital, a two-byte character, tab, a line
	// break, or spaces at the start, end or doubled.
	lineNeeds
	// wordNeeds: an ASCII capital or a two-byte (Latin-1, Greek,
	// Cyrillic) letter that may have a case.
	wordNeeds
	// aliasNeeds: an ASCII capital, a separator of spacesAlias, or a
	// character outside ASCII and Devanagari that lower-casing changes.
	aliasNeeds
)

// The foldings of khabar.
var (
	// KeyFold is Fold.
	KeyFold = &Folding{name: "key", text: true, lower: true, nukta: nuktaAll, candra: true, nasal: nasalLoose,
		finalVirama: true, joiners: true, digits: digitsAll, vowels: true, latin: latinToBase}
	// NameFold is KeyFold for names.
	NameFold = &Folding{name: "name", text: true, lower: true, nukta: nuktaAll, candra: true, nasal: nasalLoose,
		finalVirama: true, joiners: true, digits: digitsAll, vowels: true, latin: latinToBase,
		candraVowels: true, innerI: true}
	// TermFold is the search index's fold of one token.
	TermFold = &Folding{name: "term", nukta: nuktaSign, candra: true, nasal: nasalAdjacent, digits: digitsIndexed,
		latin: latinTerm, when: termNeeds}
	// LineFold is the cleaner's fold of a line.
	LineFold = &Folding{name: "line", lower: true, nukta: nuktaSign, nuktaFirst: true, spaces: spacesWhite, when: lineNeeds}
	// WordFold is the recognisers' fold of a word.
	WordFold = &Folding{name: "word", lower: true, nukta: nuktaSign, nuktaFirst: true, when: wordNeeds}
	// AliasFold is the press recognisers' fold of a name.
	AliasFold = &Folding{name: "alias", lower: true, nukta: nuktaSign, nuktaFirst: true, spaces: spacesAlias,
		when: aliasNeeds}
	// ShingleFold is the copy detector's fold of a word.
	ShingleFold = &Folding{name: "shingle", lower: true, caseBelow: 0x0530, nukta: nuktaSign, candra: true,
		joiners: true, digits: digitsAll}
)

// String returns s folded.
func (f *Folding) String(s string) string {
	if f.nuktaFirst {
		s = FoldNukta(s)
	}
	if !f.needs(s) {
		return s
	}
	return f.apply(s)
}

// Bytes returns b folded: b itself when the folding changes nothing in
// it (without allocating), else a new slice.
func (f *Folding) Bytes(b []byte) []byte {
	if len(b) == 0 {
		return b
	}
	// A read-only view of b for the length of the call; the result never
	// shares it.
	s := unsafe.String(unsafe.SliceData(b), len(b))
	if f.nuktaFirst {
		return []byte(f.String(s))
	}
	if !f.needs(s) {
		return b
	}
	return []byte(f.apply(s))
}

// needs reports whether the folding may change s.
func (f *Folding) needs(s string) bool {
	switch f.when {
	case termNeeds:
		return needsTerm(s)
	case lineNeeds:
		return needsLine(s)
	case wordNeeds:
		return needsWord(s)
	case aliasNeeds:
		return needsAlias(s)
	}
	return true
}

// apply folds s by every rule of the folding.
func (f *Folding) apply(s string) string {
	if f.caseOnly {
		// Lower case (and spaces) only: the standard library's ASCII
		// paths do it faster than the loop below, with the same result.
		s = Lower(s)
		if f.spaces == spacesWhite {
			s = strings.Join(strings.Fields(s), " ")
		}
		return s
	}
	if f.text {
		s = Text(s)
	}
	w := folder{b: make([]byte, 0, len(s))}
	latinSeen := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case f.text && (r == ' ' || r == '\n'):
			w.endWord()
		case f.spaces == spacesWhite && unicode.IsSpace(r), f.spaces == spacesAlias && isAliasSpace(r):
			w.space()
		case r < utf8.RuneSelf:
			if f.lower && r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			w.put(r)
		case r == nukta && f.nukta != nuktaKeep, (r == zwj || r == zwnj) && f.joiners:
		case r == candrabindu && f.candra:
			w.put(anusvara)
		case r == virama && f.finalVirama:
			if !isWordRune(nextRune(s[i:])) {
				continue
			}
			w.put(r)
		case f.nasal == nasalAdjacent && isNasal(r):
			if n := adjacentNasal(s[i:]); n > 0 {
				w.put(anusvara)
				i += n
				continue
			}
			w.put(r)
		case f.nasal == nasalLoose && (isConsonant(r) || hasNukta(r)):
			if f.nukta == nuktaAll {
				r = stripNukta(r)
			}
			if isNasal(r) {
				if n := nasalCluster(s[i:]); n > 0 {
					w.put(anusvara)
					i += n
					continue
				}
			}
			w.put(r)
		case r >= 0x0958 && r <= 0x095F && f.nukta != nuktaKeep:
			w.put(stripNukta(r))
		case f.vowels && isVowelSign(r):
			if v := oneVowel(w.last, r); v != 0 {
				w.b = w.b[:len(w.b)-utf8.RuneLen(w.last)]
				w.put(v)
				continue
			}
			w.put(r)
		case f.digits == digitsAll && unicode.IsDigit(r):
			if d := DigitValue(r); d >= 0 {
				w.put(rune('0' + d))
			} else {
				w.put(r)
			}
		case f.digits == digitsIndexed && indexedDigit(r) >= 0:
			w.put(rune('0' + indexedDigit(r)))
		case f.latin == latinToBase && isLatinExt(r):
			w.put(latinBase(unicode.ToLower(r)))
		case f.latin == latinToBase && unicode.Is(unicode.Mn, r) && isLatinLetter(w.last):
		default:
			if f.latin == latinTerm && (isLatinExt(r) || r < 0x0900 && unicode.Is(unicode.Mn, r)) {
				latinSeen = true
			}
			// Devanagari has no case: the common runes skip the tables
			if f.lower && (f.caseBelow == 0 || r < f.caseBelow) && (r < 0x0900 || r > 0x097F) {
				r = unicode.ToLower(r)
			}
			w.put(r)
		}
	}
	switch {
	case f.text:
		w.endWord()
		if n := len(w.b); n > 0 {
			w.b = w.b[:n-1] // the space after the last word
		}
	case f.spaces != 0:
		if n := len(w.b); n > 0 && w.b[n-1] == ' ' {
			w.b = w.b[:n-1]
		}
	}
	// w.b is not written again: the string may share it.
	out := unsafe.String(unsafe.SliceData(w.b), len(w.b))
	if latinSeen {
		out = dropLatinMarks(out)
	}
	if f.candraVowels && strings.ContainsAny(out, "ऑॉऍॅ") {
		out = candraVowels.Replace(out)
	}
	if f.innerI && strings.Contains(out, "इ") {
		out = innerI(out)
	}
	return out
}

var candraVowels = strings.NewReplacer("ऑ", "आ", "ॉ", "ा", "ऍ", "ए", "ॅ", "े")

// innerI writes an independent इ inside a word as ई.
func innerI(k string) string {
	b := []byte(k)
	for i := 0; i+len("इ") <= len(b); i++ {
		if string(b[i:i+len("इ")]) == "इ" && i > 0 && b[i-1] != ' ' {
			copy(b[i:], "ई")
		}
	}
	return string(b)
}

// AppendRune appends r to b folded by the rules of the folding that read
// one character alone: case, nukta, candrabindu, ZWJ and ZWNJ, digits. It
// is how ShingleFold is applied, whose rules are all such, as a tokenizer
// reads a word; on a folding with rules that read the characters around
// (words, spaces, nasal clusters, a final virama, vowels, Latin marks),
// use String.
func (f *Folding) AppendRune(b []byte, r rune) []byte {
	if DevanagariKept(r) {
		return utf8.AppendRune(b, r)
	}
	return f.appendRune(b, r)
}

// DevanagariKept reports whether r is a Devanagari letter or sign that no
// one-character rule of a folding changes (AppendRune writes it as it
// is). It is inlined, so that a tokenizer that folds as it reads (dedup's)
// calls AppendRune only for the few characters it may change.
func DevanagariKept(r rune) bool {
	d := uint32(r) - 0x0900
	return d < 0x80 && devaKept[d>>6]>>(d&63)&1 != 0
}

// devaKept holds, a bit each, the characters of U+0900–U+097F that no
// one-character rule of a folding changes: all but candrabindu, ऩ ऱ ऴ,
// the nukta, the nukta letters and the digits.
var devaKept = func() (k [2]uint64) {
	for d := range uint32(0x80) {
		switch r := rune(0x0900 + d); {
		case r == candrabindu, r == 0x0929, r == 0x0931, r == 0x0934, r == nukta,
			r >= 0x0958 && r <= 0x095F, DevanagariDigit(r) >= 0:
		default:
			k[d>>6] |= 1 << (d & 63)
		}
	}
	return k
}()

// appendRune is AppendRune for every other character.
func (f *Folding) appendRune(b []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		if f.lower && r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	case r == nukta && f.nukta != nuktaKeep, (r == zwj || r == zwnj) && f.joiners:
		return b
	case r == candrabindu && f.candra:
		r = anusvara
	case r >= 0x0958 && r <= 0x095F && f.nukta != nuktaKeep, (r == 0x0929 || r == 0x0931 || r == 0x0934) && f.nukta == nuktaAll:
		r = stripNukta(r)
	case f.digits == digitsAll && unicode.IsDigit(r):
		if d := DigitValue(r); d >= 0 {
			return append(b, byte('0'+d))
		}
	case f.digits == digitsIndexed && indexedDigit(r) >= 0:
		return append(b, byte('0'+indexedDigit(r)))
	case f.lower && (f.caseBelow == 0 || r < f.caseBelow):
		r = unicode.ToLower(r)
	}
	return utf8.AppendRune(b, r)
}

// Name returns the folding's name: key, name, term, line, word, alias or
// shingle.
func (f *Folding) Name() string { return f.name }

// folder accumulates a fold's output.
type folder struct {
	b []byte
	// word is where the current word starts in b.
	word int
	last rune
	// pending: a space is to be written before the next letter (LineFold).
	pending bool
}

func (f *folder) put(r rune) {
	if f.pending {
		f.b = append(f.b, ' ')
		f.pending = false
	}
	if r < utf8.RuneSelf {
		f.b = append(f.b, byte(r))
	} else {
		f.b = utf8.AppendRune(f.b, r)
	}
	// Keep the letter a dropped mark belongs to as the last letter.
	f.last = r
}

// space notes white space between words: one space is written before the
// next word, none at the start.
func (f *folder) space() {
	f.pending = len(f.b) > 0
	f.last = ' '
}

// endWord trims punctuation at the edges of the current word and starts a
// new one. Words in b are each followed by one space.
func (f *folder) endWord() {
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

// needsTerm reports whether TermFold changes anything in s: cheap, so that
// plain ASCII and already folded tokens cost one scan.
func needsTerm(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == candrabindu || r == nukta || r == virama || r >= '\u0958' && r <= '\u095F':
			return true
		case indexedDigit(r) >= 0:
			return true
		case isLatinExt(r) || r < 0x0900 && unicode.Is(unicode.Mn, r):
			return true
		}
	}
	return false
}

// needsLine reports whether LineFold changes anything in s (after the nukta).
func needsLine(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		sp := c == ' '
		if c >= 'A' && c <= 'Z' || c >= 0xC2 && c <= 0xDF || c == '\t' || c == '\n' || c == '\r' || (sp && prevSpace) {
			return true
		}
		prevSpace = sp
	}
	return prevSpace
}

// needsWord reports whether WordFold lower-cases anything in s (after the
// nukta): every Devanagari word is returned as it is, without allocating.
func needsWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0xC3 && c <= 0xDF {
			return true
		}
	}
	return false
}

// needsAlias reports whether AliasFold changes anything in s (after the
// nukta): Devanagari words are returned as they are, without allocating.
func needsAlias(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' || c == ' ' || c == '-' || c == '.' {
				return true
			}
			i++
			continue
		}
		if c == 0xE0 && i+2 < len(s) && (s[i+1] == 0xA4 || s[i+1] == 0xA5) && s[i+2]&0xC0 == 0x80 {
			i += 3 // Devanagari, U+0900–U+097F: no case
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\u00a0' || r == '‐' || r == '–' || r == utf8.RuneError || unicode.ToLower(r) != r {
			return true
		}
		i += size
	}
	return false
}

// adjacentNasal reports, for the text s after a nasal consonant, the bytes
// of a virama right before a consonant of U+0915–U+0939 or U+0958–U+095F,
// or 0.
func adjacentNasal(s string) int {
	if len(s) < 3 || s[:3] != "\u094D" {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[3:])
	if r >= '\u0915' && r <= '\u0939' || r >= '\u0958' && r <= '\u095F' {
		return 3
	}
	return 0
}

// indexZeros are the zero digits of the scripts whose digits TermFold folds to
// ASCII: Arabic-Indic, the Indic scripts and full-width. Other scripts'
// digits (DigitValue reads them too) stay as written, as they were when
// existing indexes were built.
var indexZeros = []rune{
	'\u0660', '\u06F0', '\u0966', '\u09E6', '\u0A66', '\u0AE6', '\u0B66',
	'\u0BE6', '\u0C66', '\u0CE6', '\u0D66', '\uFF10',
}

// indexedDigit returns the value of r as a non-ASCII decimal digit of a
// script in indexZeros, or -1.
func indexedDigit(r rune) int {
	if r < 0x0660 {
		return -1
	}
	d := DigitValue(r)
	if d < 0 {
		return -1
	}
	for _, z := range indexZeros {
		if z == r-rune(d) {
			return d
		}
	}
	return -1
}

// dropLatinMarks decomposes s (NFD) and drops the combining marks that
// follow a Latin letter.
func dropLatinMarks(s string) string {
	d := []rune(norm.NFD.String(s))
	out := make([]rune, 0, len(d))
	for j, r := range d {
		if unicode.Is(unicode.Mn, r) && j > 0 && unicode.Is(unicode.Latin, baseBefore(d, j)) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// baseBefore returns the last rune before d[j] that is not a combining mark.
func baseBefore(d []rune, j int) rune {
	for k := j - 1; k >= 0; k-- {
		if !unicode.Is(unicode.Mn, d[k]) {
			return d[k]
		}
	}
	return 0
}

// isLatinExt reports whether r is in the Latin-1 Supplement, Latin
// Extended-A/B or Latin Extended Additional blocks.
func isLatinExt(r rune) bool {
	return (r >= 0xC0 && r <= 0x24F) || (r >= 0x1E00 && r <= 0x1EFF)
}
