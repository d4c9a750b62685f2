package source

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"strconv"
	"strings"
	"time"

	"khabar/internal/news"
)

// Media types of uploads (the body of POST /api/v1/articles).
const (
	// MediaRaw is khabar's own hand-over form: JSON Lines of articles as a
	// source read them (MarshalRaw), ids and all. `khabar ingest` uses it
	// to hand its inputs to a running server.
	MediaRaw = "application/vnd.khabar.raw+jsonl"
	// MediaJSONL is JSON Lines as docs/jsonl.md describes.
	MediaJSONL = "application/jsonl"
)

// rawLine is the JSON form of MarshalRaw.
type rawLine struct {
	ID      string         `json:"id"`
	URI     string         `json:"uri"`
	Format  string         `json:"format"`
	Fetched time.Time      `json:"fetched,omitzero"`
	URL     string         `json:"url,omitempty"`
	Body    string         `json:"body"`
	Kind    string         `json:"kind"` // news.FormatText or news.FormatHTML
	Hints   news.Hints     `json:"hints"`
	Feed    news.FeedHints `json:"feed,omitzero"`
}

// MarshalRaw returns a as its source read it (id, source, URL and raw
// input), as one line of MediaRaw without the newline.
func MarshalRaw(a *news.Article) ([]byte, error) {
	return json.Marshal(rawLine{
		ID: a.ID, URI: a.Source.URI, Format: a.Source.Format, Fetched: a.Source.Fetched, URL: a.URL,
		Body: a.Raw.Body, Kind: a.Raw.Format, Hints: a.Raw.Hints, Feed: a.Raw.Feed,
	})
}

// Upload reads an uploaded body of the given media type and calls fn with
// one Item per article, as Walk does: JSON Lines (MediaJSONL,
// application/x-ndjson, application/json), MediaRaw, an HTML page
// (text/html) or plain text (text/plain); the last two make one article
// with hints h (its URL decides its id). name prefixes the items' names.
// An unknown media type is an error; so is a body over max bytes for one
// article (0 means DefaultMaxBytes).
func Upload(ctx context.Context, name string, body io.Reader, mediaType string, h news.Hints, max int64, fn func(Item) error) error {
	if max <= 0 {
		max = DefaultMaxBytes
	}
	mt, _, err := mime.ParseMediaType(mediaType)
	if err != nil && mediaType != "" {
		return fmt.Errorf("content type %q: %w", mediaType, err)
	}
	w := &walker{ctx: ctx, fn: fn, max: max}
	switch mt {
	case MediaJSONL, "application/x-ndjson", "application/json", "application/x-jsonlines":
		return w.jsonl(name, body, true)
	case MediaRaw:
		return w.raw(name, body)
	case "text/html", "text/plain":
		b, err := readAll(body, -1, max)
		if err != nil {
			return fmt.Errorf("read body: %w", err)
		}
		if int64(len(b)) > max {
			return w.fail(name, tooLarge(-1, max))
		}
		isHTML := mt == "text/html"
		text, _, err := Decode(b, isHTML)
		if err != nil {
			return w.fail(name, err)
		}
		format := news.FormatText
		if isHTML {
			format = news.FormatHTML
		}
		if h.URL != "" {
			h.URL = CanonicalURL(h.URL)
		}
		key := "stdin:" + sha256Hex([]byte(text))
		uri := name
		if h.URL != "" {
			key, uri = "url:"+h.URL, h.URL
		}
		return w.emit(Item{Name: name, Article: &news.Article{
			ID:     ID(key),
			Source: news.Source{URI: uri, Format: format},
			URL:    h.URL,
			Raw:    news.Raw{Body: text, Format: format, Hints: h},
		}})
	default:
		return fmt.Errorf("content type %q: send JSON Lines (%s), an HTML page (text/html) or plain text (text/plain)", mt, MediaJSONL)
	}
}

// raw reads MediaRaw lines.
func (w *walker) raw(name string, r io.Reader) error {
	br := bufio.NewReaderSize(r, readerSize)
	// A line holds one article and its JSON escaping: allow for it.
	max := 2*w.max + 4096
	for n := 1; ; n++ {
		b, long, err := readLine(br, max, w.buf)
		if errors.Is(err, io.EOF) {
			return nil
		}
		lineName := name + ":" + strconv.Itoa(n)
		if err != nil {
			return w.fail(lineName, ioErr(err))
		}
		w.buf = b[:0]
		if long {
			if err := w.fail(lineName, fmt.Errorf("line over %d bytes: %w", max, news.ErrTooLarge)); err != nil {
				return err
			}
			continue
		}
		if strings.TrimSpace(string(b)) == "" {
			continue
		}
		var l rawLine
		if err := json.Unmarshal(b, &l); err != nil {
			if err := w.fail(lineName, fmt.Errorf("%w: %v", errNotJSON, err)); err != nil {
				return err
			}
			continue
		}
		if err := l.check(w.max); err != nil {
			if err := w.fail(lineName, err); err != nil {
				return err
			}
			continue
		}
		a := &news.Article{
			ID:     l.ID,
			Source: news.Source{URI: l.URI, Format: l.Format, Fetched: l.Fetched},
			URL:    l.URL,
			Raw:    news.Raw{Body: l.Body, Format: l.Kind, Hints: l.Hints, Feed: l.Feed},
		}
		name := l.URI
		if name == "" {
			name = lineName
		}
		if err := w.emit(Item{Name: name, Article: a}); err != nil {
			return err
		}
	}
}

// check validates a hand-over line.
func (l *rawLine) check(max int64) error {
	if len(l.ID) != 16 || strings.Trim(l.ID, "0123456789abcdef") != "" {
		return fmt.Errorf("id %q: want 16 hex digits", l.ID)
	}
	if l.Kind != news.FormatText && l.Kind != news.FormatHTML {
		return fmt.Errorf("kind %q: want %q or %q", l.Kind, news.FormatText, news.FormatHTML)
	}
	if int64(len(l.Body)) > max {
		return tooLarge(int64(len(l.Body)), max)
	}
	if strings.TrimSpace(l.Body) == "" {
		return fmt.Errorf("empty body: %w", news.ErrEmpty)
	}
	return checkText(l.Body)
}
