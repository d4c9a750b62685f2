package sqlite

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"khabar/internal/news"
	"khabar/internal/store"
)

// The link fields of an article live in its record (the v1 JSON), where
// json_set changes them in place; the expression indexes of migration 2
// find the members of a group or story there. Sketches, stories and engine
// state have tables of their own.

// PutLinked stores a as Put does and writes l in the same transaction.
func (s *Store) PutLinked(ctx context.Context, a *news.Article, hash string, l store.Linked) (store.Outcome, error) {
	out, err := s.putLinked(ctx, []store.LinkedItem{{Article: a, Hash: hash, Linked: l}})
	if err != nil {
		var ie *store.ItemError
		if errors.As(err, &ie) {
			err = ie.Err
		}
		return store.Unchanged, fmt.Errorf("sqlite: put: %w", err)
	}
	return out[0], nil
}

// ApplyLinked writes l in one transaction.
func (s *Store) ApplyLinked(ctx context.Context, l store.Linked) error {
	if l.Empty() {
		return nil
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: apply links: %w", full(err))
	}
	defer tx.Rollback()
	if err := applyLinked(ctx, newWtx(tx, nil), l); err != nil {
		return fmt.Errorf("sqlite: apply links: %w", full(err))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: apply links: %w", full(err))
	}
	return nil
}

// null is s, or SQL NULL for "".
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func applyLinked(ctx context.Context, w *wtx, l store.Linked) error {
	for _, sk := range l.Sketches {
		if sk.ID == "" {
			return errors.New("sketch without id")
		}
		if err := w.exec(ctx, `INSERT INTO sketches (id, grp, data) VALUES (?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET grp = excluded.grp, data = excluded.data`, sk.ID, sk.Group, sk.Data); err != nil {
			return fmt.Errorf("sketch %q: %w", sk.ID, err)
		}
	}
	for _, k := range l.Links {
		if err := w.exec(ctx, `UPDATE articles SET
			record = json_set(record, '$.duplicate_of', ?, '$.group', ?, '$.story', ?)
			WHERE id = ?`, null(k.DuplicateOf), null(k.Group), null(k.Story), k.ID); err != nil {
			return fmt.Errorf("link %q: %w", k.ID, err)
		}
		if err := w.exec(ctx, `UPDATE sketches SET grp = ? WHERE id = ?`, k.Group, k.ID); err != nil {
			return fmt.Errorf("link %q: %w", k.ID, err)
		}
	}
	for _, sy := range l.Stories {
		if sy == nil || sy.ID == "" {
			return errors.New("story without id")
		}
		rec, err := json.Marshal(sy)
		if err != nil {
			return fmt.Errorf("story %q: %w", sy.ID, err)
		}
		if err := w.exec(ctx, `INSERT INTO stories (id, thread, started, ended, size, record, state)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET thread = excluded.thread, started = excluded.started,
				ended = excluded.ended, size = excluded.size, record = excluded.record, state = excluded.state`,
			sy.ID, sy.Thread, published(sy.Start), published(sy.End), len(sy.Articles), string(rec), sy.State); err != nil {
			return fmt.Errorf("story %q: %w", sy.ID, err)
		}
	}
	for _, id := range l.DeleteStories {
		if err := w.exec(ctx, `DELETE FROM stories WHERE id = ?`, id); err != nil {
			return fmt.Errorf("story %q: %w", id, err)
		}
	}
	for _, th := range l.Threads {
		if err := w.exec(ctx, `UPDATE stories SET thread = ?, record = json_set(record, '$.thread', ?)
			WHERE id = ?`, th.Thread, th.Thread, th.ID); err != nil {
			return fmt.Errorf("story %q thread: %w", th.ID, err)
		}
	}
	for name, v := range l.State {
		if err := w.exec(ctx, `INSERT INTO link_state (name, value) VALUES (?, ?)
			ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, v); err != nil {
			return fmt.Errorf("state %q: %w", name, err)
		}
	}
	return nil
}

// EachSketch calls fn for every sketch whose article is stored, by id. It
// reads a batch at a time and holds no transaction while fn runs.
func (s *Store) EachSketch(ctx context.Context, fn func(store.Sketch) error) error {
	return walk(ctx, "each sketch", eachBatch*4,
		func(last *store.Sketch) (*sql.Rows, error) {
			after := ""
			if last != nil {
				after = last.ID
			}
			return s.r.QueryContext(ctx, `SELECT k.id, k.grp, k.data FROM sketches k
				JOIN articles a ON a.id = k.id WHERE k.id > ? ORDER BY k.id LIMIT ?`, after, eachBatch*4)
		},
		func(rows *sql.Rows) (sk store.Sketch, err error) {
			err = rows.Scan(&sk.ID, &sk.Group, &sk.Data)
			return sk, err
		},
		fn)
}

// Sketch returns the stored sketch of article id.
func (s *Store) Sketch(ctx context.Context, id string) (store.Sketch, error) {
	sk := store.Sketch{ID: id}
	err := s.r.QueryRowContext(ctx, `SELECT grp, data FROM sketches WHERE id = ?`, id).Scan(&sk.Group, &sk.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return sk, fmt.Errorf("sqlite: sketch %q: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return sk, fmt.Errorf("sqlite: sketch %q: %w", id, err)
	}
	return sk, nil
}

// Group returns the stored articles of group id, oldest first.
func (s *Store) Group(ctx context.Context, id string) ([]*news.Article, error) {
	return s.members(ctx, "group", `SELECT id, record FROM articles
		WHERE json_extract(record, '$.group') = ? ORDER BY published, id`, id)
}

func (s *Store) members(ctx context.Context, what, q, id string) ([]*news.Article, error) {
	rows, err := s.r.QueryContext(ctx, q, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %s %q: %w", what, id, err)
	}
	defer rows.Close()
	var out []*news.Article
	for rows.Next() {
		var aid, rec string
		if err := rows.Scan(&aid, &rec); err != nil {
			return nil, fmt.Errorf("sqlite: %s %q: %w", what, id, err)
		}
		a, err := decode(rec)
		if err != nil {
			return nil, fmt.Errorf("sqlite: %s %q: %q: %w", what, id, aid, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: %s %q: %w", what, id, err)
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
	err := s.r.QueryRowContext(ctx, `SELECT record, state FROM stories WHERE id = ?`, id).Scan(&rec, &state)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: story %q: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: story %q: %w", id, err)
	}
	sy, err := decodeStory(rec, state)
	if err != nil {
		return nil, fmt.Errorf("sqlite: story %q: %w", id, err)
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
			return store.StoryPage{}, fmt.Errorf("sqlite: list stories: %w", err)
		}
		q.after(k)
	}
	var page store.StoryPage
	last, more, err := s.page(ctx, q, pageLimit(f.Limit), func(rows *sql.Rows, k *key) error {
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
		return store.StoryPage{}, fmt.Errorf("sqlite: list stories: %w", err)
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
// batch at a time and holds no transaction while fn runs.
func (s *Store) EachStory(ctx context.Context, fn func(*store.Story) error) error {
	type item struct {
		k  key
		sy *store.Story
	}
	return walk(ctx, "each story", eachBatch,
		func(last *item) (*sql.Rows, error) {
			after := key{published: noTime}
			if last != nil {
				after = last.k
			}
			return s.r.QueryContext(ctx, `SELECT started, id, record, state FROM stories
				WHERE (started, id) > (?, ?) ORDER BY started, id LIMIT ?`,
				after.published, after.id, eachBatch)
		},
		func(rows *sql.Rows) (it item, err error) {
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
	err := s.r.QueryRowContext(ctx, `SELECT value FROM link_state WHERE name = ?`, name).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: state %q: %w", name, err)
	}
	return v, nil
}

// ResetLinks forgets every sketch, story and state blob and clears the
// link fields of every stored article, in one transaction.
func (s *Store) ResetLinks(ctx context.Context) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: reset links: %w", err)
	}
	defer tx.Rollback()
	for _, q := range []string{
		`DELETE FROM sketches`,
		`DELETE FROM stories`,
		`DELETE FROM link_state`,
		`UPDATE articles SET record = json_set(record, '$.duplicate_of', NULL, '$.group', NULL, '$.story', NULL)
			WHERE json_extract(record, '$.duplicate_of') IS NOT NULL
			OR json_extract(record, '$.group') IS NOT NULL
			OR json_extract(record, '$.story') IS NOT NULL`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("sqlite: reset links: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: reset links: %w", err)
	}
	return nil
}
