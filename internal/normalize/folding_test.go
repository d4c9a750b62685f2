package normalize

import (
	"testing"
	"unicode"
)

// TestIndexedDigit checks that TermFold folds the digits of exactly the
// scripts in indexZeros, each to its value, and no other rune.
func TestIndexedDigit(t *testing.T) {
	want := map[rune]int{}
	for _, z := range indexZeros {
		for d := 0; d < 10; d++ {
			want[z+rune(d)] = d
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		w, ok := want[r]
		if !ok {
			w = -1
		}
		if got := indexedDigit(r); got != w {
			t.Fatalf("indexedDigit(%U) = %d, want %d", r, got, w)
		}
	}
}

// TestFoldingsDiffer holds what each folding does to the same inputs, so
// that a change making two of them alike is a decision, not an accident.
func TestFoldingsDiffer(t *testing.T) {
	for _, c := range []struct {
		in                    string
		key, term, line, word string
	}{
		// Nasal + virama: Key and Term write anusvara; Line and Word keep it.
		{"ट्रम्प", "ट्रंप", "ट्रंप", "ट्रम्प", "ट्रम्प"},
		// A word-final virama: only Key drops it.
		{"जगत्", "जगत", "जगत्", "जगत्", "जगत्"},
		// Chandrabindu: Key and Term write anusvara.
		{"हाँ", "हां", "हां", "हाँ", "हाँ"},
		// Nukta: every folding drops it; only Key writes ऩ as न.
		{"ज़मीन ऩ", "जमीन न", "जमीन ऩ", "जमीन ऩ", "जमीन ऩ"},
		// Case: Term expects lower-cased tokens.
		{"Modi", "modi", "Modi", "modi", "modi"},
		// Digits: Key folds every script's, Term the indexed scripts'.
		{"२०२५ ๑", "2025 1", "2025 ๑", "२०२५ ๑", "२०२५ ๑"},
		// Latin diacritics: Key and Term drop them.
		{"Pétain", "petain", "Petain", "pétain", "pétain"},
		// Punctuation and spaces: Key strips punctuation round words,
		// Line collapses spaces.
		{" (नई)  दिल्ली ", "नई दिल्ली", " (नई)  दिल्ली ", "(नई) दिल्ली", " (नई)  दिल्ली "},
		// ZWJ: only Key drops it.
		{"क\u200dष", "कष", "क\u200dष", "क\u200dष", "क\u200dष"},
	} {
		for _, f := range []struct {
			f    *Folding
			want string
		}{{KeyFold, c.key}, {TermFold, c.term}, {LineFold, c.line}, {WordFold, c.word}} {
			if got := f.f.String(c.in); got != f.want {
				t.Errorf("%s(%q) = %q, want %q", f.f.Name(), c.in, got, f.want)
			}
		}
	}
}

// TestNameFold holds what NameFold adds to KeyFold.
func TestNameFold(t *testing.T) {
	for _, c := range []struct{ in, key, name string }{
		{"ऑस्ट्रेलिया", "ऑस्ट्रेलिया", "आस्ट्रेलिया"},
		{"एएनआइ", "एएनआइ", "एएनआई"},
		{"इंडिया", "इंडिया", "इंडिया"}, // इ that starts a word stays
	} {
		if got := KeyFold.String(c.in); got != c.key {
			t.Errorf("key(%q) = %q, want %q", c.in, got, c.key)
		}
		if got := NameFold.String(c.in); got != c.name {
			t.Errorf("name(%q) = %q, want %q", c.in, got, c.name)
		}
	}
}

func BenchmarkFoldings(b *testing.B) {
	text := "नई दिल्ली, 12 मार्च (भाषा) प्रधानमंत्री नरेंद्र मोदी ने ट्रम्प से कहा कि ज़मीन पर हालात सुधरे हैं। Donald Trump said on Friday."
	for _, f := range []*Folding{KeyFold, NameFold, TermFold, LineFold, WordFold} {
		b.Run(f.Name(), func(b *testing.B) {
			for b.Loop() {
				_ = f.String(text)
			}
		})
	}
}

// TestDevanagariKept checks that AppendRune writes every character
// DevanagariKept reports as it is, whatever the folding, and that the
// characters it leaves out are ones some folding changes.
func TestDevanagariKept(t *testing.T) {
	all := []*Folding{KeyFold, NameFold, TermFold, LineFold, WordFold, AliasFold, ShingleFold}
	for r := rune(0x0900); r < 0x0980; r++ {
		changed := false
		for _, f := range all {
			got := string(f.appendRune(nil, r))
			changed = changed || got != string(r)
			if DevanagariKept(r) && string(f.AppendRune(nil, r)) != string(r) {
				t.Errorf("%s: %U is kept, but AppendRune writes %q", f.Name(), r, f.AppendRune(nil, r))
			}
		}
		if !DevanagariKept(r) && !changed {
			t.Errorf("%U: no folding changes it, but it is not kept", r)
		}
	}
}
