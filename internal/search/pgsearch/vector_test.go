package pgsearch

import (
	"strings"
	"testing"

	"khabar/internal/search"
	"khabar/internal/search/searchtest"
)

func TestVectors(t *testing.T) {
	a := searchtest.Articles()[0] // hi-kremlin
	tsv, head, dropped := vectors(search.NewDoc(a))
	if dropped {
		t.Fatal("a short article lost its positions")
	}
	// Headline words carry weight A, names B, the publisher D (no
	// letter), the text C; sound keys are lexemes without positions.
	term := func(w string) string { return "'" + search.Analyze(w)[0].Text + "'" }
	for _, want := range []string{term("क्रेमलिन") + ":1A,", "'dainik':", "'~"} {
		if !strings.Contains(tsv, want) {
			t.Errorf("tsv lacks %s:\n%s", want, tsv)
		}
	}
	if !strings.Contains(tsv, "C") || !strings.Contains(tsv, "B") {
		t.Errorf("tsv lacks text (C) or name (B) weights:\n%s", tsv)
	}
	// The rank vector holds the headlines, names and publisher, not the
	// text.
	if strings.Contains(head, term("संवाददाताओं")) || !strings.Contains(head, term("क्रेमलिन")+":1A,") {
		t.Errorf("head:\n%s", head)
	}
}

func TestVectorsHuge(t *testing.T) {
	// An article of over a megabyte of distinct words keeps its words
	// and leaves out their positions.
	var b strings.Builder
	for i := 0; b.Len() < 3<<20; i++ {
		b.WriteString("शब्द")
		for n := i; n > 0; n /= 26 {
			b.WriteByte(byte('a' + n%26))
		}
		b.WriteByte(' ')
	}
	tsv, _, dropped := vectors(search.Doc{ID: "big", Text: b.String()})
	if !dropped || len(tsv) >= maxVector {
		t.Errorf("huge article: dropped %v, %d bytes", dropped, len(tsv))
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{`it's`: `'it''s'`, `a\b`: `'a\\b'`, "पुतिन": "'पुतिन'"} {
		var b strings.Builder
		quote(&b, in)
		if b.String() != want {
			t.Errorf("quote(%q) = %s, want %s", in, b.String(), want)
		}
	}
}

// BenchmarkVectors makes the tsvectors of a Hindi news article, as
// indexing does for every article stored.
func BenchmarkVectors(b *testing.B) {
	a := searchtest.Articles()[0]
	a.Text = strings.Repeat(a.Text+"\n\n", 8) // about 5 KB
	d := search.NewDoc(a)
	b.SetBytes(int64(len(a.Text)))
	for b.Loop() {
		vectors(d)
	}
}
