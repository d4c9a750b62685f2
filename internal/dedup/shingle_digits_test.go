package dedup

import "testing"

// TestWordsDigits checks that Devanagari digits are read as the ASCII
// digits of the same value, so "१२३" and "123" are one word.
func TestWordsDigits(t *testing.T) {
	words := func(s string) []string {
		var out []string
		Words(s, func(w []byte, _ uint64) { out = append(out, string(w)) })
		return out
	}
	deva, ascii := words("हादसे में १२३ लोग, ०९८७६५४ घायल"), words("हादसे में 123 लोग, 0987654 घायल")
	if len(deva) != len(ascii) {
		t.Fatalf("%q vs %q", deva, ascii)
	}
	for i := range deva {
		if deva[i] != ascii[i] {
			t.Errorf("word %d: %q, want %q", i, deva[i], ascii[i])
		}
	}
	found := false
	for _, w := range deva {
		found = found || w == "123"
	}
	if !found {
		t.Fatalf("no word 123 in %q", deva)
	}
}
