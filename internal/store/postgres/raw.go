package postgres

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"khabar/internal/news"
)

// rawRow is an article's raw input as the raws table holds it.
type rawRow struct {
	source string // news.Source as JSON
	format string
	url    string
	hints  string // news.Hints and news.FeedHints as JSON
	body   []byte // gzipped
}

// rawSource and rawHints are the JSON forms of the raws table's columns.
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

// encodeRaw returns a's raw input as stored, or nil when a carries none.
func encodeRaw(a *news.Article) (*rawRow, error) {
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
	return &rawRow{source: string(src), format: a.Raw.Format, url: a.URL, hints: string(hints), body: buf.Bytes()}, nil
}

// queueRaw queues the write of r's raw input, replacing what was stored for
// its id.
func queueRaw(b *batch, id string, raw *rawRow) {
	b.queue(fmt.Sprintf("article %q: raw input", id), `INSERT INTO raws (id, source, format, url, hints, body) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (id) DO UPDATE SET source = excluded.source, format = excluded.format,
		url = excluded.url, hints = excluded.hints, body = excluded.body`,
		id, raw.source, raw.format, raw.url, raw.hints, raw.body)
}

// decodeRaw rebuilds an article as its source read it.
func decodeRaw(id, src, format, url, hints string, body []byte) (*news.Article, error) {
	var s rawSource
	if err := json.Unmarshal([]byte(src), &s); err != nil {
		return nil, fmt.Errorf("source: %w", err)
	}
	var h rawHints
	if err := json.Unmarshal([]byte(hints), &h); err != nil {
		return nil, fmt.Errorf("hints: %w", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
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
		URL:    url,
		Raw:    news.Raw{Body: string(b), Format: format, Hints: h.Hints, Feed: h.Feed},
	}, nil
}

// EachRaw calls fn with every stored article as its source read it, oldest
// published first, then by id; articles stored without a raw input are
// skipped. It holds no transaction while fn runs.
func (s *Store) EachRaw(ctx context.Context, fn func(*news.Article) error) error {
	type item struct {
		k                       key
		src, format, url, hints string
		body                    []byte
	}
	return walk(ctx, "each raw", eachBatch,
		func(last *item) (pgx.Rows, error) {
			after := key{published: noTime}
			if last != nil {
				after = last.k
			}
			return s.pool.Query(ctx, `SELECT a.published, a.id, r.source, r.format, r.url, r.hints, r.body
				FROM articles a JOIN raws r ON r.id = a.id
				WHERE (a.published, a.id) > ($1, $2) ORDER BY a.published, a.id LIMIT $3`,
				after.published, after.id, eachBatch)
		},
		func(rows pgx.Rows) (it item, err error) {
			err = rows.Scan(&it.k.published, &it.k.id, &it.src, &it.format, &it.url, &it.hints, &it.body)
			return it, err
		},
		func(it item) error {
			a, err := decodeRaw(it.k.id, it.src, it.format, it.url, it.hints, it.body)
			if err != nil {
				return fmt.Errorf("postgres: each raw: %q: %w", it.k.id, err)
			}
			return fn(a)
		})
}

// Invalidate clears the content hash of every stored article, so that the
// next Put of each rewrites it; none becomes pending for the index by
// itself.
func (s *Store) Invalidate(ctx context.Context) error {
	if _, err := s.pool.Exec(ctx, `UPDATE articles SET hash = '', indexed_hash = ''`); err != nil {
		return fmt.Errorf("postgres: invalidate: %w", full(err))
	}
	return nil
}
