package tagger

import (
	"math"
	"slices"
	"sync"
)

// Model is a trained tagger. It is read-only after loading and safe for
// concurrent use.
type Model struct {
	labels *labelSet
	gaz    Gazetteer
	lex    lexicon
	table  featTable
	// trans[p*L+c] scores label c after label p; row L is the start.
	trans []float32
	// oBias is subtracted from the score of O at every token: a positive
	// bias trades precision for recall. Train tunes it on dev data.
	oBias float32
	info  Info
	pool  sync.Pool
	// second, when set, is the model of the second pass, which sees the
	// labels of this one over window sentences before and after.
	second *Model
	window int
	// words keeps the token records of frequent tokens, with their word
	// vectors for both passes, across the documents TagDocContext tags
	words     *wordCache
	wordsOnce sync.Once
	// set is the model's feature set
	set FeatureSet
	// smalls holds the slots of the small features (small.go), made on
	// first use
	smalls    *smallSlots
	smallOnce sync.Once
}

// Info describes how a model was trained.
type Info struct {
	// Epochs is the number of passes over the training data kept.
	Epochs int
	// Sentences and Tokens count the training data.
	Sentences, Tokens int
	// Features is the number of features the model holds.
	Features int
	// DevF1 is the span F1 on PER, LOC and ORG of the dev data, when given.
	DevF1 float64
}

// Info tells how the model was trained.
func (m *Model) Info() Info { return m.info }

// featTable maps feature hashes to their weights, by open addressing. A
// slot holds a key and its weights when they are few and small (most
// features have two or three), else where its weights are in ws: finding
// a feature touches one cache line, and most often reading its weights
// touches no other.
type featTable struct {
	slots []featSlot
	// tags[s] is 0 for an empty slot s, else a tag of its key's hash
	// (tagOf): a feature the model lacks, as most pairs of words are, is
	// mostly told by the tags alone, a byte a slot, without reading the
	// slots themselves
	tags []uint8
	ws   []labWeight
	// maxW is the largest magnitude of a weight; inexact is set when a
	// weight is not a whole multiple of quantStep (see exactSums).
	maxW    float32
	inexact bool
}

// featSlot is one slot of a featTable; key 0 is an empty slot, hashes are
// stored with bit 63 set. ref, never 0 in a full slot, holds the weights: with bit 63 set, up to
// maxInline of them, each in 20 bits from bit 0 on (the label in the low
// 4 bits, then the weight in quantStep units as an int16) and their count
// at bits 60–61; else the index of the first of them in ws (low 32 bits)
// and their count (bits 32–39).
type featSlot struct {
	key uint64
	ref uint64
}

// labWeight is the weight of a feature for one label.
type labWeight struct {
	w   float32
	lab uint32
}

const (
	keyUsed   = 1 << 63
	refInline = 1 << 63
	maxInline = 3
)

// count returns the number of weights of slot sl.
func (sl *featSlot) count() int {
	if sl.ref&refInline != 0 {
		return int(sl.ref>>60) & 3
	}
	return int(sl.ref>>32) & 0xff
}

// weights appends the weights of slot sl, in order, to dst.
func (t *featTable) weights(dst []labWeight, sl *featSlot) []labWeight {
	r := sl.ref
	if r&refInline == 0 {
		first := uint32(r)
		return append(dst, t.ws[first:first+uint32(r>>32)&0xff]...)
	}
	for j := range sl.count() {
		x := r >> (20 * j)
		dst = append(dst, labWeight{lab: uint32(x & 15), w: float32(int16(x>>4)) * quantStep})
	}
	return dst
}

// add adds the weights of slot sl to row, in order.
func (t *featTable) add(row []float32, sl *featSlot) { t.addRef(row, sl.ref) }

// ref returns the ref of feature h's slot, 0 when the model lacks it.
func (t *featTable) ref(h uint64) uint64 {
	if sl := t.find(h); sl != nil {
		return sl.ref
	}
	return 0
}

// addRef adds the weights of the slot whose ref is r (0: none) to row.
func (t *featTable) addRef(row []float32, r uint64) {
	if r == 0 {
		return
	}
	if r&refInline != 0 {
		// unrolled: the count is 1 to 3
		row[r&15] += float32(int16(r>>4)) * quantStep
		if n := r >> 60 & 3; n > 1 {
			row[r>>20&15] += float32(int16(r>>24)) * quantStep
			if n > 2 {
				row[r>>40&15] += float32(int16(r>>44)) * quantStep
			}
		}
		return
	}
	first := uint32(r)
	for _, lw := range t.ws[first : first+uint32(r>>32)&0xff] {
		row[lw.lab] += lw.w
	}
}

// newFeatTable returns a table for n features, at most two thirds full:
// with the tags, a search runs over bytes, and a smaller table stays in
// the cache better.
func newFeatTable(n int) featTable {
	size := 1
	for size < n*3/2+1 {
		size <<= 1
	}
	return featTable{slots: make([]featSlot, size), tags: make([]uint8, size)}
}

// tagOf is the tag of a slot whose key's hash mixes to x: 1 to 128, from
// bits that do not choose the slot.
func tagOf(x uint64) uint8 { return uint8(x>>57) + 1 }

// push appends a weight, for the feature put next.
func (t *featTable) push(lab uint8, w float32) {
	t.ws = append(t.ws, labWeight{w: w, lab: uint32(lab)})
	a := float32(math.Abs(float64(w)))
	if !(a <= t.maxW) { // NaN too
		t.maxW = a
	}
	if q := float64(w) / quantStep; q != math.Trunc(q) {
		t.inexact = true
	}
}

// put adds a feature; its weights must be pushed right before, from
// index first on. Weights that fit in the slot move there.
func (t *featTable) put(h uint64, first uint32, count uint8) {
	mask := uint64(len(t.slots) - 1)
	k := h | keyUsed
	x := mix(h)
	for s := x & mask; ; s = (s + 1) & mask {
		if t.slots[s].key == 0 {
			t.tags[s] = tagOf(x)
			ref, ok := inlineRef(t.ws[first : first+uint32(count)])
			if ok && int(first)+int(count) == len(t.ws) {
				t.ws = t.ws[:first]
			} else {
				ref = uint64(first) | uint64(count)<<32
			}
			t.slots[s] = featSlot{key: k, ref: ref}
			return
		}
		if t.slots[s].key == k {
			return
		}
	}
}

// inlineRef returns the ref of a slot that holds weights ws itself, and
// whether they fit: at most maxInline of them, labels below 16, and each a
// multiple of quantStep that an int16 of them gives back bit for bit.
func inlineRef(ws []labWeight) (uint64, bool) {
	if len(ws) == 0 || len(ws) > maxInline {
		return 0, false
	}
	ref := uint64(refInline) | uint64(len(ws))<<60
	for j, lw := range ws {
		q := math.Round(float64(lw.w) / quantStep)
		if lw.lab >= 16 || q < math.MinInt16 || q > math.MaxInt16 ||
			math.Float32bits(float32(int16(q))*quantStep) != math.Float32bits(lw.w) {
			return 0, false
		}
		ref |= (uint64(lw.lab) | uint64(uint16(int16(q)))<<4) << (20 * j)
	}
	return ref, true
}

// find returns the slot of feature h, or nil when the model lacks it.
func (t *featTable) find(h uint64) *featSlot {
	mask := uint64(len(t.slots) - 1)
	if len(t.tags) != len(t.slots) {
		return nil // no slots
	}
	k := h | keyUsed
	x := mix(h)
	tag := tagOf(x)
	for s := x & mask; ; s = (s + 1) & mask {
		switch t.tags[s] {
		case 0:
			return nil
		case tag:
			if sl := &t.slots[s]; sl.key == k {
				return sl
			}
		}
	}
}

// mix spreads the bits of a feature hash for slot selection.
func mix(h uint64) uint64 {
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 32
	return h
}

// work is the scratch space of one Tag call.
type work struct {
	feats  []uint64
	scores []float32 // n × L emission scores
	delta  []float32
	back   []int16
	found  []*featSlot
	vecs   []*wordVec
}

// Tag returns a tag for each token: B-/I- and PER, LOC, ORG or MISC, or O.
// It never fails: empty input gives an empty result, and tokens of any
// script or length are tagged (Latin-only and digit tokens are mostly O,
// since the model learned Hindi).
// A stacked model tags the sentence as a document of one sentence.
func (m *Model) Tag(tokens []string) []string {
	if m.second != nil {
		return m.TagDoc([][]string{tokens})[0]
	}
	if len(tokens) == 0 {
		return []string{}
	}
	mm := m.memo()
	return m.labelNames(m.labelsOf(prepareMemo(tokens, m.gaz, m.lex, nil, mm, m.set), 0))
}

// wordCache returns m's cache of token records, made on first use.
func (m *Model) wordCache() *wordCache {
	m.wordsOnce.Do(func() { m.words = newWordCache(m) })
	return m.words
}

// labelsHinted returns the index of the best label of each token, with
// the first pass's hints when m is a second pass.
func (m *Model) labelsHinted(tokens []string, hs []hint) []int {
	if len(tokens) == 0 {
		return nil
	}
	return m.labelsOf(prepare(tokens, m.gaz, m.lex, hs, m.set), -1)
}

// labelsOf returns the index of the best label of each prepared token.
// pass, 0 or 1, is the slot of the tokens' alone records for m's word
// vectors (see vecs.go), when the records are shared by the tokens of a
// document; -1 when they are not.
func (m *Model) labelsOf(ts []token, pass int) []int {
	if len(ts) == 0 {
		return nil
	}
	wk, _ := m.pool.Get().(*work)
	if wk == nil {
		wk = &work{}
	}
	defer m.pool.Put(wk)
	L := m.labels.len()
	n := len(ts)
	wk.scores = grow(wk.scores, n*L)
	var sm *smallSlots
	if pass >= 0 {
		sm = m.small()
	}
	if pass >= 0 {
		// the word vectors of the tokens, found once for the five tokens
		// that use each
		wk.vecs = grow(wk.vecs, n)
		for i := range ts {
			wk.vecs[i] = m.vecOf(ts[i].alone, pass, &wk.feats)
		}
	}
	for i := range ts {
		row := wk.scores[i*L : (i+1)*L]
		if pass >= 0 && m.exactSums(&ts[i]) {
			t := &ts[i]
			vs := wk.vecs
			copy(row, vs[i].v[vSelf*L:(vSelf+1)*L])
			fb := (t.lex & lexFreqMask) >> lexFreqShift
			if i > 0 {
				addVec(row, vs[i-1], vPrev)
				if sm != nil && !t.punct {
					m.table.addRef(row, vs[i-1].freqPrev[fb])
				}
			}
			if i > 1 {
				addVec(row, vs[i-2], vPrev2)
			}
			if i+1 < n {
				addVec(row, vs[i+1], vNext)
				if sm != nil && !t.punct {
					m.table.addRef(row, vs[i+1].freqNext[fb])
				}
			}
			if i+2 < n {
				addVec(row, vs[i+2], vNext2)
			}
			wk.feats, wk.found = contextSlots(wk.feats[:0], wk.found[:0], sm, ts, i)
		} else {
			clear(row)
			wk.feats, _ = features(wk.feats[:0], ts, i)
			wk.found = wk.found[:0]
		}
		// Find every feature first, then add their weights in order: the
		// look-ups do not wait on one another, so the memory serves
		// several at once.
		for _, f := range wk.feats {
			if sl := m.table.find(f); sl != nil {
				wk.found = append(wk.found, sl)
			}
		}
		for _, sl := range wk.found {
			m.table.add(row, sl)
		}
		row[0] -= m.oBias
	}
	if sm != nil {
		return viterbiMasked(wk, n, sm.trans)
	}
	return viterbi(m.labels, wk, n, m.trans)
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// viterbi finds the best label sequence for emission scores wk.scores under
// the transition scores and the BIO constraints.
func viterbi(ls *labelSet, wk *work, n int, trans []float32) []int {
	L := ls.len()
	wk.delta = grow(wk.delta, n*L)
	wk.back = grow(wk.back, n*L)
	negInf := float32(math.Inf(-1))
	for c := 0; c < L; c++ {
		wk.delta[c] = negInf
	}
	for _, c := range ls.first {
		wk.delta[c] = wk.scores[c] + trans[L*L+int(c)]
		wk.back[c] = -1
	}
	for i := 1; i < n; i++ {
		prev := wk.delta[(i-1)*L : i*L]
		cur := wk.delta[i*L : (i+1)*L]
		em := wk.scores[i*L : (i+1)*L]
		back := wk.back[i*L : (i+1)*L]
		for c := 0; c < L; c++ {
			// the first best predecessor, in label order, as a scan of
			// every allowed label finds it
			// (a label out of reach, at -Inf, stays so with any finite
			// transition score and is never taken)
			best, arg := negInf, int16(-1)
			for _, p := range ls.preds[c] {
				if v := prev[p] + trans[int(p)*L+c]; v > best {
					best, arg = v, p
				}
			}
			if arg < 0 {
				cur[c] = negInf
				continue
			}
			cur[c] = best + em[c]
			back[c] = arg
		}
	}
	return backtrack(wk, n, L)
}

// maskTrans returns the transition scores trans of label set ls with -Inf
// for every transition the BIO constraints forbid (row L: the start).
func maskTrans(ls *labelSet, trans []float32) []float32 {
	L := ls.len()
	tm := slices.Clone(trans)
	for p := -1; p < L; p++ {
		row := L
		if p >= 0 {
			row = p
		}
		for c := range L {
			if !ls.allowed(p, c) {
				tm[row*L+c] = float32(math.Inf(-1))
			}
		}
	}
	return tm
}

// maskedTrans is the transition scores of maskTrans laid out for
// viterbiMasked. A label every label may precede (O, B-) is "open": the
// scores into the open labels are a dense matrix, scanned for every
// predecessor at once. Any other label (I-) keeps the list of the labels
// it may follow, all others scoring -Inf, so that it scans only those.
type maskedTrans struct {
	L     int
	start []float32 // the start row
	open  []int     // the open labels, in order
	dense []float32 // dense[p*len(open)+k]: open[k] after p
	rest  []restLabel
}

// restLabel is a label that not every label may precede: the labels it
// may follow, in order, with the scores.
type restLabel struct {
	c     int
	preds []int
	ts    []float32
}

// newMaskedTrans lays out tm, the scores of maskTrans for L labels (row p,
// column c: c after p; row L: the start), for viterbiMasked.
func newMaskedTrans(L int, tm []float32) *maskedTrans {
	mt := &maskedTrans{L: L, start: slices.Clone(tm[L*L : L*L+L])}
	negInf := float32(math.Inf(-1))
	for c := range L {
		var r restLabel
		for p := range L {
			if t := tm[p*L+c]; t != negInf {
				r.preds = append(r.preds, p)
				r.ts = append(r.ts, t)
			}
		}
		if len(r.preds) == L {
			mt.open = append(mt.open, c)
		} else {
			r.c = c
			mt.rest = append(mt.rest, r)
		}
	}
	K := len(mt.open)
	mt.dense = make([]float32, L*K)
	for p := range L {
		for k, c := range mt.open {
			mt.dense[p*K+k] = tm[p*L+c]
		}
	}
	return mt
}

// maxMasked bounds the labels viterbiMasked decodes.
const maxMasked = 16

// viterbiMasked is viterbi with the transition scores of maskTrans (laid
// out by newMaskedTrans), for at most maxMasked labels. Every label scans
// the labels it may follow in label order, keeping the first best
// predecessor as viterbi finds it; the labels it may not follow score
// -Inf and would never be taken, nor would a label out of reach (as all
// scores are finite).
func viterbiMasked(wk *work, n int, mt *maskedTrans) []int {
	L := mt.L
	wk.delta = grow(wk.delta, n*L)
	wk.back = grow(wk.back, n*L)
	negInf := float32(math.Inf(-1))
	for c, t := range mt.start {
		wk.delta[c] = wk.scores[c] + t
	}
	var bestA [maxMasked]float32
	var argA [maxMasked]int16
	// slices of the open labels' number, so that indexing them by one
	// needs no bounds check
	K := len(mt.open)
	best, arg := bestA[:K], argA[:K]
	for i := 1; i < n; i++ {
		prev := wk.delta[(i-1)*L : i*L]
		cur := wk.delta[i*L : (i+1)*L]
		em := wk.scores[i*L : (i+1)*L]
		back := wk.back[i*L : (i+1)*L]
		for k := range best {
			best[k], arg[k] = negInf, -1
		}
		for p, pv := range prev {
			row := mt.dense[p*K : p*K+K]
			row = row[:len(best)]
			for k, t := range row {
				if v := pv + t; v > best[k] {
					best[k], arg[k] = v, int16(p)
				}
			}
		}
		for k, c := range mt.open {
			if arg[k] < 0 {
				cur[c] = negInf
			} else {
				cur[c] = best[k] + em[c]
			}
			back[c] = arg[k]
		}
		for r := range mt.rest {
			rl := &mt.rest[r]
			b, a := negInf, int16(-1)
			ts := rl.ts[:len(rl.preds)]
			for j, p := range rl.preds {
				if v := prev[p] + ts[j]; v > b {
					b, a = v, int16(p)
				}
			}
			if a < 0 {
				cur[rl.c] = negInf
			} else {
				cur[rl.c] = b + em[rl.c]
			}
			back[rl.c] = a
		}
	}
	return backtrack(wk, n, L)
}

// backtrack returns the best path through the scores viterbi left in wk.
func backtrack(wk *work, n, L int) []int {
	last := wk.delta[(n-1)*L : n*L]
	arg := 0
	for c := 1; c < L; c++ {
		if last[c] > last[arg] {
			arg = c
		}
	}
	out := make([]int, n)
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		if i > 0 {
			arg = int(wk.back[i*L+arg])
		}
	}
	return out
}

// Common reports whether the training data shows tok often and nearly
// always outside names: a common word rather than a name.
func (m *Model) Common(tok string) bool {
	return m.lex[wordOf(tok)]&lexCommon != 0
}

// CommonWord is Common of a token whose folded word (kb.Word) is w.
func (m *Model) CommonWord(w string) bool { return m.lex[w]&lexCommon != 0 }

// KnownWord is Known of a token whose folded word (kb.Word) is w.
func (m *Model) KnownWord(w string) bool { return m.lex[w]&lexFreqMask>>lexFreqShift >= 2 }

// Known reports whether the training data has tok at least three times,
// often enough for the model to have learned when it is a name.
func (m *Model) Known(tok string) bool {
	return m.lex[wordOf(tok)]&lexFreqMask>>lexFreqShift >= 2
}

// Bias returns the decoding bias against O.
func (m *Model) Bias() float32 { return m.oBias }

// WithBias returns a model that shares m's weights and decodes with bias b
// against O: a positive bias trades precision for recall.
func (m *Model) WithBias(b float32) *Model {
	return &Model{labels: m.labels, gaz: m.gaz, lex: m.lex, table: m.table, trans: m.trans, oBias: b, info: m.info,
		second: m.second, window: m.window, set: m.set}
}
