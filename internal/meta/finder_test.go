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
	scanLimit := DefaultOptions().ScanLimit
	for _, size := range []int{100, 5000, scanLimit + 1000} {
		var b strings.Builder
		for b.Len() < size {
			b.WriteString(words[rng.IntN(len(words))])
		}
		page := b.String()
		f := newFinder(page, scanLimit)
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

func TestDefaultOptions(t *testing.T) {
	want := Options{ScanLimit: 48 << 10, LocatePrefix: 48, MinLocatePrefix: 12, WebTitleLabel: 20, EnglishTitleLetters: 8}
	if got := DefaultOptions(); got != want {
		t.Errorf("DefaultOptions() = %+v, want %+v", got, want)
	}
	if got := (Options{ScanLimit: 1}).withDefaults(); got.ScanLimit != 1 || got.LocatePrefix != 48 {
		t.Errorf("a set field must stay and the others default: %+v", got)
	}
}

// TestEnglishTitleLetters: the English half of a headline pair needs
// EnglishTitleLetters Latin letters.
func TestEnglishTitleLetters(t *testing.T) {
	pairs := []fact{{text: "दिल्ली में बारिश | Rain in Delhi"}}
	if got := englishTitle("दिल्ली में बारिश", nil, pairs, DefaultOptions()); got != "Rain in Delhi" {
		t.Errorf("default: %q", got)
	}
	if got := englishTitle("दिल्ली में बारिश", nil, pairs, Options{EnglishTitleLetters: 20}.withDefaults()); got != "" {
		t.Errorf("20 letters: %q, want none", got)
	}
}
