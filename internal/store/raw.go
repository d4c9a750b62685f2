package store

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"time"

	"khabar/internal/news"
)

// RawRecord is an article's raw input as a backend keeps it (see Raws):
// the source and the hints as JSON, the body gzipped. Every backend
// stores the same record, so the format is defined once, here.
type RawRecord struct {
	Source string // news.Source as JSON
	Format string // news.Raw.Format
	URL    string
	Hints  string // news.Hints and news.FeedHints as JSON
	Body   []byte // gzipped
}

// rawSource and rawHints are the JSON forms of RawRecord's fields.
type rawSource struct {
	URI     string    `json:"uri"`
	Format  string    `json:"format"`
	Fetched time.Time `json:"fetched,omitzero"`
}

type rawHints struct {
	Hints news.Hints     `json:"hints"`
	Feed  news.FeedHints `json:"feed,omitzero"`
}

// gzipWriters keeps gzip writers for reuse: each holds a compressor of
// about a megabyte.
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
	return zw
}}

// EncodeRaw returns a's raw input as stored, or nil when a carries none.
func EncodeRaw(a *news.Article) (*RawRecord, error) {
	if a.Raw.Body == "" {
		return nil, nil
	}
	src, err := json.Marshal(rawSource{URI: a.Source.URI, Format: a.Source.Format, Fetched: a.Source.Fetched})
	if err != nil {
		return nil, err
	}
	hints, err := json.Marshal(rawHints{Hints: a.Raw.Hints, Feed: a.Raw.Feed})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(zw)
	zw.Reset(&buf)
	if _, err := io.WriteString(zw, a.Raw.Body); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return &RawRecord{Source: string(src), Format: a.Raw.Format, URL: a.URL, Hints: string(hints), Body: buf.Bytes()}, nil
}

// DecodeRaw rebuilds the article id as its source read it from r.
func DecodeRaw(id string, r RawRecord) (*news.Article, error) {
	var s rawSource
	if err := json.Unmarshal([]byte(r.Source), &s); err != nil {
		return nil, fmt.Errorf("source: %w", err)
	}
	var h rawHints
	if err := json.Unmarshal([]byte(r.Hints), &h); err != nil {
		return nil, fmt.Errorf("hints: %w", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(r.Body))
	if err != nil {
		return nil, fmt.Errorf("body: %w", err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("body: %w", err)
	}
	return &news.Article{
		ID:     id,
		Source: news.Source{URI: s.URI, Format: s.Format, Fetched: s.Fetched},
		URL:    r.URL,
		Raw:    news.Raw{Body: string(b), Format: r.Format, Hints: h.Hints, Feed: h.Feed},
	}, nil
}
