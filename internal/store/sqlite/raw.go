package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"khabar/internal/news"
	"khabar/internal/store"
)

// putRaw writes r's raw input, replacing what was stored for its id.
func putRaw(ctx context.Context, w *wtx, r row) error {
	if r.raw == nil {
		return nil
	}
	err := w.exec(ctx, `INSERT INTO raws (id, source, format, url, hints, body) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET source = excluded.source, format = excluded.format,
		url = excluded.url, hints = excluded.hints, body = excluded.body`,
		r.id, r.raw.Source, r.raw.Format, r.raw.URL, r.raw.Hints, r.raw.Body)
	if err != nil {
		return fmt.Errorf("article %q: raw input: %w", r.id, err)
	}
	return nil
}

// EachRaw calls fn with every stored article as its source read it, oldest
// published first, then by id; articles stored without a raw input are
// skipped. It holds no read transaction while fn runs.
func (s *Store) EachRaw(ctx context.Context, fn func(*news.Article) error) error {
	type item struct {
		k                       key
		src, format, url, hints string
		body                    []byte
	}
	return walk(ctx, "each raw", eachBatch,
		func(last *item) (*sql.Rows, error) {
			after := key{published: noTime}
			if last != nil {
				after = last.k
			}
			return s.r.QueryContext(ctx, `SELECT a.published, a.id, r.source, r.format, r.url, r.hints, r.body
				FROM articles a JOIN raws r ON r.id = a.id
				WHERE (a.published, a.id) > (?, ?) ORDER BY a.published, a.id LIMIT ?`,
				after.published, after.id, eachBatch)
		},
		func(rows *sql.Rows) (it item, err error) {
			err = rows.Scan(&it.k.published, &it.k.id, &it.src, &it.format, &it.url, &it.hints, &it.body)
			return it, err
		},
		func(it item) error {
			a, err := store.DecodeRaw(it.k.id, store.RawRecord{Source: it.src, Format: it.format, URL: it.url, Hints: it.hints, Body: it.body})
			if err != nil {
				return fmt.Errorf("sqlite: each raw: %q: %w", it.k.id, err)
			}
			return fn(a)
		})
}

// Invalidate clears the content hash of every stored article.
func (s *Store) Invalidate(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx, `UPDATE articles SET hash = '', indexed_hash = ''`); err != nil {
		return fmt.Errorf("sqlite: invalidate: %w", err)
	}
	return nil
}
