package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

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

const sourceCols = `id, url, kind, title, site, added, last_fetch, last_status, next_fetch, interval,
	etag, last_modified, articles, last_new, errors, last_error`

func scanSource(sc interface{ Scan(...any) error }) (*store.Source, error) {
	var src store.Source
	var added, last, next, interval, lastNew int64
	if err := sc.Scan(&src.ID, &src.URL, &src.Kind, &src.Title, &src.Site, &added, &last, &src.LastStatus,
		&next, &interval, &src.ETag, &src.LastModified, &src.Articles, &lastNew, &src.Errors, &src.LastError); err != nil {
		return nil, err
	}
	src.Added, src.LastFetch, src.NextFetch, src.LastNew = fromMillis(added), fromMillis(last), fromMillis(next), fromMillis(lastNew)
	src.Interval = time.Duration(interval) * time.Second
	return &src, nil
}

// AddSource stores src unless a source of the same URL exists.
func (s *Store) AddSource(ctx context.Context, src *store.Source) (bool, error) {
	if src.URL == "" || src.Kind == "" {
		return false, errors.New("sqlite: add source: url and kind are required")
	}
	if src.Added.IsZero() {
		src.Added = time.Now().UTC()
	}
	res, err := s.w.ExecContext(ctx, `INSERT INTO sources (url, kind, title, site, added, next_fetch, interval)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`,
		src.URL, src.Kind, src.Title, src.Site, millis(src.Added), millis(src.NextFetch), int64(src.Interval/time.Second))
	if err != nil {
		return false, fmt.Errorf("sqlite: add source %s: %w", src.URL, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("sqlite: add source %s: %w", src.URL, err)
	}
	old, err := s.SourceByURL(ctx, src.URL)
	if err != nil {
		return false, err
	}
	*src = *old
	return n == 1, nil
}

// Sources returns every source, by id.
func (s *Store) Sources(ctx context.Context) ([]*store.Source, error) {
	return s.sources(ctx, "sources", `SELECT `+sourceCols+` FROM sources ORDER BY id`)
}

func (s *Store) sources(ctx context.Context, op, q string, args ...any) ([]*store.Source, error) {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %s: %w", op, err)
	}
	defer rows.Close()
	var out []*store.Source
	for rows.Next() {
		src, err := scanSource(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: %s: %w", op, err)
		}
		out = append(out, src)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: %s: %w", op, err)
	}
	return out, nil
}

// GetSource returns the source with id.
func (s *Store) GetSource(ctx context.Context, id int64) (*store.Source, error) {
	src, err := scanSource(s.r.QueryRowContext(ctx, `SELECT `+sourceCols+` FROM sources WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: source %d: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: source %d: %w", id, err)
	}
	return src, nil
}

// SourceByURL returns the source of url.
func (s *Store) SourceByURL(ctx context.Context, url string) (*store.Source, error) {
	// The writer reads its own writes at once (AddSource reads back).
	src, err := scanSource(s.w.QueryRowContext(ctx, `SELECT `+sourceCols+` FROM sources WHERE url = ?`, url))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: source %s: %w", url, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: source %s: %w", url, err)
	}
	return src, nil
}

// RemoveSource forgets the source with id and what was fetched for it; its
// articles stay stored.
func (s *Store) RemoveSource(ctx context.Context, id int64) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: remove source %d: %w", id, err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM sources WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("sqlite: remove source %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("sqlite: remove source %d: %w", id, news.ErrNotFound)
	}
	// Pages that became articles stay known, so that another source
	// listing them does not fetch them again; the rest are forgotten.
	if _, err := tx.ExecContext(ctx, `DELETE FROM fetched WHERE source = ? AND article = ''`, id); err != nil {
		return fmt.Errorf("sqlite: remove source %d: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: remove source %d: %w", id, err)
	}
	return nil
}

// UpdateSource writes the fetch state of src.
func (s *Store) UpdateSource(ctx context.Context, src *store.Source) error {
	res, err := s.w.ExecContext(ctx, `UPDATE sources SET kind = ?, title = ?, site = ?, last_fetch = ?,
		last_status = ?, next_fetch = ?, interval = ?, etag = ?, last_modified = ?, articles = ?,
		last_new = ?, errors = ?, last_error = ? WHERE id = ?`,
		src.Kind, src.Title, src.Site, millis(src.LastFetch), src.LastStatus, millis(src.NextFetch),
		int64(src.Interval/time.Second), src.ETag, src.LastModified, src.Articles, millis(src.LastNew),
		src.Errors, src.LastError, src.ID)
	if err != nil {
		return fmt.Errorf("sqlite: update source %d: %w", src.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("sqlite: update source %d: %w", src.ID, news.ErrNotFound)
	}
	return nil
}

// DueSources returns up to limit sources due at now, most overdue first.
func (s *Store) DueSources(ctx context.Context, now time.Time, limit int) ([]*store.Source, error) {
	if limit <= 0 {
		limit = maxLimit
	}
	return s.sources(ctx, "due sources", `SELECT `+sourceCols+` FROM sources
		WHERE next_fetch <= ? ORDER BY next_fetch, id LIMIT ?`, now.UnixMilli(), limit)
}

// Seen returns when each of urls that was fetched before was last fetched.
func (s *Store) Seen(ctx context.Context, urls []string) (map[string]time.Time, error) {
	seen := make(map[string]time.Time)
	for len(urls) > 0 {
		n := min(len(urls), inChunk)
		chunk := urls[:n]
		urls = urls[n:]
		rows, err := s.r.QueryContext(ctx, `SELECT url, at FROM fetched WHERE url IN (`+placeholders(len(chunk))+`)`, args(chunk)...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: seen: %w", err)
		}
		for rows.Next() {
			var u string
			var at int64
			if err := rows.Scan(&u, &at); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: seen: %w", err)
			}
			seen[u] = fromMillis(at)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("sqlite: seen: %w", err)
		}
	}
	return seen, nil
}

// MarkFetched records pages fetched, in one transaction, and counts the
// stored ones to their sources. A page recorded before is updated; it is
// counted again only when it had no article before.
func (s *Store) MarkFetched(ctx context.Context, pages []store.Fetched) error {
	if len(pages) == 0 {
		return nil
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: mark fetched: %w", err)
	}
	defer tx.Rollback()
	for _, p := range pages {
		var had string
		err := tx.QueryRowContext(ctx, `SELECT article FROM fetched WHERE url = ?`, p.URL).Scan(&had)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("sqlite: mark fetched %s: %w", p.URL, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO fetched (url, source, article, status, at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (url) DO UPDATE SET source = excluded.source, article = excluded.article,
			status = excluded.status, at = excluded.at`,
			p.URL, p.Source, p.Article, p.Status, millis(p.At)); err != nil {
			return fmt.Errorf("sqlite: mark fetched %s: %w", p.URL, err)
		}
		if p.Article != "" && had == "" {
			if _, err := tx.ExecContext(ctx, `UPDATE sources SET articles = articles + 1 WHERE id = ?`, p.Source); err != nil {
				return fmt.Errorf("sqlite: mark fetched %s: %w", p.URL, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: mark fetched: %w", err)
	}
	return nil
}

// SourceDays returns the articles stored per IST day through source id
// since since, oldest first.
func (s *Store) SourceDays(ctx context.Context, id int64, since time.Time) ([]store.DayCount, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT at FROM fetched WHERE source = ? AND article != '' AND at >= ? ORDER BY at`,
		id, millis(since))
	if err != nil {
		return nil, fmt.Errorf("sqlite: source days %d: %w", id, err)
	}
	defer rows.Close()
	var out []store.DayCount
	for rows.Next() {
		var at int64
		if err := rows.Scan(&at); err != nil {
			return nil, fmt.Errorf("sqlite: source days %d: %w", id, err)
		}
		day := time.UnixMilli(at).In(ist).Format(time.DateOnly)
		if n := len(out); n > 0 && out[n-1].Day == day {
			out[n-1].Count++
		} else {
			out = append(out, store.DayCount{Day: day, Count: 1})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: source days %d: %w", id, err)
	}
	return out, nil
}
