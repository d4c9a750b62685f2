package meta

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestFinder compares finder.index with strings.Index on pages scanned and
// on pages large enough for the suffix array.
func TestFinder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"रूस", "ने", "कहा", "।", "a", "पुतिन", "\n", " ", "भाषा", "aaaa", "ट्रंप"}
	for _, size := range []int{100, 5000, scanLimit + 1000} {
		var b strings.Builder
		for b.Len() < size {
			b.WriteString(words[rng.IntN(len(words))])
		}
		page := b.String()
		f := newFinder(page)
		for range 300 {
			i := rng.IntN(len(page))
			n := rng.IntN(60)
			s := page[i:min(i+n, len(page))]
			if rng.IntN(4) == 0 {
				s += "क्ष"
			}
			if got, want := f.index(s), strings.Index(page, s); got != want {
				t.Fatalf("page of %d: index(%q) = %d, want %d", len(page), s, got, want)
			}
		}
	}
}
