package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// xmlURLSet is a sitemap: <urlset> with <url> children, each maybe carrying
// the Google News extension (<news:news>).
type xmlURLSet struct {
	URLs []struct {
		Loc     string   `xml:"loc"`
		LastMod string   `xml:"lastmod"`
		News    *xmlNews `xml:"news"`
	} `xml:"url"`
}

type xmlNews struct {
	Publication struct {
		Name     string `xml:"name"`
		Language string `xml:"language"`
	} `xml:"publication"`
	PublicationDate string `xml:"publication_date"`
	Title           string `xml:"title"`
}

// xmlSitemapIndex is a sitemap index: <sitemapindex> with <sitemap> children.
type xmlSitemapIndex struct {
	Sitemaps []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"sitemap"`
}

// decodeXML decodes body into v leniently: a bare "&" in a URL, common in
// sitemaps, is kept as text, HTML entities are understood, and a declared
// legacy encoding is converted.
// Elements are matched by local name, whatever their namespace.
func decodeXML(body []byte, v any) error {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	d.Entity = xml.HTMLEntity // &nbsp; and &rsquo; turn up in news titles
	d.CharsetReader = charset.NewReaderLabel
	if err := d.Decode(v); err != nil {
		return fmt.Errorf("xml: %w", err)
	}
	return nil
}

func parseURLSet(body []byte, base *url.URL) (*Document, error) {
	var set xmlURLSet
	if err := decodeXML(body, &set); err != nil {
		return nil, err
	}
	c := newCollector(base)
	for _, u := range set.URLs {
		e := Entry{URL: u.Loc}
		e.Updated, _ = parseDate(u.LastMod)
		if n := u.News; n != nil {
			e.Title = html.UnescapeString(n.Title) // titles escaped twice are common
			e.Lang = n.Publication.Language
			e.Publisher = n.Publication.Name
			e.Published, _ = parseDate(n.PublicationDate)
		}
		c.add(e)
	}
	return &Document{Kind: KindSitemap, Entries: c.entries}, nil
}

func parseSitemapIndex(body []byte, base *url.URL) (*Document, error) {
	var idx xmlSitemapIndex
	if err := decodeXML(body, &idx); err != nil {
		return nil, err
	}
	c := newCollector(base)
	for _, s := range idx.Sitemaps {
		e := Entry{URL: s.Loc}
		e.Updated, _ = parseDate(s.LastMod)
		c.add(e)
	}
	doc := &Document{Kind: KindSitemapIndex}
	for _, e := range c.entries {
		doc.Sitemaps = append(doc.Sitemaps, e.URL)
		doc.SitemapUpdated = append(doc.SitemapUpdated, e.Updated)
	}
	return doc, nil
}

// dateLayouts are the W3C datetime profile sitemaps use (with the common
// slips: no colon in the offset, a space for the T, no zone, no seconds),
// then the RFC 1123 dates some news sitemaps and feeds use.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999Z0700",
	"2006-01-02 15:04:05.999999999 Z07:00",
	"2006-01-02 15:04:05.999999999 Z0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006-01",
	"2006",
	time.RFC1123Z,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
}

// parseDate parses a sitemap or feed date leniently. A date without a zone
// is taken as UTC; the abbreviations in zoneFix (IST and its neighbours)
// get their real offset. It reports false for text it cannot read.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if name, off := t.Zone(); off == 0 && name != "UTC" {
			if want, ok := zoneFix[name]; ok {
				t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.FixedZone(name, want))
			}
		}
		return t, true
	}
	return time.Time{}, false
}
