package feed

import (
	"bytes"
	"mime"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// feedTypes are the link types Discover accepts, as media types.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
	"application/json":      true,
	"application/rdf+xml":   true,
}

// page is what an HTML page says about itself.
type page struct {
	title, lang string
	feeds       []string
}

// Discover returns the absolute URLs of the feeds an HTML page links in its
// head (<link rel="alternate"> with an RSS, Atom or JSON Feed type), in
// document order and without repeats. A <base href> is honoured. Two links
// that WordPress puts on every page are left out: its REST API
// (application/json under /wp-json/) and the site's comments feed.
func Discover(htmlBody []byte, baseURL string) []string {
	base, _ := url.Parse(strings.TrimSpace(baseURL))
	return readPage(htmlBody, base).feeds
}

func parseHTML(body []byte, base *url.URL) *Document {
	p := readPage(body, base)
	return &Document{Kind: KindHTML, Title: p.title, Lang: p.lang, Feeds: p.feeds}
}

func readPage(body []byte, base *url.URL) page {
	var p page
	root, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return p
	}
	var head *html.Node
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Html:
			p.lang = strings.TrimSpace(attr(n, "lang"))
		case atom.Head:
			if head == nil {
				head = n
			}
		}
	}
	if head == nil {
		return p
	}
	// A <base href> changes what relative links mean.
	for n := range head.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == atom.Base {
			if href := strings.TrimSpace(attr(n, "href")); href != "" {
				if bu, err := url.Parse(href); err == nil {
					if base != nil {
						bu = base.ResolveReference(bu)
					}
					base = bu
				}
			}
			break
		}
	}
	seen := make(map[string]bool)
	for n := range head.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Title:
			if p.title == "" && n.FirstChild != nil {
				p.title = oneLine(textOf(n))
			}
		case atom.Link:
			if !hasToken(attr(n, "rel"), "alternate") {
				continue
			}
			media, _, err := mime.ParseMediaType(attr(n, "type"))
			if err != nil || !feedTypes[media] {
				continue
			}
			u, ok := resolve(base, attr(n, "href"))
			if !ok || seen[u] || notAFeed(media, u) {
				continue
			}
			seen[u] = true
			p.feeds = append(p.feeds, u)
		}
	}
	return p
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// hasToken reports whether the space-separated list s holds tok, ignoring
// case (rel="Alternate feed").
func hasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// notAFeed reports links with a feed type that are not news feeds.
func notAFeed(media, u string) bool {
	pu, err := url.Parse(u)
	if err != nil {
		return true
	}
	path := strings.TrimSuffix(pu.Path, "/")
	switch {
	case media == "application/json" && (strings.Contains(path, "/wp-json/") || pu.Query().Has("rest_route")):
		return true
	case strings.HasSuffix(path, "/comments/feed"):
		return true
	}
	return false
}
