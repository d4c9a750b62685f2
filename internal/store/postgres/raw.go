package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"khabar/internal/news"
	"khabar/internal/store"
)

// queueRaw queues the write of r's raw input, replacing what was stored for
// its id.
func queueRaw(b *batch, id string, raw *store.RawRecord) {
	b.queue(fmt.Sprintf("article %q: raw input", id), `INSERT INTO raws (id, source, format, url, hints, body) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (id) DO UPDATE SET source = excluded.source, format = excluded.format,
		url = excluded.url, hints = excluded.hints, body = excluded.body`,
		id, raw.Source, raw.Format, raw.URL, raw.Hints, raw.Body)
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
			a, err := store.DecodeRaw(it.k.id, store.RawRecord{Source: it.src, Format: it.format, URL: it.url, Hints: it.hints, Body: it.body})
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
