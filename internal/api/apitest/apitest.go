// Package apitest provides an in-memory article store and search for tests
// of the API and the web UI. It is not for production: every call scans all
// articles.
package apitest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"khabar/internal/news"
	"khabar/internal/search"
	"khabar/internal/store"
)

// Memory holds articles (and stories) in memory. It satisfies
// api.Articles, api.Searcher and api.Links and is safe for concurrent use.
type Memory struct {
	mu      sync.RWMutex
	arts    []*news.Article // newest published first, then by id
	byID    map[string]*news.Article
	stories map[string]*store.Story
}

// New returns a Memory holding arts.
func New(arts ...*news.Article) *Memory {
	m := &Memory{byID: make(map[string]*news.Article, len(arts))}
	for _, a := range arts {
		m.Add(a)
	}
	return m
}

// Add stores a, replacing an article of the same id.
func (m *Memory) Add(a *news.Article) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.byID[a.ID]; ok {
		m.arts = slices.DeleteFunc(m.arts, func(b *news.Article) bool { return b.ID == a.ID })
	}
	m.byID[a.ID] = a
	m.arts = append(m.arts, a)
	slices.SortStableFunc(m.arts, func(x, y *news.Article) int {
		switch {
		case x.Published.IsZero() != y.Published.IsZero():
			if x.Published.IsZero() {
				return 1
			}
			return -1
		case !x.Published.Equal(y.Published):
			return y.Published.Compare(x.Published)
		}
		return cmp.Compare(x.ID, y.ID)
	})
}

// Get returns the article with id or an error wrapping news.ErrNotFound.
func (m *Memory) Get(ctx context.Context, id string) (*news.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	a, ok := m.byID[id]
	if !ok {
		return nil, fmt.Errorf("get %q: %w", id, news.ErrNotFound)
	}
	return a, nil
}

// GetMany returns the stored articles among ids, in the order of ids.
func (m *Memory) GetMany(ctx context.Context, ids []string) ([]*news.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]*news.Article, 0, len(ids))
	for _, id := range ids {
		if a, ok := m.byID[id]; ok {
			out = append(out, a)
		}
	}
	return out, nil
}

// Count returns the number of stored articles.
func (m *Memory) Count(ctx context.Context) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.arts), nil
}

// List returns a page of articles newest first, filtered by f. Its cursors
// are offsets.
func (m *Memory) List(ctx context.Context, f store.Filter) (store.Page, error) {
	if err := ctx.Err(); err != nil {
		return store.Page{}, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	var hits []*news.Article
	for _, a := range m.arts {
		if keep(a, f.Lang, f) {
			hits = append(hits, a)
		}
	}
	page, next, err := cut(hits, f.Limit, f.Cursor)
	if err != nil {
		return store.Page{}, fmt.Errorf("list: %w: %w", store.ErrBadCursor, err)
	}
	return store.Page{Articles: page, Next: next}, nil
}

// Search returns the ids of articles whose title, English title or text
// hold every word of q.Text (case-insensitive), newest first.
func (m *Memory) Search(ctx context.Context, q search.Query) (search.Result, error) {
	if err := ctx.Err(); err != nil {
		return search.Result{}, err
	}
	words := strings.Fields(strings.ToLower(q.Text))
	m.mu.RLock()
	defer m.mu.RUnlock()
	var hits []*news.Article
	for _, a := range m.arts {
		if !keep(a, q.Lang, store.Filter{From: q.From, To: q.To}) {
			continue
		}
		hay := strings.ToLower(a.Title + "\n" + a.TitleEn + "\n" + a.Text)
		if !slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(hay, strings.Trim(w, `"+`)) }) {
			hits = append(hits, a)
		}
	}
	page, next, err := cut(hits, q.Limit, q.Cursor)
	if err != nil {
		return search.Result{}, fmt.Errorf("search: %w", err)
	}
	r := search.Result{Total: uint64(len(hits)), Next: next, IDs: make([]string, len(page))}
	for i, a := range page {
		r.IDs[i] = a.ID
	}
	return r, nil
}

// keep reports whether a passes the language and time filters.
func keep(a *news.Article, lang string, f store.Filter) bool {
	if lang != "" && a.Lang != lang {
		return false
	}
	if !f.From.IsZero() && (a.Published.IsZero() || a.Published.Before(f.From)) {
		return false
	}
	if !f.To.IsZero() && (a.Published.IsZero() || !a.Published.Before(f.To)) {
		return false
	}
	return true
}

// cut returns the page of hits at cursor (an offset) and the next cursor.
func cut(hits []*news.Article, limit int, cursor string) ([]*news.Article, string, error) {
	if limit <= 0 {
		limit = 20
	}
	off := 0
	if cursor != "" {
		n, err := strconv.Atoi(cursor)
		if err != nil || n < 0 {
			return nil, "", fmt.Errorf("bad cursor %q", cursor)
		}
		off = n
	}
	if off >= len(hits) {
		return nil, "", nil
	}
	end := min(off+limit, len(hits))
	next := ""
	if end < len(hits) {
		next = strconv.Itoa(end)
	}
	return hits[off:end], next, nil
}

// AddStory stores s, replacing a story of the same id.
func (m *Memory) AddStory(s *store.Story) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.stories == nil {
		m.stories = map[string]*store.Story{}
	}
	m.stories[s.ID] = s
}

// GetStory returns the story with id or an error wrapping
// news.ErrNotFound.
func (m *Memory) GetStory(ctx context.Context, id string) (*store.Story, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	s, ok := m.stories[id]
	if !ok {
		return nil, fmt.Errorf("story %q: %w", id, news.ErrNotFound)
	}
	return s, nil
}

// ListStories returns a page of stories, latest-ending first, filtered by
// f. Its cursors are offsets.
func (m *Memory) ListStories(ctx context.Context, f store.StoryFilter) (store.StoryPage, error) {
	if err := ctx.Err(); err != nil {
		return store.StoryPage{}, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	var hits []*store.Story
	for _, s := range m.stories {
		if f.Thread != "" && s.Thread != f.Thread {
			continue
		}
		if !f.From.IsZero() && s.End.Before(f.From) {
			continue
		}
		if !f.To.IsZero() && (s.Start.IsZero() || !s.Start.Before(f.To)) {
			continue
		}
		hits = append(hits, s)
	}
	slices.SortFunc(hits, func(a, b *store.Story) int {
		if c := b.End.Compare(a.End); c != 0 {
			return c
		}
		return cmp.Compare(b.ID, a.ID)
	})
	limit := f.Limit
	if limit <= 0 {
		limit = 20
	}
	off := 0
	if f.Cursor != "" {
		n, err := strconv.Atoi(f.Cursor)
		if err != nil || n < 0 {
			return store.StoryPage{}, fmt.Errorf("list stories: %w: %q", store.ErrBadCursor, f.Cursor)
		}
		off = min(n, len(hits))
	}
	end := min(off+limit, len(hits))
	p := store.StoryPage{Stories: hits[off:end]}
	if end < len(hits) {
		p.Next = strconv.Itoa(end)
	}
	return p, nil
}

// Group returns the articles whose group is id, oldest published first.
func (m *Memory) Group(ctx context.Context, id string) ([]*news.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	var out []*news.Article
	for i := len(m.arts) - 1; i >= 0; i-- {
		if a := m.arts[i]; id != "" && a.Group == id {
			out = append(out, a)
		}
	}
	return out, nil
}
