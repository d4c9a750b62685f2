package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

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
	dup, grp, story  *string // NULL for ""
	article          *news.Article
}

func published(t time.Time) int64 {
	if t.IsZero() {
		return noTime
	}
	return t.Unix()
}

// null is &s, or nil (SQL NULL) for "".
func null(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// check refuses an item that cannot be stored.
func check(it Item) error {
	switch {
	case it.Article == nil:
		return errors.New("nil article")
	case it.Article.ID == "":
		return errors.New("article has no id")
	case it.Hash == "":
		return fmt.Errorf("article %q: empty hash", it.Article.ID)
	}
	return nil
}

// encode returns the row of it; its raw input is encoded when written.
func encode(it Item) (row, error) {
	if err := check(it); err != nil {
		return row{}, err
	}
	a := it.Article
	// The link fields have columns of their own; the record leaves them
	// out so that there is one place to read them from.
	bare := *a
	bare.DuplicateOf, bare.Group, bare.Story = "", "", ""
	rec, err := json.Marshal(&bare)
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
		dup:       null(a.DuplicateOf),
		grp:       null(a.Group),
		story:     null(a.Story),
		article:   a,
	}, nil
}

// Put stores a with its content hash (see store.Store). It is one
// transaction; an article put again with the same hash is not written.
// Processes that put the same article at once are serialised on its id:
// one of them stores it, the others see Unchanged (or Updated, when their
// hash differs from the one stored before them).
func (s *Store) Put(ctx context.Context, a *news.Article, hash string) (store.Outcome, error) {
	it := Item{Article: a, Hash: hash}
	if err := check(it); err != nil {
		return store.Unchanged, fmt.Errorf("postgres: put: %w", err)
	}
	// An article delivered again is most often stored already: one read
	// says so without encoding it or opening a transaction. (A Put racing
	// with this one is ordered after it.)
	var old string
	err := s.pool.QueryRow(ctx, `SELECT hash FROM articles WHERE id = $1`, a.ID).Scan(&old)
	if err == nil && old == hash {
		return store.Unchanged, nil
	}
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return store.Unchanged, fmt.Errorf("postgres: put: %w", err)
	}
	out, err := s.put(ctx, []Item{it})
	if err != nil {
		return store.Unchanged, fmt.Errorf("postgres: put: %w", err)
	}
	return out[0], nil
}

// PutBatch stores items as Put does, all in one transaction: either every
// item is stored or, on error, none is. It returns one outcome per item. An
// id that occurs twice in items is put twice, in order.
func (s *Store) PutBatch(ctx context.Context, items []Item) ([]store.Outcome, error) {
	out, err := s.put(ctx, items)
	if err != nil {
		return nil, fmt.Errorf("postgres: put batch: %w", err)
	}
	return out, nil
}

// encodeSorted checks and encodes items in the order of their ids (an id
// given twice keeps its order), so that batches of other processes that
// share ids wait for each other rather than deadlock. order[k] is the
// index in items of rows[k].
func encodeSorted(items []Item) (rows []row, order []int, err error) {
	for _, it := range items {
		if err := check(it); err != nil {
			return nil, nil, err
		}
	}
	order = make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		return strings.Compare(items[i].Article.ID, items[j].Article.ID)
	})
	rows = make([]row, len(items))
	for k, i := range order {
		r, err := encode(items[i])
		if err != nil {
			return nil, nil, err
		}
		rows[k] = r
	}
	return rows, order, nil
}

func (s *Store) put(ctx context.Context, items []Item) ([]store.Outcome, error) {
	rows, order, err := encodeSorted(items)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return []store.Outcome{}, nil
	}
	var sorted []store.Outcome
	err = s.inTx(ctx, func(tx pgx.Tx) error {
		var err error
		sorted, err = putRows(ctx, tx, rows)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := make([]store.Outcome, len(items))
	for k, i := range order {
		out[i] = sorted[k]
	}
	return out, nil
}

const (
	// insertArticle inserts a row unless its id is stored; a row put by a
	// transaction in flight is waited for.
	insertArticle = `INSERT INTO articles
		(id, hash, published, lang, title, url, record, duplicate_of, grp, story, created, updated)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
		ON CONFLICT (id) DO NOTHING RETURNING 1`
	// updateArticle replaces a stored row of another hash. After an insert
	// of the same row it finds the same hash and changes nothing.
	updateArticle = `UPDATE articles SET
		hash = $2, published = $3, lang = $4, title = $5, url = $6, record = $7,
		duplicate_of = $8, grp = $9, story = $10, updated = $11
		WHERE id = $1 AND hash <> $2 RETURNING 1`
)

// putRows writes rows in tx and returns their outcomes. Each row is one
// insert and one update sent together, so a batch of any size takes two
// round trips: one for the articles, one for their raw input and
// analysis.
func putRows(ctx context.Context, tx pgx.Tx, rows []row) ([]store.Outcome, error) {
	now := time.Now().UnixMilli()
	b := &pgx.Batch{}
	for _, r := range rows {
		args := []any{r.id, r.hash, r.published, r.lang, r.title, r.url, r.record, r.dup, r.grp, r.story, now}
		b.Queue(insertArticle, args...)
		b.Queue(updateArticle, args...)
	}
	out := make([]store.Outcome, len(rows))
	if err := readOutcomes(ctx, tx, b, rows, out); err != nil {
		return nil, err
	}
	// The raw input and the analysis rows of the articles written, then
	// the entities they name.
	more := new(batch)
	var ents []entityRow
	for i, r := range rows {
		if out[i] == store.Unchanged {
			continue
		}
		raw, err := store.EncodeRaw(r.article)
		if err != nil {
			return nil, fmt.Errorf("article %q: raw input: %w", r.id, err)
		}
		if raw != nil {
			queueRaw(more, r.id, raw)
		}
		ents = append(ents, queueAnalysis(more, r, out[i] == store.Updated)...)
	}
	queueEntities(more, ents)
	if err := more.send(ctx, tx); err != nil {
		return nil, err
	}
	return out, nil
}

// readOutcomes sends b (an insert and an update per row) and sets out.
func readOutcomes(ctx context.Context, tx pgx.Tx, b *pgx.Batch, rows []row, out []store.Outcome) error {
	br := tx.SendBatch(ctx, b)
	defer br.Close()
	for i, r := range rows {
		var one int
		inserted, err := found(br.QueryRow().Scan(&one))
		if err != nil {
			return fmt.Errorf("article %q: %w", r.id, err)
		}
		updated, err := found(br.QueryRow().Scan(&one))
		if err != nil {
			return fmt.Errorf("article %q: %w", r.id, err)
		}
		switch {
		case inserted:
			out[i] = store.New
		case updated:
			out[i] = store.Updated
		default:
			out[i] = store.Unchanged
		}
	}
	return br.Close()
}

// found turns the error of a one-row Scan into whether a row came.
func found(err error) (bool, error) {
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}
