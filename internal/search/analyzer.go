package search

import (
	"khabar/internal/normalize"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/in"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/unicode/norm"

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

// Devanagari code points the fold reads.
const (
	candrabindu = '\u0901'
	anusvara    = '\u0902'
	nukta       = '\u093C'
	virama      = '\u094D'
)

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
// normalisers, which handle vowel length and the remaining viramas.
type FoldFilter struct{}

// Filter folds every token of input in place and returns it.
func (FoldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if needsFold(tok.Term) {
			tok.Term = fold(tok.Term)
		}
	}
	return input
}

// needsFold reports whether term holds anything fold changes: cheap, so
// that plain ASCII and already folded tokens cost one scan.
func needsFold(term []byte) bool {
	for i := 0; i < len(term); {
		if term[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(term[i:])
		i += size
		switch {
		case r == candrabindu || r == nukta || r == virama || r >= '\u0958' && r <= '\u095F':
			return true
		case digitValue(r) >= 0:
			return true
		case r >= 0xC0 && r <= 0x24F || r >= 0x1E00 && r <= 0x1EFF || r < 0x0900 && unicode.Is(unicode.Mn, r):
			return true
		}
	}
	return false
}

// isNasal reports whether r is a Devanagari nasal consonant.
func isNasal(r rune) bool {
	return r == 'ङ' || r == 'ञ' || r == 'ण' || r == 'न' || r == 'म'
}

// isConsonant reports whether r is a Devanagari consonant.
func isConsonant(r rune) bool {
	return r >= '\u0915' && r <= '\u0939' || r >= '\u0958' && r <= '\u095F'
}

// zeros are the zero digits of the scripts whose digits fold to ASCII in
// the index: Arabic-Indic, the Indic scripts and full-width. Other
// scripts' digits (normalize.DigitValue reads them too) stay as written,
// as they were when existing indexes were built.
var zeros = []rune{
	'\u0660', '\u06F0', '\u0966', '\u09E6', '\u0A66', '\u0AE6', '\u0B66',
	'\u0BE6', '\u0C66', '\u0CE6', '\u0D66', '\uFF10',
}

// digitValue returns the value of r as a non-ASCII decimal digit of a
// script in zeros, or -1. The value is normalize.DigitValue's.
func digitValue(r rune) int {
	if r < 0x0660 {
		return -1
	}
	d := normalize.DigitValue(r)
	if d < 0 || !slices.Contains(zeros, r-rune(d)) {
		return -1
	}
	return d
}

// fold is the index's spelling fold of one term. It is not
// normalize.Fold, and cannot become it without rebuilding every index: it
// folds a term the tokenizer has already cut and lower-cased, so it strips
// no punctuation and joins no words; it keeps a word-final virama
// ("जगत्"), ZWJ and ZWNJ, and the precomposed letters ऩ ऱ ऴ; and it folds
// the digits of the scripts in zeros only. TestFoldDiffers holds the
// differences.
func fold(term []byte) []byte {
	rs := []rune(string(term))
	out := make([]rune, 0, len(rs))
	latin := false
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case isNasal(r) && i+2 < len(rs) && rs[i+1] == virama && isConsonant(rs[i+2]):
			out = append(out, anusvara)
			i++ // the virama
		case r == candrabindu:
			out = append(out, anusvara)
		case r == nukta:
		case r >= '\u0958' && r <= '\u095F':
			// Precomposed nukta letters: their canonical decomposition is
			// base + nukta.
			out = append(out, []rune(norm.NFD.String(string(r)))[0])
		case digitValue(r) >= 0:
			out = append(out, '0'+rune(digitValue(r)))
		default:
			if r >= 0xC0 && r <= 0x24F || r >= 0x1E00 && r <= 0x1EFF || r < 0x0900 && unicode.Is(unicode.Mn, r) {
				latin = true
			}
			out = append(out, r)
		}
	}
	if latin {
		// Decompose and drop combining marks that follow Latin letters.
		d := []rune(norm.NFD.String(string(out)))
		out = out[:0]
		for j, r := range d {
			if unicode.Is(unicode.Mn, r) && j > 0 && unicode.Is(unicode.Latin, baseBefore(d, j)) {
				continue
			}
			out = append(out, r)
		}
	}
	return []byte(string(out))
}

// baseBefore returns the last rune before d[j] that is not a combining mark.
func baseBefore(d []rune, j int) rune {
	for k := j - 1; k >= 0; k-- {
		if !unicode.Is(unicode.Mn, d[k]) {
			return d[k]
		}
	}
	return 0
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
