package feed

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"mime"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	"github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"
)

// Kind is the kind of document Parse recognised.
type Kind string

// The kinds of Document.
const (
	KindRSS          Kind = "rss"          // RSS 0.9x, 1.0 (RDF) and 2.0
	KindAtom         Kind = "atom"         // Atom 1.0 (and 0.3)
	KindJSON         Kind = "json"         // JSON Feed
	KindSitemap      Kind = "sitemap"      // XML sitemap (urlset), Google News sitemaps included
	KindSitemapIndex Kind = "sitemapindex" // XML sitemap index
	KindHTML         Kind = "html"         // an HTML page; its Feeds are the feeds it links
)

// Accept is an HTTP Accept header for fetching a feed or sitemap: the feed
// types first, then XML, then anything (an HTML page can still be read for
// the feeds it links).
const Accept = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"

// MaxDecompressed caps the size of a gzipped document after decompression
// (the sitemap protocol allows 50 MB uncompressed).
const MaxDecompressed = 50 << 20

var (
	// ErrUnknownFormat reports a body that is not a feed, a sitemap or an
	// HTML page.
	ErrUnknownFormat = errors.New("not a feed, sitemap or HTML page")
	// ErrTooLarge reports a gzipped body larger than MaxDecompressed once
	// decompressed.
	ErrTooLarge = errors.New("decompressed body too large")
)

// Entry is one item of a feed or one URL of a sitemap.
type Entry struct {
	// URL is the absolute http(s) URL of the article.
	URL string
	// Title is the headline, trimmed, with runs of white space made one
	// space.
	Title string
	// Author is the first author's name (or e-mail when it has no name).
	Author string
	// Lang is the language the entry declares (Google News
	// news:language), or else the feed's; as written, e.g. "hi" or
	// "en-IN".
	Lang string
	// Publisher is the publication name of a Google News sitemap entry.
	Publisher string
	// Published is the publication time, zero when unknown; Updated is the
	// last modification (a sitemap's lastmod), zero when unknown. Both
	// keep the offset the document gave (+05:30 for IST).
	Published, Updated time.Time
	// GUID is the feed item's id when it has one.
	GUID string
}

// Document is a parsed feed, sitemap or HTML page.
type Document struct {
	// Kind says what the body was.
	Kind Kind
	// Title is the feed's or page's title.
	Title string
	// Lang is the feed's or page's declared language, as written.
	Lang string
	// Entries are the items or URLs, in document order, one per URL.
	Entries []Entry
	// Sitemaps are the child sitemaps of a sitemap index.
	Sitemaps []string
	// SitemapUpdated[i] is the lastmod the index gives Sitemaps[i] (zero
	// when it gives none), so that a child unchanged since the last visit
	// can be skipped.
	SitemapUpdated []time.Time
	// Feeds are the feed URLs an HTML page links (see Discover).
	Feeds []string
}

// Parse recognises and parses body, fetched from baseURL with the given
// Content-Type (which may be empty; the body itself decides where it can).
// A gzipped body is decompressed first, up to MaxDecompressed bytes. It
// returns ErrUnknownFormat for anything else, and a parse error naming the
// kind for a malformed document.
func Parse(body []byte, contentType, baseURL string) (*Document, error) {
	base, err := url.Parse(strings.TrimSpace(baseURL))
	if err != nil {
		return nil, fmt.Errorf("parse feed: base URL: %w", err)
	}
	if isGzip(body) {
		if body, err = gunzip(body); err != nil {
			return nil, fmt.Errorf("parse feed: %w", err)
		}
	}
	kind, err := sniff(body, contentType)
	if err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	var doc *Document
	switch kind {
	case KindRSS, KindAtom, KindJSON:
		doc, err = parseFeed(body, kind, base)
	case KindSitemap:
		doc, err = parseURLSet(body, base)
	case KindSitemapIndex:
		doc, err = parseSitemapIndex(body, base)
	case KindHTML:
		doc = parseHTML(body, base)
	}
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", kind, err)
	}
	return doc, nil
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, MaxDecompressed+1))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	if len(out) > MaxDecompressed {
		return nil, fmt.Errorf("gunzip: over %d bytes: %w", MaxDecompressed, ErrTooLarge)
	}
	return out, nil
}

// sniff decides the kind of body: by its first character and XML root
// element, and by contentType only for HTML that does not look like XML.
func sniff(body []byte, contentType string) (Kind, error) {
	b := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	media, _, _ := mime.ParseMediaType(contentType)
	isHTMLType := media == "text/html" || media == "application/xhtml+xml"
	if len(b) == 0 {
		if isHTMLType {
			return KindHTML, nil
		}
		return "", fmt.Errorf("empty body: %w", ErrUnknownFormat)
	}
	switch b[0] {
	case '{':
		// JSON Feed names its version URL; other JSON is not a feed.
		if bytes.Contains(b, []byte("jsonfeed.org")) {
			return KindJSON, nil
		}
	case '<':
		switch root := strings.ToLower(rootElement(b)); root {
		case "rss", "rdf":
			return KindRSS, nil
		case "feed":
			return KindAtom, nil
		case "urlset":
			return KindSitemap, nil
		case "sitemapindex":
			return KindSitemapIndex, nil
		case "html":
			return KindHTML, nil
		}
		if isHTMLType || looksHTML(b) {
			return KindHTML, nil
		}
	default:
		if isHTMLType {
			return KindHTML, nil
		}
	}
	return "", ErrUnknownFormat
}

// rootElement returns the local name of the first element of an XML (or
// XML-like) document, "" when there is none before an error.
func rootElement(b []byte) string {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // names are ASCII
	for range 64 {
		tok, err := d.RawToken()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local
		}
	}
	return ""
}

func looksHTML(b []byte) bool {
	head := strings.ToLower(string(b[:min(len(b), 512)]))
	return strings.Contains(head, "<!doctype html") || strings.Contains(head, "<html") || strings.Contains(head, "<head")
}

// collector gathers entries, resolving their URLs and dropping repeats.
type collector struct {
	base    *url.URL
	seen    map[string]bool
	entries []Entry
}

func newCollector(base *url.URL) *collector {
	return &collector{base: base, seen: make(map[string]bool)}
}

// add keeps e when its URL resolves to an http(s) URL not seen before.
func (c *collector) add(e Entry) {
	u, ok := resolve(c.base, e.URL)
	if !ok || c.seen[u] {
		return
	}
	c.seen[u] = true
	e.URL = u
	e.Title = oneLine(e.Title)
	e.Author = oneLine(e.Author)
	e.Publisher = oneLine(e.Publisher)
	e.Lang = strings.TrimSpace(e.Lang)
	e.GUID = strings.TrimSpace(e.GUID)
	c.entries = append(c.entries, e)
}

// resolve makes ref absolute against base and keeps it only when it is an
// http(s) URL with a host. The fragment is dropped.
func resolve(base *url.URL, ref string) (string, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", false
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "", false
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	u.Fragment = ""
	u.RawFragment = ""
	return u.String(), true
}

// oneLine trims s and turns every run of white space into one space.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// parseFeed parses RSS, Atom and JSON Feed with gofeed's parser for the
// kind sniff found (gofeed's own detection only looks at the first 4 KB).
func parseFeed(body []byte, kind Kind, base *url.URL) (*Document, error) {
	var f *gofeed.Feed
	var err error
	r := bytes.NewReader(body)
	switch kind {
	case KindRSS:
		var rf *rss.Feed
		if rf, err = (&rss.Parser{}).Parse(r); err == nil {
			f, err = (&gofeed.DefaultRSSTranslator{}).Translate(rf)
		}
	case KindAtom:
		var af *atom.Feed
		if af, err = (&atom.Parser{}).Parse(r); err == nil {
			f, err = (&gofeed.DefaultAtomTranslator{}).Translate(af)
		}
	default:
		var jf *json.Feed
		if jf, err = (&json.Parser{}).Parse(r); err == nil {
			f, err = (&gofeed.DefaultJSONTranslator{}).Translate(jf)
		}
	}
	if err != nil {
		return nil, err
	}
	if f == nil {
		return nil, errors.New("no feed")
	}
	doc := &Document{Kind: kind, Title: oneLine(html.UnescapeString(f.Title)), Lang: strings.TrimSpace(f.Language)}
	c := newCollector(base)
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		link := it.Link
		if strings.TrimSpace(link) == "" && len(it.Links) > 0 {
			link = it.Links[0]
		}
		if strings.TrimSpace(link) == "" && isAbsHTTP(it.GUID) {
			link = it.GUID
		}
		e := Entry{URL: link, Title: html.UnescapeString(it.Title), Lang: doc.Lang, GUID: it.GUID}
		for _, p := range it.Authors {
			if p == nil {
				continue
			}
			if e.Author = oneLine(html.UnescapeString(p.Name)); e.Author == "" {
				e.Author = oneLine(p.Email)
			}
			if e.Author != "" {
				break
			}
		}
		e.Published = feedTime(it.PublishedParsed, it.Published)
		e.Updated = feedTime(it.UpdatedParsed, it.Updated)
		c.add(e)
	}
	doc.Entries = c.entries
	return doc, nil
}

func isAbsHTTP(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// zoneFix gives the offsets of zone abbreviations in South Asian feeds that
// gofeed's date parser reads as UTC.
var zoneFix = map[string]int{
	"IST":  5*3600 + 1800, // India
	"SLST": 5*3600 + 1800, // Sri Lanka
	"NPT":  5*3600 + 2700, // Nepal
	"PKT":  5 * 3600,      // Pakistan
}

// feedTime reads a feed date. gofeed parses many formats but gives every
// time in UTC, losing the offset the feed wrote, and reads zone
// abbreviations it does not know ("IST") as UTC. So the raw text is parsed
// here first (keeping +05:30 and reading IST right), and gofeed's time,
// corrected for those abbreviations, is the fallback.
func feedTime(parsed *time.Time, raw string) time.Time {
	raw = strings.TrimSpace(raw)
	if t, ok := parseDate(raw); ok {
		return t
	}
	if parsed == nil {
		return time.Time{}
	}
	t := *parsed
	if _, off := t.Zone(); off != 0 {
		return t
	}
	fields := strings.Fields(raw)
	if len(fields) == 0 {
		return t
	}
	zone := strings.ToUpper(fields[len(fields)-1])
	if want, ok := zoneFix[zone]; ok {
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.FixedZone(zone, want))
	}
	return t
}
