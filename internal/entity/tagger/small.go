package tagger

// Small features: many context features take their parts from a few
// values (the shapes of three tokens, a gazetteer bit, the first pass's
// labels around a token, a lexicon bit and a distance). Their hashes are
// worked out once per model and looked up in its table, and a token finds
// their slots by index instead of hashing and probing the large table for
// each one. The slots found are the same, so the scores are too
// (TestSmallSlots).

// nShapes bounds the shape ids: 0 is a shape without one, then the
// shapes shapeOf gives, with and without a full stop, and the edge marks
// contextFeatures uses before the first token and after the last.
const nShapes = 17

var shapeIDs = func() map[string]uint8 {
	ids := map[string]uint8{"<": 1, ">": 2}
	for i, s := range []string{"m", "d", "9", "U", "A", "a", "p"} {
		ids[s] = uint8(3 + 2*i)
		ids[s+"."] = uint8(4 + 2*i)
	}
	return ids
}()

// shapeID returns the id of shape s, 0 for none.
func shapeID(s string) uint8 { return shapeIDs[s] }

// Edge shape ids.
var bosShape, eosShape = shapeID("<"), shapeID(">")

// Bounds of the small tables: label indices below maxSmallLabels, near
// masks below 1<<maxSmallLabels, distances of lexFeatures up to 5, at most
// 8 types.
const (
	maxSmallLabels = 13
	maxSmallDist   = 6
	maxSmallTypes  = 8
)

// smallSlots holds a model's slots of small features; an empty slot (key
// 0) is a feature the model lacks.
type smallSlots struct {
	shape3     [nShapes * nShapes * nShapes]featSlot
	gaz        [64]featSlot
	first      featSlot
	lex        [4][maxSmallTypes][maxSmallDist]featSlot // fHeadAhead, fTrigAhead, fTrigBehind, fFirstBehind
	p1         [maxSmallLabels]featSlot
	p1Prev     [maxSmallLabels + 1][maxSmallLabels]featSlot // previous label + 1, label
	p1Next     [maxSmallLabels][maxSmallLabels + 1]featSlot // label, next label + 1
	nearMask   [1 << maxSmallLabels]featSlot
	nearOnlyO  [4]featSlot
	nearType   [maxSmallTypes][4]featSlot
	nearTypeP1 [maxSmallTypes][maxSmallLabels]featSlot
	// trans is the model's transition scores with the BIO constraints
	// (maskTrans), for viterbiMasked
	trans *maskedTrans
}

// lexTemplates are the templates of smallSlots.lex, in order.
var lexTemplates = [4]byte{fHeadAhead, fTrigAhead, fTrigBehind, fFirstBehind}

// small returns m's small slots, worked out on first use; nil when m's
// labels or types do not fit them.
func (m *Model) small() *smallSlots {
	m.smallOnce.Do(func() {
		if m.labels.len() > maxSmallLabels || len(types) > maxSmallTypes || maxSmallLabels > maxMasked {
			return
		}
		m.smalls = newSmallSlots(&m.table)
		m.smalls.trans = newMaskedTrans(m.labels.len(), maskTrans(m.labels, m.trans))
	})
	return m.smalls
}

func newSmallSlots(t *featTable) *smallSlots {
	sm := &smallSlots{}
	get := func(h uint64) featSlot {
		if sl := t.find(h); sl != nil {
			return *sl
		}
		return featSlot{}
	}
	var shapes [nShapes]string
	for s, id := range shapeIDs {
		shapes[id] = s
	}
	for a := 1; a < nShapes; a++ {
		for b := 1; b < nShapes; b++ {
			for c := 1; c < nShapes; c++ {
				sm.shape3[(a*nShapes+b)*nShapes+c] = get(start(fShape3).str(shapes[a]).str(shapes[b]).str(shapes[c]).sum())
			}
		}
	}
	for bit := range uint64(64) {
		sm.gaz[bit] = get(start(fGaz).num(bit).sum())
	}
	sm.first = get(start(fFirst).sum())
	for k, tmpl := range lexTemplates {
		for ty := range maxSmallTypes {
			for d := range maxSmallDist {
				sm.lex[k][ty][d] = get(start(tmpl).num(uint64(ty)).num(uint64(d)).sum())
			}
		}
	}
	for l := range int8(maxSmallLabels) {
		sm.p1[l] = get(start(fP1).num(uint64(l)).sum())
		for o := int8(-1); o < maxSmallLabels; o++ {
			sm.p1Prev[o+1][l] = get(start(fP1Prev).num(uint64(o)).num(uint64(l)).sum())
			sm.p1Next[l][o+1] = get(start(fP1Next).num(uint64(l)).num(uint64(o)).sum())
		}
		for ty := range uint64(maxSmallTypes) {
			sm.nearTypeP1[ty][l] = get(start(fNearTypeP1).num(ty).num(uint64(l)).sum())
		}
	}
	for near := range uint64(1 << maxSmallLabels) {
		sm.nearMask[near] = get(start(fNearMask).num(near).sum())
	}
	for seen := range uint64(4) {
		sm.nearOnlyO[seen] = get(start(fNearOnlyO).num(seen).sum())
	}
	for ty := range uint64(maxSmallTypes) {
		for n := range uint64(4) {
			sm.nearType[ty][n] = get(start(fNearType).num(ty).num(n).sum())
		}
	}
	return sm
}

// add appends slot sl to found when the model has its feature.
func addSlot(found []*featSlot, sl *featSlot) []*featSlot {
	if sl.key != 0 {
		found = append(found, sl)
	}
	return found
}
