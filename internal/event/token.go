package event

import "khabar/internal/textscan"

// Token kinds.
const (
	kWord  = textscan.Word
	kNum   = textscan.Number
	kPunct = textscan.Punct
	kQuote = textscan.Quote
)

// scanOpts is how events read text: digit runs are numbers, and quotation
// marks are tokens of their own.
var scanOpts = textscan.Options{Numbers: true, Quotes: true}

// token is a word, a digit run, a punctuation mark or a quotation mark.
type token struct {
	s, e int
	key  string // normalize.Fold of a word; the ASCII digits of a number; the text otherwise
	kind textscan.Kind
	brk  bool // a line break comes before it
}

// tokenize splits text into tokens as textscan.Scan does.
func tokenize(text string) []token {
	toks := make([]token, 0, textscan.Estimate(text))
	for sc := textscan.NewScanner(text, scanOpts); sc.Scan(); {
		t := sc.Token()
		toks = append(toks, token{s: t.Start, e: t.End, kind: t.Kind, key: t.Key, brk: t.Break})
	}
	return toks
}

func isWordRune(r rune) bool { return scanOpts.IsWordRune(r) }

// isStop reports whether punctuation key ends a sentence.
func isStop(key string) bool { return textscan.IsStop(key) }
