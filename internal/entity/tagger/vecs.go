package tagger

import (
	"strings"

	"khabar/internal/entity/internal/strtab"
)

// Word vectors: the emission score of a token is the sum of the weights of
// its features, and most of its features depend on one token alone (its
// own word, shape and affixes; the word before it as "previous word", …).
// A document's tokens share one alone record per distinct token, so the
// weights of those features are summed once per distinct token and model
// into dense vectors, and a token adds five vectors and looks up only the
// features of its context.
//
// The sums are exact, hence equal to the feature-by-feature sums in any
// order: every weight is a whole multiple of quantStep (1/64, a power of
// two) and every partial sum stays below 2^24 quantSteps, which float32
// holds exactly. exactSums checks that bound for each token; a token (or a
// model) it does not hold for takes the feature-by-feature path.

// The vectors of a wordVec, each L scores long.
const (
	vSelf  = iota // the features of the token itself
	vPrev         // the token as the one before: fPrev, fPrevSuffix
	vNext         // the token as the one after: fNext, fNextSuffix
	vPrev2        // the token two before: fPrev2
	vNext2        // the token two after: fNext2
	nVecs
)

// wordVec holds the summed weights of one distinct token for one model.
type wordVec struct {
	t *featSlot // the model's first slot: models that share it share weights
	v []float32 // nVecs × L
	// freqPrev[b] and freqNext[b] are the slot refs (0: none) of fFreqPrev
	// with the token as the one before a token of frequency bucket b, and
	// of fFreqNext with it as the one after
	freqPrev, freqNext [nFreq]uint64
}

// nFreq is the number of frequency buckets (lexFreqMask).
const nFreq = lexFreqMask>>lexFreqShift + 1

// biasHash is the feature every token has.
var biasHash = start(fBias).sum()

// selfHashes appends the hashes of the features of a token that depend on
// it alone, as features and ownFeatures compute them.
func selfHashes(dst []uint64, a *alone) []uint64 {
	dst = append(dst, biasHash, a.h.shape)
	dst = append(dst, a.h.affixes...)
	if a.dot {
		dst = append(dst, start(fDot).sum())
	}
	if a.acronym > 0 {
		dst = append(dst, a.h.acronym)
	}
	dst = append(dst, a.h.len, a.h.word)
	if l := a.lex &^ (lexCommon | lexFreqMask | lexGiven); l != 0 {
		dst = append(dst, start(fLexSelf).num(uint64(l)).sum())
	}
	if a.lex&lexCommon != 0 {
		dst = append(dst, start(fCommon).sum())
	}
	if !a.punct {
		fb := uint64(a.lex&lexFreqMask) >> lexFreqShift
		dst = append(dst, start(fFreq).num(fb).sum())
	}
	dst = append(dst, a.h.en().xSelf...)
	return append(dst, a.h.en().xOwn...)
}

// exactLimit is the bound, in units of weight, below which float32 sums of
// multiples of quantStep are exact: 2^24 quantSteps.
const exactLimit = (1 << 24) * quantStep

// maxContext bounds the number of features of a token besides its affixes
// and its gazetteer bits (see features): 24 fixed and own, 24 from the
// lexicon around it, 23 from hints, 10 of the English set, with room to
// spare.
const maxContext = 128

// exactSums reports whether every partial sum of token t's emission
// scores is exact under the model's weights, whatever the order.
func (m *Model) exactSums(t *token) bool {
	if m.table.inexact {
		return false
	}
	n := int(t.nAffixes) + maxContext + 64
	return float32(n)*m.table.maxW < exactLimit
}

// vecOf returns the wordVec of token a for m, working it out when a has
// none for m yet. pass tells which of a's two slots m uses; scratch is
// scratch space.
func (m *Model) vecOf(a *alone, pass int, scratch *[]uint64) *wordVec {
	key := &m.table.slots[0]
	if v := a.vec[pass]; v != nil && v.t == key {
		return v
	}
	L := m.labels.len()
	v := &wordVec{t: key, v: make([]float32, nVecs*L)}
	*scratch = selfHashes((*scratch)[:0], a)
	m.addWeights(v.v[vSelf*L:(vSelf+1)*L], *scratch)
	h := a.h
	m.addWeights(v.v[vPrev*L:(vPrev+1)*L], append([]uint64{h.asPrev, h.asPrevSuffix}, h.en().xPrev...))
	m.addWeights(v.v[vNext*L:(vNext+1)*L], append([]uint64{h.asNext, h.asNextSuffix}, h.en().xNext...))
	m.addWeights(v.v[vPrev2*L:(vPrev2+1)*L], []uint64{h.asPrev2})
	m.addWeights(v.v[vNext2*L:(vNext2+1)*L], []uint64{h.asNext2})
	for b := range uint64(nFreq) {
		v.freqPrev[b] = m.table.ref(h.freqPrev.num(b).sum())
		v.freqNext[b] = m.table.ref(start(fFreqNext).num(b).str(a.word).sum())
	}
	if !a.shared { // a shared record is read-only
		a.vec[pass] = v
	}
	return v
}

// wordCache keeps the records of tokens, each with its word vectors for
// the model (both passes of a stacked one), for every document the model tags: a
// frequent word is folded, hashed and summed once. It holds at most
// wordCacheSize tokens, the first ones met; the rest are worked out per
// document. A record is a pure function of its token and the model, so
// what the cache holds never changes a result. Reads take no lock, as the
// workers of a pipeline read it all the time.
type wordCache struct {
	m   *Model
	tok *strtab.Table[*alone]
}

const wordCacheSize = 1 << 14

func newWordCache(m *Model) *wordCache {
	return &wordCache{m: m, tok: strtab.New[*alone](wordCacheSize)}
}

// get returns the record of token t, or nil; c may be nil.
func (c *wordCache) get(t string) *alone {
	if c == nil {
		return nil
	}
	x, _ := c.tok.Get(t)
	return x
}

// put offers x, the new record of token t, to the cache and returns the
// record to use: x, with its vectors, when the cache keeps it or is full;
// the one another document put meanwhile.
func (c *wordCache) put(t string, x *alone) *alone {
	if c.tok.Full() {
		return x
	}
	// tokens are often slices of an article's text: a kept record must
	// not keep the article (the word of a record is mostly its folded
	// word: one copy for both; the shape is a constant of shapeOf)
	same := x.word == x.folded
	x.folded = strings.Clone(x.folded)
	if same {
		x.word = x.folded
	} else {
		x.word = strings.Clone(x.word)
	}
	var scratch []uint64
	c.m.vecOf(x, 0, &scratch)
	if c.m.second != nil {
		c.m.second.vecOf(x, 1, &scratch)
	}
	x.shared = true // read-only from now on, kept or not
	y, _ := c.tok.Add(t, x)
	return y
}

// addWeights adds the weights of features fs to row.
func (m *Model) addWeights(row []float32, fs []uint64) {
	for _, f := range fs {
		if sl := m.table.find(f); sl != nil {
			m.table.add(row, sl)
		}
	}
}

// addVec adds vector k of v to row.
func addVec(row []float32, v *wordVec, k int) {
	L := len(row)
	x := v.v[k*L : (k+1)*L]
	x = x[:len(row)]
	for c := range row {
		row[c] += x[c]
	}
}

// contextFeatures appends the hashes of the features of token i of ts that
// the word vectors of it and its neighbours leave out: with those, exactly
// the features features computes.
func contextFeatures(dst []uint64, ts []token, i int) []uint64 {
	dst, _ = contextSlots(dst, nil, nil, ts, i)
	return dst
}

// contextSlots is contextFeatures that, with sm, appends the slots of the
// small features (small.go) to found instead of their hashes to dst, and
// leaves out the frequency features of the token with the tokens before
// and after it (fFreqPrev, fFreqNext), which the caller adds from their
// word vectors (freqPrev, freqNext).
func contextSlots(dst []uint64, found []*featSlot, sm *smallSlots, ts []token, i int) ([]uint64, []*featSlot) {
	t := &ts[i]
	ph := edge.bos
	var pt, nt *token
	if i > 0 {
		pt = &ts[i-1]
		ph = pt.h
	} else {
		dst = append(dst, edge.bos.asPrev)
	}
	if i+1 < len(ts) {
		nt = &ts[i+1]
	} else {
		dst = append(dst, edge.eos.asNext)
	}
	if i <= 1 {
		dst = append(dst, edge.bos.asPrev2)
	}
	if i+2 >= len(ts) {
		dst = append(dst, edge.eos.asNext2)
	}
	next := eos
	if nt != nil {
		next = nt.word
	}
	dst = append(dst, ph.prevNext.str(next).sum())
	ps, ns := bosShape, eosShape
	if pt != nil {
		ps = pt.shapeID
	}
	if nt != nil {
		ns = nt.shapeID
	}
	if sm != nil && ps != 0 && t.shapeID != 0 && ns != 0 {
		found = addSlot(found, &sm.shape3[(int(ps)*nShapes+int(t.shapeID))*nShapes+int(ns)])
	} else {
		dst = append(dst, shape3(pt, t, nt))
	}
	for g := t.gaz; g != 0; g &= g - 1 {
		bit := uint64(trailingZeros(g))
		if sm != nil {
			found = addSlot(found, &sm.gaz[bit])
		} else {
			dst = append(dst, start(fGaz).num(bit).sum())
		}
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
		if sm != nil {
			found = addSlot(found, &sm.first)
		} else {
			dst = append(dst, start(fFirst).sum())
		}
	}
	dst, found = lexFeatures(dst, found, sm, ts, i)
	if t.hinted {
		dst, found = hintFeatures(dst, found, sm, ts, i)
	}
	if t.set == EnglishFeatures {
		dst = englishContext(dst, ts, i)
	}
	dst = append(dst,
		ph.prevWord.str(t.word).sum(),
		t.h.wordNext.str(next).sum())
	if !t.punct {
		fb := uint64(t.lex&lexFreqMask) >> lexFreqShift
		if sm == nil || pt == nil {
			dst = append(dst, ph.freqPrev.num(fb).sum())
		}
		if sm == nil || nt == nil {
			dst = append(dst, start(fFreqNext).num(fb).str(next).sum())
		}
	}
	return dst, found
}
