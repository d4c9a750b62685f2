package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"khabar/internal/news"
	"khabar/internal/store"
)

// ist is India Standard Time, the zone of SourceDays' days.
var ist = news.IST

// millis is t as Unix milliseconds, 0 for the zero time.
func millis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// fromMillis is the inverse of millis.
func fromMillis(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}

const sourceCols = `id, url, kind, title, site, added, last_fetch, last_status, next_fetch, every,
	etag, last_modified, articles, last_new, errors, last_error`

func scanSource(sc pgx.Row) (*store.Source, error) {
	var src store.Source
	var added, last, next, every, lastNew int64
	if err := sc.Scan(&src.ID, &src.URL, &src.Kind, &src.Title, &src.Site, &added, &last, &src.LastStatus,
		&next, &every, &src.ETag, &src.LastModified, &src.Articles, &lastNew, &src.Errors, &src.LastError); err != nil {
		return nil, err
	}
	src.Added, src.LastFetch, src.NextFetch, src.LastNew = fromMillis(added), fromMillis(last), fromMillis(next), fromMillis(lastNew)
	src.Interval = time.Duration(every) * time.Second
	return &src, nil
}

// AddSource stores src unless a source of the same URL exists; either way
// *src becomes the stored source.
func (s *Store) AddSource(ctx context.Context, src *store.Source) (bool, error) {
	if src.URL == "" || src.Kind == "" {
		return false, errors.New("postgres: add source: url and kind are required")
	}
	if src.Added.IsZero() {
		src.Added = time.Now().UTC()
	}
	tag, err := s.pool.Exec(ctx, `INSERT INTO sources (url, kind, title, site, added, next_fetch, every)
		VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (url) DO NOTHING`,
		src.URL, src.Kind, src.Title, src.Site, millis(src.Added), millis(src.NextFetch), int64(src.Interval/time.Second))
	if err != nil {
		return false, fmt.Errorf("postgres: add source %s: %w", src.URL, full(err))
	}
	old, err := s.SourceByURL(ctx, src.URL)
	if err != nil {
		return false, err
	}
	*src = *old
	return tag.RowsAffected() == 1, nil
}

// Sources returns every source, by id.
func (s *Store) Sources(ctx context.Context) ([]*store.Source, error) {
	return s.sources(ctx, "sources", `SELECT `+sourceCols+` FROM sources ORDER BY id`)
}

func (s *Store) sources(ctx context.Context, op, q string, args ...any) ([]*store.Source, error) {
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", op, err)
	}
	defer rows.Close()
	var out []*store.Source
	for rows.Next() {
		src, err := scanSource(rows)
		if err != nil {
			return nil, fmt.Errorf("postgres: %s: %w", op, err)
		}
		out = append(out, src)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", op, err)
	}
	return out, nil
}

// GetSource returns the source with id.
func (s *Store) GetSource(ctx context.Context, id int64) (*store.Source, error) {
	src, err := scanSource(s.pool.QueryRow(ctx, `SELECT `+sourceCols+` FROM sources WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("postgres: source %d: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: source %d: %w", id, err)
	}
	return src, nil
}

// SourceByURL returns the source of url.
func (s *Store) SourceByURL(ctx context.Context, url string) (*store.Source, error) {
	src, err := scanSource(s.pool.QueryRow(ctx, `SELECT `+sourceCols+` FROM sources WHERE url = $1`, url))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("postgres: source %s: %w", url, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: source %s: %w", url, err)
	}
	return src, nil
}

// RemoveSource forgets the source with id and what was fetched for it; its
// articles stay stored.
func (s *Store) RemoveSource(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM sources WHERE id = $1`, id)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return news.ErrNotFound
		}
		// Pages that became articles stay known, so that another source
		// listing them does not fetch them again; the rest are forgotten.
		_, err = tx.Exec(ctx, `DELETE FROM fetched WHERE source = $1 AND article = ''`, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("postgres: remove source %d: %w", id, err)
	}
	return nil
}

// UpdateSource writes the fetch state of src.
func (s *Store) UpdateSource(ctx context.Context, src *store.Source) error {
	tag, err := s.pool.Exec(ctx, `UPDATE sources SET kind = $1, title = $2, site = $3, last_fetch = $4,
		last_status = $5, next_fetch = $6, every = $7, etag = $8, last_modified = $9, articles = $10,
		last_new = $11, errors = $12, last_error = $13 WHERE id = $14`,
		src.Kind, src.Title, src.Site, millis(src.LastFetch), src.LastStatus, millis(src.NextFetch),
		int64(src.Interval/time.Second), src.ETag, src.LastModified, src.Articles, millis(src.LastNew),
		src.Errors, src.LastError, src.ID)
	if err != nil {
		return fmt.Errorf("postgres: update source %d: %w", src.ID, full(err))
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("postgres: update source %d: %w", src.ID, news.ErrNotFound)
	}
	return nil
}

// DueSources returns up to limit sources due at now, most overdue first.
func (s *Store) DueSources(ctx context.Context, now time.Time, limit int) ([]*store.Source, error) {
	if limit <= 0 {
		limit = maxLimit
	}
	return s.sources(ctx, "due sources", `SELECT `+sourceCols+` FROM sources
		WHERE next_fetch <= $1 ORDER BY next_fetch, id LIMIT $2`, now.UnixMilli(), limit)
}

// Seen returns when each of urls that was fetched before was last fetched.
func (s *Store) Seen(ctx context.Context, urls []string) (map[string]time.Time, error) {
	seen := make(map[string]time.Time)
	if len(urls) == 0 {
		return seen, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT url, at FROM fetched WHERE url = ANY($1)`, urls)
	if err != nil {
		return nil, fmt.Errorf("postgres: seen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var u string
		var at int64
		if err := rows.Scan(&u, &at); err != nil {
			return nil, fmt.Errorf("postgres: seen: %w", err)
		}
		seen[u] = fromMillis(at)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: seen: %w", err)
	}
	return seen, nil
}

// A page fetched is recorded with two statements, so that two processes
// recording one page at once count its article once. insertFetched adds
// the page when it is new, and counts it when it brings an article; a
// page in flight in another transaction is waited for. updateFetched then
// rewrites a page recorded before (or just now, changing nothing), and
// counts it when it brings an article the page had not brought before,
// read under the row's lock (taken in FROM, before the row is updated).
const (
	insertFetched = `WITH ins AS (
			INSERT INTO fetched (url, source, article, status, at) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (url) DO NOTHING RETURNING 1
		)
		UPDATE sources SET articles = articles + 1
		WHERE id = $2 AND $3 <> '' AND EXISTS (SELECT 1 FROM ins)`
	updateFetched = `WITH up AS (
			UPDATE fetched f SET source = $2, article = $3, status = $4, at = $5
			FROM (SELECT url, article FROM fetched WHERE url = $1 FOR UPDATE) old
			WHERE f.url = old.url
			RETURNING old.article AS had
		)
		UPDATE sources SET articles = articles + 1
		WHERE id = $2 AND $3 <> '' AND EXISTS (SELECT 1 FROM up WHERE had = '')`
)

// MarkFetched records pages fetched, in one transaction, and counts the
// stored ones to their sources. A page recorded before is updated; it is
// counted again only when it had no article before.
func (s *Store) MarkFetched(ctx context.Context, pages []store.Fetched) error {
	if len(pages) == 0 {
		return nil
	}
	b := new(batch)
	for _, p := range pages {
		args := []any{p.URL, p.Source, p.Article, p.Status, millis(p.At)}
		b.queue(p.URL, insertFetched, args...)
		b.queue(p.URL, updateFetched, args...)
	}
	if err := s.inTx(ctx, func(tx pgx.Tx) error { return b.send(ctx, tx) }); err != nil {
		return fmt.Errorf("postgres: mark fetched: %w", err)
	}
	return nil
}

// SourceDays returns the articles stored per IST day through source id
// since since, oldest first.
func (s *Store) SourceDays(ctx context.Context, id int64, since time.Time) ([]store.DayCount, error) {
	rows, err := s.pool.Query(ctx, `SELECT at FROM fetched WHERE source = $1 AND article <> '' AND at >= $2 ORDER BY at`,
		id, millis(since))
	if err != nil {
		return nil, fmt.Errorf("postgres: source days %d: %w", id, err)
	}
	defer rows.Close()
	var out []store.DayCount
	for rows.Next() {
		var at int64
		if err := rows.Scan(&at); err != nil {
			return nil, fmt.Errorf("postgres: source days %d: %w", id, err)
		}
		day := time.UnixMilli(at).In(ist).Format(time.DateOnly)
		if n := len(out); n > 0 && out[n-1].Day == day {
			out[n-1].Count++
		} else {
			out = append(out, store.DayCount{Day: day, Count: 1})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: source days %d: %w", id, err)
	}
	return out, nil
}
