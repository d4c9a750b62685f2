package extract

import (
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blocks are the elements that begin and end a paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Nav: true,
	atom.Figure: true, atom.Figcaption: true, atom.Main: true, atom.Form: true,
	atom.Address: true, atom.Details: true, atom.Summary: true,
	atom.Center: true, atom.Body: true, atom.Title: true, atom.Caption: true,
}

// breaks are the empty elements that end a paragraph.
var breaks = map[atom.Atom]bool{atom.Br: true, atom.Hr: true}

// hidden are the elements whose content is never text to read.
var hidden = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Math: true, atom.Iframe: true,
	atom.Object: true, atom.Button: true, atom.Select: true,
	atom.Textarea: true, atom.Head: true,
}

// paragraphs collects text into paragraphs, collapsing white space.
type paragraphs struct {
	paras []string
	cur   strings.Builder
}

func (p *paragraphs) write(s string) { p.cur.WriteString(s) }

// end closes the paragraph being written, if it holds any text.
func (p *paragraphs) end() {
	if p.cur.Len() == 0 {
		return
	}
	if t := strings.Join(strings.Fields(p.cur.String()), " "); t != "" {
		p.paras = append(p.paras, t)
	}
	p.cur.Reset()
}

// join returns the paragraphs separated by sep.
func (p *paragraphs) join(sep string) string {
	p.end()
	return strings.Join(p.paras, sep)
}

// nodeText returns the text of the tree under n as paragraphs separated by
// sep.
func nodeText(n *html.Node, sep string) string {
	return strings.Join(nodeParas(n), sep)
}

// nodeParas returns the text of the tree under n as paragraphs. It walks
// the tree with its own stack, so depth costs no recursion.
func nodeParas(n *html.Node) []string {
	var p paragraphs
	type frame struct {
		n    *html.Node
		exit bool
	}
	stack := []frame{{n: n}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.exit {
			p.end()
			continue
		}
		switch f.n.Type {
		case html.TextNode:
			p.write(f.n.Data)
			continue
		case html.ElementNode:
			a := elemAtom(f.n)
			if hidden[a] && f.n != n {
				continue
			}
			if breaks[a] {
				p.end()
				continue
			}
			if blocks[a] {
				p.end()
				stack = append(stack, frame{n: f.n, exit: true})
			}
		case html.DocumentNode:
		default:
			continue
		}
		for c := f.n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, frame{n: c})
		}
	}
	p.end()
	return p.paras
}

// elemAtom is n's atom, looked up for elements made by code (trafilatura's
// output) that set only the tag name.
func elemAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

// normalizeNewlines turns CR LF and lone CR into LF.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// countElements counts what look like start tags in s, stopping once over
// limit: a cheap bound on the size of the tree s would parse to.
func countElements(s string, limit int) int {
	n := 0
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		if c := s[i+1] | 0x20; c >= 'a' && c <= 'z' {
			n++
			if n > limit {
				return n
			}
		}
	}
	return n
}

// pageMeta is what a page declares about itself, read from <title>,
// <meta>, <link rel=canonical>, itemprop attributes and JSON-LD.
type pageMeta struct {
	title     string
	ogTitle   string
	siteName  string
	url       string
	author    string
	published []string // candidate values, best first
	modified  []string
}

// Meta keys (name, property or itemprop, lower case) that carry times.
var (
	publishedKeys = map[string]int{
		"article:published_time": 0, "og:article:published_time": 0,
		"datepublished": 1, "article.published": 1, "pubdate": 2, "publishdate": 2,
		"publish-date": 2, "publish_date": 2, "dc.date.issued": 2, "dcterms.issued": 2,
		"parsely-pub-date": 2, "sailthru.date": 3, "originalpublicationdate": 3,
		"dc.date": 4, "dcterms.date": 4, "date": 4,
	}
	modifiedKeys = map[string]int{
		"article:modified_time": 0, "og:updated_time": 1, "datemodified": 1,
		"article.updated": 2, "dcterms.modified": 2, "last-modified": 3, "lastmod": 3,
	}
)

// metaSink gathers pageMeta values with their priority.
type metaSink struct {
	m        pageMeta
	pub, mod map[string]int // value → priority
}

func newMetaSink() *metaSink {
	return &metaSink{pub: map[string]int{}, mod: map[string]int{}}
}

// attrs takes what one element's attributes declare.
func (s *metaSink) attrs(tag atom.Atom, get func(string) string) {
	switch tag {
	case atom.Meta:
		content := strings.TrimSpace(get("content"))
		if content == "" {
			return
		}
		for _, k := range []string{get("property"), get("name"), get("itemprop")} {
			s.key(strings.ToLower(strings.TrimSpace(k)), content)
		}
	case atom.Link:
		if strings.EqualFold(strings.TrimSpace(get("rel")), "canonical") && s.m.url == "" {
			s.m.url = strings.TrimSpace(get("href"))
		}
	default:
		if ip := strings.ToLower(get("itemprop")); ip == "datepublished" || ip == "datemodified" {
			v := get("datetime")
			if v == "" {
				v = get("content")
			}
			s.key(ip, strings.TrimSpace(v))
		}
	}
}

func (s *metaSink) key(k, v string) {
	if k == "" || v == "" {
		return
	}
	if p, ok := publishedKeys[k]; ok {
		if old, seen := s.pub[v]; !seen || p < old {
			s.pub[v] = p
		}
		return
	}
	if p, ok := modifiedKeys[k]; ok {
		if old, seen := s.mod[v]; !seen || p < old {
			s.mod[v] = p
		}
		return
	}
	switch k {
	case "og:title":
		if s.m.ogTitle == "" {
			s.m.ogTitle = v
		}
	case "og:site_name", "application-name":
		if s.m.siteName == "" {
			s.m.siteName = v
		}
	case "og:url":
		if s.m.url == "" {
			s.m.url = v
		}
	case "author", "article:author", "dc.creator":
		if s.m.author == "" && !strings.HasPrefix(v, "http") {
			s.m.author = v
		}
	}
}

// rxLDTime finds the times in a JSON-LD block, however well formed.
var rxLDTime = regexp.MustCompile(`"(datePublished|dateModified)"\s*:\s*"([^"]{6,64})"`)

// jsonLD takes the times a JSON-LD block declares.
func (s *metaSink) jsonLD(text string) {
	for _, m := range rxLDTime.FindAllStringSubmatch(text, 8) {
		s.key(strings.ToLower(m[1]), m[2])
	}
}

// result returns the gathered metadata, times ordered by priority.
func (s *metaSink) result() pageMeta {
	m := s.m
	m.published = byPriority(s.pub)
	m.modified = byPriority(s.mod)
	return m
}

func byPriority(vals map[string]int) []string {
	var out []string
	for p := range 5 {
		var level []string
		for v, q := range vals {
			if q == p {
				level = append(level, v)
			}
		}
		// Map order is random: keep the result deterministic.
		slices.Sort(level)
		out = append(out, level...)
	}
	return out
}

// domMeta reads what the parsed page declares about itself.
func domMeta(doc *html.Node) pageMeta {
	s := newMetaSink()
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			get := func(key string) string {
				for _, a := range n.Attr {
					if a.Namespace == "" && a.Key == key {
						return a.Val
					}
				}
				return ""
			}
			switch n.DataAtom {
			case atom.Title:
				if s.m.title == "" {
					s.m.title = strings.Join(strings.Fields(nodeText(n, " ")), " ")
				}
				continue
			case atom.Script:
				if strings.Contains(strings.ToLower(get("type")), "ld+json") && n.FirstChild != nil {
					s.jsonLD(n.FirstChild.Data)
				}
				continue
			case atom.Style:
				continue
			}
			s.attrs(n.DataAtom, get)
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return s.result()
}

// tokenExtract reads a page the HTML parser cannot (too deep, too large)
// with the tokenizer alone, in one linear pass: what the page declares
// about itself, and its text with block elements as paragraph breaks.
func tokenExtract(body string) (pageMeta, string) {
	s := newMetaSink()
	var p paragraphs
	z := html.NewTokenizer(strings.NewReader(body))
	hiddenDepth, inTitle, inLD := 0, false, false
	var title strings.Builder
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			m := s.result()
			m.title = strings.Join(strings.Fields(title.String()), " ")
			return m, p.join("\n\n")
		case html.TextToken:
			switch {
			case inTitle:
				title.Write(z.Text())
			case inLD:
				s.jsonLD(string(z.Text()))
			case hiddenDepth == 0:
				p.write(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if _, seen := attrs[string(k)]; !seen {
					attrs[string(k)] = string(v)
				}
			}
			start := tt == html.StartTagToken
			switch {
			case a == atom.Title:
				inTitle = start && title.Len() == 0
				continue
			case a == atom.Script:
				inLD = start && strings.Contains(strings.ToLower(attrs["type"]), "ld+json")
			}
			if hidden[a] && a != atom.Head && tt != html.SelfClosingTagToken {
				if start {
					hiddenDepth++
				} else if hiddenDepth > 0 {
					hiddenDepth--
				}
				continue
			}
			if tt != html.EndTagToken {
				s.attrs(a, func(k string) string { return attrs[k] })
			}
			if blocks[a] || breaks[a] {
				p.end()
			}
		}
	}
}
