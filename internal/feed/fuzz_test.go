package feed

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzParse: Parse never panics, returns a document or an error, keeps only
// absolute http(s) URLs without repeats, and stays fast.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, name := range files {
		if strings.HasSuffix(name, ".golden.json") {
			continue
		}
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b, "")
		}
	}
	f.Add([]byte(`<urlset><url><loc>/a</loc><lastmod>2026-12-07T16:30+05:30</lastmod><news:news><news:publication_date>2026</news:publication_date></news:news></url></urlset>`), "application/xml")
	f.Add([]byte(`<sitemapindex><sitemap><loc>https://a.example/s.xml</loc></sitemap></sitemapindex>`), "")
	f.Add([]byte(`<rss version="2.0"><channel><item><link>x</link><pubDate>Mon, 07 Dec 2026 09:05:00 IST</pubDate></item></channel></rss>`), "")
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"url":"/a","date_published":"2026-12-07T12:15:00+05:30"}]}`), "")
	f.Add([]byte("\x1f\x8b\x08\x00\x00\x00\x00\x00"), "")
	f.Add([]byte(`<div><link rel="alternate" type="application/rss+xml" href="/f"></div>`), "text/html")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		start := time.Now()
		doc, err := Parse(body, contentType, "https://base.example/dir/page")
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("Parse took %v on %d bytes", took, len(body))
		}
		if err != nil {
			if doc != nil {
				t.Error("document and error both returned")
			}
			return
		}
		seen := make(map[string]bool)
		for _, e := range doc.Entries {
			if !strings.HasPrefix(e.URL, "http://") && !strings.HasPrefix(e.URL, "https://") {
				t.Errorf("entry URL %q is not http(s)", e.URL)
			}
			if seen[e.URL] {
				t.Errorf("entry URL %q repeated", e.URL)
			}
			seen[e.URL] = true
		}
		if len(doc.SitemapUpdated) != len(doc.Sitemaps) {
			t.Errorf("%d sitemaps, %d lastmods", len(doc.Sitemaps), len(doc.SitemapUpdated))
		}
		for _, u := range append(append([]string(nil), doc.Feeds...), doc.Sitemaps...) {
			if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
				t.Errorf("URL %q is not http(s)", u)
			}
		}
	})
}

// FuzzParseDate: the lenient date parser never panics and what it accepts
// has a sane year.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-12-07T16:30:00+05:30", "2026-12-07", "Mon, 7 Dec 2026 16:30:00 IST", "2026", "", "कल"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if tm, ok := parseDate(s); ok && (tm.Year() < 0 || tm.Year() > 9999) {
			t.Errorf("parseDate(%q) = %v", s, tm)
		}
	})
}

// FuzzOPML: ReadOPML never panics, and what it reads writes and reads back
// the same.
func FuzzOPML(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("testdata", "subscriptions.opml")); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`<opml version="2.0"><body><outline text="a"><outline xmlUrl="https://a.example/f" category="x/y"/></outline></body></opml>`))
	f.Add([]byte(`<opml><body><outline htmlUrl="h"></body>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		outlines, err := ReadOPML(bytes.NewReader(in))
		if err != nil {
			return
		}
		// Writing fills in defaults (Text, Type); after one round trip
		// the outlines must survive writing and reading unchanged.
		once := roundTrip(t, outlines)
		twice := roundTrip(t, once)
		if fmt.Sprintf("%q", twice) != fmt.Sprintf("%q", once) {
			t.Errorf("round trip changed the outlines:\n%q\n%q", once, twice)
		}
	})
}

func roundTrip(t *testing.T, outlines []Outline) []Outline {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteOPML(&buf, "fuzz", outlines); err != nil {
		t.Fatalf("WriteOPML: %v", err)
	}
	out, err := ReadOPML(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("ReadOPML of WriteOPML output: %v\n%s", err, buf.Bytes())
	}
	return out
}
