package segment

import (
	"unicode"
	"unicode/utf8"

	"khabar/internal/news"
)

// sentences appends the sentences of paragraph para, whose tokens are
// toks[first:], to out.
func sentences(text string, toks []news.Token, first, para int, out []news.Sentence) []news.Sentence {
	last := len(toks)
	start := first
	for k := first; k < last; k++ {
		if !endsSentence(text, toks, first, k) {
			continue
		}
		// Closing quotes, brackets and further end marks written right
		// after the end mark belong to this sentence.
		j := k
		for j+1 < last && toks[j+1].Start == toks[j].End && closes(text[toks[j+1].Start:toks[j+1].End]) {
			j++
		}
		out = append(out, sentence(toks, start, j+1, para))
		start, k = j+1, j
	}
	if start < last {
		out = append(out, sentence(toks, start, last, para))
	}
	return out
}

func sentence(toks []news.Token, first, last, para int) news.Sentence {
	return news.Sentence{
		Span:      news.Span{Start: toks[first].Start, End: toks[last-1].End},
		Paragraph: para,
		First:     first,
		Last:      last,
	}
}

// endsSentence reports whether token k ends a sentence (before the
// closing quotes that may follow it). first is the paragraph's first
// token.
func endsSentence(text string, toks []news.Token, first, k int) bool {
	t := toks[k]
	s := text[t.Start:t.End]
	var next string
	if k+1 < len(toks) {
		next = text[toks[k+1].Start:toks[k+1].End]
	}
	switch t.Kind {
	case news.TokPunct:
		r, _ := utf8.DecodeRuneInString(s)
		switch r {
		case '।', '॥', '?', '!', '۔', '؟', '‼', '⁇', '⁈', '⁉':
			return true
		case '…':
			return startsUpper(next)
		case '.':
			if len(s) > 1 { // "..."
				return startsUpper(next)
			}
			if startsLower(next) {
				return false
			}
			// "1." opening a paragraph numbers a list item.
			if k == first+1 && toks[first].Kind == news.TokNumber {
				return false
			}
			return true
		}
	case news.TokWord:
		// An abbreviation that may also end a sentence does so before a
		// capitalised word: "… and Co. The …".
		if s[len(s)-1] == '.' {
			if _, ok := terminal[s]; ok {
				return startsUpper(next)
			}
		}
	}
	return false
}

// terminal are the abbreviations that often end a sentence too.
var terminal = setOf("etc.", "Inc.", "Ltd.", "Co.", "Corp.", "a.m.", "p.m.", "A.M.", "P.M.")

// closes reports whether the punctuation s closes a sentence that has
// just ended: closing quotes and brackets, and further end marks.
func closes(s string) bool {
	for _, r := range s {
		switch r {
		case '"', '\'', ')', ']', '}', '’', '”', '»', '›', '।', '॥', '?', '!', '.', '۔', '؟':
			continue
		}
		if !unicode.In(r, unicode.Pe, unicode.Pf) {
			return false
		}
	}
	return s != ""
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r < 0x250 && unicode.IsUpper(r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r < 0x250 && unicode.IsLower(r)
}
