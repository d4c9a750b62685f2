package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FeatureSet selects the features of a model. The Hindi model has the base
// set; the English one adds features of how English text, and tweets, are
// written.
type FeatureSet uint8

const (
	// BaseFeatures are the features of featureVersion.
	BaseFeatures FeatureSet = iota
	// EnglishFeatures are the base features and these: the token's long
	// shape ("McDonald" XxXx, "U.S." X.X.), its 4-letter prefix, whether
	// it is a user name, hashtag or link, the shapes of the tokens before
	// and after it and shape pairs, the case style of the sentence (all
	// capitals, every word capitalised, all lower case) and whether the
	// token opens it, each with the token's shape; the word with its
	// coarse shape; and whether the token, the one before it and the one
	// after it are given names (TrainOptions.GivenNames).
	EnglishFeatures
	nFeatureSets
)

// Token classes of the English set.
const (
	classWord = iota
	classUser
	classTag
	classLink
	classRT
)

// classOf is the class of token t.
func classOf(t string) int {
	switch {
	case len(t) > 1 && t[0] == '@':
		return classUser
	case len(t) > 1 && t[0] == '#':
		return classTag
	case strings.HasPrefix(t, "http:") || strings.HasPrefix(t, "https:") || strings.HasPrefix(t, "www."):
		return classLink
	case t == "RT" || t == "rt":
		return classRT
	}
	return classWord
}

// maxLongShape bounds the length of a long shape in bytes.
const maxLongShape = 8

// longShape writes each character of t as its class — X upper case, x
// lower case, d digit, D Devanagari, o another letter, ASCII punctuation
// as itself — and runs of one class once: "McDonald" XxXx, "U.S." X.X.,
// "@bbc_news" @x_x, "2014" d. A link is "<url>".
func longShape(t string) string {
	if classOf(t) == classLink {
		return "<url>"
	}
	var b [maxLongShape]byte
	n := 0
	for _, r := range t {
		var c byte
		switch {
		case r < utf8.RuneSelf && r >= 'A' && r <= 'Z':
			c = 'X'
		case r < utf8.RuneSelf && r >= 'a' && r <= 'z':
			c = 'x'
		case r >= '0' && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		case r >= 0x0900 && r <= 0x097F:
			c = 'D'
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case unicode.IsLetter(r) || unicode.IsMark(r):
			c = 'o'
		default:
			c = '*'
		}
		if n > 0 && b[n-1] == c {
			continue
		}
		if n == maxLongShape {
			break
		}
		b[n] = c
		n++
	}
	return string(b[:n])
}

// englishHashes works out the English set's hashes of token tk alone.
func englishHashes(h *englishWordHashes, tk *alone) {
	h.xSelf = append(h.xSelf, start(fXShape).str(tk.lshape).sum())
	if tk.runes > 4 {
		k, n := 0, 0
		for k = range tk.word {
			if n == 4 {
				break
			}
			n++
		}
		h.xSelf = append(h.xSelf, start(fXPrefix).str(tk.word[:k]).sum())
	}
	if tk.class != classWord {
		h.xSelf = append(h.xSelf, start(fXClass).num(uint64(tk.class)).sum())
	}
	if !tk.punct {
		h.xOwn = append(h.xOwn, start(fXWordShape).str(tk.word).str(tk.shape).sum())
	}
	h.xPrev = append(h.xPrev, start(fXPrevShape).str(tk.lshape).sum())
	h.xNext = append(h.xNext, start(fXNextShape).str(tk.lshape).sum())
	h.xStyle, h.xOpen, h.xPair = start(fXStyle).str(tk.lshape), start(fXStart).str(tk.lshape), start(fXShapePair).str(tk.lshape)
	if tk.lex&lexGiven != 0 {
		h.xSelf = append(h.xSelf, start(fXGiven).num(0).sum())
		h.xPrev = append(h.xPrev, start(fXGiven).num(1).sum())
		h.xNext = append(h.xNext, start(fXGiven).num(2).sum())
	}
}

// Case styles of a sentence (the low three bits of token.form).
const (
	styleShort = iota + 1 // fewer than three words
	styleShout            // half its words or more in capitals
	styleLower            // no capitals
	styleTitle            // most words capitalised
	styleNormal
)

// Where a token stands in its sentence (token.form >> 3).
const (
	openFirst = 1 // the first word, after user names, "RT" and links
	openAfter = 2 // a word after a full stop, colon, quote or bar
)

// sentenceForm sets the form of the tokens of a sentence: its case style
// and where each opens it.
func sentenceForm(ts []token) {
	var caps, title, lower int
	first := -1
	for i := range ts {
		t := &ts[i]
		if t.punct {
			continue
		}
		if t.class != classWord {
			continue
		}
		if first < 0 {
			first = i
		}
		switch {
		case t.runes >= 2 && strings.HasPrefix(t.shape, "U"):
			caps++
		case strings.HasPrefix(t.shape, "A"):
			title++
		case strings.HasPrefix(t.shape, "a"):
			lower++
		}
	}
	n := caps + title + lower
	style := styleNormal
	switch {
	case n < 3:
		style = styleShort
	case caps*2 >= n:
		style = styleShout
	case lower == n:
		style = styleLower
	case (title+caps)*10 >= n*6:
		style = styleTitle
	}
	for i := range ts {
		open := 0
		switch {
		case i == first:
			open = openFirst
		case i > 0 && opensAfter[ts[i-1].word]:
			open = openAfter
		}
		ts[i].form = uint8(style | open<<3)
	}
}

// opensAfter are the tokens after which a word may open a sentence.
var opensAfter = map[string]bool{".": true, "!": true, "?": true, ":": true, "\"": true, "“": true, "|": true, "-": true, "…": true, "(": true}

// xPairBos starts the pair of shapes of the token before the first and the
// first.
var xPairBos = start(fXShapePair).str(bos)

// englishContext appends the English set's features of token i that
// depend on the tokens around it.
func englishContext(dst []uint64, ts []token, i int) []uint64 {
	t := &ts[i]
	// the pairs of shapes: this token's and the next one's, the one
	// before's and this one's
	next := eos
	if i+1 < len(ts) {
		next = ts[i+1].lshape
	}
	prev := xPairBos
	if i > 0 {
		prev = ts[i-1].h.x.xPair
	}
	dst = append(dst,
		t.h.x.xStyle.num(uint64(t.form&7)).sum(),
		t.h.x.xPair.str(next).num(1).sum(), // the token is the first of the pair
		prev.str(t.lshape).num(2).sum())    // the second
	if open := t.form >> 3; open != 0 {
		dst = append(dst, t.h.x.xOpen.num(uint64(open)).sum())
	}
	return dst
}
