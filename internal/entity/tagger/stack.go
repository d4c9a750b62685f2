package tagger

import (
	"context"
	"fmt"
	"sync"
)

// A stacked model tags in two passes (after Krishnan and Manning, 2006): a
// first model tags every sentence of a document; a second model tags them
// again, seeing besides the usual features what the first pass said of
// the token and its neighbours, how the first pass labelled the same word
// elsewhere in the sentences around it, and the label of the name across a
// comma or "और" from it. Names in lists and names tagged once but missed
// elsewhere in the same text are what it mends. The second model is
// trained on first-pass labels of models that did not see the sentence
// (jackknifed), so that it learns how far they hold.

// hint is what the first pass says of one token.
type hint struct {
	// near has bit l set when the first pass gave label l to the same word
	// elsewhere in the window of sentences around the token. (It comes
	// first so that the hint takes 12 bytes, and a token record 32.)
	near uint16
	// p1 is the first pass's label of the token.
	p1 int8
	// seen is how often the word occurs elsewhere in the window (at most
	// 3).
	seen uint8
	// nearT counts, for each type, the other occurrences of the word with
	// a label of that type (at most 3).
	nearT [8]uint8
}

// conjunctions join the items of a list.
var conjunctions = map[string]bool{",": true, "और": true, "तथा": true, "एवं": true, "व": true, "या": true, "अथवा": true, "and": true, "or": true}

// hints computes the hints of every sentence of a document from the first
// pass's labels, with the window of sentences before and after each one.
func hints(ls *labelSet, words [][]string, labels [][]int, window int) [][]hint {
	return hintsBy(ls, func(k int) []string { return words[k] }, labels, window)
}

// hintsBy is hints, given the words of sentence k by wordsOf(k), which may
// return the same buffer each time (what it returned before is not read
// again), so that a document's words need not all be at hand at once.
// labels holds a label for each word of each sentence.
func hintsBy[L int | int8](ls *labelSet, wordsOf func(k int) []string, labels [][]L, window int) [][]hint {
	// the counts of each word, by index into cs: one slice rather than an
	// allocation per distinct word, both kept from document to document
	hb := hintPool.Get().(*hintBufs)
	defer hb.put()
	near, cs := hb.near, hb.cs[:0]
	add := func(k, d int) {
		if k < 0 || k >= len(labels) {
			return
		}
		for i, w := range wordsOf(k) {
			j, ok := near[w]
			if !ok {
				j = int32(len(cs))
				cs = append(cs, hintCounts{})
				near[w] = j
			}
			c := &cs[j]
			c.lab[labels[k][i]] += uint16(d)
			c.n += uint16(d)
		}
	}
	for k := 0; k < window && k < len(labels); k++ {
		add(k, 1)
	}
	out := make([][]hint, len(labels))
	n := 0
	for _, lk := range labels {
		n += len(lk)
	}
	slab := make([]hint, n) // the hints of every sentence, one after another
	for k := range labels {
		// the window is now sentences k-window … k+window
		add(k+window, 1)
		ws := wordsOf(k)
		hs := slab[:len(ws):len(ws)]
		slab = slab[len(ws):]
		for i, w := range ws {
			l := int(labels[k][i])
			h := hint{p1: int8(l)}
			c := &cs[near[w]]
			n := int(c.n) - 1
			h.seen = uint8(min(n, 3))
			for y, cy := range c.lab {
				if y == l {
					cy--
				}
				if cy > 0 && y > 0 {
					h.near |= 1 << y
					t := typeIndexOf(ls, y)
					h.nearT[t] = min(h.nearT[t]+uint8(min(cy, 3)), 3)
				}
			}
			hs[i] = h
		}
		out[k] = hs
		add(k-window, -1)
	}
	hb.cs = cs
	return out
}

// hintCounts are the counts hints keeps of a word in the window: of each
// label, and in all.
type hintCounts struct {
	lab [16]uint16
	n   uint16
}

// hintBufs is the scratch space of hints.
type hintBufs struct {
	near map[string]int32
	cs   []hintCounts
}

var hintPool = sync.Pool{New: func() any { return &hintBufs{near: map[string]int32{}} }}

// put returns the buffers to the pool, emptied, unless a long document
// made them large: clearing a map takes time in proportion to the most it
// has held.
func (hb *hintBufs) put() {
	if len(hb.near) > 1<<14 {
		return
	}
	clear(hb.near)
	hb.cs = hb.cs[:0]
	hintPool.Put(hb)
}

// typeIndexOf is the index into types of label y's type (y > 0).
func typeIndexOf(ls *labelSet, y int) int { return (y - 1) / 2 }

// hintFeatures appends the features of the first pass's hints of token i.
// With sm, it appends the slots of the small ones to found instead of
// their hashes to dst.
func hintFeatures(dst []uint64, found []*featSlot, sm *smallSlots, ts []token, i int) ([]uint64, []*featSlot) {
	t := &ts[i]
	h := &t.hint
	pp, pn := int8(-1), int8(-1)
	if i > 0 {
		pp = ts[i-1].hint.p1
	}
	if i+1 < len(ts) {
		pn = ts[i+1].hint.p1
	}
	if sm != nil && smallHint(h, pp, pn) {
		found = addSlot(found, &sm.p1[h.p1])
		found = addSlot(found, &sm.p1Prev[pp+1][h.p1])
		found = addSlot(found, &sm.p1Next[h.p1][pn+1])
		if !t.punct && h.seen > 0 {
			found = addSlot(found, &sm.nearMask[h.near])
			if h.near == 0 {
				found = addSlot(found, &sm.nearOnlyO[h.seen])
			}
			for ty, n := range h.nearT {
				if n > 0 {
					found = addSlot(found, &sm.nearType[ty][n])
					found = addSlot(found, &sm.nearTypeP1[ty][h.p1])
				}
			}
		}
	} else {
		dst = append(dst,
			start(fP1).num(uint64(h.p1)).sum(),
			start(fP1Prev).num(uint64(pp)).num(uint64(h.p1)).sum(),
			start(fP1Next).num(uint64(h.p1)).num(uint64(pn)).sum(),
		)
		if !t.punct && h.seen > 0 {
			dst = append(dst, start(fNearMask).num(uint64(h.near)).sum())
			if h.near == 0 {
				dst = append(dst, start(fNearOnlyO).num(uint64(h.seen)).sum())
			}
			for ty, n := range h.nearT {
				if n > 0 {
					dst = append(dst,
						start(fNearType).num(uint64(ty)).num(uint64(n)).sum(),
						start(fNearTypeP1).num(uint64(ty)).num(uint64(h.p1)).sum())
				}
			}
		}
	}
	// the name across a conjunction
	if i+2 < len(ts) && ts[i+1].conj && !t.punct {
		dst = append(dst, start(fCoordNext).str(ts[i+1].word).num(uint64(ts[i+2].hint.p1)).sum())
	}
	if i >= 2 && ts[i-1].conj && !t.punct {
		// the last word of the name before the conjunction, and where the
		// first pass put its start
		dst = append(dst, start(fCoordPrev).str(ts[i-1].word).num(uint64(ts[i-2].hint.p1)).sum())
	}
	return dst, found
}

// smallHint reports whether the small slots hold the hint features of a
// token with hint h between tokens whose first-pass labels are pp and pn.
func smallHint(h *hint, pp, pn int8) bool {
	if h.p1 < 0 || h.p1 >= maxSmallLabels || pp >= maxSmallLabels || pn >= maxSmallLabels || h.near >= 1<<maxSmallLabels || h.seen > 3 {
		return false
	}
	for _, n := range h.nearT {
		if n > 3 {
			return false
		}
	}
	return true
}

// Stacked reports whether the model tags in two passes.
func (m *Model) Stacked() bool { return m.second != nil }

// TagDoc tags the sentences of one document, in order. A stacked model
// runs its first pass over all of them before the second; a plain one
// tags each sentence alone, as Tag.
func (m *Model) TagDoc(doc [][]string) [][]string {
	out, _ := m.TagDocContext(context.Background(), doc, nil)
	return out
}

// TagDocContext is TagDoc, stopping with ctx's error once ctx is done.
// words, when not nil, holds the folded word of each token of doc, as
// kb.Word folds it, which spares folding them again.
func (m *Model) TagDocContext(ctx context.Context, doc, words [][]string) ([][]string, error) {
	out, _, _, err := m.tagDoc(ctx, doc, words, false)
	return out, err
}

// TagDocWords is TagDocContext that folds the tokens itself and returns,
// besides the tags, the folded word of each token (as kb.Word folds it):
// a token it has met before, in this document or in others, is folded
// once.
func (m *Model) TagDocWords(ctx context.Context, doc [][]string) (tags, words [][]string, err error) {
	tags, words, _, err = m.tagDoc(ctx, doc, nil, true)
	return tags, words, err
}

// Flags of a word (TagDocFlags).
const (
	// WordCommon is set for a word CommonWord reports.
	WordCommon = 1 << iota
	// WordKnown is set for a word KnownWord reports.
	WordKnown
)

// TagDocFlags is TagDocWords that returns besides the WordCommon and
// WordKnown flags of each word, which the model knows of each token
// already.
func (m *Model) TagDocFlags(ctx context.Context, doc [][]string) (tags, words [][]string, flags [][]uint8, err error) {
	return m.tagDoc(ctx, doc, nil, true)
}

// lexFlags returns the flags of a word whose lexicon bits are l.
func lexFlags(l uint32) uint8 {
	var f uint8
	if l&lexCommon != 0 {
		f |= WordCommon
	}
	if l&lexFreqMask>>lexFreqShift >= 2 {
		f |= WordKnown
	}
	return f
}

// tagDoc is TagDocContext, returning the folded words and their flags
// too when wantWords.
func (m *Model) tagDoc(ctx context.Context, doc, words [][]string, wantWords bool) ([][]string, [][]string, [][]uint8, error) {
	out := make([][]string, len(doc))
	var outWords [][]string
	var outFlags [][]uint8
	if wantWords {
		outWords = make([][]string, len(doc))
		outFlags = make([][]uint8, len(doc))
	}
	if m.second == nil {
		for k, s := range doc {
			if k%64 == 0 && ctx.Err() != nil {
				return nil, nil, nil, ctx.Err()
			}
			out[k] = m.Tag(s)
			if wantWords {
				outWords[k] = make([]string, len(s))
				outFlags[k] = make([]uint8, len(s))
				for i, t := range s {
					w := wordOf(t)
					outWords[k][i], outFlags[k][i] = w, lexFlags(m.lex[w])
				}
			}
		}
		return out, outWords, outFlags, nil
	}
	// Both passes see the same tokens: they are prepared once (the second
	// pass shares the first's gazetteer and lexicon), with each distinct
	// token worked out once for the document.
	mm := m.memo()
	prepared := make([][]token, len(doc))
	// the first pass's labels, 1 byte a token rather than 8
	first := make([][]int8, len(doc))
	// the tokens, labels, words and flags of every sentence, one after
	// another
	n := 0
	for _, s := range doc {
		n += len(s)
	}
	mm.slab = make([]token, n)
	firstSlab := make([]int8, n)
	var wordSlab []string
	var flagSlab []uint8
	if wantWords {
		wordSlab, flagSlab = make([]string, n), make([]uint8, n)
	}
	// the flags of the empty word, which records of punctuation do not
	// look up
	var emptyFlags uint8
	if wantWords {
		emptyFlags = lexFlags(m.lex[""])
	}
	for k, s := range doc {
		if k%64 == 0 && ctx.Err() != nil {
			return nil, nil, nil, ctx.Err()
		}
		if words != nil {
			mm.words = words[k]
		}
		ts := prepareMemo(s, m.gaz, m.lex, nil, mm, m.set)
		prepared[k] = ts
		if wantWords {
			ws, fs := wordSlab[:len(ts):len(ts)], flagSlab[:len(ts):len(ts)]
			wordSlab, flagSlab = wordSlab[len(ts):], flagSlab[len(ts):]
			for i := range ts {
				ws[i], fs[i] = ts[i].folded, lexFlags(ts[i].lex)
				if ts[i].folded == "" {
					fs[i] = emptyFlags
				}
			}
			outWords[k], outFlags[k] = ws, fs
		}
		first[k], firstSlab = firstSlab[:len(ts):len(ts)], firstSlab[len(ts):]
		for i, l := range m.labelsOf(ts, 0) {
			first[k][i] = int8(l)
		}
	}
	// the words the hints count are the tokens' (hintWord), put in one
	// buffer a sentence at a time
	var hw []string
	hs := hintsBy(m.labels, func(k int) []string {
		hw = grow(hw, len(prepared[k]))
		for i := range prepared[k] {
			hw[i] = prepared[k][i].word
		}
		return hw
	}, first, m.window)
	for k, ts := range prepared {
		for i := range ts {
			ts[i].hint, ts[i].hinted = hs[k][i], true
		}
	}
	// What the second pass does not need goes before it makes its own
	// word vectors: the hints, now in the tokens (hs is dead from here),
	// and the first pass's word vectors (those of the records this
	// document made; the shared ones are read-only and kept).
	for _, x := range mm.tok {
		if !x.shared {
			x.vec[0] = nil
		}
	}
	for k, ts := range prepared {
		if k%64 == 0 && ctx.Err() != nil {
			return nil, nil, nil, ctx.Err()
		}
		out[k] = m.labelNames(m.second.labelsOf(ts, 1))
	}
	return out, outWords, outFlags, nil
}

// SecondPass tags the sentences doc[k] for k in which with the second pass
// of a stacked model, given first-pass tags of every sentence of doc (as
// TagDoc would compute them, or from models that did not see them). It is
// for cross-validation; a model that is not stacked tags each sentence
// alone.
func (m *Model) SecondPass(doc [][]string, first [][]string, which []int) [][]string {
	out := make([][]string, len(which))
	if m.second == nil {
		for j, k := range which {
			out[j] = m.Tag(doc[k])
		}
		return out
	}
	labels := make([][]int, len(doc))
	words := make([][]string, len(doc))
	for k, s := range doc {
		labels[k] = make([]int, len(s))
		for i, tag := range first[k] {
			labels[k][i] = m.labels.index[tag]
		}
		words[k] = make([]string, len(s))
		for i, t := range s {
			words[k][i] = hintWord(t)
		}
	}
	hs := hints(m.labels, words, labels, m.window)
	for j, k := range which {
		out[j] = m.labelNames(m.second.labelsHinted(doc[k], hs[k]))
	}
	return out
}

// FirstPass returns the model of the first pass (m itself when m is not
// stacked).
func (m *Model) FirstPass() *Model {
	if m.second == nil {
		return m
	}
	return &Model{labels: m.labels, gaz: m.gaz, lex: m.lex, table: m.table, trans: m.trans, oBias: m.oBias, info: m.info, set: m.set}
}

// FullTags tags a sentence with all the labels the model knows (TIME and
// NUM too), as the first pass hands them to the second.
func (m *Model) FullTags(tokens []string) []string {
	ls := m.labelsHinted(tokens, nil)
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = m.labels.names[l]
	}
	return out
}

func (m *Model) labelNames(ls []int) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = outputTag(m.labels.names[l])
	}
	return out
}

// hintWord is the word hints compare: the folded word, or the token for
// punctuation.
func hintWord(t string) string {
	if w := wordOf(t); w != "" {
		return w
	}
	return t
}

// trainStacked trains a stacked model: the first pass on train, the
// first-pass labels of each training sentence from a model trained on the
// other StackFolds folds, then the second pass on those labels.
func trainStacked(ctx context.Context, train, dev []Sentence, opts TrainOptions) (*Model, Report, error) {
	window := opts.Stack
	one := opts
	one.Stack = 0
	one.OnEpoch = nil
	m1, _, err := TrainSentences(ctx, train, dev, one)
	if err != nil {
		return nil, Report{}, err
	}
	trainFirst, err := TrainFirstPasses(ctx, train, opts)
	if err != nil {
		return nil, Report{}, err
	}
	if opts.Progress != nil {
		fmt.Fprintln(opts.Progress, "first pass done; second pass:")
	}
	devFirst := make([][]string, len(dev))
	for i, s := range dev {
		devFirst[i] = m1.FullTags(s.Tokens)
	}
	two := one
	two.OnEpoch = opts.OnEpoch
	two.NoBias = true // the bias search tags without hints
	two.hints = func(set int) [][]hint {
		ss, first := train, trainFirst
		if set == 1 {
			ss, first = dev, devFirst
		}
		labels := make([][]int, len(ss))
		words := make([][]string, len(ss))
		for k, s := range ss {
			labels[k] = make([]int, len(s.Tokens))
			words[k] = make([]string, len(s.Tokens))
			for i, t := range s.Tokens {
				labels[k][i] = m1.labels.index[first[k][i]]
				words[k][i] = hintWord(t)
			}
		}
		return hints(m1.labels, words, labels, window)
	}
	m2, rep, err := TrainSentences(ctx, train, dev, two)
	if err != nil {
		return nil, Report{}, err
	}
	m1.second = m2
	m1.window = window
	m1.info = m2.info
	rep.FirstPass = trainFirst
	return m1, rep, nil
}

// TrainFirstPasses returns, for each sentence of train, the first-pass tags
// (with all labels, as FullTags) of a model trained with opts on the other
// folds of train: what trainStacked hands the second pass. It is for
// cross-validation.
func TrainFirstPasses(ctx context.Context, train []Sentence, opts TrainOptions) ([][]string, error) {
	K := opts.StackFolds
	if K < 2 {
		K = 5
	}
	opts.Stack = 0
	opts.OnEpoch = nil
	opts.Progress = nil
	out := make([][]string, len(train))
	for f := 0; f < K; f++ {
		var rest []Sentence
		for i, s := range train {
			if i%K != f {
				rest = append(rest, s)
			}
		}
		mf, _, err := TrainSentences(ctx, rest, nil, opts)
		if err != nil {
			return nil, err
		}
		for i, s := range train {
			if i%K == f {
				out[i] = mf.FullTags(s.Tokens)
			}
		}
	}
	return out, nil
}

// Window is how many sentences before and after a sentence the second pass
// of a stacked model looks at (0 for a model that is not stacked).
func (m *Model) Window() int { return m.window }
