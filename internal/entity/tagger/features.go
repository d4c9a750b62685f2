package tagger

import (
	"khabar/internal/normalize"

	"unicode"
	"unicode/utf8"

	"khabar/internal/entity/internal/fold"
	"khabar/internal/entity/translit"
)

// featureVersion names the feature set; a model trained with another one
// is refused.
const featureVersion = 6

// Gazetteer marks the words of a sentence that belong to known names. words
// are folded tokens (lower case, nukta-free, …); Mark ORs into marks[i] a
// bit for each kind of name that covers word i, with at most 64 kinds.
type Gazetteer interface {
	Mark(words []string, marks []uint64)
}

// Feature templates: the first byte hashed into each feature.
const (
	fBias byte = iota + 1
	fWord
	fPrev
	fNext
	fPrev2
	fNext2
	fPrevWord
	fWordNext
	fPrefix
	fSuffix
	fShape
	fShape3
	fPrevSuffix
	fNextSuffix
	fGaz
	fGazPrev
	fGazNext
	fFirst
	fDot
	fLen
	fPrevNext
	fGazWord
	fTrigram
	fLexSelf
	fHeadAhead
	fTrigBehind
	fTrigAhead
	fFirstBehind
	fAcronym
	fCommon
	fFreq
	fFreqPrev
	fFreqNext
	fP1
	fP1Prev
	fP1Next
	fNearMask
	fNearOnlyO
	fNearType
	fNearTypeP1
	fCoordNext
	fCoordPrev
	// the English set's (english.go)
	fXShape
	fXPrefix
	fXClass
	fXPrevShape
	fXNextShape
	fXStyle
	fXStart
	fXShapePair
	fXWordShape
	fXGiven
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hasher builds a feature hash from its template and parts.
type hasher uint64

func start(t byte) hasher {
	return hasher((fnvOffset ^ uint64(t)) * fnvPrime)
}

func (h hasher) str(s string) hasher {
	x := uint64(h)
	for i := 0; i < len(s); i++ {
		x ^= uint64(s[i])
		x *= fnvPrime
	}
	// separator, so ("ab","c") and ("a","bc") differ
	x ^= 0xff
	x *= fnvPrime
	return hasher(x)
}

func (h hasher) num(n uint64) hasher {
	x := uint64(h)
	for i := 0; i < 8; i++ {
		x ^= n & 0xff
		x *= fnvPrime
		n >>= 8
	}
	return hasher(x)
}

// sum finishes the hash, keeping 48 bits (the model stores 48).
func (h hasher) sum() uint64 { return uint64(h) & hashMask }

const hashMask = 1<<48 - 1

// token holds what features need of one token.
type token struct {
	*alone
	gaz uint64
	// form is what the English set knows of the token's place in its
	// sentence (sentenceForm)
	form uint8
	// hint is what the first pass said, when hinted
	hint   hint
	hinted bool
}

// alone is what features need of a token on its own, the same wherever it
// occurs: a document's tokens share one per distinct token. (Its fields
// are ordered, and its numbers sized, so that it takes 128 bytes: a
// document holds one for each distinct word that the shared records do
// not hold.)
type alone struct {
	folded string // wordOf the token, "" for punctuation
	word   string // folded word; the raw token when that is punctuation
	shape  string
	// h holds the hashes of the features that depend on this token alone
	h *wordHashes
	// vec holds the token's word vectors for the models of two passes
	vec [2]*wordVec
	// lshape, with EnglishFeatures, is the token's long shape
	lshape string
	// facts is what a WordGazetteer knows of the word
	facts any
	runes int32
	// acronym is the number of letter names the token spells (ईबीआरडी: 4),
	// 0 when it is not an acronym written in Devanagari.
	acronym int32
	// nAffixes is len(h.affixes), at hand without reading h
	nAffixes int32
	lex      uint32
	// shapeID is the id of shape among the small features' (small.go),
	// 0 when it has none
	shapeID uint8
	dot     bool
	// conj is set when the word joins the items of a list (conjunctions)
	conj  bool
	punct bool
	// shared is set on the records of a wordCache, which documents tagged
	// at once share: read-only, with both vectors worked out
	shared bool
	// set is the feature set the record was made for; class, with
	// EnglishFeatures, the token's class (classOf)
	set   FeatureSet
	class uint8
}

// wordHashes are the feature hashes, and the starts of the hashes, that
// depend on one token alone: worked out once per distinct token of a
// document, they are what features would compute for it every time.
type wordHashes struct {
	asPrev, asNext, asPrev2, asNext2 uint64 // fPrev … fNext2 of the word
	asPrevSuffix, asNextSuffix       uint64
	shape                            uint64
	affixes                          []uint64 // fPrefix, fSuffix, fTrigram in order
	len, acronym, word               uint64
	prevNext                         hasher // fPrevNext with the word as prev
	prevWord                         hasher // fPrevWord with the word as prev
	wordNext                         hasher // fWordNext of the word
	freqPrev                         hasher // fFreqPrev with the word as prev
	// x holds the English set's hashes; nil for the base set, which keeps
	// the hashes of a Hindi word in 128 bytes rather than 256
	x *englishWordHashes
}

// englishWordHashes are the English set's hashes of a token alone.
type englishWordHashes struct {
	// the English set's features of the token alone (form, then own: the
	// word itself), and as the token before and after another
	xSelf, xOwn  []uint64
	xPrev, xNext []uint64
	// the starts of the English set's context features of the token
	// (englishContext)
	xStyle, xOpen, xPair hasher
}

// noEnglish stands for the English hashes of a token of the base set:
// none.
var noEnglish englishWordHashes

// en returns the English set's hashes of the token, none for the base
// set.
func (h *wordHashes) en() *englishWordHashes {
	if h.x == nil {
		return &noEnglish
	}
	return h.x
}

// hashesOf works out the wordHashes of token tk.
func hashesOf(tk *alone) *wordHashes {
	w := tk.word
	h := &wordHashes{
		asPrev: start(fPrev).str(w).sum(), asNext: start(fNext).str(w).sum(),
		asPrev2: start(fPrev2).str(w).sum(), asNext2: start(fNext2).str(w).sum(),
		asPrevSuffix: start(fPrevSuffix).str(suffix(w, 2)).sum(),
		asNextSuffix: start(fNextSuffix).str(suffix(w, 2)).sum(),
		shape:        start(fShape).str(tk.shape).sum(),
		len:          start(fLen).num(uint64(min(tk.runes, 8))).sum(),
		acronym:      start(fAcronym).num(uint64(min(tk.acronym, 5))).sum(),
		word:         start(fWord).str(w).sum(),
		prevNext:     start(fPrevNext).str(w),
		prevWord:     start(fPrevWord).str(w),
		wordNext:     start(fWordNext).str(w),
		freqPrev:     start(fFreqPrev).str(w),
	}
	h.affixes = affixHashes(nil, w, int(tk.runes))
	if tk.set == EnglishFeatures {
		h.x = &englishWordHashes{}
		englishHashes(h.x, tk)
	}
	return h
}

const (
	bos = "<s>"
	eos = "</s>"
)

// edge stands for the token before the first and after the last.
var edge = struct{ bos, eos *wordHashes }{
	bos: hashesOf(&alone{word: bos}),
	eos: hashesOf(&alone{word: eos}),
}

// prepare computes the per-token information of a sentence.
// hs, when not nil, are the first pass's hints for a second pass.
func prepare(tokens []string, gaz Gazetteer, lex lexicon, hs []hint, set FeatureSet) []token {
	return prepareMemo(tokens, gaz, lex, hs, nil, set)
}

// memo keeps what prepare works out of each distinct token of a document,
// so that a word repeated in it is folded and looked up once.
type memo struct {
	tok map[string]*alone
	// words, when not nil, are the folded words of the sentence being
	// prepared
	words []string
	// gaz, when the gazetteer is a WordGazetteer, gives each record its
	// facts
	gaz WordGazetteer
	// scratch space of prepareMemo, reused from sentence to sentence
	scratchWords []string
	scratchMarks []uint64
	scratchFacts []any
	// shared, when not nil, keeps the records of frequent tokens across
	// documents (see wordCache)
	shared *wordCache
	// slab, when long enough, is where prepareMemo puts the tokens of the
	// next sentence: one allocation for a document
	slab []token
}

// memo returns a memo for the documents m tags, with m's shared records
// and gazetteer.
func (m *Model) memo() *memo {
	mm := newMemo()
	mm.shared = m.wordCache()
	mm.gaz, _ = m.gaz.(WordGazetteer)
	return mm
}

func newMemo() *memo {
	return &memo{tok: map[string]*alone{}}
}

// WordGazetteer is a Gazetteer that works out what it knows of each word
// once: a document's token records keep it (and the records shared between
// documents keep it for them all), so that marking a sentence looks
// nothing up.
type WordGazetteer interface {
	Gazetteer
	// WordFacts returns what the gazetteer knows of the folded word w
	// (not ""), never nil.
	WordFacts(w string) any
	// MarkWords is Mark, given the WordFacts of each word.
	MarkWords(words []string, facts []any, marks []uint64)
}

// info returns the memo's record of token t, whose folded word is word
// when known ("" and false when not).
func (mm *memo) info(t string, lex lexicon, word string, known bool, set FeatureSet) *alone {
	// most tokens are frequent ones the shared records hold: those are
	// not kept in the document's map too
	if x := mm.shared.get(t); x != nil {
		return x
	}
	if x, ok := mm.tok[t]; ok {
		return x
	}
	if !known {
		word = wordOf(t)
	}
	x := aloneOf(t, word, lex, set)
	if mm.gaz != nil && word != "" {
		x.facts = mm.gaz.WordFacts(word)
	}
	if mm.shared != nil {
		x = mm.shared.put(t, x)
	}
	mm.tok[t] = x
	return x
}

// aloneOf is prepare's work on token t alone, given its folded word, for
// feature set set.
func aloneOf(t, word string, lex lexicon, set FeatureSet) *alone {
	w := word
	if w == "" {
		w = t
	}
	tk := &alone{folded: word, word: w, shape: shapeOf(t), dot: len(t) > 1 && (t[len(t)-1] == '.'), runes: int32(utf8.RuneCountInString(w))}
	tk.punct = word == "" || word == "-"
	tk.shapeID = shapeID(tk.shape)
	tk.conj = conjunctions[w]
	if l, ok := translit.Spelled(w); ok {
		tk.acronym = int32(len(l))
	}
	if lex != nil && word != "" {
		tk.lex = lex[word]
	}
	if set == EnglishFeatures {
		tk.set, tk.lshape, tk.class = set, longShape(t), uint8(classOf(t))
	}
	tk.h = hashesOf(tk)
	tk.nAffixes = int32(len(tk.h.affixes))
	return tk
}

// prepareMemo is prepare with the token records of mm (nil for none).
func prepareMemo(tokens []string, gaz Gazetteer, lex lexicon, hs []hint, mm *memo, set FeatureSet) []token {
	var ts []token
	if n := len(tokens); mm != nil && len(mm.slab) >= n {
		ts, mm.slab = mm.slab[:n:n], mm.slab[n:]
	} else {
		ts = make([]token, n)
	}
	var words []string
	if mm != nil {
		// scratch space, which the gazetteer reads but does not keep
		mm.scratchWords = grow(mm.scratchWords, len(tokens))
		words = mm.scratchWords
	} else {
		words = make([]string, len(tokens))
	}
	for i, t := range tokens {
		var x *alone
		switch {
		case mm == nil:
			x = aloneOf(t, wordOf(t), lex, set)
		case mm.words != nil:
			x = mm.info(t, lex, mm.words[i], true, set)
		default:
			x = mm.info(t, lex, "", false, set)
		}
		words[i], ts[i] = x.folded, token{alone: x}
	}
	if hs != nil {
		for i := range ts {
			ts[i].hint, ts[i].hinted = hs[i], true
		}
	}
	if set == EnglishFeatures {
		sentenceForm(ts)
	}
	if gaz != nil {
		var marks []uint64
		var facts []any
		if mm != nil {
			mm.scratchMarks = grow(mm.scratchMarks, len(tokens))
			marks = mm.scratchMarks
			clear(marks)
		} else {
			marks = make([]uint64, len(tokens))
		}
		if mm != nil && mm.gaz != nil {
			mm.scratchFacts = grow(mm.scratchFacts, len(tokens))
			facts = mm.scratchFacts
			for i := range ts {
				if facts[i] = ts[i].facts; facts[i] == nil && words[i] != "" {
					facts = nil // a record made without them
					break
				}
			}
		}
		if facts != nil {
			mm.gaz.MarkWords(words, facts, marks)
		} else {
			gaz.Mark(words, marks)
		}
		for i := range ts {
			ts[i].gaz = marks[i]
		}
	}
	return ts
}

// wordOf is the folded word of a token features and lexicons use.
func wordOf(t string) string { return fold.Word(t) }

// shapeOf is a coarse description of how a token is written: its script
// (d Devanagari, a Latin lower, A Latin capitalised, U Latin upper case),
// digits (9), punctuation (p), mixed (m); with "." when it ends in a full
// stop.
func shapeOf(t string) string {
	var deva, lower, upper, digit, punct, other int
	first := true
	capFirst := false
	for _, r := range t {
		switch {
		case r >= 0x0900 && r <= 0x097F:
			if normalize.DevanagariDigit(r) >= 0 {
				digit++
			} else {
				deva++
			}
		case r >= '0' && r <= '9':
			digit++
		case unicode.IsUpper(r):
			upper++
			if first {
				capFirst = true
			}
		case unicode.IsLower(r):
			lower++
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			punct++
		default:
			other++
		}
		first = false
	}
	s := "m"
	switch {
	case deva > 0 && lower+upper == 0 && digit == 0:
		s = "d"
	case digit > 0 && deva+lower+upper == 0:
		s = "9"
	case upper > 0 && lower == 0 && deva == 0:
		s = "U"
	case capFirst && deva == 0:
		s = "A"
	case lower > 0 && deva == 0:
		s = "a"
	case punct > 0 && deva+lower+upper+digit == 0:
		s = "p"
	}
	if len(t) > 1 && t[len(t)-1] == '.' {
		// a constant, as the others are: a record keeps its shape, and
		// need not copy it
		s = dotted[s]
	}
	return s
}

// dotted maps each shape to the shape of the same token ending in a dot.
var dotted = map[string]string{"m": "m.", "d": "d.", "9": "9.", "U": "U.", "A": "A.", "a": "a.", "p": "p."}

// prefixes and suffixes of up to this many code points are features.
const (
	maxPrefix = 3
	maxSuffix = 4
)

// features appends the feature hashes of token i of ts to dst and returns
// them with the number of them, at the end, that depend on the word itself
// (its identity and what the lexicon knows of it).
func features(dst []uint64, ts []token, i int) ([]uint64, int) {
	t := &ts[i]
	ph, nh, ph2, nh2 := edge.bos, edge.eos, edge.bos, edge.eos
	var pt, nt *token
	if i > 0 {
		pt = &ts[i-1]
		ph = pt.h
	}
	if i+1 < len(ts) {
		nt = &ts[i+1]
		nh = nt.h
	}
	if i > 1 {
		ph2 = ts[i-2].h
	}
	if i+2 < len(ts) {
		nh2 = ts[i+2].h
	}
	next := eos
	if nt != nil {
		next = nt.word
	}
	dst = append(dst,
		start(fBias).sum(),
		ph.asPrev,
		nh.asNext,
		ph2.asPrev2,
		nh2.asNext2,
		ph.prevNext.str(next).sum(),
		t.h.shape,
	)
	dst = append(dst, shape3(pt, t, nt))
	// affixes of the word, in code points
	dst = append(dst, t.h.affixes...)
	if pt != nil {
		dst = append(dst, ph.asPrevSuffix)
	}
	if nt != nil {
		dst = append(dst, nh.asNextSuffix)
	}
	for g := t.gaz; g != 0; g &= g - 1 {
		bit := uint64(trailingZeros(g))
		dst = append(dst, start(fGaz).num(bit).sum())
	}
	if t.gaz != 0 {
		dst = append(dst, start(fGazWord).num(t.gaz).sum())
	}
	if pt != nil && pt.gaz != 0 {
		dst = append(dst, start(fGazPrev).num(pt.gaz).sum())
	}
	if nt != nil && nt.gaz != 0 {
		dst = append(dst, start(fGazNext).num(nt.gaz).sum())
	}
	if i == 0 {
		dst = append(dst, start(fFirst).sum())
	}
	dst, _ = lexFeatures(dst, nil, nil, ts, i)
	if t.dot {
		dst = append(dst, start(fDot).sum())
	}
	if t.acronym > 0 {
		dst = append(dst, t.h.acronym)
	}
	dst = append(dst, t.h.len)
	if t.hinted {
		dst, _ = hintFeatures(dst, nil, nil, ts, i)
	}
	if t.set == EnglishFeatures {
		dst = append(dst, t.h.en().xSelf...)
		if pt != nil {
			dst = append(dst, ph.en().xPrev...)
		}
		if nt != nil {
			dst = append(dst, nh.en().xNext...)
		}
		dst = englishContext(dst, ts, i)
	}
	// the features of the word itself come last: training may drop them
	// to learn names from their context and form
	n := len(dst)
	dst = ownFeatures(dst, ts, i)
	return dst, len(dst) - n
}

// affixHashes appends the hashes of the prefixes, suffixes and trigrams of
// w, of runes code points, to dst.
func affixHashes(dst []uint64, w string, runes int) []uint64 {
	if runes > 1 {
		n := 0
		for k := range w {
			if n > 0 && n <= maxPrefix && n < runes {
				dst = append(dst, start(fPrefix).str(w[:k]).sum())
			}
			n++
		}
		// suffixes: walk back
		k := len(w)
		for n := 1; n <= maxSuffix && n < runes; n++ {
			_, size := utf8.DecodeLastRuneInString(w[:k])
			k -= size
			dst = append(dst, start(fSuffix).str(w[k:]).sum())
		}
	}
	if runes > 3 {
		rs := []rune(w)
		for k := 0; k+3 <= len(rs); k++ {
			dst = append(dst, start(fTrigram).str(string(rs[k:k+3])).sum())
		}
	}
	return dst
}

// ownFeatures appends the features of token i that depend on its word
// itself: its identity and what the lexicon says of it.
func ownFeatures(dst []uint64, ts []token, i int) []uint64 {
	t := &ts[i]
	w := t.word
	ph := edge.bos
	next := eos
	if i > 0 {
		ph = ts[i-1].h
	}
	if i+1 < len(ts) {
		next = ts[i+1].word
	}
	dst = append(dst,
		t.h.word,
		ph.prevWord.str(w).sum(),
		t.h.wordNext.str(next).sum())
	if l := t.lex &^ (lexCommon | lexFreqMask | lexGiven); l != 0 {
		dst = append(dst, start(fLexSelf).num(uint64(l)).sum())
	}
	if t.lex&lexCommon != 0 {
		dst = append(dst, start(fCommon).sum())
	}
	if !t.punct {
		fb := uint64(t.lex&lexFreqMask) >> lexFreqShift
		dst = append(dst,
			start(fFreq).num(fb).sum(),
			ph.freqPrev.num(fb).sum(),
			start(fFreqNext).num(fb).str(next).sum())
	}
	return append(dst, t.h.en().xOwn...)
}

func suffix(w string, n int) string {
	k := len(w)
	for ; n > 0 && k > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(w[:k])
		k -= size
	}
	return w[k:]
}

func trailingZeros(x uint64) int {
	n := 0
	for x&1 == 0 {
		x >>= 1
		n++
	}
	return n
}

// lexAheadBits and lexBehindBits are the lexicon bits lexFeatures reads of
// the words after and before a token.
var lexAheadBits, lexBehindBits = func() (ahead, behind uint32) {
	for ty := uint32(0); ty < uint32(len(types)); ty++ {
		ahead |= 1<<(ty*4+lexHead) | 1<<(ty*4+lexAfter)
		behind |= 1<<(ty*4+lexBefore) | 1<<(ty*4+lexFirst)
	}
	return ahead, behind
}()

// lexFeatures adds features from the lexicon bits of the words around token
// i, up to five words away and not across punctuation. With sm, it appends
// their slots to found instead of their hashes to dst.
func lexFeatures(dst []uint64, found []*featSlot, sm *smallSlots, ts []token, i int) ([]uint64, []*featSlot) {
	var seenHead, seenBefore, seenAfter, seenFirst uint32
	for d := 1; d <= 5 && i+d < len(ts); d++ {
		t := &ts[i+d]
		if t.punct {
			break
		}
		if t.lex&lexAheadBits == 0 {
			continue // most words: nothing to add
		}
		for ty := uint32(0); ty < uint32(len(types)); ty++ {
			if bit := uint32(1) << (ty*4 + lexHead); t.lex&bit != 0 && seenHead&bit == 0 {
				seenHead |= bit
				if sm != nil {
					found = addSlot(found, &sm.lex[0][ty][d])
				} else {
					dst = append(dst, start(fHeadAhead).num(uint64(ty)).num(uint64(d)).sum())
				}
			}
			if bit := uint32(1) << (ty*4 + lexAfter); d <= 4 && t.lex&bit != 0 && seenAfter&bit == 0 {
				seenAfter |= bit
				if sm != nil {
					found = addSlot(found, &sm.lex[1][ty][d])
				} else {
					dst = append(dst, start(fTrigAhead).num(uint64(ty)).num(uint64(d)).sum())
				}
			}
		}
	}
	for d := 1; d <= 4 && i-d >= 0; d++ {
		t := &ts[i-d]
		if t.punct {
			break
		}
		if t.lex&lexBehindBits == 0 {
			continue
		}
		for ty := uint32(0); ty < uint32(len(types)); ty++ {
			if bit := uint32(1) << (ty*4 + lexBefore); t.lex&bit != 0 && seenBefore&bit == 0 {
				seenBefore |= bit
				if sm != nil {
					found = addSlot(found, &sm.lex[2][ty][d])
				} else {
					dst = append(dst, start(fTrigBehind).num(uint64(ty)).num(uint64(d)).sum())
				}
			}
			if bit := uint32(1) << (ty*4 + lexFirst); t.lex&bit != 0 && seenFirst&bit == 0 {
				seenFirst |= bit
				if sm != nil {
					found = addSlot(found, &sm.lex[3][ty][d])
				} else {
					dst = append(dst, start(fFirstBehind).num(uint64(ty)).num(uint64(d)).sum())
				}
			}
		}
	}
	return dst, found
}

// shape3 is the hashed feature of the shapes of a token and its two
// neighbours ("<" and ">" past the sentence's ends).
func shape3(pt, t, nt *token) uint64 {
	ps, ns := "<", ">"
	if pt != nil {
		ps = pt.shape
	}
	if nt != nil {
		ns = nt.shape
	}
	return start(fShape3).str(ps).str(t.shape).str(ns).sum()
}
