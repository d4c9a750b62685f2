package postgres

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"khabar/internal/news"
	"khabar/internal/store"
)

// The link fields of an article are columns of the articles table (see
// migration 2); sketches, stories and engine state have tables of their
// own. Together they are the whole state of the linker, so a linker on any
// node can take over from another.

// PutLinked stores a as Put does and writes l in the same transaction.
func (s *Store) PutLinked(ctx context.Context, a *news.Article, hash string, l store.Linked) (store.Outcome, error) {
	r, err := encode(Item{Article: a, Hash: hash})
	if err != nil {
		return store.Unchanged, fmt.Errorf("postgres: put: %w", err)
	}
	b, err := linkedBatch(l)
	if err != nil {
		return store.Unchanged, fmt.Errorf("postgres: put: %w", err)
	}
	var out []store.Outcome
	err = s.inTx(ctx, func(tx pgx.Tx) error {
		if out, err = putRows(ctx, tx, []row{r}); err != nil {
			return err
		}
		return b.send(ctx, tx)
	})
	if err != nil {
		return store.Unchanged, fmt.Errorf("postgres: put: %w", err)
	}
	return out[0], nil
}

// ApplyLinked writes l in one transaction.
func (s *Store) ApplyLinked(ctx context.Context, l store.Linked) error {
	if l.Empty() {
		return nil
	}
	b, err := linkedBatch(l)
	if err != nil {
		return fmt.Errorf("postgres: apply links: %w", err)
	}
	if err := s.inTx(ctx, func(tx pgx.Tx) error { return b.send(ctx, tx) }); err != nil {
		return fmt.Errorf("postgres: apply links: %w", err)
	}
	return nil
}

// batch is statements to send together, each named for its errors. It
// makes a new pgx.Batch each time it is sent, so that a transaction run
// again (see inTx) sends it afresh: pgx keeps what it learned of a
// statement on one connection in the queued query.
type batch struct {
	queries []query
}

type query struct {
	label, sql string
	args       []any
}

func (b *batch) queue(label, sql string, args ...any) {
	b.queries = append(b.queries, query{label, sql, args})
}

// send runs the statements in tx, in one round trip, and returns the
// first error, labelled.
func (b *batch) send(ctx context.Context, tx pgx.Tx) error {
	if len(b.queries) == 0 {
		return nil
	}
	pb := &pgx.Batch{}
	for _, q := range b.queries {
		pb.Queue(q.sql, q.args...)
	}
	br := tx.SendBatch(ctx, pb)
	defer br.Close()
	for _, q := range b.queries {
		if _, err := br.Exec(); err != nil {
			return fmt.Errorf("%s: %w", q.label, err)
		}
	}
	return br.Close()
}

// linkedBatch checks l and returns the statements that write it, in the
// order the embedded store writes them: sketches, links, stories, deleted
// stories, state.
func linkedBatch(l store.Linked) (*batch, error) {
	b := new(batch)
	for _, sk := range l.Sketches {
		if sk.ID == "" {
			return nil, errors.New("sketch without id")
		}
		b.queue(fmt.Sprintf("sketch %q", sk.ID), `INSERT INTO sketches (id, grp, data) VALUES ($1, $2, $3)
			ON CONFLICT (id) DO UPDATE SET grp = excluded.grp, data = excluded.data`, sk.ID, sk.Group, sk.Data)
	}
	for _, k := range l.Links {
		label := fmt.Sprintf("link %q", k.ID)
		b.queue(label, `UPDATE articles SET duplicate_of = $2, grp = $3, story = $4 WHERE id = $1`,
			k.ID, null(k.DuplicateOf), null(k.Group), null(k.Story))
		b.queue(label, `UPDATE sketches SET grp = $2 WHERE id = $1`, k.ID, k.Group)
	}
	for _, sy := range l.Stories {
		if sy == nil || sy.ID == "" {
			return nil, errors.New("story without id")
		}
		rec, err := json.Marshal(sy)
		if err != nil {
			return nil, fmt.Errorf("story %q: %w", sy.ID, err)
		}
		b.queue(fmt.Sprintf("story %q", sy.ID), `INSERT INTO stories (id, thread, started, ended, size, record, state)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (id) DO UPDATE SET thread = excluded.thread, started = excluded.started,
				ended = excluded.ended, size = excluded.size, record = excluded.record, state = excluded.state`,
			sy.ID, sy.Thread, published(sy.Start), published(sy.End), len(sy.Articles), string(rec), sy.State)
	}
	if len(l.DeleteStories) > 0 {
		b.queue("delete stories", `DELETE FROM stories WHERE id = ANY($1)`, l.DeleteStories)
	}
	for _, th := range l.Threads {
		b.queue(fmt.Sprintf("story %q thread", th.ID), `UPDATE stories SET thread = $2,
			record = jsonb_set(record::jsonb, '{thread}', to_jsonb($2::text))::text WHERE id = $1`, th.ID, th.Thread)
	}
	for name, v := range l.State {
		b.queue(fmt.Sprintf("state %q", name), `INSERT INTO link_state (name, value) VALUES ($1, $2)
			ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, v)
	}
	return b, nil
}

// EachSketch calls fn for every sketch whose article is stored, by id. It
// reads a batch at a time and holds no connection while fn runs.
func (s *Store) EachSketch(ctx context.Context, fn func(store.Sketch) error) error {
	return walk(ctx, "each sketch", eachBatch*4,
		func(last *store.Sketch) (pgx.Rows, error) {
			after := ""
			if last != nil {
				after = last.ID
			}
			return s.pool.Query(ctx, `SELECT k.id, k.grp, k.data FROM sketches k
				JOIN articles a ON a.id = k.id WHERE k.id > $1 ORDER BY k.id LIMIT $2`, after, eachBatch*4)
		},
		func(rows pgx.Rows) (sk store.Sketch, err error) {
			err = rows.Scan(&sk.ID, &sk.Group, &sk.Data)
			return sk, err
		},
		fn)
}

// Sketch returns the stored sketch of article id.
func (s *Store) Sketch(ctx context.Context, id string) (store.Sketch, error) {
	sk := store.Sketch{ID: id}
	err := s.pool.QueryRow(ctx, `SELECT grp, data FROM sketches WHERE id = $1`, id).Scan(&sk.Group, &sk.Data)
	if errors.Is(err, pgx.ErrNoRows) {
		return sk, fmt.Errorf("postgres: sketch %q: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return sk, fmt.Errorf("postgres: sketch %q: %w", id, err)
	}
	return sk, nil
}

// Group returns the stored articles of group id, oldest first.
func (s *Store) Group(ctx context.Context, id string) ([]*news.Article, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, `+recordCols+` FROM articles
		WHERE grp = $1 ORDER BY published, id`, id)
	if err != nil {
		return nil, fmt.Errorf("postgres: group %q: %w", id, err)
	}
	defer rows.Close()
	var out []*news.Article
	for rows.Next() {
		var (
			aid string
			r   stored
		)
		if err := rows.Scan(append([]any{&aid}, r.dest()...)...); err != nil {
			return nil, fmt.Errorf("postgres: group %q: %w", id, err)
		}
		a, err := r.article()
		if err != nil {
			return nil, fmt.Errorf("postgres: group %q: %q: %w", id, aid, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: group %q: %w", id, err)
	}
	return out, nil
}

func decodeStory(rec string, state []byte) (*store.Story, error) {
	sy := new(store.Story)
	if err := json.Unmarshal([]byte(rec), sy); err != nil {
		return nil, fmt.Errorf("decode story: %w", err)
	}
	sy.State = state
	return sy, nil
}

// GetStory returns the story with id, or an error wrapping
// news.ErrNotFound.
func (s *Store) GetStory(ctx context.Context, id string) (*store.Story, error) {
	var (
		rec   string
		state []byte
	)
	err := s.pool.QueryRow(ctx, `SELECT record, state FROM stories WHERE id = $1`, id).Scan(&rec, &state)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("postgres: story %q: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: story %q: %w", id, err)
	}
	sy, err := decodeStory(rec, state)
	if err != nil {
		return nil, fmt.Errorf("postgres: story %q: %w", id, err)
	}
	return sy, nil
}

// ListStories returns a page of stories, latest-ending first, then by id
// descending.
func (s *Store) ListStories(ctx context.Context, f store.StoryFilter) (store.StoryPage, error) {
	q := pageQuery{sel: `SELECT ended, id, record, state FROM stories`, order: "ended"}
	if !f.From.IsZero() {
		q.cond("ended >= ?", f.From.Unix())
	}
	if !f.To.IsZero() {
		q.cond("started > ? AND started < ?", int64(noTime), f.To.Unix())
	}
	if f.Thread != "" {
		q.cond("thread = ?", f.Thread)
	}
	if f.Cursor != "" {
		k, err := parseStoryCursor(f.Cursor)
		if err != nil {
			return store.StoryPage{}, fmt.Errorf("postgres: list stories: %w", err)
		}
		q.after(k)
	}
	var page store.StoryPage
	last, more, err := s.page(ctx, q, pageLimit(f.Limit), func(rows pgx.Rows, k *key) error {
		var (
			rec   string
			state []byte
		)
		if err := rows.Scan(&k.published, &k.id, &rec, &state); err != nil {
			return err
		}
		sy, err := decodeStory(rec, state)
		if err != nil {
			return fmt.Errorf("%q: %w", k.id, err)
		}
		page.Stories = append(page.Stories, sy)
		return nil
	})
	if err != nil {
		return store.StoryPage{}, fmt.Errorf("postgres: list stories: %w", err)
	}
	if more {
		page.Next = storyCursor(last)
	}
	return page, nil
}

// Story cursors are marked so that an article cursor is refused.
func storyCursor(k key) string {
	return base64.RawURLEncoding.EncodeToString([]byte("s" + strconv.FormatInt(k.published, 10) + ":" + k.id))
}

func parseStoryCursor(c string) (key, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) < 2 || b[0] != 's' {
		return key{}, fmt.Errorf("%w: %q", store.ErrBadCursor, c)
	}
	return parseCursor(base64.RawURLEncoding.EncodeToString(b[1:]))
}

// EachStory calls fn for every story, earliest-starting first. It reads a
// batch at a time and holds no connection while fn runs.
func (s *Store) EachStory(ctx context.Context, fn func(*store.Story) error) error {
	type item struct {
		k  key
		sy *store.Story
	}
	return walk(ctx, "each story", eachBatch,
		func(last *item) (pgx.Rows, error) {
			after := key{published: noTime}
			if last != nil {
				after = last.k
			}
			return s.pool.Query(ctx, `SELECT started, id, record, state FROM stories
				WHERE (started, id) > ($1, $2) ORDER BY started, id LIMIT $3`,
				after.published, after.id, eachBatch)
		},
		func(rows pgx.Rows) (it item, err error) {
			var (
				rec   string
				state []byte
			)
			if err := rows.Scan(&it.k.published, &it.k.id, &rec, &state); err != nil {
				return it, err
			}
			if it.sy, err = decodeStory(rec, state); err != nil {
				return it, fmt.Errorf("%q: %w", it.k.id, err)
			}
			return it, nil
		},
		func(it item) error { return fn(it.sy) })
}

// State returns the named blob of engine state, nil when unset.
func (s *Store) State(ctx context.Context, name string) ([]byte, error) {
	var v []byte
	err := s.pool.QueryRow(ctx, `SELECT value FROM link_state WHERE name = $1`, name).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: state %q: %w", name, err)
	}
	return v, nil
}

// ResetLinks forgets every sketch, story and state blob and clears the
// link fields of every stored article, in one transaction.
func (s *Store) ResetLinks(ctx context.Context) error {
	b := new(batch)
	for _, q := range []string{
		`DELETE FROM sketches`,
		`DELETE FROM stories`,
		`DELETE FROM link_state`,
		`UPDATE articles SET duplicate_of = NULL, grp = NULL, story = NULL
			WHERE duplicate_of IS NOT NULL OR grp IS NOT NULL OR story IS NOT NULL`,
	} {
		b.queue("reset", q)
	}
	if err := s.inTx(ctx, func(tx pgx.Tx) error { return b.send(ctx, tx) }); err != nil {
		return fmt.Errorf("postgres: reset links: %w", err)
	}
	return nil
}

// PutLinkedBatch stores each item as PutLinked does, in order, all in one
// transaction: either every item is stored with its links or, on error,
// none is. It returns one outcome per item.
//
// The articles of a run of items are written together, then their links
// in order (two or three round trips for the run): that is the same as
// item after item unless an item's links change an article put later in
// the run, or one article comes twice, so a run is cut there. When the
// batch fails, it is run again item after item to find the item that
// caused the error, which is returned wrapped in a *store.ItemError.
func (s *Store) PutLinkedBatch(ctx context.Context, items []store.LinkedItem) ([]store.Outcome, error) {
	rows := make([]row, len(items))
	links := make([]*batch, len(items))
	for i, it := range items {
		r, lb, err := encodeLinked(it)
		if err != nil {
			return nil, fmt.Errorf("postgres: put linked batch: %w", store.NewItemError(i, it, err))
		}
		rows[i], links[i] = r, lb
	}
	out := make([]store.Outcome, len(items))
	if len(items) == 0 {
		return out, nil
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		for _, sg := range runs(items) {
			if err := putRun(ctx, tx, rows[sg[0]:sg[1]], links[sg[0]:sg[1]], out[sg[0]:sg[1]]); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		return out, nil
	}
	if len(items) == 1 {
		return nil, fmt.Errorf("postgres: put linked batch: %w", store.NewItemError(0, items[0], err))
	}
	if ctx.Err() != nil || errors.Is(err, news.ErrDiskFull) {
		return nil, fmt.Errorf("postgres: put linked batch: %w", err)
	}
	// Which item? The same transaction again, one item at a time.
	err = s.inTx(ctx, func(tx pgx.Tx) error {
		for i := range items {
			if err := putRun(ctx, tx, rows[i:i+1], links[i:i+1], out[i:i+1]); err != nil {
				return store.NewItemError(i, items[i], err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: put linked batch: %w", err)
	}
	return out, nil
}

// encodeLinked checks and encodes an item.
func encodeLinked(it store.LinkedItem) (row, *batch, error) {
	item := Item{Article: it.Article, Hash: it.Hash}
	if err := check(item); err != nil {
		return row{}, nil, err
	}
	r, err := encode(item)
	if err != nil {
		return row{}, nil, err
	}
	lb, err := linkedBatch(it.Linked)
	if err != nil {
		return row{}, nil, fmt.Errorf("article %q: %w", it.Article.ID, err)
	}
	return r, lb, nil
}

// runs cuts items into runs [start, end) whose articles may be written
// before their links: none of a run's links changes an article put later
// in it, and no article comes twice in one.
func runs(items []store.LinkedItem) [][2]int {
	var out [][2]int
	start := 0
	put, changed := map[string]bool{}, map[string]bool{}
	for i, it := range items {
		id := it.Article.ID
		if put[id] || changed[id] {
			out = append(out, [2]int{start, i})
			start = i
			clear(put)
			clear(changed)
		}
		put[id] = true
		for _, k := range it.Linked.Links {
			changed[k.ID] = true
		}
	}
	return append(out, [2]int{start, len(items)})
}

// putRun writes the articles of rows (in the order of their ids, see
// encodeSorted), then the links, in order; out gets an outcome per row.
func putRun(ctx context.Context, tx pgx.Tx, rows []row, links []*batch, out []store.Outcome) error {
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return strings.Compare(rows[i].id, rows[j].id) })
	sorted := make([]row, len(rows))
	for k, i := range order {
		sorted[k] = rows[i]
	}
	outs, err := putRows(ctx, tx, sorted)
	if err != nil {
		return err
	}
	for k, i := range order {
		out[i] = outs[k]
	}
	all := new(batch)
	for _, lb := range links {
		all.queries = append(all.queries, lb.queries...)
	}
	return all.send(ctx, tx)
}
