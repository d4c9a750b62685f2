package tagger

import (
	"fmt"
	"math"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"khabar/internal/entity/internal/fold"
)

// vecSentences returns the sentences the word-vector tests tag: the toy
// corpus, and the IL-NER dev split when the shared data is there.
func vecSentences(t *testing.T) [][]string {
	var doc [][]string
	for _, s := range toySentences(t) {
		doc = append(doc, s.Tokens)
	}
	doc = append(doc, []string{"अ"}, []string{"U.S.", "and", "ईबीआरडी", "…", "x"},
		[]string{"एक", "दो", "तीन", "चार", "पांच", "छह", "सात", "आठ", "नौ", "दस", "ग्यारह"})
	if p := devFile(t, "dev.conll"); p != "" {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		ss, err := ReadCoNLL(f, true)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range ss[:min(len(ss), 400)] {
			doc = append(doc, s.Tokens)
		}
	}
	return doc
}

// shippedModel loads the committed Hindi model, or skips.
func shippedModel(t *testing.T) *Model { return loadShipped(t, "ner-hi") }

// loadShipped loads a committed model, or skips.
func loadShipped(t testing.TB, name string) *Model {
	f, err := os.Open("../model/" + name + ".model.gz")
	if err != nil {
		t.Skipf("no model: %v", err)
	}
	defer f.Close()
	m, err := Load(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestContextFeaturesPartition checks that a token's word vectors and
// context features together are exactly the features features computes,
// in each feature set.
func TestContextFeaturesPartition(t *testing.T) {
	for set := range nFeatureSets {
		testPartition(t, set)
	}
}

func testPartition(t *testing.T, set FeatureSet) {
	mm := newMemo()
	doc := append(vecSentences(t), strings.Fields("RT @bbc_news : PM Theresa May 's speech in #London http://t.co/x1 — WATCH NOW"))
	for k, s := range doc {
		ts := prepareMemo(s, nil, nil, nil, mm, set)
		for i := range ts {
			// gazetteer bits and hints on some tokens, to cover their features
			ts[i].gaz = uint64((k*7 + i*3) % 5)
			if k%2 == 0 {
				ts[i].hint, ts[i].hinted = hint{p1: int8(i % 3), near: uint16(i % 4), seen: uint8(i % 3), nearT: [8]uint8{uint8(i % 2)}}, true
			}
		}
		for i := range ts {
			want, _ := features(nil, ts, i)
			got := selfHashes(nil, ts[i].alone)
			if i > 0 {
				got = append(got, ts[i-1].h.asPrev, ts[i-1].h.asPrevSuffix)
				got = append(got, ts[i-1].h.en().xPrev...)
			}
			if i > 1 {
				got = append(got, ts[i-2].h.asPrev2)
			}
			if i+1 < len(ts) {
				got = append(got, ts[i+1].h.asNext, ts[i+1].h.asNextSuffix)
				got = append(got, ts[i+1].h.en().xNext...)
			}
			if i+2 < len(ts) {
				got = append(got, ts[i+2].h.asNext2)
			}
			got = contextFeatures(got, ts, i)
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("set %d sentence %d token %d (%q): word vectors and context give %d features, features %d", set, k, i, s[i], len(got), len(want))
			}
		}
	}
}

// TestWordVectorScores checks that the emission scores summed from word
// vectors are bit for bit those summed feature by feature, on both passes
// of the shipped model, and that the labels are the same.
func TestWordVectorScores(t *testing.T) {
	m := shippedModel(t)
	if m.table.inexact || m.second == nil || m.second.table.inexact {
		t.Fatalf("shipped model: inexact %v, stacked %v", m.table.inexact, m.second != nil)
	}
	checkWordVectors(t, m, vecSentences(t))
	en := loadShipped(t, "ner-en")
	if en.table.inexact {
		t.Fatal("English model: inexact")
	}
	checkWordVectors(t, en, [][]string{
		strings.Fields("The European Bank for Reconstruction and Development ( EBRD ) said on Monday that Jane Smith will visit New Delhi ."),
		strings.Fields("Apple Inc. and the U.N. met in Geneva , Switzerland , with Prime Minister Narendra Modi 's aides"),
		{"x"}, {"IBM", "IBM", "ibm"},
	})
}

// checkWordVectors checks that m scores the sentences of doc the same with
// word vectors and feature by feature, on each of its passes.
func checkWordVectors(t *testing.T, m *Model, doc [][]string) {
	t.Helper()
	mm := newMemo()
	var scratch []uint64
	L := m.labels.len()
	for k, s := range doc {
		ts := prepareMemo(s, m.gaz, m.lex, nil, mm, m.set)
		passes := []*Model{m}
		if m.second != nil {
			passes = append(passes, m.second)
		}
		for pass, pm := range passes {
			if pass == 1 {
				first := m.labelsOf(ts, -1)
				for i := range ts {
					ts[i].hint, ts[i].hinted = hint{p1: int8(first[i]), seen: uint8(i % 3), near: uint16(first[i] << 1)}, true
				}
			}
			for i := range ts {
				if !pm.exactSums(&ts[i]) {
					t.Fatalf("token %q: sums not exact", s[i])
				}
				want := make([]float32, L)
				fs, _ := features(nil, ts, i)
				pm.addWeights(want, fs)
				got := make([]float32, L)
				addVec(got, pm.vecOf(ts[i].alone, pass, &scratch), vSelf)
				for d, v := range map[int]int{-1: vPrev, -2: vPrev2, 1: vNext, 2: vNext2} {
					if j := i + d; j >= 0 && j < len(ts) {
						addVec(got, pm.vecOf(ts[j].alone, pass, &scratch), v)
					}
				}
				pm.addWeights(got, contextFeatures(nil, ts, i))
				for c := range want {
					if math.Float32bits(got[c]) != math.Float32bits(want[c]) {
						t.Fatalf("sentence %d token %d pass %d label %d: %v from vectors, %v by feature", k, i, pass, c, got[c], want[c])
					}
				}
			}
			if a, b := pm.labelsOf(ts, -1), pm.labelsOf(ts, pass); !slices.Equal(a, b) {
				t.Fatalf("sentence %d pass %d: labels %v with vectors, %v without", k, pass, b, a)
			}
		}
	}
}

// TestExactSumsBound checks that a model with a weight that is not a
// multiple of quantStep, or a huge one, takes the feature-by-feature path.
func TestExactSumsBound(t *testing.T) {
	tk := &token{alone: &alone{h: &wordHashes{}}}
	var ft featTable
	ft.push(0, 1.5)
	m := &Model{table: ft}
	if !m.exactSums(tk) {
		t.Error("small whole weights: not exact")
	}
	m.table.push(1, 0.01)
	if m.exactSums(tk) {
		t.Error("weight 0.01 counted exact")
	}
	ft = featTable{}
	ft.push(0, 1<<16)
	if m := (&Model{table: ft}); m.exactSums(tk) {
		t.Error("weight 2^16 counted exact")
	}
	ft = featTable{}
	ft.push(0, float32(math.NaN()))
	if m := (&Model{table: ft}); m.exactSums(tk) {
		t.Error("NaN weight counted exact")
	}
}

// TestWordCacheConcurrent tags the same documents from several goroutines
// of one model, whose word cache they share, and checks each result
// against a fresh model's; go test -race checks the sharing.
func TestWordCacheConcurrent(t *testing.T) {
	doc := vecSentences(t)
	fresh := shippedModel(t)
	want := fresh.TagDoc(doc)
	ref := make([][]string, len(doc))
	for k := range doc {
		ref[k] = fresh.WithBias(fresh.Bias()).TagDoc(doc[k : k+1])[0]
	}
	m := shippedModel(t)
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// each goroutine tags the document in its own order of blocks
			for r := range 2 {
				for k := (g + r) % 3; k < len(doc); k += 3 {
					got := m.TagDoc(doc[k : k+1])
					if !slices.Equal(got[0], ref[k]) {
						errs <- fmt.Sprintf("goroutine %d sentence %d: %v, want %v", g, k, got[0], ref[k])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if got := m.TagDoc(doc); !slices.EqualFunc(got, want, slices.Equal) {
		t.Error("whole document tagged after the cache filled differs")
	}
	// a plain model's Tag shares its cache too
	en, en2 := loadShipped(t, "ner-en"), loadShipped(t, "ner-en")
	for k := range doc {
		a := en.Tag(doc[k])
		for range 2 {
			if b := en2.Tag(doc[k]); !slices.Equal(a, b) {
				t.Fatalf("English sentence %d: %v, then %v", k, a, b)
			}
		}
	}
}

// TestWordCacheKeepsNoText checks that the cache keeps copies of the
// tokens, not slices of the text they came from.
func TestWordCacheKeepsNoText(t *testing.T) {
	m := shippedModel(t)
	text := "मोहन ने पटना में भाषण दिया ।"
	m.TagDoc([][]string{strings.Fields(text)})
	for _, tok := range strings.Fields(text) {
		x := m.words.get(tok)
		if x == nil {
			t.Fatalf("%q not kept", tok)
		}
		for _, s := range []string{x.word, x.folded} {
			if s != "" && unsafe.StringData(s) == unsafe.StringData(tok) {
				t.Errorf("%q: the cache keeps the text's bytes", tok)
			}
		}
	}
}

// TestTagDocWords checks that TagDocWords tags as TagDocContext does and
// returns the folded word of every token, twice over (the second time from
// the records the first left in the model's shared cache).
func TestTagDocWords(t *testing.T) {
	for _, m := range []*Model{shippedModel(t), shippedModel(t).FirstPass()} {
		doc := vecSentences(t)
		want, err := m.TagDocContext(t.Context(), doc, nil)
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			tags, words, err := m.TagDocWords(t.Context(), doc)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(tags, want) {
				t.Fatalf("stacked %v: tags differ from TagDocContext", m.Stacked())
			}
			for k, s := range doc {
				for i, tok := range s {
					if words[k][i] != fold.Word(tok) {
						t.Fatalf("token %q: word %q, want %q", tok, words[k][i], fold.Word(tok))
					}
				}
			}
		}
	}
}
