package search

import (
	"khabar/internal/normalize"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/in"
)

func TestAnalyzerFolds(t *testing.T) {
	x, _ := openTemp(t)
	defer x.Close()
	tests := []struct {
		name string
		a, b string
	}{
		{"nasal conjunct", "ट्रंप", "ट्रम्प"},
		{"nasal conjunct 2", "संबंध", "सम्बन्ध"},
		{"dead n", "हिंदी", "हिन्दी"},
		{"vowel length", "पुतिन", "पूतिन"},
		{"combining nukta", "ज़ेलेंस्की", "जेलेंस्की"},
		{"precomposed nukta", "\u0958ानून", "क\u093Cानून"},
		{"nukta in word", "मुलाक़ात", "मुलाकात"},
		{"chandrabindu", "हाँ", "हां"},
		{"zwj", "क्\u200Dष", "क्ष"},
		{"digits", "२०२५", "2025"},
		{"latin accents", "Pétain", "petain"},
		{"hindi plural", "लड़कों", "लड़के"},
		{"english stem", "running", "runs"},
		{"possessive", "India's", "india"},
		{"case", "DELHI", "delhi"},
		{"vowel sequence", "अाज", "आज"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := x.Analyze(tc.a), x.Analyze(tc.b)
			if len(a) == 0 || !slices.Equal(a, b) {
				t.Fatalf("Analyze(%q) = %q, Analyze(%q) = %q; want equal and non-empty", tc.a, a, tc.b, b)
			}
		})
	}
	for _, stop := range []string{"the of and", "और के में है", "The"} {
		if got := x.Analyze(stop); len(got) != 0 {
			t.Errorf("Analyze(%q) = %q, want only stop words removed", stop, got)
		}
	}
	// Different words stay different.
	for _, pair := range [][2]string{{"बारिश", "बरसात"}, {"rain", "rein"}, {"कम", "काम"}} {
		if slices.Equal(x.Analyze(pair[0]), x.Analyze(pair[1])) {
			t.Errorf("%q and %q fold together", pair[0], pair[1])
		}
	}
}

func TestIsLatin(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"running", true}, {"café", true}, {"2025", false}, {"भारत", false},
		{"abcभारत", false}, {"", false}, {"x1", true},
	}
	for _, tc := range tests {
		if got := isLatin([]byte(tc.in)); got != tc.want {
			t.Errorf("isLatin(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	// Devanagari words are left to the Hindi stemmer; Porter would
	// otherwise see their bytes.
	x, _ := openTemp(t)
	defer x.Close()
	if got := x.Analyze("रस"); !slices.Equal(got, []string{"रस"}) {
		t.Errorf("Analyze(रस) = %q", got)
	}
}

func TestIndicNormalizer(t *testing.T) {
	words := []string{
		"अा", "अाज", "उु", "एे", "अॅ", "आे", "क़", "भारत", "राष्ट्रपति", "ট্রাম্প", "ਪੰਜਾਬ",
		"ગુજરાત", "ଓଡ଼ିଆ", "தமிழ்", "తెలుగు", "ಕನ್ನಡ", "മലയാളം", "abc", "ऐ", "ओ", "इई",
	}
	bleveFilter := in.NewIndicNormalizeFilter()
	for _, w := range words {
		want := bleveFilter.Filter(analysis.TokenStream{{Term: []byte(w)}})[0].Term
		got := IndicNormalizer{}.Filter(analysis.TokenStream{{Term: []byte(w)}})[0].Term
		if string(got) != string(want) {
			t.Errorf("IndicNormalizer(%q) = %q, bleve's gives %q", w, got, want)
		}
	}
}

// TestFoldDiffers holds the terms on which the index's fold
// (normalize.TermFold) and normalize.Fold differ, and some on which they agree, so that
// a change making them one is a decision, not an accident.
func TestFoldDiffers(t *testing.T) {
	for _, c := range []struct {
		term, index string
	}{
		{"जगत्", "जगत्"},                 // Fold drops a word-final virama
		{"\u0929", "\u0929"},             // ऩ: Fold writes न
		{"क\u200dष", "क\u200dष"},         // Fold drops ZWJ
		{"\u0e51\u0e52", "\u0e51\u0e52"}, // Thai digits: Fold writes 12
		{"(ट्रंप)", "(ट्रंप)"},           // Fold strips punctuation round a word
	} {
		if got := string(normalize.TermFold.Bytes([]byte(c.term))); got != c.index {
			t.Errorf("fold(%q) = %q, want %q", c.term, got, c.index)
		}
		if normalize.Fold(c.term) == c.index {
			t.Errorf("normalize.Fold(%q) = %q: the folds now agree here; update normalize.TermFold's comment", c.term, c.index)
		}
	}
	for _, term := range []string{"ट्रम्प", "ज़ेलेंस्की", "हाँ", "२०२५"} {
		if got, want := string(normalize.TermFold.Bytes([]byte(term))), normalize.Fold(term); got != want {
			t.Errorf("fold(%q) = %q, normalize.Fold %q", term, got, want)
		}
	}
}
