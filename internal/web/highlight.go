package web

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// snipPart is a piece of a snippet; Mark is a word of the query.
type snipPart struct {
	Text string
	Mark bool
}

// queryWords returns the words of a search query worth marking in a
// snippet: not excluded, not field filters, without quotes, signs or a
// prefix's star, lower-cased.
func queryWords(q string) []string {
	var out []string
	for _, f := range strings.Fields(q) {
		if f == "OR" || strings.HasPrefix(f, "-") || strings.Contains(f, ":") {
			continue
		}
		f = strings.Trim(f, `+"“”*`)
		if utf8.RuneCountInString(f) >= 2 {
			out = append(out, strings.ToLower(f))
		}
	}
	return out
}

// highlight returns a snippet of text of about n characters around the
// first place a word of words occurs, cut into parts with each occurrence
// marked; nil when no word occurs.
func highlight(text string, words []string, n int) []snipPart {
	words = slices.DeleteFunc(slices.Clone(words), func(w string) bool { return w == "" })
	if len(words) == 0 {
		return nil
	}
	lower := strings.ToLower(text)
	if len(lower) != len(text) {
		return nil // case folding moved bytes: offsets would not line up
	}
	first := -1
	for _, w := range words {
		if i := strings.Index(lower, w); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	if first < 0 {
		return nil
	}
	// A window of about n characters that starts a little before the
	// match, at a word boundary.
	start := first
	for back := 0; start > 0 && back < n/4; back++ {
		_, size := utf8.DecodeLastRuneInString(text[:start])
		start -= size
	}
	for start > 0 && start < first {
		r, size := utf8.DecodeRuneInString(text[start:])
		if unicode.IsSpace(r) {
			start += size
			break
		}
		start += size
	}
	end := start
	for count := 0; end < len(text) && count < n; count++ {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	win, low := text[start:end], lower[start:end]
	var parts []snipPart
	if start > 0 {
		parts = append(parts, snipPart{Text: "…"})
	}
	for len(win) > 0 {
		at, size := -1, 0
		for _, w := range words {
			if i := strings.Index(low, w); i >= 0 && (at < 0 || i < at) {
				at, size = i, len(w)
			}
		}
		if at < 0 {
			parts = append(parts, snipPart{Text: win})
			break
		}
		if at > 0 {
			parts = append(parts, snipPart{Text: win[:at]})
		}
		parts = append(parts, snipPart{Text: win[at : at+size], Mark: true})
		win, low = win[at+size:], low[at+size:]
	}
	if end < len(text) {
		parts = append(parts, snipPart{Text: "…"})
	}
	return parts
}
