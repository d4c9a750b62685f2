package quote

import (
	"khabar/internal/news"
	"khabar/internal/textscan"
)

// Token kinds.
const (
	kWord  = textscan.Word
	kPunct = textscan.Punct
	kQuote = textscan.Quote
)

// Quotation mark roles.
const (
	qOpen  = textscan.Open
	qClose = textscan.Close
	qBoth  = textscan.Both
)

// scanOpts is how quotes read text: digits belong to words; a run of one
// quotation mark ("‘‘", or two ASCII apostrophes) is a token, but not the
// apostrophe in "Putin’s".
var scanOpts = textscan.Options{Quotes: true, WordApostrophe: true, DoubleApostrophe: true}

// token is a word, a punctuation mark, or a run of one quotation mark.
type token struct {
	s, e int
	// key is normalize.Fold of a word, the mark itself otherwise.
	key  string
	kind textscan.Kind
	// q is the role of a quotation mark: qOpen, qClose or qBoth.
	q textscan.Role
	// brk is true when a line break comes before the token.
	brk bool
	// space is true when white space comes right before the token.
	space bool
}

// tokenize splits text into tokens as textscan.Scan does.
func tokenize(text string) []token {
	toks := make([]token, 0, textscan.Estimate(text))
	for sc := textscan.NewScanner(text, scanOpts); sc.Scan(); {
		t := sc.Token()
		toks = append(toks, token{s: t.Start, e: t.End, kind: t.Kind, q: t.Role, key: t.Key, brk: t.Break, space: t.Space})
	}
	return toks
}

// isStop reports whether a punctuation key ends a sentence.
func isStop(key string) bool { return textscan.IsStop(key) }

// tokensKey is the news.Article.Derived key of an article's tokens.
type tokensKey struct{}

// articleTokens returns tokenize(a.Text), made once per article: the quotes
// stage and the events stage's resolver read the same tokens.
func articleTokens(a *news.Article) []token {
	return a.Derived(tokensKey{}, func(text string) any { return tokenize(text) }).([]token)
}
