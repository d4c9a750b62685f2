package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"

	"khabar/internal/news"
	"khabar/internal/warc"
)

// warcMagic opens every WARC record.
var warcMagic = []byte("WARC/1.")

// looksWARC reports whether the input br is about to read is a WARC file,
// plain or gzipped.
func looksWARC(br *bufio.Reader) bool {
	head, _ := br.Peek(len(warcMagic))
	if bytes.Equal(head, warcMagic) {
		return true
	}
	if !bytes.HasPrefix(head, []byte{0x1f, 0x8b}) {
		return false
	}
	head, _ = br.Peek(4 << 10) // a gzip header and the start of its first member
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return false
	}
	first := make([]byte, len(warcMagic))
	n, _ := io.ReadFull(zr, first)
	return bytes.Equal(first[:n], warcMagic)
}

// warc reads a WARC file: one article per HTML page fetched with success
// (HTTP 2xx). Each is named "name@offset" (see warc.Record.Pos), has
// Source.URI "name#offset", Source.Format news.FormatWARC, the record's
// date as Source.Fetched, and the record's target URI as its URL; its id is
// made from that URL, as for a JSON Lines line with the same "url". Records
// that cannot be read become Items with Err; the rest of the file is still
// read.
func (w *walker) warc(name string, r io.Reader, stdin bool) error {
	abs := ""
	if !stdin {
		abs = absPath(name)
	}
	var stop error // fn's error, which ends the walk
	_, err := warc.Read(w.ctx, r, warc.Options{MaxRecordBytes: w.max}, func(rec warc.Record, err error) error {
		pos := rec.Pos()
		if err != nil {
			stop = w.fail(name+"@"+pos, recordErr(err))
			return stop
		}
		if rec.Status < 200 || rec.Status > 299 {
			return nil // a redirect, an error page: not an article
		}
		stop = w.warcRecord(name, abs, stdin, rec)
		return stop
	})
	switch {
	case stop != nil:
		return stop
	case err == nil:
		return nil
	case w.ctx.Err() != nil:
		return w.ctx.Err()
	}
	return w.fail(name, ioErr(errors.Unwrap(err))) // reading the file failed
}

// recordErr is the reason a WARC record could not be read, for an Item
// named after the record's position: the record id, if known, and what is
// wrong.
func recordErr(err error) error {
	var re *warc.RecordError
	if !errors.As(err, &re) {
		return err
	}
	err = re.Err
	if errors.Is(err, warc.ErrTooLarge) {
		err = fmt.Errorf("%w: %w", news.ErrTooLarge, err)
	}
	if re.RecordID != "" {
		err = fmt.Errorf("record <%s>: %w", re.RecordID, err)
	}
	return err
}

// warcRecord makes the article of one HTML page read from a WARC file: as
// Page makes it when the record has an http(s) target, so that a page
// archived by "khabar fetch --warc" reads back as the article fetched.
func (w *walker) warcRecord(name, abs string, stdin bool, rec warc.Record) error {
	pos := rec.Pos()
	itemName := name + "@" + pos
	if t := strings.ToLower(strings.TrimSpace(rec.TargetURI)); strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") {
		a, err := Page(rec.TargetURI, rec.Body, rec.ContentType, rec.Date, news.FormatWARC)
		if err != nil {
			return w.fail(itemName, err)
		}
		return w.emit(Item{Name: itemName, Article: a})
	}
	text, err := decodeHTTP(rec.Body, rec.ContentType)
	if err != nil {
		return w.fail(itemName, err)
	}
	key := "file:" + abs + "#" + pos
	if stdin {
		key = "stdin:" + sha256Hex(rec.Body)
	}
	return w.emit(Item{Name: itemName, Article: &news.Article{
		ID:     ID(key),
		Source: news.Source{URI: name + "#" + pos, Format: news.FormatWARC, Fetched: rec.Date},
		Raw:    news.Raw{Body: text, Format: news.FormatHTML},
	}})
}

// decodeHTTP decodes an HTML page served with the HTTP Content-Type ct:
// a page that is not UTF-8 is read in the charset the header names, when it
// names one; otherwise Decode decides, as for an HTML file.
func decodeHTTP(b []byte, ct string) (string, error) {
	if _, params, err := mime.ParseMediaType(ct); err == nil && params["charset"] != "" && !utf8.Valid(b) &&
		!bytes.HasPrefix(b, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		if e, err := htmlindex.Get(params["charset"]); err == nil && !isUnicode(e) {
			text := decodeWith(e, b)
			if err := checkText(text); err != nil {
				return "", fmt.Errorf("decode: %w", err)
			}
			return text, nil
		}
	}
	text, _, err := Decode(b, true)
	return text, err
}
