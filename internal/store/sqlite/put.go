package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"

	"khabar/internal/news"
	"khabar/internal/store"
)

// noTime is the published value of an article without a published time: it
// sorts before every real time, so such articles come last, newest first.
const noTime = math.MinInt64

// Item is an article with its content hash, as Put takes them.
type Item = store.Item

// row is an article as the articles table holds it, with its raw input.
type row struct {
	id, hash         string
	published        int64
	lang, title, url string
	record           string
	raw              *store.RawRecord
	article          *news.Article
}

func published(t time.Time) int64 {
	if t.IsZero() {
		return noTime
	}
	return t.Unix()
}

func encode(it Item) (row, error) {
	a := it.Article
	if a == nil {
		return row{}, errors.New("nil article")
	}
	if a.ID == "" {
		return row{}, errors.New("article has no id")
	}
	if it.Hash == "" {
		return row{}, fmt.Errorf("article %q: empty hash", a.ID)
	}
	rec, err := json.Marshal(a)
	if err != nil {
		return row{}, fmt.Errorf("article %q: %w", a.ID, err)
	}
	raw, err := store.EncodeRaw(a)
	if err != nil {
		return row{}, fmt.Errorf("article %q: %w", a.ID, err)
	}
	return row{
		id:        a.ID,
		hash:      it.Hash,
		published: published(a.Published),
		lang:      a.Lang,
		title:     a.Title,
		url:       a.URL,
		record:    string(rec),
		raw:       raw,
		article:   a,
	}, nil
}

// Put stores a with its content hash (see store.Store). It is one
// transaction; an article put again with the same hash is not written.
func (s *Store) Put(ctx context.Context, a *news.Article, hash string) (store.Outcome, error) {
	out, err := s.put(ctx, []Item{{Article: a, Hash: hash}})
	if err != nil {
		return store.Unchanged, fmt.Errorf("sqlite: put: %w", full(err))
	}
	return out[0], nil
}

// PutBatch stores items as Put does, all in one transaction: either every
// item is stored or, on error, none is. It returns one outcome per item. An
// id that occurs twice in items is put twice, in order.
func (s *Store) PutBatch(ctx context.Context, items []Item) ([]store.Outcome, error) {
	out, err := s.put(ctx, items)
	if err != nil {
		return nil, fmt.Errorf("sqlite: put batch: %w", full(err))
	}
	return out, nil
}

func (s *Store) put(ctx context.Context, items []Item) ([]store.Outcome, error) {
	rows := make([]row, len(items))
	for i, it := range items {
		r, err := encode(it)
		if err != nil {
			return nil, err
		}
		rows[i] = r
	}
	if len(items) == 0 {
		return []store.Outcome{}, nil
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	w := newWtx(tx, &s.ents)
	out, err := putRows(ctx, w, rows)
	if err != nil {
		return nil, err
	}
	if err := w.commit(); err != nil {
		return nil, err
	}
	return out, nil
}

// putRows writes rows in w and returns their outcomes.
func putRows(ctx context.Context, w *wtx, rows []row) ([]store.Outcome, error) {
	out := make([]store.Outcome, len(rows))
	sel, err := w.stmt(ctx, `SELECT hash FROM articles WHERE id = ?`)
	if err != nil {
		return nil, err
	}
	now := time.Now().UnixMilli()
	for i, r := range rows {
		var old string
		err := sel.QueryRowContext(ctx, r.id).Scan(&old)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if err := w.exec(ctx, `INSERT INTO articles
				(id, hash, published, lang, title, url, record, created, updated)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.id, r.hash, r.published, r.lang, r.title, r.url, r.record, now, now); err != nil {
				return nil, fmt.Errorf("article %q: %w", r.id, err)
			}
			if err := putRaw(ctx, w, r); err != nil {
				return nil, err
			}
			if err := putAnalysis(ctx, w, r, true); err != nil {
				return nil, err
			}
			out[i] = store.New
		case err != nil:
			return nil, fmt.Errorf("article %q: %w", r.id, err)
		case old == r.hash:
			out[i] = store.Unchanged
		default:
			if err := w.exec(ctx, `UPDATE articles SET
				hash = ?, published = ?, lang = ?, title = ?, url = ?, record = ?, updated = ?
				WHERE id = ?`, r.hash, r.published, r.lang, r.title, r.url, r.record, now, r.id); err != nil {
				return nil, fmt.Errorf("article %q: %w", r.id, err)
			}
			if err := putRaw(ctx, w, r); err != nil {
				return nil, err
			}
			if err := putAnalysis(ctx, w, r, false); err != nil {
				return nil, err
			}
			out[i] = store.Updated
		}
	}
	return out, nil
}
