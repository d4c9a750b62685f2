package page

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	"khabar/internal/news"
)

// summaryWords are the parts of class, id and itemprop names by which pages
// mark a standfirst: a deck, synopsis, summary, highlights or teaser box,
// France's "chapo", a "kicker" under the headline, a "short description".
var summaryWords = []string{
	"standfirst", "synopsis", "summary", "summaries", "subhead", "sub-head", "sub_head",
	"subtitle", "sub-title", "sub_title", "deck", "excerpt", "highlight", "teaser",
	"chapo", "strapline", "kicker", "descp", "sortdec", "shortdesc", "short-desc",
	"artsyn", "intro-text", "lede-text", "abstract",
}

// maxSummary bounds the text of one summary element: a standfirst or a
// highlights box is a few sentences, an article container is more.
const (
	maxSummary      = 900
	maxSummaryLines = 8
)

// summaryReader collects the lines of standfirst elements while ReadHead
// streams the page.
type summaryReader struct {
	// tag is the element being read ("" when none); depth counts its
	// nested elements of the same name.
	tag   string
	depth int
	buf   strings.Builder
	runes int
	over  bool
	// skip counts open script and style elements, whose text is not read.
	skip int
	// afterH1 is true from the end of the h1 to the first paragraph or
	// second heading.
	afterH1 bool
	seenH1  bool
}

// summaryClass reports whether an element's class, id or itemprop names a
// standfirst.
func summaryClass(attrs map[string]string) bool {
	for _, k := range []string{"class", "id", "itemprop", "data-type"} {
		v := strings.ToLower(attrs[k])
		if v == "" {
			continue
		}
		for _, w := range summaryWords {
			if strings.Contains(v, w) {
				return true
			}
		}
		if k == "itemprop" && strings.Contains(v, "description") {
			return true
		}
	}
	return false
}

// blockTags end a line of a summary's text.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Div: true, atom.Br: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Ul: true, atom.Ol: true, atom.Section: true,
	atom.Tr: true, atom.Td: true, atom.Blockquote: true,
}

// voidTags have no end tag.
var voidTags = map[atom.Atom]bool{
	atom.Img: true, atom.Br: true, atom.Hr: true, atom.Input: true, atom.Meta: true,
	atom.Link: true, atom.Source: true, atom.Wbr: true, atom.Col: true, atom.Embed: true,
	atom.Area: true, atom.Base: true, atom.Param: true, atom.Track: true,
}

func (s *summaryReader) start(a atom.Atom, name []byte, attrs map[string]string, selfClosing bool) {
	if a == atom.Script || a == atom.Style || a == atom.Noscript {
		if !selfClosing {
			s.skip++
		}
		return
	}
	if a == atom.H1 {
		s.seenH1 = true
	}
	if s.tag != "" {
		if string(name) == s.tag && !selfClosing && !voidTags[a] {
			s.depth++
		}
		if blockTags[a] {
			s.buf.WriteByte('\n')
		}
		return
	}
	if selfClosing || voidTags[a] || a == atom.Body || a == atom.Html || a == atom.Main || a == atom.Article {
		return
	}
	second := s.afterH1 && (a == atom.H2 || a == atom.P)
	if a == atom.P || a == atom.H2 {
		s.afterH1 = false
	}
	// A heading right under the h1, before any paragraph, is a deck; a
	// paragraph there is one only when its class says so.
	if (second && a == atom.H2) || summaryClass(attrs) {
		s.tag, s.depth, s.over, s.runes = string(name), 1, false, 0
		s.buf.Reset()
	}
}

func (s *summaryReader) end(h *news.Head, a atom.Atom, name []byte) {
	if a == atom.Script || a == atom.Style || a == atom.Noscript {
		if s.skip > 0 {
			s.skip--
		}
		return
	}
	if a == atom.H1 && s.seenH1 && s.tag == "" {
		s.afterH1 = true
		s.seenH1 = false
	}
	if s.tag == "" {
		return
	}
	if blockTags[a] {
		s.buf.WriteByte('\n')
	}
	if string(name) != s.tag {
		return
	}
	if s.depth--; s.depth > 0 {
		return
	}
	s.tag = ""
	if s.over {
		return
	}
	var lines []string
	for _, l := range strings.Split(s.buf.String(), "\n") {
		if l = collapse(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) <= maxSummaryLines {
		h.Summaries = append(h.Summaries, lines...)
	}
}

func (s *summaryReader) text(b []byte) {
	if s.tag == "" || s.skip > 0 || s.over {
		return
	}
	if s.runes += utf8.RuneCount(b); s.runes > maxSummary {
		s.over = true
		return
	}
	s.buf.Write(b)
}
