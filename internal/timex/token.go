package timex

import (
	"khabar/internal/datetime"
	"khabar/internal/textscan"
)

// Token kinds.
const (
	kWord  = textscan.Word
	kNum   = textscan.Number
	kPunct = textscan.Punct
)

// scanOpts is how timex reads text: digit runs are numbers, quotation
// marks are plain punctuation.
var scanOpts = textscan.Options{Numbers: true}

// token is one word, digit run or punctuation mark of the text, as the
// date recogniser reads tokens (datetime.Token): its Key is normalize.Fold
// of a word, the ASCII digits of a number, the mark itself for
// punctuation.
type token = datetime.Token

// tokenize splits text into tokens as textscan.Scan does.
func tokenize(text string) []token {
	toks := make([]token, 0, textscan.Estimate(text))
	for sc := textscan.NewScanner(text, scanOpts); sc.Scan(); {
		t := sc.Token()
		tok := token{Start: t.Start, End: t.End, Kind: t.Kind, Key: t.Key, Space: t.Space, Break: t.Break}
		if t.Kind == kNum {
			tok.Num, tok.Digits = digitsValue(t.Key)
		}
		toks = append(toks, tok)
	}
	return toks
}

// digitsValue returns the value of the ASCII digits ds, -1 past nine
// digits, and how many digits there are.
func digitsValue(ds string) (v, n int) {
	if len(ds) > 9 {
		return -1, len(ds)
	}
	for i := 0; i < len(ds); i++ {
		v = v*10 + int(ds[i]-'0')
	}
	return v, len(ds)
}

// isStop reports whether punctuation key ends a sentence.
func isStop(key string) bool { return key == "." || textscan.IsStop(key) }
