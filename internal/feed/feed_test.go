package feed

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// golden is a Document as its golden file shows it: times as RFC 3339 text
// with their offset, empty when unknown.
type golden struct {
	Kind     Kind          `json:"kind"`
	Title    string        `json:"title,omitempty"`
	Lang     string        `json:"lang,omitempty"`
	Entries  []goldenEntry `json:"entries,omitempty"`
	Sitemaps []string      `json:"sitemaps,omitempty"`
	Updated  []string      `json:"sitemaps_updated,omitempty"`
	Feeds    []string      `json:"feeds,omitempty"`
}

type goldenEntry struct {
	URL       string `json:"url"`
	Title     string `json:"title,omitempty"`
	Author    string `json:"author,omitempty"`
	Lang      string `json:"lang,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Published string `json:"published,omitempty"`
	Updated   string `json:"updated,omitempty"`
	GUID      string `json:"guid,omitempty"`
}

func toGolden(d *Document) golden {
	g := golden{Kind: d.Kind, Title: d.Title, Lang: d.Lang, Sitemaps: d.Sitemaps, Feeds: d.Feeds}
	ts := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.RFC3339)
	}
	for _, t := range d.SitemapUpdated {
		g.Updated = append(g.Updated, ts(t))
	}
	for _, e := range d.Entries {
		g.Entries = append(g.Entries, goldenEntry{e.URL, e.Title, e.Author, e.Lang, e.Publisher, ts(e.Published), ts(e.Updated), e.GUID})
	}
	return g
}

// TestGolden parses every document in testdata and compares the result
// with its .golden.json (go test -update rewrites them).
func TestGolden(t *testing.T) {
	tests := []struct {
		file, contentType, base string
		kind                    Kind
	}{
		{"hindi_rss.xml", "application/rss+xml; charset=utf-8", "https://samachar-darpan.example.in/rss/latest.xml", KindRSS},
		{"english_atom.xml", "application/atom+xml", "https://deccan-ledger.example.com/india/atom.xml", KindAtom},
		{"json_feed.json", "application/feed+json", "https://nagar-samvad.example.net/feed.json", KindJSON},
		{"rdf.xml", "application/rdf+xml", "https://old-gazette.example.org/index.rdf", KindRSS},
		{"news_sitemap.xml", "application/xml", "https://samachar-darpan.example.in/sitemaps/news.xml", KindSitemap},
		{"sitemap.xml", "text/xml", "https://deccan-ledger.example.com/sitemap.xml", KindSitemap},
		{"sitemap_index.xml", "", "https://samachar-darpan.example.in/sitemap.xml", KindSitemapIndex},
		{"home.html", "text/html; charset=utf-8", "https://samachar-darpan.example.in/", KindHTML},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			body := readFile(t, tt.file)
			doc, err := Parse(body, tt.contentType, tt.base)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Kind != tt.kind {
				t.Errorf("kind = %q, want %q", doc.Kind, tt.kind)
			}
			got, err := json.MarshalIndent(toGolden(doc), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", strings.TrimSuffix(tt.file, filepath.Ext(tt.file))+".golden.json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s:\n%s", tt.file, path, got)
			}
			// Without a Content-Type the body alone must decide (HTML
			// included, as home.html has a doctype).
			doc2, err := Parse(body, "", tt.base)
			if err != nil || doc2.Kind != tt.kind {
				t.Errorf("without Content-Type: kind %v, err %v", doc2, err)
			}
		})
	}
}

func readFile(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func gz(tb testing.TB, b []byte) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		tb.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestGzippedSitemap(t *testing.T) {
	plain := readFile(t, "news_sitemap.xml")
	const base = "https://samachar-darpan.example.in/sitemaps/news.xml.gz"
	want, err := Parse(plain, "", base)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Parse(gz(t, plain), "application/x-gzip", base)
	if err != nil {
		t.Fatal(err)
	}
	gj, _ := json.Marshal(toGolden(got))
	wj, _ := json.Marshal(toGolden(want))
	if !bytes.Equal(gj, wj) {
		t.Errorf("gzipped sitemap parses as\n%s\nwant\n%s", gj, wj)
	}
	// A gzip bomb stops at MaxDecompressed.
	// One gzip member per MiB of zeros, one MiB too many.
	bomb := bytes.Repeat(gz(t, make([]byte, 1<<20)), MaxDecompressed>>20+1)
	if _, err := Parse(bomb, "", base); !errors.Is(err, ErrTooLarge) {
		t.Errorf("gzip bomb: err = %v, want ErrTooLarge", err)
	}
	if _, err := Parse(gz(t, plain)[:40], "", base); err == nil {
		t.Error("truncated gzip parsed without error")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, body, contentType string
		is                      error
		mention                 string
	}{
		{"malformed rss", string(readFile(t, "malformed_rss.xml")), "application/rss+xml", nil, "parse rss"},
		{"truncated sitemap", `<urlset><url><loc>https://a.example/x</loc>`, "", nil, "parse sitemap"},
		{"plain text", "just some words", "text/plain", ErrUnknownFormat, "not a feed"},
		{"empty", "  \n", "", ErrUnknownFormat, ""},
		{"other xml", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`, "image/svg+xml", ErrUnknownFormat, ""},
		{"other json", `{"status": "ok"}`, "application/json", ErrUnknownFormat, ""},
		{"bad json feed", `{"version": "https://jsonfeed.org/version/1.1", "items": [`, "application/feed+json", nil, "parse json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse([]byte(tt.body), tt.contentType, "https://a.example/")
			if err == nil {
				t.Fatalf("no error; got %+v", doc)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("err = %v, want %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.mention) {
				t.Errorf("err = %q, want it to say %q", err, tt.mention)
			}
		})
	}
	if _, err := Parse([]byte("<rss/>"), "", "http://[::1"); err == nil {
		t.Error("bad base URL accepted")
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, body, contentType string
		want                    Kind
	}{
		{"rss with BOM", "\xef\xbb\xbf<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>", "", KindRSS},
		{"rss 0.91 with doctype", `<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x"><rss version="0.91"><channel/></rss>`, "", KindRSS},
		{"rdf", `<rdf:RDF xmlns:rdf="x"><channel/></rdf:RDF>`, "", KindRSS},
		{"atom after comment", "<!-- generated -->\n<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", "", KindAtom},
		{"urlset", `<urlset/>`, "", KindSitemap},
		{"sitemapindex", `<sitemapindex/>`, "", KindSitemapIndex},
		{"feed served as html", `<rss version="2.0"><channel/></rss>`, "text/html", KindRSS},
		{"html fragment by type", `<div>hi</div>`, "text/html", KindHTML},
		{"html without type", "<!doctype html><title>x</title>", "", KindHTML},
		{"html uppercase", "<HTML><HEAD><TITLE>x</TITLE></HEAD></HTML>", "", KindHTML},
		{"json feed", `{"version":"https://jsonfeed.org/version/1","items":[]}`, "", KindJSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sniff([]byte(tt.body), tt.contentType)
			if err != nil || got != tt.want {
				t.Errorf("sniff = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	ist := time.FixedZone("", 5*3600+1800)
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2026-12-07T16:30:00+05:30", time.Date(2026, 12, 7, 16, 30, 0, 0, ist)},
		{"2026-12-07T16:30:00.250+05:30", time.Date(2026, 12, 7, 16, 30, 0, 250e6, ist)},
		{"2026-12-07T16:30:00+0530", time.Date(2026, 12, 7, 16, 30, 0, 0, ist)},
		{"2026-12-07T16:30+05:30", time.Date(2026, 12, 7, 16, 30, 0, 0, ist)},
		{"2026-12-07T11:00:00Z", time.Date(2026, 12, 7, 11, 0, 0, 0, time.UTC)},
		{"2026-12-07 16:30:00 +05:30", time.Date(2026, 12, 7, 16, 30, 0, 0, ist)},
		{"2026-12-07 16:30:00", time.Date(2026, 12, 7, 16, 30, 0, 0, time.UTC)},
		{"2026-12-07", time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)},
		{"2026-12", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)},
		{"2026", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"Mon, 07 Dec 2026 16:30:00 +0530", time.Date(2026, 12, 7, 16, 30, 0, 0, ist)},
		{"Mon, 7 Dec 2026 16:30:00 IST", time.Date(2026, 12, 7, 16, 30, 0, 0, ist)},
		{"Mon, 07 Dec 2026 11:00:00 GMT", time.Date(2026, 12, 7, 11, 0, 0, 0, time.UTC)},
		{" 2026-12-07T16:30:00+05:30 \n", time.Date(2026, 12, 7, 16, 30, 0, 0, ist)},
		{"", time.Time{}},
		{"कल शाम", time.Time{}},
		{"2026-13-45", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := parseDate(tt.in)
			if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
				t.Fatalf("parseDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
			}
			if ok {
				_, off := got.Zone()
				_, wantOff := tt.want.Zone()
				if off != wantOff {
					t.Errorf("offset %d, want %d", off, wantOff)
				}
			}
		})
	}
}

func TestDiscover(t *testing.T) {
	tests := []struct {
		name, html, base string
		want             []string
	}{
		{"testdata page", string(readFile(t, "home.html")), "https://samachar-darpan.example.in/", []string{
			"https://samachar-darpan.example.in/hi/rss/latest.xml",
			"https://samachar-darpan.example.in/hi/rss/desh.xml",
			"https://samachar-darpan.example.in/atom.xml",
			"https://samachar-darpan.example.in/feed.json",
		}},
		{"relative to page", `<head><link rel="alternate" type="application/atom+xml" href="feed/"></head>`, "https://a.example/news/today.html", []string{"https://a.example/news/feed/"}},
		{"json", `<link rel="alternate" type="application/json" href="/feed.json">`, "https://a.example/", []string{"https://a.example/feed.json"}},
		{"wordpress extras", `<head>
<link rel="alternate" type="application/rss+xml" title="दर्पण &raquo; फ़ीड" href="https://wp.example.in/feed/">
<link rel="alternate" type="application/rss+xml" title="दर्पण &raquo; टिप्पणी फ़ीड" href="https://wp.example.in/comments/feed/">
<link rel="alternate" type="application/json" href="https://wp.example.in/wp-json/wp/v2/pages/7">
<link rel="alternate" type="application/json" href="https://wp.example.in/?rest_route=/wp/v2/pages/7">
</head>`, "https://wp.example.in/", []string{"https://wp.example.in/feed/"}},
		{"not alternate", `<link rel="feed" type="application/rss+xml" href="/x.xml">`, "https://a.example/", nil},
		{"no type", `<link rel="alternate" href="/x.xml">`, "https://a.example/", nil},
		{"only in body", `<html><head></head><body><p><link rel="alternate" type="application/rss+xml" href="/x.xml"></p></body></html>`, "https://a.example/", nil},
		{"empty", ``, "https://a.example/", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Discover([]byte(tt.html), tt.base)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Discover =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func BenchmarkParse(b *testing.B) {
	for _, name := range []string{"hindi_rss.xml", "english_atom.xml", "news_sitemap.xml", "home.html"} {
		body := readFile(b, name)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				if _, err := Parse(body, "", "https://a.example/"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestLongProlog: a feed whose root comes after a long comment is still
// read (gofeed's own detection looks at the first 4 KB only).
func TestLongProlog(t *testing.T) {
	body := "<?xml version=\"1.0\"?>\n<!-- " + strings.Repeat("generated by a very chatty CMS; ", 300) + "-->\n" +
		`<rss version="2.0"><channel><title>t</title><item><link>https://a.example/x</link></item></channel></rss>`
	doc, err := Parse([]byte(body), "", "https://a.example/feed")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Kind != KindRSS || len(doc.Entries) != 1 {
		t.Errorf("got %+v", doc)
	}
}
