package sqlite

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"khabar/internal/news"
	"khabar/internal/store"
)

// Page sizes.
const (
	defaultLimit = 20
	maxLimit     = 1000
	// eachBatch is how many rows Each reads per query.
	eachBatch = 256
	// inChunk bounds the parameters of one "id IN (…)" query.
	inChunk = 500
)

func decode(rec string) (*news.Article, error) {
	a := new(news.Article)
	if err := json.Unmarshal([]byte(rec), a); err != nil {
		return nil, fmt.Errorf("decode record: %w", err)
	}
	return a, nil
}

// Get returns the article with id, or an error wrapping news.ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (*news.Article, error) {
	var rec string
	err := s.r.QueryRowContext(ctx, `SELECT record FROM articles WHERE id = ?`, id).Scan(&rec)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: get %q: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: get %q: %w", id, err)
	}
	a, err := decode(rec)
	if err != nil {
		return nil, fmt.Errorf("sqlite: get %q: %w", id, err)
	}
	return a, nil
}

// placeholders returns "?, ?, …" for n parameters.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func args(ids []string) []any {
	a := make([]any, len(ids))
	for i, id := range ids {
		a[i] = id
	}
	return a
}

// GetMany returns the stored articles among ids, in the order of ids; ids
// not stored are left out, and an id given twice comes once, at its first
// place.
func (s *Store) GetMany(ctx context.Context, ids []string) ([]*news.Article, error) {
	found := make(map[string]*news.Article, len(ids))
	for start := 0; start < len(ids); start += inChunk {
		chunk := ids[start:min(start+inChunk, len(ids))]
		rows, err := s.r.QueryContext(ctx,
			`SELECT id, record FROM articles WHERE id IN (`+placeholders(len(chunk))+`)`, args(chunk)...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: get many: %w", err)
		}
		for rows.Next() {
			var id, rec string
			if err := rows.Scan(&id, &rec); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: get many: %w", err)
			}
			a, err := decode(rec)
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: get many: %q: %w", id, err)
			}
			found[id] = a
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("sqlite: get many: %w", err)
		}
	}
	out := make([]*news.Article, 0, len(found))
	for _, id := range ids {
		if a, ok := found[id]; ok {
			out = append(out, a)
			delete(found, id)
		}
	}
	return out, nil
}

// key is the sort key of an article: (published, id).
type key struct {
	published int64
	id        string
}

func (k key) cursor() string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(k.published, 10) + ":" + k.id))
}

func parseCursor(c string) (key, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return key{}, fmt.Errorf("%w: %q", store.ErrBadCursor, c)
	}
	p, id, ok := strings.Cut(string(b), ":")
	if !ok || id == "" {
		return key{}, fmt.Errorf("%w: %q", store.ErrBadCursor, c)
	}
	n, err := strconv.ParseInt(p, 10, 64)
	if err != nil {
		return key{}, fmt.Errorf("%w: %q", store.ErrBadCursor, c)
	}
	return key{n, id}, nil
}

// List returns a page of articles, newest published first, then by id
// descending; articles without a published time come last.
func (s *Store) List(ctx context.Context, f store.Filter) (store.Page, error) {
	q := pageQuery{sel: `SELECT published, id, record FROM articles`, order: "published"}
	if f.Lang != "" {
		q.cond("lang = ?", f.Lang)
	}
	if !f.From.IsZero() {
		q.cond("published >= ?", f.From.Unix())
	}
	if !f.To.IsZero() {
		q.cond("published > ? AND published < ?", int64(noTime), f.To.Unix())
	}
	if f.Cursor != "" {
		k, err := parseCursor(f.Cursor)
		if err != nil {
			return store.Page{}, fmt.Errorf("sqlite: list: %w", err)
		}
		q.after(k)
	}
	var page store.Page
	last, more, err := s.page(ctx, q, pageLimit(f.Limit), func(rows *sql.Rows, k *key) error {
		var rec string
		if err := rows.Scan(&k.published, &k.id, &rec); err != nil {
			return err
		}
		a, err := decode(rec)
		if err != nil {
			return fmt.Errorf("%q: %w", k.id, err)
		}
		page.Articles = append(page.Articles, a)
		return nil
	})
	if err != nil {
		return store.Page{}, fmt.Errorf("sqlite: list: %w", err)
	}
	if more {
		page.Next = last.cursor()
	}
	return page, nil
}

// Each calls fn for every stored article, oldest published first (articles
// without a published time first of all), then by id. It reads a batch of
// rows at a time and holds no read transaction while fn runs, so fn may use
// the store.
func (s *Store) Each(ctx context.Context, fn func(*news.Article) error) error {
	type item struct {
		k   key
		rec string
	}
	return walk(ctx, "each", eachBatch,
		func(last *item) (*sql.Rows, error) {
			after := key{published: noTime}
			if last != nil {
				after = last.k
			}
			return s.r.QueryContext(ctx, `SELECT published, id, record FROM articles
				WHERE (published, id) > (?, ?) ORDER BY published, id LIMIT ?`,
				after.published, after.id, eachBatch)
		},
		func(rows *sql.Rows) (it item, err error) {
			err = rows.Scan(&it.k.published, &it.k.id, &it.rec)
			return it, err
		},
		func(it item) error {
			a, err := decode(it.rec)
			if err != nil {
				return fmt.Errorf("sqlite: each: %q: %w", it.k.id, err)
			}
			return fn(a)
		})
}

// EachWithoutText is Each for readers of everything but the articles'
// words: it calls fn with each stored article, oldest published first,
// with Text and Removed left empty (news.DecodeWithoutText), so that an
// export of entities, quotes or events does not copy every article's
// words.
func (s *Store) EachWithoutText(ctx context.Context, fn func(*news.Article) error) error {
	type item struct {
		k   key
		rec string
	}
	return walk(ctx, "each without text", eachBatch,
		func(last *item) (*sql.Rows, error) {
			after := key{published: noTime}
			if last != nil {
				after = last.k
			}
			return s.r.QueryContext(ctx, `SELECT published, id, record FROM articles
				WHERE (published, id) > (?, ?) ORDER BY published, id LIMIT ?`,
				after.published, after.id, eachBatch)
		},
		func(rows *sql.Rows) (it item, err error) {
			err = rows.Scan(&it.k.published, &it.k.id, &it.rec)
			return it, err
		},
		func(it item) error {
			a, err := news.DecodeWithoutText([]byte(it.rec))
			if err != nil {
				return fmt.Errorf("sqlite: each: %q: decode record: %w", it.k.id, err)
			}
			return fn(a)
		})
}

// Count returns the number of stored articles.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite: count: %w", err)
	}
	return n, nil
}

// IndexCounts returns the number of stored articles and how many of them
// are marked indexed as they are stored now: the search index holds at
// least those. Both counts read indexes only, not the records, so this is
// quick on a large store.
func (s *Store) IndexCounts(ctx context.Context) (stored, indexed int, err error) {
	var pending int
	if err := s.r.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles),
		(SELECT count(*) FROM articles WHERE indexed_hash != hash)`).Scan(&stored, &pending); err != nil {
		return 0, 0, fmt.Errorf("sqlite: index counts: %w", err)
	}
	return stored, stored - pending, nil
}

// PendingCount returns the number of articles put but not marked indexed
// as they are stored now.
func (s *Store) PendingCount(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE indexed_hash != hash`).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite: pending: %w", err)
	}
	return n, nil
}

// ResetIndexed marks every stored article unindexed, for a search index
// built again from nothing: they are all pending then, and an indexer
// killed part-way resumes where it stopped.
func (s *Store) ResetIndexed(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx, `UPDATE articles SET indexed_hash = '' WHERE indexed_hash != ''`); err != nil {
		return fmt.Errorf("sqlite: reset indexed: %w", full(err))
	}
	return nil
}

// Pending returns up to limit articles put but not yet marked indexed, by
// id. A limit of 0 or less means 100.
func (s *Store) Pending(ctx context.Context, limit int) ([]*news.Article, error) {
	items, err := s.PendingItems(ctx, limit)
	if err != nil {
		return nil, err
	}
	out := make([]*news.Article, len(items))
	for i, it := range items {
		out[i] = it.Article
	}
	return out, nil
}

// PendingItems is Pending with each article's stored hash, for
// MarkIndexedItems.
func (s *Store) PendingItems(ctx context.Context, limit int) ([]Item, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id, hash, record FROM articles
		WHERE indexed_hash != hash ORDER BY id LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: pending: %w", err)
	}
	defer rows.Close()
	var out []Item
	for rows.Next() {
		var id, hash, rec string
		if err := rows.Scan(&id, &hash, &rec); err != nil {
			return nil, fmt.Errorf("sqlite: pending: %w", err)
		}
		a, err := decode(rec)
		if err != nil {
			return nil, fmt.Errorf("sqlite: pending: %q: %w", id, err)
		}
		out = append(out, Item{Article: a, Hash: hash})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: pending: %w", err)
	}
	return out, nil
}

// MarkIndexed records that the articles with ids are in the search index as
// they are stored now. Unknown ids are ignored.
func (s *Store) MarkIndexed(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: mark indexed: %w", full(err))
	}
	defer tx.Rollback()
	for start := 0; start < len(ids); start += inChunk {
		chunk := ids[start:min(start+inChunk, len(ids))]
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET indexed_hash = hash
			WHERE indexed_hash != hash AND id IN (`+placeholders(len(chunk))+`)`, args(chunk)...); err != nil {
			return fmt.Errorf("sqlite: mark indexed: %w", full(err))
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: mark indexed: %w", full(err))
	}
	return nil
}

// MarkIndexedItems records that each item's article is in the search index
// in the version of item.Hash. Unlike MarkIndexed it cannot mark a newer
// version put while the indexer worked: that one stays pending.
func (s *Store) MarkIndexedItems(ctx context.Context, items []Item) error {
	if len(items) == 0 {
		return nil
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: mark indexed: %w", full(err))
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, `UPDATE articles SET indexed_hash = ? WHERE id = ?`)
	if err != nil {
		return fmt.Errorf("sqlite: mark indexed: %w", full(err))
	}
	defer st.Close()
	for _, it := range items {
		if it.Article == nil {
			return errors.New("sqlite: mark indexed: nil article")
		}
		if _, err := st.ExecContext(ctx, it.Hash, it.Article.ID); err != nil {
			return fmt.Errorf("sqlite: mark indexed: %q: %w", it.Article.ID, full(err))
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: mark indexed: %w", full(err))
	}
	return nil
}
