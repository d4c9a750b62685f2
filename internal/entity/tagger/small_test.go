package tagger

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSmallSlots checks that a token's context finds the same slots
// through the small tables (and the frequency features with its
// neighbours through their word vectors) as through the hashes of
// contextFeatures, on
// both passes of the shipped model, with gazetteer bits, lexicon bits and
// hints of every kind (and out of the tables' range, where it hashes).
func TestSmallSlots(t *testing.T) {
	m := shippedModel(t)
	mm := newMemo()
	var scratch []uint64
	for pass, pm := range []*Model{m, m.second} {
		sm := pm.small()
		if sm == nil {
			t.Fatal("the shipped model has no small slots")
		}
		smallFound := 0
		for k, s := range vecSentences(t) {
			ts := prepareMemo(s, nil, m.lex, nil, mm, m.set)
			for i := range ts {
				ts[i].gaz = uint64((k*7+i*3)%5) | uint64(i%3)<<40
				if k%2 == 0 {
					ts[i].hint = hint{p1: int8((i + k) % 14), near: uint16((i * 37 * k) % (1 << 14)), seen: uint8((i + k) % 5),
						nearT: [8]uint8{uint8(i % 2), 0, uint8(k % 4), 0, 0, uint8(i % 5)}}
					ts[i].hinted = true
				}
			}
			for i := range ts {
				var want []uint64
				for _, h := range contextFeatures(nil, ts, i) {
					want = append(want, pm.table.ref(h))
				}
				hs, found := contextSlots(nil, nil, sm, ts, i)
				smallFound += len(found)
				var got []uint64
				for _, sl := range found {
					got = append(got, sl.ref)
				}
				for _, h := range hs {
					got = append(got, pm.table.ref(h))
				}
				if !ts[i].punct {
					fb := (ts[i].lex & lexFreqMask) >> lexFreqShift
					if i > 0 {
						got = append(got, pm.vecOf(ts[i-1].alone, pass, &scratch).freqPrev[fb])
					}
					if i+1 < len(ts) {
						got = append(got, pm.vecOf(ts[i+1].alone, pass, &scratch).freqNext[fb])
					}
				}
				want = slices.DeleteFunc(want, func(r uint64) bool { return r == 0 })
				got = slices.DeleteFunc(got, func(r uint64) bool { return r == 0 })
				slices.Sort(want)
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Fatalf("sentence %d token %d (%q): %d slots through the small tables, %d through hashes", k, i, s[i], len(got), len(want))
				}
			}
		}
		if smallFound == 0 {
			t.Error("no slot came from the small tables")
		}
	}
}

// TestViterbiMasked checks that viterbiMasked decodes as viterbi, ties
// included: the scores are whole multiples of a coarse step, so that many
// paths tie.
func TestViterbiMasked(t *testing.T) {
	m := shippedModel(t)
	L := m.labels.len()
	rng := rand.New(rand.NewPCG(1, 2))
	tm := newMaskedTrans(L, maskTrans(m.labels, m.trans))
	coarse := slices.Clone(m.trans)
	for i := range coarse {
		coarse[i] = float32(rng.IntN(5)) / 2
	}
	tmc := newMaskedTrans(L, maskTrans(m.labels, coarse))
	for k := range 3000 {
		n := 1 + rng.IntN(30)
		wk := &work{scores: make([]float32, n*L)}
		for i := range wk.scores {
			wk.scores[i] = float32(rng.IntN(9)-4) / 2
		}
		trans, masked := m.trans, tm
		if k%2 == 1 {
			trans, masked = coarse, tmc
		}
		want := viterbi(m.labels, wk, n, trans)
		if got := viterbiMasked(wk, n, masked); !slices.Equal(got, want) {
			t.Fatalf("case %d: viterbiMasked %v, viterbi %v", k, got, want)
		}
	}
}

// BenchmarkViterbi decodes sentences of 30 tokens with random scores
// under the shipped model's transitions.
func BenchmarkViterbi(b *testing.B) {
	m := loadShipped(b, "ner-hi")
	L := m.labels.len()
	tt := m.small().trans
	rng := rand.New(rand.NewPCG(3, 4))
	const n = 30
	wk := &work{scores: make([]float32, n*L)}
	for i := range wk.scores {
		wk.scores[i] = float32(rng.IntN(200)-100) / 16
	}
	for b.Loop() {
		viterbiMasked(wk, n, tt)
	}
}
