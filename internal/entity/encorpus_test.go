package entity

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"khabar/internal/news"
	"khabar/internal/segment"
)

// TestReadEnglishSplit reads a small ner-en folder written for the test:
// the splits take the documents and files they should, labels are mapped,
// and a malformed line is skipped as in training.
func TestReadEnglishSplit(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tweet := "Talks\tO\nin\tO\nDelhi\tB-LOC\ntoday\tO\n\nThe\tO\nBBC\tB-ORG\nreports\tO\n\n"
	for _, f := range []string{"a", "b", "e", "f", "g", "h"} {
		write("btc/"+f+".conll", tweet)
	}
	write("btc/h.conll", tweet+"\tO\nRahul\tB-PER\n\n") // an empty token, as section H has
	write("btc/g.conll", strings.Repeat(tweet, 6))      // twelve tweets: the tenth is dev
	write("btc/f.conll", "RT\tO\n@\tB-PER\nScottie\tB-PER\n:\tO\nhi\tO\n@\tB-ORG\nBBC\tI-ORG\n\n")
	wnut := "Priya\tB-person\nvisited\tO\nthe\tO\nEiffel\tB-location\nTower\tI-location\nwith\tO\nGoogle\tB-corporation\nstaff\tO\n\n"
	write("wnut17/wnut17train.conll", wnut)
	write("wnut17/emerging.dev.conll", wnut)
	write("wnut17/emerging.test.annotated", "Arsenal\tB-group\nlost\tO\nand\tO\nDune\tB-creative-work\nsold\tO\n\n")
	var wiki bytes.Buffer
	for d := range 10 {
		wiki.WriteString("-DOCSTART- O\n\n")
		for range d + 1 {
			wiki.WriteString("The I-ORG\nRoyal I-ORG\nSociety I-ORG\nmet I-MISC\nin O\nLondon I-LOC\n. O\n\n")
		}
	}
	write("wikigold/wikigold.conll", wiki.String())

	sizes := map[string]map[string]int{}
	for _, split := range []string{"train", "dev", "test"} {
		sets, err := ReadEnglishSplit(dir, split)
		if err != nil {
			t.Fatal(err)
		}
		sizes[split] = map[string]int{}
		for _, s := range sets {
			sizes[split][s.Corpus] = len(s.Sentences())
		}
	}
	// wikigold's ten documents hold 1..10 sentences: the first seven train
	// (28 sentences), the eighth is dev (8), the last two held out (19);
	// BTC's sections train but for their tenth tweets (one, in section G)
	want := map[string]map[string]int{
		"train": {"btc": 20, "wnut17": 1, "wikigold": 28},
		"dev":   {"btc": 1, "wnut17": 1, "wikigold": 8},
		"test":  {"btc": 1, "wnut17": 1, "wikigold": 19},
	}
	for split, w := range want {
		for c, n := range w {
			if sizes[split][c] != n {
				t.Errorf("%s %s: %d sentences, want %d (all: %v)", split, c, sizes[split][c], n, sizes)
			}
		}
		if len(sizes[split]) != len(w) {
			t.Errorf("%s: corpora %v, want %v", split, sizes[split], w)
		}
	}
	test, _ := ReadEnglishSplit(dir, "test")
	for _, s := range test {
		if s.Corpus == "btc" {
			// the sign of a user name is no name
			got, want := s.Docs[0][0].Tags, []string{"O", "O", "B-PER", "O", "O", "O", "B-ORG"}
			if !slices.Equal(got, want) {
				t.Errorf("btc tags %v, want %v", got, want)
			}
		}
		if s.Corpus != "wnut17" {
			continue
		}
		got := s.Docs[0][0].Tags
		wantTags := []string{"B-ORG", "O", "O", "B-MISC", "O"}
		for i := range wantTags {
			if got[i] != wantTags[i] {
				t.Errorf("wnut tags %v, want %v", got, wantTags)
				break
			}
		}
	}
	train, _ := ReadEnglishSplit(dir, "train")
	for _, s := range train {
		if s.Corpus == "wikigold" {
			if got := s.Docs[0][0].Tags; got[0] != "B-ORG" || got[2] != "I-ORG" || got[3] != "B-MISC" || got[5] != "B-LOC" {
				t.Errorf("wikigold IOB1 tags read as %v", got)
			}
		}
	}
	if _, err := ReadEnglishSplit(dir, "eval"); err == nil {
		t.Error("split eval: no error")
	}
	if _, err := ReadEnglishSplit(t.TempDir(), "train"); err == nil {
		t.Error("empty folder: no error")
	}
}

// FuzzSplitDocs cuts arbitrary text at -DOCSTART- lines: no panic, and the
// documents are pieces of the input in order.
func FuzzSplitDocs(f *testing.F) {
	for _, s := range []string{"", "-DOCSTART- O\n\nA O\n", "A O\n-DOCSTART- O\nB O", "-DOCSTART-", "\n\n-DOCSTART- -X-\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		rest := b
		for _, d := range splitDocs(b) {
			k := bytes.Index(rest, d)
			if k < 0 || len(bytes.TrimSpace(d)) == 0 || bytes.Contains(d, []byte("\n-DOCSTART-")) || bytes.HasPrefix(d, []byte("-DOCSTART-")) {
				t.Fatalf("document %q is not a piece of %q between marks", d, b)
			}
			rest = rest[k+len(d):]
		}
	})
}

// BenchmarkEnglish tags an English wire story with the English model.
func BenchmarkEnglish(b *testing.B) {
	s := testStage(b)
	text, err := os.ReadFile(filepath.Join("testdata", "english-wire.txt"))
	if err != nil {
		b.Fatal(err)
	}
	a := &news.Article{Text: string(text), Segments: segment.Split(string(text))}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if err := s.Process(b.Context(), a); err != nil {
			b.Fatal(err)
		}
	}
}
