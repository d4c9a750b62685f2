package source

import (
	"bytes"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"khabar/internal/news"
)

// maxHeadScan bounds how much of a page is read for its canonical link.
const maxHeadScan = 512 << 10

// canonicalLink returns the canonical URL a page declares with
// <link rel="canonical"> in its head, resolved against pageURL and made
// canonical as ids are (source.CanonicalURL); "" when it declares none, or
// one that is not http(s) or on another site (a page cannot claim another
// site's article).
func canonicalLink(body []byte, pageURL string) string {
	base, err := url.Parse(pageURL)
	if err != nil {
		return ""
	}
	z := html.NewTokenizer(bytes.NewReader(body[:min(len(body), maxHeadScan)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.EndTagToken:
			if name, _ := z.TagName(); atom.Lookup(name) == atom.Head {
				return ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return ""
			case atom.Link:
			default:
				continue
			}
			var rel, href string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "rel":
					rel = strings.ToLower(string(v))
				case "href":
					href = strings.TrimSpace(string(v))
				}
			}
			if !hasToken(rel, "canonical") || href == "" {
				continue
			}
			u, err := base.Parse(href)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !sameSite(u.Hostname(), base.Hostname()) {
				return ""
			}
			return CanonicalURL(u.String())
		}
	}
}

// hasToken reports whether the space-separated list s holds tok.
func hasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if f == tok {
			return true
		}
	}
	return false
}

// sameSite reports whether hosts a and b are one site: equal, or one a
// subdomain of the other ("m.example.in" and "www.example.in" share
// "example.in" through "www." being dropped).
func sameSite(a, b string) bool {
	a, b = strings.TrimPrefix(strings.ToLower(a), "www."), strings.TrimPrefix(strings.ToLower(b), "www.")
	return a == b || strings.HasSuffix(a, "."+b) || strings.HasSuffix(b, "."+a)
}

// Page makes the article of an HTML page fetched from pageURL (after
// redirects) with the HTTP Content-Type contentType at fetched: the page
// decoded to UTF-8 (the header's charset counts when the page is not
// UTF-8), under the canonical URL the page declares for itself on its own
// site, or else pageURL made canonical. That URL is the article's URL and
// its source URI and decides its id, so the same article fetched under
// several addresses (tracking parameters, an AMP copy) is one article, and
// reading it back from a WARC archive gives the same one. format is the
// source format: news.FormatHTML when fetched, news.FormatWARC when read
// from an archive.
func Page(pageURL string, body []byte, contentType string, fetched time.Time, format string) (*news.Article, error) {
	text, err := decodeHTTP(body, contentType)
	if err != nil {
		return nil, err
	}
	canon := CanonicalURL(pageURL)
	if c := canonicalLink(body, pageURL); c != "" {
		canon = c
	}
	return &news.Article{
		ID:     ID("url:" + canon),
		Source: news.Source{URI: canon, Format: format, Fetched: fetched},
		URL:    canon,
		Raw:    news.Raw{Body: text, Format: news.FormatHTML, Hints: news.Hints{URL: canon}},
	}, nil
}
