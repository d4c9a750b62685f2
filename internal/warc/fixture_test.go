package warc

import (
	"bytes"
	"compress/gzip"
	"crypto/sha1"
	"encoding/base32"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// This file writes WARC records by hand, independently of the Writer, for
// the reader's tests and for testdata/cc-news.warc.gz (go test -run
// TestGolden -regen).

// field is one WARC header field.
type field struct{ name, value string }

// warcRecord is a WARC record to write by hand.
type warcRecord struct {
	version string // "1.0" or "1.1"
	fields  []field
	block   []byte
	// badLength, when set, is written as Content-Length instead of the
	// block's length.
	badLength string
}

func digest(b []byte) string {
	sum := sha1.Sum(b)
	return "sha1:" + base32.StdEncoding.EncodeToString(sum[:])
}

// bytes serialises the record: version line, fields, Content-Length and
// the block digest, a blank line, the block and the end-of-record mark.
func (r warcRecord) bytes() []byte {
	var b bytes.Buffer
	b.WriteString("WARC/" + r.version + "\r\n")
	for _, f := range r.fields {
		b.WriteString(f.name + ": " + f.value + "\r\n")
	}
	length := strconv.Itoa(len(r.block))
	if r.badLength != "" {
		length = r.badLength
	}
	b.WriteString("Content-Length: " + length + "\r\n")
	b.WriteString("WARC-Block-Digest: " + digest(r.block) + "\r\n\r\n")
	b.Write(r.block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// gz compresses b as one gzip member.
func gz(tb testing.TB, b []byte) []byte {
	tb.Helper()
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	if _, err := zw.Write(b); err != nil {
		tb.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return out.Bytes()
}

// chunk encodes b with chunked transfer coding, in pieces of n bytes.
func chunk(b []byte, n int) []byte {
	var out bytes.Buffer
	for len(b) > 0 {
		k := min(n, len(b))
		fmt.Fprintf(&out, "%x\r\n", k)
		out.Write(b[:k])
		out.WriteString("\r\n")
		b = b[k:]
	}
	out.WriteString("0\r\n\r\n")
	return out.Bytes()
}

// httpResponse is an HTTP/1.1 response: status line, headers, body.
func httpResponse(status string, headers []string, body []byte) []byte {
	var b bytes.Buffer
	b.WriteString("HTTP/1.1 " + status + "\r\n")
	for _, h := range headers {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

// response is a CC-NEWS style response record for uri.
func response(version, id, uri, date string, block []byte, extra ...field) warcRecord {
	fs := []field{
		{"WARC-Type", "response"},
		{"WARC-Date", date},
		{"WARC-Record-ID", "<urn:uuid:" + id + ">"},
		{"Content-Type", "application/http; msgtype=response"},
		{"WARC-Warcinfo-ID", "<urn:uuid:6a3c1b2e-0000-4000-8000-000000000001>"},
		{"WARC-Concurrent-To", "<urn:uuid:" + strings.Replace(id, "-a", "-b", 1) + ">"},
		{"WARC-IP-Address", "192.0.2.10"},
		{"WARC-Target-URI", uri},
	}
	if i := bytes.Index(block, []byte("\r\n\r\n")); i >= 0 {
		fs = append(fs, field{"WARC-Payload-Digest", digest(block[i+4:])})
	}
	return warcRecord{version: version, fields: append(fs, extra...), block: block}
}

// pageHindi and pageEnglish are news pages written for these tests.
const pageHindi = `<!DOCTYPE html>
<html lang="hi">
<head><meta charset="utf-8"><title>क्रेमलिन: पुतिन-ट्रंप मुलाकात की तारीख अभी तय नहीं | समाचार दर्पण</title></head>
<body>
<article>
<h1>क्रेमलिन: पुतिन-ट्रंप मुलाकात की तारीख अभी तय नहीं</h1>
<p>मॉस्को, 3 नवंबर (एपी) क्रेमलिन के प्रवक्ता दिमित्री पेस्कोव ने सोमवार को कहा कि राष्ट्रपति व्लादिमीर पुतिन और अमेरिकी राष्ट्रपति डोनाल्ड ट्रंप की मुलाकात की तारीख अभी तय नहीं हुई है।</p>
<p>पेस्कोव ने संवाददाताओं से कहा, "दोनों पक्ष संपर्क में हैं, लेकिन अभी कोई तारीख तय नहीं हुई है।"</p>
</article>
</body>
</html>
`

const pageEnglish = `<!doctype html>
<html lang="en"><head><title>Heavy rain floods parts of Delhi; traffic hit | The Daily Example</title></head>
<body><article><h1>Heavy rain floods parts of Delhi; traffic hit</h1>
<p>NEW DELHI, Nov 3 (PTI) Heavy rain on Monday morning left several parts of the capital waterlogged, officials said.</p>
</article></body></html>
`

// ccNews returns the records of testdata/cc-news.warc.gz: a warcinfo, a
// request, an HTML response sent chunked and gzipped, a JSON response, a
// revisit, a metadata record, an HTML response without a Content-Type, and
// a 404 page.
func ccNews(tb testing.TB) []warcRecord {
	tb.Helper()
	const d = "2025-11-03T04:12:09Z"
	info := []byte("software: handwritten-fixture/1.0\r\nformat: WARC File Format 1.0\r\ndescription: CC-NEWS style sample written for khabar's tests\r\n")
	req := []byte("GET /world/2025/11/03/kremlin-peskov-putin-trump.html HTTP/1.1\r\nHost: samachar-darpan.example\r\nUser-Agent: ExampleBot/2.0\r\nAccept-Encoding: gzip\r\n\r\n")
	hindi := httpResponse("200 OK", []string{
		"Date: Mon, 03 Nov 2025 04:12:09 GMT",
		"Content-Type: text/html; charset=UTF-8",
		"Transfer-Encoding: chunked",
		"Content-Encoding: gzip",
		"Vary: Accept-Encoding",
	}, chunk(gz(tb, []byte(pageHindi)), 200))
	json := httpResponse("200 OK", []string{"Content-Type: application/json", "Content-Length: 27"}, []byte(`{"breaking":[],"ticker":[]}`))
	revisit := httpResponse("200 OK", []string{"Content-Type: text/html; charset=UTF-8"}, nil)
	meta := []byte("fetchTimeMs: 231\r\ncharset-detected: UTF-8\r\n")
	english := httpResponse("200 OK", []string{"Date: Mon, 03 Nov 2025 04:13:40 GMT", "Content-Length: " + strconv.Itoa(len(pageEnglish))}, []byte(pageEnglish))
	notFound := httpResponse("404 Not Found", []string{"Content-Type: text/html"}, []byte("<!DOCTYPE html><html><head><title>Page not found</title></head><body><p>पृष्ठ नहीं मिला</p></body></html>"))
	return []warcRecord{
		{version: "1.0", fields: []field{
			{"WARC-Type", "warcinfo"}, {"WARC-Date", d},
			{"WARC-Filename", "CC-NEWS-20251103041209-00001.warc.gz"},
			{"WARC-Record-ID", "<urn:uuid:6a3c1b2e-0000-4000-8000-000000000001>"},
			{"Content-Type", "application/warc-fields"},
		}, block: info},
		{version: "1.0", fields: []field{
			{"WARC-Type", "request"}, {"WARC-Date", d},
			{"WARC-Record-ID", "<urn:uuid:0d1e2f30-0000-4000-8000-00000000000b>"},
			{"Content-Type", "application/http; msgtype=request"},
			{"WARC-Target-URI", "https://samachar-darpan.example/world/2025/11/03/kremlin-peskov-putin-trump.html"},
		}, block: req},
		response("1.0", "0d1e2f30-0000-4000-8000-00000000000a",
			"https://samachar-darpan.example/world/2025/11/03/kremlin-peskov-putin-trump.html", d, hindi,
			field{"WARC-Identified-Payload-Type", "text/html"}),
		response("1.0", "1a2b3c4d-0000-4000-8000-00000000000a", "https://samachar-darpan.example/api/ticker.json", "2025-11-03T04:12:10Z", json),
		{version: "1.0", fields: []field{
			{"WARC-Type", "revisit"}, {"WARC-Date", "2025-11-03T04:30:00Z"},
			{"WARC-Record-ID", "<urn:uuid:2b3c4d5e-0000-4000-8000-00000000000a>"},
			{"Content-Type", "application/http; msgtype=response"},
			{"WARC-Target-URI", "https://samachar-darpan.example/world/2025/11/03/kremlin-peskov-putin-trump.html"},
			{"WARC-Profile", "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"},
			{"WARC-Refers-To", "<urn:uuid:0d1e2f30-0000-4000-8000-00000000000a>"},
		}, block: revisit},
		{version: "1.0", fields: []field{
			{"WARC-Type", "metadata"}, {"WARC-Date", d},
			{"WARC-Record-ID", "<urn:uuid:3c4d5e6f-0000-4000-8000-00000000000a>"},
			{"WARC-Refers-To", "<urn:uuid:0d1e2f30-0000-4000-8000-00000000000a>"},
			{"Content-Type", "application/warc-fields"},
			{"WARC-Target-URI", "https://samachar-darpan.example/world/2025/11/03/kremlin-peskov-putin-trump.html"},
		}, block: meta},
		response("1.0", "4d5e6f70-0000-4000-8000-00000000000a", "https://daily.example/delhi/heavy-rain-floods-delhi-traffic?utm_source=rss", "2025-11-03T04:13:40Z", english),
		response("1.0", "5e6f7081-0000-4000-8000-00000000000a", "https://daily.example/missing", "2025-11-03T04:14:00Z", notFound),
	}
}

// join serialises records, each gzipped on its own when perRecord, all
// in one gzip member when whole, else plain.
func join(tb testing.TB, recs []warcRecord, perRecord, whole bool) []byte {
	tb.Helper()
	var b bytes.Buffer
	for _, r := range recs {
		if perRecord {
			b.Write(gz(tb, r.bytes()))
		} else {
			b.Write(r.bytes())
		}
	}
	if whole {
		return gz(tb, b.Bytes())
	}
	return b.Bytes()
}
