package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strings"
)

// verdict is what a content type says about a payload being HTML.
type verdict int

const (
	notHTML   verdict = iota
	isHTML            // declared HTML
	maybeHTML         // nothing useful declared: sniff the payload
)

// htmlType judges a payload by its HTTP Content-Type and, when that says
// nothing useful, by the type the crawler identified
// (WARC-Identified-Payload-Type).
func htmlType(contentType, identified string) verdict {
	switch v := mediaVerdict(contentType); v {
	case isHTML, notHTML:
		return v
	}
	if mediaVerdict(identified) == isHTML {
		return isHTML
	}
	return maybeHTML
}

// mediaVerdict judges one media type.
func mediaVerdict(ct string) verdict {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return isHTML
	case "", "application/octet-stream", "unknown/unknown", "application/unknown", "*/*", "binary/octet-stream":
		return maybeHTML
	}
	if strings.Count(mt, "/") == 1 {
		return notHTML // declared, and not HTML
	}
	return maybeHTML // unreadable: let the payload decide
}

// sniffHTML reports whether a payload served without a useful type is HTML.
func sniffHTML(b []byte) bool {
	return strings.HasPrefix(http.DetectContentType(b), "text/html")
}

// errUnsupported is wrapped for a content coding this package cannot undo.
var errUnsupported = errors.New("unsupported")

// decoder undoes the codings of HTTP payloads, reusing its gzip reader.
type decoder struct {
	zr *gzip.Reader
	rd bytes.Reader
}

// decode removes chunked transfer coding and gzip, deflate or identity
// content coding from a payload as the response header declares them.
// Codings the payload shows were already removed (a crawler that stored
// the decoded payload but kept the header) are left alone. The decoded
// payload may not be over max bytes.
func (d *decoder) decode(h http.Header, b []byte, max int64) ([]byte, error) {
	if hasToken(h.Values("Transfer-Encoding"), "chunked") && looksChunked(b) {
		d, err := readMax(httputil.NewChunkedReader(bytes.NewReader(b)), max)
		if err != nil {
			return nil, fmt.Errorf("chunked payload: %w", err)
		}
		b = d
	}
	codings := tokens(h.Values("Content-Encoding"))
	for i := len(codings) - 1; i >= 0; i-- {
		var err error
		switch c := codings[i]; c {
		case "identity", "none", "utf-8", "utf8", "":
			// Not a coding, or one some servers name by mistake.
		case "gzip", "x-gzip":
			if !bytes.HasPrefix(b, gzipMagic[:2]) {
				continue
			}
			d.rd.Reset(b)
			if d.zr == nil {
				d.zr, err = gzip.NewReader(&d.rd)
			} else {
				err = d.zr.Reset(&d.rd)
			}
			if err == nil {
				b, err = readMax(d.zr, max)
			}
		case "deflate":
			if zr, zerr := zlib.NewReader(bytes.NewReader(b)); zerr == nil {
				b, err = readMax(zr, max)
			} else if looksText(b) {
				continue
			} else {
				b, err = readMax(flate.NewReader(bytes.NewReader(b)), max)
			}
		default:
			return nil, fmt.Errorf("content encoding %q: %w", c, errUnsupported)
		}
		if err != nil {
			return nil, fmt.Errorf("%s payload: %w", codings[i], err)
		}
	}
	return b, nil
}

// readMax reads r to its end, failing when that is over max bytes.
func readMax(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("decoded payload %w of %d bytes", ErrTooLarge, max)
	}
	return b, nil
}

// looksChunked reports whether b opens with a chunk-size line: hex digits,
// perhaps chunk extensions, CRLF.
func looksChunked(b []byte) bool {
	line, err := bufio.NewReader(bytes.NewReader(b[:min(len(b), 256)])).ReadSlice('\n')
	if err != nil {
		return false
	}
	line = bytes.TrimRight(line, "\r\n")
	size, _, _ := bytes.Cut(line, []byte(";"))
	size = bytes.TrimSpace(size)
	if len(size) == 0 || len(size) > 16 {
		return false
	}
	for _, c := range size {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// looksText reports whether b opens like text rather than compressed data.
func looksText(b []byte) bool {
	for _, c := range b[:min(len(b), 64)] {
		if c < 0x09 || (c > 0x0d && c < 0x20) {
			return false
		}
	}
	return true
}

// tokens splits comma-separated header values into lower-case tokens.
func tokens(values []string) []string {
	var out []string
	for _, v := range values {
		for t := range strings.SplitSeq(v, ",") {
			if t = strings.ToLower(strings.TrimSpace(t)); t != "" {
				out = append(out, t)
			}
		}
	}
	return out
}

// hasToken reports whether the comma-separated header values hold token t.
func hasToken(values []string, t string) bool {
	for _, v := range tokens(values) {
		if v == t {
			return true
		}
	}
	return false
}
