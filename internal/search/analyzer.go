package search

import (
	"khabar/internal/normalize"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/in"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/registry"

	// The analysis components the khabar analyzer is built from, registered
	// with bleve by name. Imported explicitly so that an index opened from
	// disk finds them.
	_ "github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	_ "github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/en"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/hi"
	_ "github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	_ "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// Names of the analysis components this package registers with bleve and
// of the analyzer it defines in every index mapping.
const (
	// AnalyzerName is the Hindi+English analyzer of text fields.
	AnalyzerName = "khabar_hi_en"
	// FoldFilterName folds spellings Hindi news use interchangeably.
	FoldFilterName = "khabar_fold"
	// LatinStemmerName is the Porter stemmer, applied to Latin-script
	// tokens only.
	LatinStemmerName = "khabar_porter_latin"
	// IndicNormalizerName is bleve's Indic normaliser, applied only to
	// tokens it can change.
	IndicNormalizerName = "khabar_normalize_in"
)

// analyzerConfig is the khabar analyzer as a bleve custom analyzer. Order
// matters: possessives go before lower-casing (as in bleve's "en"); the fold
// runs before the Indic normalisers, which drop the viramas it reads; stop
// words are matched in normalised form; stemming comes last.
var analyzerConfig = map[string]any{
	"type":      "custom",
	"tokenizer": "unicode",
	"token_filters": []any{
		"possessive_en",
		"to_lower",
		FoldFilterName,
		IndicNormalizerName,
		"normalize_hi",
		"stop_en",
		"stop_hi",
		"stemmer_hi",
		LatinStemmerName,
	},
}

func init() {
	// bleve resolves analysis components through its process-wide
	// registry; an index on disk names them, so they are registered once
	// here, under names no other package uses.
	if err := registry.RegisterTokenFilter(FoldFilterName,
		func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) { return FoldFilter{}, nil }); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenFilter(IndicNormalizerName,
		func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) { return IndicNormalizer{}, nil }); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenFilter(LatinStemmerName,
		func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) { return LatinStemmer{}, nil }); err != nil {
		panic(err)
	}
}

// FoldFilter is a bleve token filter that folds spellings Hindi and
// English news use interchangeably onto one form, so either finds the
// other:
//
//   - a nasal consonant with virama before a consonant (ङ् ञ् ण् न् म्) is
//     written as anusvara: "ट्रम्प" and "ट्रंप" fold alike;
//   - chandrabindu is anusvara ("हाँ" = "हां");
//   - nukta is dropped, combining or precomposed ("ज़" = "ज", "क़" = "क");
//   - decimal digits of Indic and Arabic scripts become ASCII digits
//     ("२०२५" = "2025");
//   - accents on Latin letters are dropped ("Pétain" = "Petain").
//
// It expects lower-cased tokens and runs before bleve's Indic and Hindi
// normalisers, which handle vowel length and the remaining viramas. The
// fold is normalize.TermFold, the index's member of the fold family;
// TestFoldDiffers holds where it differs from normalize.Fold.
type FoldFilter struct{}

// Filter folds every token of input in place and returns it.
func (FoldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		tok.Term = normalize.TermFold.Bytes(tok.Term)
	}
	return input
}

// LatinStemmer is a bleve token filter that applies the Porter stemmer to
// tokens written in Latin letters only, so English words are stemmed and
// Devanagari words are left to the Hindi stemmer.
type LatinStemmer struct{}

var porterStemmer = porter.NewPorterStemmer()

// Filter stems the Latin tokens of input in place and returns it.
func (LatinStemmer) Filter(input analysis.TokenStream) analysis.TokenStream {
	one := make(analysis.TokenStream, 1)
	for _, tok := range input {
		if tok.KeyWord || !isLatin(tok.Term) {
			continue
		}
		one[0] = tok
		porterStemmer.Filter(one)
	}
	return input
}

// isLatin reports whether term has a Latin letter and no letter of
// another script.
func isLatin(term []byte) bool {
	letter := false
	for i := 0; i < len(term); {
		if c := term[i]; c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				letter = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(term[i:])
		i += size
		if unicode.IsLetter(r) {
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letter = true
		}
	}
	return letter
}

// IndicNormalizer is bleve's Indic normaliser (analysis/lang/in), which
// writes an independent vowel followed by a vowel sign as the one vowel it
// looks like ("अा" → "आ") in every Indic script. It looks up the script of
// every character it sees, which costs more than the rest of the analysis,
// so this filter passes it only the tokens it could change: those with an
// Indic independent vowel followed by a sign, a nukta, or letters of an
// Indic script other than Devanagari.
type IndicNormalizer struct{}

var indicNormalizer = in.NewIndicNormalizeFilter()

// Filter normalises the tokens of input that need it, in place, and
// returns input.
func (IndicNormalizer) Filter(input analysis.TokenStream) analysis.TokenStream {
	one := make(analysis.TokenStream, 1)
	for _, tok := range input {
		if indicCandidate(tok.Term) {
			one[0] = tok
			indicNormalizer.Filter(one)
		}
	}
	return input
}

// indicCandidate reports whether the Indic normaliser could change term.
func indicCandidate(term []byte) bool {
	prevVowel := false
	for i := 0; i < len(term); {
		if term[i] < utf8.RuneSelf {
			prevVowel = false
			i++
			continue
		}
		r, size := utf8.DecodeRune(term[i:])
		i += size
		switch {
		case r >= 0x0980 && r <= 0x0D7F: // Bengali … Malayalam
			return true
		case r < 0x0900 || r > 0x097F:
			prevVowel = false
		default:
			low := r & 0x7F
			if prevVowel && (low >= 0x3E && low <= 0x4C || low >= 0x55 && low <= 0x57) || low == 0x3C {
				return true
			}
			prevVowel = low >= 0x04 && low <= 0x14
		}
	}
	return false
}
