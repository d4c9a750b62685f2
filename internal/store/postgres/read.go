package postgres

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"khabar/internal/news"
	"khabar/internal/store"
)

// Page sizes.
const (
	defaultLimit = 20
	maxLimit     = 1000
	// eachBatch is how many rows Each reads per query.
	eachBatch = 256
)

// recordCols are the columns decode reads, in its order.
const recordCols = `record, duplicate_of, grp, story`

// decode rebuilds an article from its record and link columns.
func decode(rec string, dup, grp, story *string) (*news.Article, error) {
	a := new(news.Article)
	if err := json.Unmarshal([]byte(rec), a); err != nil {
		return nil, fmt.Errorf("decode record: %w", err)
	}
	if dup != nil {
		a.DuplicateOf = *dup
	}
	if grp != nil {
		a.Group = *grp
	}
	if story != nil {
		a.Story = *story
	}
	return a, nil
}

// stored is an article row as decode takes it.
type stored struct {
	rec             string
	dup, grp, story *string
}

func (r *stored) dest() []any { return []any{&r.rec, &r.dup, &r.grp, &r.story} }

func (r *stored) article() (*news.Article, error) { return decode(r.rec, r.dup, r.grp, r.story) }

// Get returns the article with id, or an error wrapping news.ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (*news.Article, error) {
	var r stored
	err := s.pool.QueryRow(ctx, `SELECT `+recordCols+` FROM articles WHERE id = $1`, id).Scan(r.dest()...)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("postgres: get %q: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: get %q: %w", id, err)
	}
	a, err := r.article()
	if err != nil {
		return nil, fmt.Errorf("postgres: get %q: %w", id, err)
	}
	return a, nil
}

// GetMany returns the stored articles among ids, in the order of ids; ids
// not stored are left out, and an id given twice comes once, at its first
// place.
func (s *Store) GetMany(ctx context.Context, ids []string) ([]*news.Article, error) {
	if len(ids) == 0 {
		return []*news.Article{}, nil
	}
	found := make(map[string]*news.Article, len(ids))
	rows, err := s.pool.Query(ctx, `SELECT id, `+recordCols+` FROM articles WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("postgres: get many: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id string
			r  stored
		)
		if err := rows.Scan(append([]any{&id}, r.dest()...)...); err != nil {
			return nil, fmt.Errorf("postgres: get many: %w", err)
		}
		a, err := r.article()
		if err != nil {
			return nil, fmt.Errorf("postgres: get many: %q: %w", id, err)
		}
		found[id] = a
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: get many: %w", err)
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
	q := pageQuery{sel: `SELECT published, id, ` + recordCols + ` FROM articles`, order: "published"}
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
			return store.Page{}, fmt.Errorf("postgres: list: %w", err)
		}
		q.after(k)
	}
	var page store.Page
	last, more, err := s.page(ctx, q, pageLimit(f.Limit), func(rows pgx.Rows, k *key) error {
		var r stored
		if err := rows.Scan(append([]any{&k.published, &k.id}, r.dest()...)...); err != nil {
			return err
		}
		a, err := r.article()
		if err != nil {
			return fmt.Errorf("%q: %w", k.id, err)
		}
		page.Articles = append(page.Articles, a)
		return nil
	})
	if err != nil {
		return store.Page{}, fmt.Errorf("postgres: list: %w", err)
	}
	if more {
		page.Next = last.cursor()
	}
	return page, nil
}

// Each calls fn for every stored article, oldest published first (articles
// without a published time first of all), then by id. It reads a batch of
// rows at a time and holds no transaction while fn runs, so fn may use the
// store.
func (s *Store) Each(ctx context.Context, fn func(*news.Article) error) error {
	type item struct {
		k key
		r stored
	}
	return walk(ctx, "each", eachBatch,
		func(last *item) (pgx.Rows, error) {
			after := key{published: noTime}
			if last != nil {
				after = last.k
			}
			return s.pool.Query(ctx, `SELECT published, id, `+recordCols+` FROM articles
				WHERE (published, id) > ($1, $2) ORDER BY published, id LIMIT $3`,
				after.published, after.id, eachBatch)
		},
		func(rows pgx.Rows) (it item, err error) {
			err = rows.Scan(append([]any{&it.k.published, &it.k.id}, it.r.dest()...)...)
			return it, err
		},
		func(it item) error {
			a, err := it.r.article()
			if err != nil {
				return fmt.Errorf("postgres: each: %q: %w", it.k.id, err)
			}
			return fn(a)
		})
}

// Count returns the number of stored articles.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("postgres: count: %w", err)
	}
	return n, nil
}

// IndexCounts returns the number of stored articles and how many of them
// are marked indexed as they are stored now: the search index holds at
// least those. The pending ones are counted from their partial index.
func (s *Store) IndexCounts(ctx context.Context) (stored, indexed int, err error) {
	var pending int
	if err := s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles),
		(SELECT count(*) FROM articles WHERE indexed_hash <> hash)`).Scan(&stored, &pending); err != nil {
		return 0, 0, fmt.Errorf("postgres: index counts: %w", err)
	}
	return stored, stored - pending, nil
}

// PendingCount returns the number of articles put but not marked indexed
// as they are stored now.
func (s *Store) PendingCount(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM articles WHERE indexed_hash <> hash`).Scan(&n); err != nil {
		return 0, fmt.Errorf("postgres: pending: %w", err)
	}
	return n, nil
}

// ResetIndexed marks every stored article unindexed, for a search index
// built again from nothing: they are all pending then, and an indexer
// stopped part-way resumes where it stopped.
func (s *Store) ResetIndexed(ctx context.Context) error {
	if _, err := s.pool.Exec(ctx, `UPDATE articles SET indexed_hash = '' WHERE indexed_hash <> ''`); err != nil {
		return fmt.Errorf("postgres: reset indexed: %w", full(err))
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
	rows, err := s.pool.Query(ctx, `SELECT id, hash, `+recordCols+` FROM articles
		WHERE indexed_hash <> hash ORDER BY id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: pending: %w", err)
	}
	defer rows.Close()
	var out []Item
	for rows.Next() {
		var (
			id, hash string
			r        stored
		)
		if err := rows.Scan(append([]any{&id, &hash}, r.dest()...)...); err != nil {
			return nil, fmt.Errorf("postgres: pending: %w", err)
		}
		a, err := r.article()
		if err != nil {
			return nil, fmt.Errorf("postgres: pending: %q: %w", id, err)
		}
		out = append(out, Item{Article: a, Hash: hash})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: pending: %w", err)
	}
	return out, nil
}

// MarkIndexed records that the articles with ids are in the search index as
// they are stored now. Unknown ids are ignored.
func (s *Store) MarkIndexed(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	if _, err := s.pool.Exec(ctx, `UPDATE articles SET indexed_hash = hash
		WHERE indexed_hash <> hash AND id = ANY($1)`, ids); err != nil {
		return fmt.Errorf("postgres: mark indexed: %w", full(err))
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
	ids := make([]string, len(items))
	hashes := make([]string, len(items))
	for i, it := range items {
		if it.Article == nil {
			return errors.New("postgres: mark indexed: nil article")
		}
		ids[i], hashes[i] = it.Article.ID, it.Hash
	}
	if _, err := s.pool.Exec(ctx, `UPDATE articles a SET indexed_hash = m.hash
		FROM unnest($1::text[], $2::text[]) AS m(id, hash) WHERE a.id = m.id`, ids, hashes); err != nil {
		return fmt.Errorf("postgres: mark indexed: %w", full(err))
	}
	return nil
}
