package warc

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"
	"go.uber.org/goleak"
)

// exchange is one fetched page for the writer tests.
type exchange struct {
	url     string
	ctype   string
	encoded string // Content-Encoding the server used
	body    string
	date    time.Time
}

func (e exchange) request(tb testing.TB) *http.Request {
	tb.Helper()
	u, err := url.Parse(e.url)
	if err != nil {
		tb.Fatal(err)
	}
	return &http.Request{Method: http.MethodGet, URL: u, Host: u.Host, Proto: "HTTP/1.1",
		Header: http.Header{"User-Agent": {"khabar/test (+https://example.in/bot)"}, "Accept-Encoding": {"gzip"}}}
}

func (e exchange) response(req *http.Request) *http.Response {
	h := http.Header{"Content-Type": {e.ctype}, "Date": {e.date.UTC().Format(http.TimeFormat)}}
	if e.encoded != "" {
		h.Set("Content-Encoding", e.encoded)
		h.Set("Content-Length", "123")
	}
	return &http.Response{Status: "200 OK", StatusCode: 200, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: h, Request: req, TransferEncoding: []string{"chunked"}}
}

var istZone = time.FixedZone("IST", 5*3600+1800)

// hindiPage is a news page written for these tests.
func hindiPage(n int) string {
	return fmt.Sprintf(`<!DOCTYPE html><html lang="hi"><head><meta charset="utf-8">
<title>दिल्ली में बारिश से जलभराव, यातायात प्रभावित (%d)</title></head><body><article>
<h1>दिल्ली में बारिश से जलभराव, यातायात प्रभावित</h1>
<p>नई दिल्ली, 3 नवंबर (भाषा) राजधानी में सोमवार सुबह हुई तेज़ बारिश के बाद कई इलाकों में पानी भर गया।</p>
<p>यातायात पुलिस ने लोगों से घर से निकलने से पहले मार्ग की जानकारी लेने की अपील की।</p>
</article></body></html>`, n)
}

func englishPage(n int) string {
	return fmt.Sprintf(`<!doctype html><html lang="en"><head><title>Monsoon session to begin on Monday (%d)</title></head>
<body><article><h1>Monsoon session to begin on Monday</h1>
<p>NEW DELHI, Nov 3 (PTI) The monsoon session of Parliament will begin on Monday, officials said.</p>
</article></body></html>`, n)
}

func TestWriterRoundTrip(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	base := time.Date(2025, 11, 3, 9, 15, 30, 123456789, istZone)
	w, err := NewWriter(dir, WriterOptions{Version: "0.9.0", Now: func() time.Time { return base }})
	if err != nil {
		t.Fatal(err)
	}
	var want []exchange
	for i := range 20 {
		e := exchange{url: fmt.Sprintf("https://samachar.example/desh/2025/11/03/khabar-%d.html?utm_source=x", i),
			ctype: "text/html; charset=utf-8", body: hindiPage(i), date: base.Add(time.Duration(i) * time.Second)}
		if i%2 == 1 {
			e.url = fmt.Sprintf("https://news.example/india/story-%d", i)
			e.body, e.encoded = englishPage(i), "gzip"
		}
		want = append(want, e)
	}
	// A non-HTML exchange is archived too, and not read back as a page.
	img := exchange{url: "https://samachar.example/logo.png", ctype: "image/png", body: "\x89PNG\r\n\x1a\n....", date: base}
	var wg sync.WaitGroup
	errs := make(chan error, len(want)+1)
	for _, e := range append(want, img) {
		wg.Go(func() {
			req := e.request(t)
			errs <- w.Record(req, e.response(req), []byte(e.body), e.date)
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Record(want[0].request(t), want[0].response(nil), nil, base); !errors.Is(err, ErrClosed) {
		t.Errorf("Record after Close = %v, want ErrClosed", err)
	}

	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) != 1 || filepath.Base(files[0]) != "khabar-20251103034530-00001.warc.gz" {
		t.Fatalf("files = %v, want one khabar-20251103034530-00001.warc.gz", files)
	}
	raw, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	checkMembers(t, raw, 1+2*len(want)+2)

	got := map[string]Record{}
	st, err := Read(t.Context(), bytes.NewReader(raw), Options{}, func(r Record, err error) error {
		if err != nil {
			return err
		}
		got[r.TargetURI] = r
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.HTML != len(want) || st.NotHTML != 1 || st.Skipped != 1+len(want)+1 || st.Bad != 0 {
		t.Errorf("stats = %+v", st)
	}
	for _, e := range want {
		t.Run(e.url, func(t *testing.T) {
			r, ok := got[e.url]
			if !ok {
				t.Fatal("not read back")
			}
			if !r.Date.Equal(e.date) {
				t.Errorf("date = %v, want %v", r.Date, e.date)
			}
			if string(r.Body) != e.body {
				t.Errorf("body = %q, want %q", r.Body, e.body)
			}
			if r.Status != 200 || r.ContentType != e.ctype {
				t.Errorf("status, type = %d, %q", r.Status, r.ContentType)
			}
			if r.Header.Get("Content-Encoding") != "" || r.Header.Get("Transfer-Encoding") != "" {
				t.Errorf("stored header keeps an encoding: %v", r.Header)
			}
			if got := r.Header.Get(HeaderOriginalContentEncoding); got != e.encoded {
				t.Errorf("%s = %q, want %q", HeaderOriginalContentEncoding, got, e.encoded)
			}
			if !strings.HasPrefix(r.RecordID, "urn:uuid:") {
				t.Errorf("record id = %q", r.RecordID)
			}
		})
	}
}

// checkMembers checks that raw is n gzip members, each one WARC record.
func checkMembers(tb testing.TB, raw []byte, n int) {
	tb.Helper()
	br := bytes.NewReader(raw)
	zr, err := gzip.NewReader(br)
	if err != nil {
		tb.Fatal(err)
	}
	count := 0
	for {
		zr.Multistream(false)
		b, err := io.ReadAll(zr)
		if err != nil {
			tb.Fatal(err)
		}
		count++
		if c := bytes.Count(b, []byte("\r\n\r\nWARC/1.1\r\n")); !bytes.HasPrefix(b, []byte("WARC/1.1\r\n")) || c != 0 {
			tb.Errorf("member %d is not one record: %.80q", count, b)
		}
		if err := zr.Reset(br); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			tb.Fatal(err)
		}
	}
	if count != n {
		tb.Errorf("%d gzip members, want %d", count, n)
	}
}

func TestWriterRotates(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	now := time.Date(2025, 11, 3, 4, 0, 0, 0, time.UTC)
	w, err := NewWriter(dir, WriterOptions{MaxFileBytes: 4 << 10, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	const n = 12
	for i := range n {
		e := exchange{url: fmt.Sprintf("https://samachar.example/a/%d", i), ctype: "text/html", body: hindiPage(i) + strings.Repeat(fmt.Sprintf("<p>%d अनुच्छेद</p>", i*7919), 40), date: now}
		req := e.request(t)
		if err := w.Record(req, e.response(req), []byte(e.body), e.date); err != nil {
			t.Fatal(err)
		}
		if i == 2 {
			open, _ := filepath.Glob(filepath.Join(dir, "*"+OpenSuffix))
			if len(open) != 1 {
				t.Errorf("while writing: open files = %v, want one", open)
			}
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) < 3 {
		t.Fatalf("files = %v, want rotation at 4 KiB", files)
	}
	total := 0
	for i, f := range files {
		want := fmt.Sprintf("khabar-20251103040000-%05d.warc.gz", i+1)
		if filepath.Base(f) != want {
			t.Errorf("file %d = %s, want %s", i, filepath.Base(f), want)
		}
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		infos := 0
		st, err := Read(t.Context(), fh, Options{}, func(r Record, err error) error { return err })
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		checkPairs(t, f)
		raw, _ := os.ReadFile(f)
		zr, _ := gzip.NewReader(bytes.NewReader(raw))
		zr.Multistream(false)
		first, _ := io.ReadAll(zr)
		if bytes.Contains(first, []byte("WARC-Type: warcinfo")) && bytes.Contains(first, []byte("software: khabar\r\n")) {
			infos++
		}
		if infos != 1 {
			t.Errorf("%s does not open with khabar's warcinfo: %.300q", f, first)
		}
		total += st.HTML
	}
	if total != n {
		t.Errorf("read %d pages back, want %d", total, n)
	}

	// A new writer in the same second does not reuse a name.
	w2, err := NewWriter(dir, WriterOptions{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	e := exchange{url: "https://samachar.example/b", ctype: "text/html", body: hindiPage(1), date: now}
	req := e.request(t)
	if err := w2.Record(req, e.response(req), []byte(e.body), now); err != nil {
		t.Fatal(err)
	}
	if err := w2.Close(); err != nil {
		t.Fatal(err)
	}
	after, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(after) != len(files)+1 {
		t.Errorf("second writer: %d files, want %d", len(after), len(files)+1)
	}
}

func TestWriterRecordHeaders(t *testing.T) {
	dir := t.TempDir()
	w, err := NewWriter(dir, WriterOptions{Version: "1.2.3"})
	if err != nil {
		t.Fatal(err)
	}
	e := exchange{url: "https://samachar.example/desh/x.html", ctype: "text/html", encoded: "gzip", body: hindiPage(1),
		date: time.Date(2025, 11, 3, 9, 0, 0, 0, time.UTC)}
	req := e.request(t)
	req.Header.Set("Cookie", "session=secret")
	req = req.WithContext(ContextWithIPAddress(context.Background(), "127.0.0.1"))
	if err := w.Record(req, e.response(nil), []byte(e.body), e.date); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.warc.gz"))
	if len(files) != 1 {
		t.Fatalf("files = %v", files)
	}
	f, err := os.Open(files[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	all, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	text := string(all)
	for _, want := range []string{
		"software: khabar/1.2.3\r\n", "format: WARC File Format 1.1\r\n",
		"WARC-Type: request\r\n", "GET /desh/x.html HTTP/1.1\r\nHost: samachar.example\r\n",
		"WARC-Type: response\r\n", "WARC-Concurrent-To: <urn:uuid:", "WARC-IP-Address: 127.0.0.1\r\n",
		"WARC-Payload-Digest: sha1:", "WARC-Block-Digest: sha1:", "WARC-Warcinfo-ID: <urn:uuid:",
		"WARC-Target-URI: https://samachar.example/desh/x.html\r\n", "WARC-Date: 2025-11-03T09:00:00Z\r\n",
		"HTTP/1.1 200 OK\r\n", fmt.Sprintf("Content-Length: %d\r\n", len(e.body)),
		HeaderOriginalContentEncoding + ": gzip\r\n", HeaderOriginalTransferEncoding + ": chunked\r\n",
		HeaderOriginalContentLength + ": 123\r\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("archive lacks %q", want)
		}
	}
	for _, bad := range []string{"session=secret", "\nContent-Encoding:", "\nTransfer-Encoding:"} {
		if strings.Contains(text, bad) {
			t.Errorf("archive holds %q", bad)
		}
	}
}

// TestWriterValid checks the Writer's files with gowarc's strict validation:
// syntax, mandatory fields, content lengths and both digests.
func TestWriterValid(t *testing.T) {
	dir := t.TempDir()
	w, err := NewWriter(dir, WriterOptions{Version: "1.0.0"})
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range []exchange{
		{url: "https://samachar.example/desh/1", ctype: "text/html; charset=utf-8", encoded: "gzip", body: hindiPage(1)},
		{url: "https://news.example/india/2?x=1&y=%E0%A4%95", ctype: "text/html", body: englishPage(2)},
		{url: "https://news.example/empty", ctype: "text/html"},
	} {
		req := e.request(t)
		if err := w.Record(req, e.response(req), []byte(e.body), time.Date(2025, 11, 3, 4, 0, i, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.warc.gz"))
	if len(files) != 1 {
		t.Fatalf("files = %v", files)
	}
	rd, err := gowarc.NewWarcFileReader(files[0], 0, gowarc.WithStrictValidation())
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	types := map[string]int{}
	for rec, err := range rd.Records() {
		if err != nil {
			t.Fatalf("record at %d: %v", rec.Offset, err)
		}
		if len(rec.Validation) > 0 {
			t.Errorf("record at %d: %v", rec.Offset, rec.Validation)
		}
		if _, err := rec.WarcRecord.ValidateDigest(); err != nil {
			t.Errorf("record at %d: %v", rec.Offset, err)
		}
		types[rec.WarcRecord.Type().String()]++
		rec.Close()
	}
	if types["warcinfo"] != 1 || types["request"] != 3 || types["response"] != 3 {
		t.Errorf("record types = %v", types)
	}
}

// checkPairs checks that every response in the file f follows the request
// it names in WARC-Concurrent-To.
func checkPairs(tb testing.TB, f string) {
	tb.Helper()
	rd, err := gowarc.NewWarcFileReader(f, 0)
	if err != nil {
		tb.Fatal(err)
	}
	defer rd.Close()
	requests := map[string]bool{}
	for rec, err := range rd.Records() {
		if err != nil {
			tb.Fatal(err)
		}
		h := rec.WarcRecord.WarcHeader()
		switch rec.WarcRecord.Type() {
		case gowarc.Request:
			requests[h.GetId(gowarc.WarcRecordID)] = true
		case gowarc.Response:
			if to := h.GetId(gowarc.WarcConcurrentTo); !requests[to] {
				tb.Errorf("%s: response %s without its request %s", filepath.Base(f), h.GetId(gowarc.WarcRecordID), to)
			}
		}
		rec.Close()
	}
}
