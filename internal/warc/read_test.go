package warc

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

var (
	update = flag.Bool("update", false, "rewrite the golden files in testdata")
	regen  = flag.Bool("regen", false, "rewrite testdata/cc-news.warc.gz from ccNews")
)

// result is what Read handed over, in a form to compare and to keep as a
// golden file.
type result struct {
	Stats   Stats       `json:"stats"`
	Records []goldenRec `json:"records"`
	Errors  []string    `json:"errors"`
}

type goldenRec struct {
	TargetURI   string    `json:"target_uri"`
	Date        time.Time `json:"date"`
	Status      int       `json:"status"`
	ContentType string    `json:"content_type"`
	RecordID    string    `json:"record_id"`
	Pos         string    `json:"pos"`
	Body        string    `json:"body"`
}

// readAll reads b with opt and collects everything Read hands over.
func readAll(tb testing.TB, b []byte, opt Options) result {
	tb.Helper()
	var res result
	st, err := Read(context.Background(), bytes.NewReader(b), opt, func(r Record, err error) error {
		if err != nil {
			var re *RecordError
			if !errors.As(err, &re) {
				tb.Errorf("error %v is not a *RecordError", err)
			}
			if r.Offset != re.Offset || r.InnerOffset != re.InnerOffset || r.RecordID != re.RecordID {
				tb.Errorf("record %+v does not match its error %+v", r, re)
			}
			res.Errors = append(res.Errors, err.Error())
			return nil
		}
		res.Records = append(res.Records, goldenRec{r.TargetURI, r.Date, r.Status, r.ContentType, r.RecordID, r.Pos(), string(r.Body)})
		return nil
	})
	if err != nil {
		tb.Fatalf("Read: %v", err)
	}
	res.Stats = st
	return res
}

func TestGolden(t *testing.T) {
	path := filepath.Join("testdata", "cc-news.warc.gz")
	if *regen {
		if err := os.WriteFile(path, join(t, ccNews(t), true, false), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := readAll(t, b, Options{})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(got); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	golden := filepath.Join("testdata", "cc-news.golden.json")
	if *update {
		if err := os.WriteFile(golden, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, want) {
		t.Errorf("Read(%s) differs from %s (go test -update to rewrite):\n%s", path, golden, out)
	}
	// The pages read are the pages written, encodings undone.
	if len(got.Records) != 3 || got.Records[0].Body != pageHindi || got.Records[1].Body != pageEnglish {
		t.Errorf("records = %+v", got.Records)
	}
	if want := (Stats{Records: 8, HTML: 3, NotHTML: 1, Skipped: 4}); got.Stats != want {
		t.Errorf("stats = %+v, want %+v", got.Stats, want)
	}
}

// TestFraming reads the same records framed every way a WARC file comes.
func TestFraming(t *testing.T) {
	recs := ccNews(t)
	want := readAll(t, join(t, recs, true, false), Options{})
	for _, tc := range []struct {
		name             string
		perRecord, whole bool
		wantInner        bool
	}{
		{"plain", false, false, false},
		{"per-record gzip", true, false, false},
		{"whole-file gzip", false, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := readAll(t, join(t, recs, tc.perRecord, tc.whole), Options{})
			if got.Stats != want.Stats || len(got.Errors) != 0 || len(got.Records) != len(want.Records) {
				t.Fatalf("got %+v, errors %q; want %+v", got.Stats, got.Errors, want.Stats)
			}
			for i, r := range got.Records {
				w := want.Records[i]
				if r.TargetURI != w.TargetURI || !r.Date.Equal(w.Date) || r.Body != w.Body || r.RecordID != w.RecordID {
					t.Errorf("record %d = %+v, want %+v", i, r, w)
				}
				if inner := strings.Contains(r.Pos, "+"); inner != tc.wantInner {
					t.Errorf("record %d at %s", i, r.Pos)
				}
			}
		})
	}
	t.Run("plain offsets", func(t *testing.T) {
		b := join(t, recs, false, false)
		got := readAll(t, b, Options{})
		for _, r := range got.Records {
			off, err := strconv.Atoi(r.Pos)
			if err != nil || !bytes.HasPrefix(b[off:], []byte("WARC/1.0\r\nWARC-Type: response\r\n")) {
				t.Errorf("offset %s of %s does not start its record", r.Pos, r.TargetURI)
			}
		}
	})
}

// TestBadRecords checks that a damaged record is reported where it lies and
// reading goes on.
func TestBadRecords(t *testing.T) {
	page := func(n int) warcRecord {
		body := []byte(strings.Replace(pageHindi, "</article>", fmt.Sprintf("<p>%d</p></article>", n), 1))
		return response("1.1", fmt.Sprintf("%08d-0000-4000-8000-00000000000a", n), fmt.Sprintf("https://samachar.example/%d", n),
			"2025-11-03T04:12:09Z", httpResponse("200 OK", []string{"Content-Type: text/html"}, body))
	}
	pages := []warcRecord{page(1), page(2), page(3)}
	badLength := page(2)
	badLength.badLength = "many"
	big := page(2)
	big.block = append(big.block, bytes.Repeat([]byte("<p>बहुत लंबा</p>"), 200)...)
	brotli := page(2)
	brotli.block = httpResponse("200 OK", []string{"Content-Type: text/html", "Content-Encoding: br"}, []byte{0x1b, 0x03})
	badHTTP := page(2)
	badHTTP.block = []byte("HTTP/1.1 abc\r\nContent-Type text/html\r\n\r\n<html></html>")
	badChunks := page(2)
	badChunks.block = httpResponse("200 OK", []string{"Content-Type: text/html", "Transfer-Encoding: chunked"}, []byte("10\r\n<html>\r\nzz\r\n"))

	perRecord := func(recs ...warcRecord) []byte { return join(t, recs, true, false) }
	plain := func(recs ...warcRecord) []byte { return join(t, recs, false, false) }
	corrupt := func(b []byte) []byte {
		b = bytes.Clone(b)
		for i := 20; i < 60 && i < len(b); i++ {
			b[i] ^= 0x5a
		}
		return b
	}
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	first, third := perRecord(pages[0]), perRecord(pages[2])
	firstPlain := plain(pages[0])

	for _, tc := range []struct {
		name    string
		in      []byte
		opt     Options
		records []string // target URIs read
		errs    []string // substrings of the errors, in order
	}{
		{"bad Content-Length", plain(pages[0], badLength, pages[2]), Options{},
			[]string{"https://samachar.example/1", "https://samachar.example/3"},
			[]string{fmt.Sprintf("at offset %d <urn:uuid:00000002-0000-4000-8000-00000000000a>: missing or bad Content-Length \"many\"", len(firstPlain))}},
		{"bad Content-Length, per-record gzip", perRecord(pages[0], badLength, pages[2]), Options{},
			[]string{"https://samachar.example/1", "https://samachar.example/3"},
			[]string{fmt.Sprintf("at offset %d <", len(first))}},
		{"over the limit", perRecord(pages[0], big, pages[2]), Options{MaxRecordBytes: 3000},
			[]string{"https://samachar.example/1", "https://samachar.example/3"},
			[]string{"is over the size limit of 3000 bytes"}},
		{"corrupt gzip member", cat(first, corrupt(perRecord(pages[1])), third), Options{},
			[]string{"https://samachar.example/1", "https://samachar.example/3"},
			[]string{fmt.Sprintf("gzip data at offset %d", len(first))}},
		{"junk between records", cat(firstPlain, []byte("garbage that is no record\r\n"), plain(pages[1])), Options{},
			[]string{"https://samachar.example/1", "https://samachar.example/2"},
			[]string{fmt.Sprintf("at offset %d: 27 bytes that are not a WARC record", len(firstPlain))}},
		{"junk between gzip members", cat(first, []byte("not gzip at all"), third), Options{},
			[]string{"https://samachar.example/1", "https://samachar.example/3"},
			[]string{fmt.Sprintf("gzip data at offset %d: 15 bytes that are not gzip", len(first))}},
		{"zero padding after the last member", cat(first, make([]byte, 512)), Options{},
			[]string{"https://samachar.example/1"}, nil},
		{"unsupported content coding", perRecord(pages[0], brotli, pages[2]), Options{},
			[]string{"https://samachar.example/1", "https://samachar.example/3"},
			[]string{`content encoding "br": unsupported`}},
		{"bad HTTP response", perRecord(pages[0], badHTTP, pages[2]), Options{},
			[]string{"https://samachar.example/1", "https://samachar.example/3"},
			[]string{"parse record"}},
		{"bad chunked body", perRecord(pages[0], badChunks, pages[2]), Options{},
			[]string{"https://samachar.example/1", "https://samachar.example/3"},
			[]string{"chunked payload"}},
		{"truncated plain", plain(pages[0], pages[1])[:len(firstPlain)+900], Options{},
			[]string{"https://samachar.example/1"},
			[]string{fmt.Sprintf("at offset %d <urn:uuid:00000002-0000-4000-8000-00000000000a>: file ends inside the record, after 369 of its 1228-byte content block: unexpected EOF", len(firstPlain))}},
		{"truncated gzip", perRecord(pages[0], pages[1])[:len(first)+300], Options{},
			[]string{"https://samachar.example/1"},
			[]string{fmt.Sprintf("at offset %d <urn:uuid:00000002-0000-4000-8000-00000000000a>: file ends inside the record, in its WARC header, in the gzip member at offset %d: unexpected EOF", len(first), len(first))}},
		{"truncated header", plain(pages[0], pages[1])[:len(firstPlain)+40], Options{},
			[]string{"https://samachar.example/1"},
			[]string{"file ends inside the record, in its WARC header"}},
		{"not WARC", []byte("<html><body>just a page</body></html>\n"), Options{}, nil,
			[]string{"at offset 0: 38 bytes that are not a WARC record at the end of the file"}},
		{"empty", nil, Options{}, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := readAll(t, tc.in, tc.opt)
			var uris []string
			for _, r := range got.Records {
				uris = append(uris, r.TargetURI)
			}
			if strings.Join(uris, " ") != strings.Join(tc.records, " ") {
				t.Errorf("records = %q, want %q", uris, tc.records)
			}
			if len(got.Errors) != len(tc.errs) {
				t.Fatalf("errors = %q, want %d", got.Errors, len(tc.errs))
			}
			for i, e := range got.Errors {
				if !strings.Contains(e, tc.errs[i]) {
					t.Errorf("error %d = %q, want it to hold %q", i, e, tc.errs[i])
				}
			}
			if got.Stats.Bad != len(tc.errs) || got.Stats.HTML != len(tc.records) {
				t.Errorf("stats = %+v", got.Stats)
			}
		})
	}
}

// TestErrorKinds checks the sentinels a caller branches on.
func TestErrorKinds(t *testing.T) {
	rec := response("1.1", "00000001-0000-4000-8000-00000000000a", "https://samachar.example/1", "2025-11-03T04:12:09Z",
		httpResponse("200 OK", []string{"Content-Type: text/html"}, []byte(pageHindi)))
	b := join(t, []warcRecord{rec}, true, false)
	for _, tc := range []struct {
		name string
		in   []byte
		opt  Options
		want error
	}{
		{"too large", b, Options{MaxRecordBytes: 100}, ErrTooLarge},
		{"truncated", b[:len(b)-30], Options{}, io.ErrUnexpectedEOF},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got error
			if _, err := Read(t.Context(), bytes.NewReader(tc.in), tc.opt, func(_ Record, err error) error {
				got = err
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if !errors.Is(got, tc.want) {
				t.Errorf("error = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestPayloads checks how payloads are decoded and judged HTML.
func TestPayloads(t *testing.T) {
	html := []byte(pageEnglish)
	var deflated bytes.Buffer
	fw, _ := flate.NewWriter(&deflated, flate.BestSpeed)
	fw.Write(html)
	fw.Close()
	for _, tc := range []struct {
		name    string
		headers []string
		body    []byte
		idType  string
		want    string // body read, or "" for none
	}{
		{"plain HTML", []string{"Content-Type: text/html"}, html, "", pageEnglish},
		{"XHTML", []string{"Content-Type: application/xhtml+xml; charset=utf-8"}, html, "", pageEnglish},
		{"gzip", []string{"Content-Type: text/html", "Content-Encoding: gzip"}, gz(t, html), "", pageEnglish},
		{"x-gzip, chunked", []string{"Content-Type: text/html", "Content-Encoding: x-gzip", "Transfer-Encoding: chunked"}, chunk(gz(t, html), 7), "", pageEnglish},
		{"raw deflate", []string{"Content-Type: text/html", "Content-Encoding: deflate"}, deflated.Bytes(), "", pageEnglish},
		{"stale codings (stored decoded)", []string{"Content-Type: text/html", "Content-Encoding: gzip", "Transfer-Encoding: chunked"}, html, "", pageEnglish},
		{"CC renamed codings", []string{"Content-Type: text/html", "X-Crawler-Content-Encoding: gzip", "X-Crawler-Transfer-Encoding: chunked"}, html, "", pageEnglish},
		{"no type, sniffed", nil, html, "", pageEnglish},
		{"octet-stream, sniffed", []string{"Content-Type: application/octet-stream"}, html, "", pageEnglish},
		{"octet-stream, identified", []string{"Content-Type: application/octet-stream"}, []byte("<p>टुकड़ा</p>"), "text/html", "<p>टुकड़ा</p>"},
		{"no type, not HTML", nil, []byte("%PDF-1.7\n..."), "", ""},
		{"JSON", []string{"Content-Type: application/json"}, []byte(`{"a":1}`), "", ""},
		{"plain text that looks like HTML", []string{"Content-Type: text/plain"}, html, "", ""},
		{"image", []string{"Content-Type: image/jpeg"}, []byte("\xff\xd8\xff\xe0"), "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var extra []field
			if tc.idType != "" {
				extra = append(extra, field{"WARC-Identified-Payload-Type", tc.idType})
			}
			rec := response("1.1", "00000001-0000-4000-8000-00000000000a", "https://daily.example/x", "2025-11-03T04:12:09Z",
				httpResponse("200 OK", tc.headers, tc.body), extra...)
			got := readAll(t, rec.bytes(), Options{})
			if len(got.Errors) > 0 {
				t.Fatalf("errors: %q", got.Errors)
			}
			switch {
			case tc.want == "" && len(got.Records) != 0:
				t.Errorf("read %q, want it skipped", got.Records[0].Body)
			case tc.want != "" && (len(got.Records) != 1 || got.Records[0].Body != tc.want):
				t.Errorf("records = %+v, want body %q", got.Records, tc.want)
			case tc.want == "" && got.Stats.NotHTML != 1:
				t.Errorf("stats = %+v, want NotHTML 1", got.Stats)
			}
		})
	}
}

func TestReadStops(t *testing.T) {
	b := join(t, ccNews(t), true, false)
	t.Run("fn error", func(t *testing.T) {
		stop := errors.New("enough")
		n := 0
		_, err := Read(t.Context(), bytes.NewReader(b), Options{}, func(Record, error) error { n++; return stop })
		if !errors.Is(err, stop) || n != 1 {
			t.Errorf("err = %v after %d calls, want %v after 1", err, n, stop)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		n := 0
		_, err := Read(ctx, bytes.NewReader(b), Options{}, func(Record, error) error { n++; cancel(); return nil })
		if !errors.Is(err, context.Canceled) || n != 1 {
			t.Errorf("err = %v after %d calls, want context.Canceled after 1", err, n)
		}
	})
	t.Run("read error", func(t *testing.T) {
		boom := errors.New("disk on fire")
		r := io.MultiReader(bytes.NewReader(b[:len(b)/2]), iotest.ErrReader(boom))
		_, err := Read(t.Context(), r, Options{}, func(Record, error) error { return nil })
		if !errors.Is(err, boom) {
			t.Errorf("err = %v, want %v", err, boom)
		}
	})
}

func FuzzRead(f *testing.F) {
	recs := ccNews(f)
	f.Add(join(f, recs, true, false))
	f.Add(join(f, recs, false, false))
	f.Add(join(f, recs[2:4], false, true))
	f.Add(join(f, recs[:3], true, false)[:700])
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/\r\n\r\n"))
	f.Add([]byte("WARC/1.0\nContent-Length: 99999999999\n\n"))
	f.Add([]byte{0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff})
	f.Fuzz(func(t *testing.T, b []byte) {
		st, err := Read(t.Context(), bytes.NewReader(b), Options{MaxRecordBytes: 1 << 16}, func(r Record, err error) error {
			if err == nil && (r.TargetURI == "" && r.RecordID == "" && r.Body == nil) {
				t.Errorf("empty record without error")
			}
			if int64(len(r.Body)) > 1<<16 {
				t.Errorf("body of %d bytes over the limit", len(r.Body))
			}
			return nil
		})
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
		if st.HTML+st.NotHTML+st.Skipped > st.Records {
			t.Errorf("stats = %+v", st)
		}
	})
}

func BenchmarkRead(b *testing.B) {
	recs := make([]warcRecord, 0, 1000)
	for i := range 1000 {
		body := []byte(strings.Repeat(pageHindi, 8))
		headers := []string{"Content-Type: text/html; charset=utf-8"}
		if i%2 == 0 {
			body, headers = gz(b, body), append(headers, "Content-Encoding: gzip")
		}
		recs = append(recs, response("1.1", fmt.Sprintf("%08d-0000-4000-8000-00000000000a", i),
			fmt.Sprintf("https://samachar.example/%d", i), "2025-11-03T04:12:09Z", httpResponse("200 OK", headers, body)))
	}
	in := join(b, recs, true, false)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		if _, err := Read(b.Context(), bytes.NewReader(in), Options{}, func(r Record, err error) error {
			n++
			return err
		}); err != nil || n != 1000 {
			b.Fatalf("read %d records: %v", n, err)
		}
	}
}

// TestMembersForgotten checks that the list of gzip members kept to locate
// records stays short over a long file of records that are skipped.
func TestMembersForgotten(t *testing.T) {
	meta := warcRecord{version: "1.1", fields: []field{{"WARC-Type", "metadata"}, {"WARC-Date", "2025-11-03T04:12:09Z"}}, block: []byte("a: b\r\n")}
	one := append(gz(t, meta.bytes()), gz(t, nil)...) // and an empty member
	var b bytes.Buffer
	for range 5000 {
		b.Write(one)
	}
	b.WriteString("junk")
	p := newParser(bytes.NewReader(b.Bytes()), Options{})
	most := 0
	for {
		_, err := p.next(t.Context())
		most = max(most, len(p.gz.members))
		if errors.Is(err, io.EOF) {
			break
		}
		var re *RecordError
		if !errors.As(err, &re) || !strings.Contains(err.Error(), "not gzip") {
			t.Fatalf("next = %v", err)
		}
	}
	if p.stats.Skipped != 5000 || most > 2000 {
		t.Errorf("skipped %d, kept up to %d members", p.stats.Skipped, most)
	}
}
