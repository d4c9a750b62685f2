package source

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"khabar/internal/news"
	"khabar/internal/warc"
)

// warcRecord is one WARC/1.0 record written by hand.
func warcRecord(typ, uri, date, id, block string) []byte {
	return []byte("WARC/1.0\r\nWARC-Type: " + typ + "\r\nWARC-Target-URI: " + uri + "\r\nWARC-Date: " + date +
		"\r\nWARC-Record-ID: <urn:uuid:" + id + ">\r\nContent-Type: application/http; msgtype=" + typ +
		"\r\nContent-Length: " + strconv.Itoa(len(block)) + "\r\n\r\n" + block + "\r\n\r\n")
}

// httpPage is an HTTP response holding body.
func httpPage(status, ctype, body string) string {
	return "HTTP/1.1 " + status + "\r\nContent-Type: " + ctype + "\r\nContent-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
}

func gzipped(t testing.TB, parts ...[]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, p := range parts {
		zw := gzip.NewWriter(&b)
		if _, err := zw.Write(p); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

func newsPage(title, para string) string {
	return `<!DOCTYPE html><html lang="hi"><head><meta charset="utf-8"><title>` + title + `</title></head><body><article><h1>` +
		title + `</h1><p>` + para + `</p></article></body></html>`
}

// ccRecords are a WARC file's records: three HTML pages, a request, a
// JSON response, a redirect and a 404 page.
func ccRecords() [][]byte {
	return [][]byte{
		warcRecord("request", "https://samachar.example/desh/1", "2025-11-03T04:00:00Z", "00000000-0000-4000-8000-000000000001",
			"GET /desh/1 HTTP/1.1\r\nHost: samachar.example\r\n\r\n"),
		warcRecord("response", "https://samachar.example/desh/1", "2025-11-03T04:00:01Z", "00000000-0000-4000-8000-000000000002",
			httpPage("200 OK", "text/html; charset=utf-8", newsPage("पहली ख़बर", hindi))),
		warcRecord("response", "https://samachar.example/api/ticker.json", "2025-11-03T04:00:02Z", "00000000-0000-4000-8000-000000000003",
			httpPage("200 OK", "application/json", `{"ticker":[]}`)),
		warcRecord("response", "https://Samachar.example:443/desh/2?utm_source=rss&id=7", "2025-11-03T04:00:03Z", "00000000-0000-4000-8000-000000000004",
			httpPage("200 OK", "text/html", newsPage("दूसरी ख़बर", hindi))),
		warcRecord("response", "https://samachar.example/old", "2025-11-03T04:00:04Z", "00000000-0000-4000-8000-000000000005",
			httpPage("301 Moved Permanently", "text/html", "<html><body><a href=\"/new\">moved</a></body></html>")),
		warcRecord("response", "https://samachar.example/missing", "2025-11-03T04:00:05Z", "00000000-0000-4000-8000-000000000006",
			httpPage("404 Not Found", "text/html", "<html><body>पृष्ठ नहीं मिला</body></html>")),
		warcRecord("response", "http://news.example/india/3", "2025-11-03T04:00:06+05:30", "00000000-0000-4000-8000-000000000007",
			httpPage("200 OK", "text/html", newsPage("तीसरी ख़बर", hindi))),
	}
}

var ccURLs = []string{
	"https://samachar.example/desh/1",
	"https://samachar.example/desh/2?id=7",
	"http://news.example/india/3",
}

func TestWalkWARC(t *testing.T) {
	dir := t.TempDir()
	recs := ccRecords()
	files := map[string][]byte{
		"cc.warc.gz":    gzipped(t, recs...),
		"cc.warc":       bytes.Join(recs, nil),
		"whole.warc.gz": gzipped(t, bytes.Join(recs, nil)),
		"sniffed":       gzipped(t, recs...), // no extension: content decides
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fetched := []time.Time{
		time.Date(2025, 11, 3, 4, 0, 1, 0, time.UTC),
		time.Date(2025, 11, 3, 4, 0, 3, 0, time.UTC),
		time.Date(2025, 11, 2, 22, 30, 6, 0, time.UTC),
	}
	for name := range files {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			items := walk(t, []string{path}, Options{})
			if len(items) != 3 {
				t.Fatalf("%d items, want 3: %+v", len(items), items)
			}
			for i, it := range items {
				if it.Err != nil {
					t.Fatalf("item %s: %v", it.Name, it.Err)
				}
				a := it.Article
				pos := strings.TrimPrefix(it.Name, path+"@")
				// The source URI is the page's, as when it was fetched: a
				// page read back from its archive is the article fetched.
				if pos == it.Name || a.Source.URI != ccURLs[i] || a.Source.Format != news.FormatWARC {
					t.Errorf("name %q, source %q %q", it.Name, a.Source.URI, a.Source.Format)
				}
				if a.URL != ccURLs[i] || a.Raw.Hints.URL != ccURLs[i] {
					t.Errorf("URL = %q, hint %q, want %q", a.URL, a.Raw.Hints.URL, ccURLs[i])
				}
				if a.ID != ID("url:"+ccURLs[i]) {
					t.Errorf("id = %s, want the id of url:%s", a.ID, ccURLs[i])
				}
				if a.Source.Format != news.FormatWARC || a.Raw.Format != news.FormatHTML {
					t.Errorf("formats = %s, %s", a.Source.Format, a.Raw.Format)
				}
				if !a.Source.Fetched.Equal(fetched[i]) {
					t.Errorf("fetched = %v, want %v", a.Source.Fetched, fetched[i])
				}
				if !strings.Contains(a.Raw.Body, hindi) {
					t.Errorf("body = %q", a.Raw.Body)
				}
			}
		})
	}
	t.Run("offsets", func(t *testing.T) {
		path := filepath.Join(dir, "cc.warc.gz")
		items := walk(t, []string{path}, Options{})
		off := 0
		for i, r := range recs {
			if i == 1 && items[0].Name != fmt.Sprintf("%s@%d", path, off) {
				t.Errorf("first page named %s, want @%d", items[0].Name, off)
			}
			off += len(gzipped(t, r))
		}
	})
}

// TestWARCSameIDAsJSONL checks that a page read from a WARC file and from a
// JSON Lines line with the same URL get the same id.
func TestWARCSameIDAsJSONL(t *testing.T) {
	dir := t.TempDir()
	page := newsPage("पहली ख़बर", hindi)
	writeFiles(t, dir, map[string]string{
		"a.jsonl": fmt.Sprintf(`{"url": "https://samachar.example/desh/1?utm_medium=x", "html": %q}`+"\n", page),
	})
	if err := os.WriteFile(filepath.Join(dir, "a.warc"), warcRecord("response", "https://samachar.example/desh/1", "2025-11-03T04:00:01Z",
		"00000000-0000-4000-8000-000000000002", httpPage("200 OK", "text/html", page)), 0o644); err != nil {
		t.Fatal(err)
	}
	items := walk(t, []string{dir}, Options{})
	if len(items) != 2 || items[0].Err != nil || items[1].Err != nil {
		t.Fatalf("items = %+v", items)
	}
	if items[0].Article.ID != items[1].Article.ID {
		t.Errorf("ids differ: %s (%s), %s (%s)", items[0].Article.ID, items[0].Name, items[1].Article.ID, items[1].Name)
	}
	if items[0].Article.Raw.Body != items[1].Article.Raw.Body {
		t.Errorf("bodies differ")
	}
}

func TestWalkWARCBadRecords(t *testing.T) {
	dir := t.TempDir()
	recs := ccRecords()
	bad := bytes.Replace(bytes.Clone(recs[3]), []byte("Content-Length: "), []byte("Content-Length: x"), 1)
	big := warcRecord("response", "https://samachar.example/big", "2025-11-03T04:00:09Z", "00000000-0000-4000-8000-000000000009",
		httpPage("200 OK", "text/html", newsPage("बड़ी ख़बर", strings.Repeat(hindi, 200))))
	parts := [][]byte{recs[1], bad, big, recs[6]}
	path := filepath.Join(dir, "bad.warc.gz")
	if err := os.WriteFile(path, gzipped(t, parts...), 0o644); err != nil {
		t.Fatal(err)
	}
	badAt := len(gzipped(t, recs[1]))
	bigAt := badAt + len(gzipped(t, bad))
	items := walk(t, []string{path}, Options{MaxBytes: 8 << 10})
	if len(items) != 4 {
		t.Fatalf("%d items, want 4: %+v", len(items), items)
	}
	for i, tc := range []struct {
		name string
		err  error
		msg  string
		url  string
	}{
		{name: fmt.Sprintf("%s@0", path), url: ccURLs[0]},
		{name: fmt.Sprintf("%s@%d", path, badAt), msg: fmt.Sprintf(`%s@%d: record <urn:uuid:00000000-0000-4000-8000-000000000004>: missing or bad Content-Length "x`, path, badAt)},
		{name: fmt.Sprintf("%s@%d", path, bigAt), err: news.ErrTooLarge, msg: "over the size limit of 8192 bytes"},
		{name: fmt.Sprintf("%s@%d", path, bigAt+len(gzipped(t, big))), url: ccURLs[2]},
	} {
		it := items[i]
		if it.Name != tc.name {
			t.Errorf("item %d named %q, want %q", i, it.Name, tc.name)
		}
		switch {
		case tc.url != "" && (it.Err != nil || it.Article.URL != tc.url):
			t.Errorf("item %d = %+v, want the page %s", i, it, tc.url)
		case tc.url == "" && it.Err == nil:
			t.Errorf("item %d read, want an error", i)
		case tc.err != nil && !errors.Is(it.Err, tc.err):
			t.Errorf("item %d error = %v, want %v", i, it.Err, tc.err)
		case tc.msg != "" && !strings.Contains(it.Err.Error(), tc.msg):
			t.Errorf("item %d error = %q, want it to hold %q", i, it.Err, tc.msg)
		}
	}

	t.Run("truncated", func(t *testing.T) {
		b := gzipped(t, recs[1], recs[3])
		path := filepath.Join(dir, "cut.warc.gz")
		if err := os.WriteFile(path, b[:len(b)-40], 0o644); err != nil {
			t.Fatal(err)
		}
		items := walk(t, []string{path}, Options{})
		if len(items) != 2 || items[0].Err != nil || items[1].Err == nil {
			t.Fatalf("items = %+v", items)
		}
		want := fmt.Sprintf("%s@%d: ", path, len(gzipped(t, recs[1])))
		if !strings.HasPrefix(items[1].Err.Error(), want) {
			t.Errorf("error = %q, want it to start %q", items[1].Err, want)
		}
	})
}

func TestWalkWARCDirectory(t *testing.T) {
	dir := t.TempDir()
	recs := ccRecords()
	for name, b := range map[string][]byte{
		"a/crawl.warc.gz":               gzipped(t, recs[1]),
		"a/notes.gz":                    gzipped(t, []byte("not an article")),
		"a/khabar-1-00001.warc.gz.open": gzipped(t, recs[3]),
		"b/CRAWL.WARC.GZ":               gzipped(t, recs[6]),
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	items := walk(t, []string{dir}, Options{})
	var urls []string
	for _, it := range items {
		if it.Err != nil {
			t.Errorf("%s: %v", it.Name, it.Err)
			continue
		}
		urls = append(urls, it.Article.URL)
	}
	if want := []string{ccURLs[0], ccURLs[2]}; strings.Join(urls, " ") != strings.Join(want, " ") {
		t.Errorf("pages = %q, want %q", urls, want)
	}
}

func TestWalkWARCStdin(t *testing.T) {
	recs := ccRecords()
	for _, tc := range []struct {
		name string
		in   []byte
	}{
		{"plain", bytes.Join(recs, nil)},
		{"gzip", gzipped(t, recs...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			items := walk(t, []string{"-"}, Options{Stdin: bytes.NewReader(tc.in)})
			if len(items) != 3 {
				t.Fatalf("%d items, want 3", len(items))
			}
			for i, it := range items {
				if it.Err != nil || it.Article.ID != ID("url:"+ccURLs[i]) || !strings.HasPrefix(it.Name, "-@") {
					t.Errorf("item %d = %s %+v", i, it.Name, it.Err)
				}
			}
		})
	}
}

// TestWalkWARCCharset checks that a page's charset comes from the HTTP
// header when the page does not declare one.
func TestWalkWARCCharset(t *testing.T) {
	page := "<html><head><title>Caf\u00e9 society</title></head><body><p>Na\u00efve r\u00e9sum\u00e9s at the caf\u00e9, \u00a3 and \u00a9.</p></body></html>"
	latin, err := charmap.ISO8859_1.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "latin.warc")
	rec := warcRecord("response", "https://daily.example/cafe", "2025-11-03T04:00:01Z", "00000000-0000-4000-8000-000000000002",
		httpPage("200 OK", "text/html; charset=iso-8859-1", latin))
	if err := os.WriteFile(path, rec, 0o644); err != nil {
		t.Fatal(err)
	}
	items := walk(t, []string{path}, Options{})
	if len(items) != 1 || items[0].Err != nil || items[0].Article.Raw.Body != page {
		t.Errorf("items = %+v", items)
	}
}

// TestWalkWARCWriterRoundTrip archives exchanges with warc.Writer, as
// fetch --warc does, and reads them back.
func TestWalkWARCWriterRoundTrip(t *testing.T) {
	dir := t.TempDir()
	w, err := warc.NewWriter(dir, warc.WriterOptions{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	fetched := time.Date(2025, 11, 3, 9, 30, 0, 0, time.FixedZone("IST", 5*3600+1800))
	var want []string
	for i := range 5 {
		raw := fmt.Sprintf("https://samachar.example/desh/%d?utm_campaign=feed", i)
		u, _ := url.Parse(raw)
		req := &http.Request{Method: http.MethodGet, URL: u, Host: u.Host, Header: http.Header{}}
		resp := &http.Response{StatusCode: 200, Status: "200 OK", Proto: "HTTP/1.1", Request: req,
			Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}, "Content-Encoding": {"gzip"}}}
		if err := w.Record(req, resp, []byte(newsPage(fmt.Sprintf("ख़बर %d", i), hindi)), fetched); err != nil {
			t.Fatal(err)
		}
		want = append(want, CanonicalURL(raw))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	items := walk(t, []string{dir}, Options{})
	if len(items) != len(want) {
		t.Fatalf("%d items, want %d", len(items), len(want))
	}
	for i, it := range items {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		a := it.Article
		if a.URL != want[i] || a.ID != ID("url:"+want[i]) || !a.Source.Fetched.Equal(fetched) ||
			a.Raw.Body != newsPage(fmt.Sprintf("ख़बर %d", i), hindi) {
			t.Errorf("item %d = %s %+v", i, it.Name, a)
		}
	}
}

func FuzzWalkWARC(f *testing.F) {
	recs := ccRecords()
	f.Add(bytes.Join(recs, nil))
	f.Add(bytes.Join(recs[1:3], nil))
	f.Add(gzipped(f, recs[1:4]...))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		err := Walk(t.Context(), []string{"-"}, Options{Stdin: bytes.NewReader(b), MaxBytes: 1 << 16}, func(it Item) error {
			if (it.Article == nil) == (it.Err == nil) {
				t.Errorf("item %q: Article = %v, Err = %v", it.Name, it.Article, it.Err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
