package fetch

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// readBody reads resp's body, decoded by its Content-Encoding, up to max
// bytes after decoding. A longer body returns the first max bytes and an
// error wrapping ErrTooLarge. The raw (encoded) stream is capped too, so that
// a stream that decodes to nothing cannot run on.
func readBody(resp *http.Response, max int64) ([]byte, error) {
	raw := &capReader{r: resp.Body, limit: 2*max + 64<<10}
	var r io.Reader = raw
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(raw)
		if err != nil {
			if errors.Is(err, io.EOF) && raw.n == 0 {
				return nil, nil // an empty body labelled gzip, as some servers send for 304
			}
			return nil, fmt.Errorf("gzip body: %w", err)
		}
		defer zr.Close()
		r = zr
	case "deflate":
		// RFC 9110 deflate is zlib; some servers send raw deflate.
		br := bufio.NewReader(raw)
		head, err := br.Peek(2)
		if len(head) == 0 && errors.Is(err, io.EOF) {
			return nil, nil
		}
		if len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("deflate body: %w", err)
			}
			defer zr.Close()
			r = zr
		} else {
			fr := flate.NewReader(br)
			defer fr.Close()
			r = fr
		}
	default:
		return nil, fmt.Errorf("content-encoding %q not supported", enc)
	}
	body, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		if raw.over {
			return nil, fmt.Errorf("encoded body over %d bytes: %w", raw.limit, ErrTooLarge)
		}
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > max {
		return body[:max], fmt.Errorf("body over %d bytes: %w", max, ErrTooLarge)
	}
	return body, nil
}

// capReader reads at most left bytes and then fails, where io.LimitReader
// would report a clean end of stream.
// (A truncated stream must not parse as a complete one.)
type capReader struct {
	r     io.Reader
	limit int64
	n     int64
	over  bool
}

var errRawCap = errors.New("encoded body too long")

func (c *capReader) Read(p []byte) (int, error) {
	if c.n >= c.limit {
		c.over = true
		return 0, errRawCap
	}
	if rest := c.limit - c.n; int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
